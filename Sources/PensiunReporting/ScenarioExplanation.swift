import PensiunScenario

/// `pensiun explain`: the resolved scenario as text, one value a line with its unit, allowed
/// values and meaning (from the table of keys) and where it came from (file:line, `--set`, or
/// default), then the scenario's warnings.
public enum ScenarioExplanation {
    public static func render(_ loaded: Scenario) -> String {
        var lines: [(path: String, text: String, source: String)] = []
        func walk(_ node: ScenarioNode, _ path: String) {
            switch node {
            case let .scalar(text, location):
                lines.append((path, "\(path) = \(text)", location.description))
            case let .sequence(items, location):
                if items.allSatisfy({ if case .scalar = $0 { return true } else { return false } }) {
                    let values = items.map { if case let .scalar(t, _) = $0 { return t } else { return "" } }
                    lines.append((path, "\(path) = [\(values.joined(separator: ", "))]", location.description))
                } else {
                    for (i, item) in items.enumerated() { walk(item, "\(path)[\(i)]") }
                }
            case let .mapping(entries, _):
                for entry in entries { walk(entry.value, path.isEmpty ? entry.key : "\(path).\(entry.key)") }
            }
        }
        walk(loaded.tree, "")
        for d in loaded.defaults { lines.append((d.key, "\(d.key) = \(d.value)", "default")) }
        let width = min(70, lines.map(\.text.count).max() ?? 0)
        var text = ""
        for line in lines {
            text += "\(Format.left(line.text, width))  # \(describe(line.path))\(line.source)\n"
        }
        for warning in loaded.warnings { text += "# warning: \(warning)\n" }
        return text
    }

    /// The unit, allowed values and meaning of the key at `path` from the table of keys, followed
    /// by `  # ` to set off the source; nothing for a key the table does not know.
    public static func describe(_ path: String) -> String {
        ScenarioKey.named(path).map { ScenarioKeyDocs.explanation($0) + "  # " } ?? ""
    }
}
