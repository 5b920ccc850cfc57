import Foundation

/// The key tables of docs/scenario-format.md, made from ``ScenarioKey/all``: one Markdown table per
/// section, each between a begin and an end marker so that the prose around it is kept.
/// `ScenarioKeyDocsTests` fails when the file differs; `PENSIUN_UPDATE_DOCS=1` rewrites it.
public enum ScenarioKeyDocs {
    /// The sections of the table in order; "" is the top level.
    public static var sections: [String] {
        var seen: [String] = []
        for key in ScenarioKey.all where !seen.contains(key.section) { seen.append(key.section) }
        return seen
    }

    static func label(_ section: String) -> String { section.isEmpty ? "top level" : section }

    public static func beginMarker(_ section: String) -> String {
        "<!-- BEGIN GENERATED keys of \(label(section)): from ScenarioKey.all; regenerate with PENSIUN_UPDATE_DOCS=1 swift test --filter ScenarioKeyDocsTests -->"
    }

    public static func endMarker(_ section: String) -> String { "<!-- END GENERATED keys of \(label(section)) -->" }

    /// One line on `key` for `pensiun explain`: unit and allowed values, then the meaning
    /// ("rate (−1, 1]; μ, the long-run mean").
    public static func explanation(_ key: ScenarioKey) -> String {
        let head = [key.unit, allowed(key.domain)].filter { !$0.isEmpty }.joined(separator: " ")
        return head.isEmpty ? key.meaning : "\(head); \(key.meaning)"
    }

    /// The Markdown table of `section`.
    public static func table(_ section: String) -> String {
        var lines = ["| key | unit | allowed | default | meaning |", "|---|---|---|---|---|"]
        for key in ScenarioKey.all where key.section == section {
            let shownDefault = key.defaultValue.map { $0.contains(" ") ? $0 : "`\($0)`" } ?? ""
            let cells = [name(key), key.unit, allowed(key.domain), shownDefault, key.meaning]
            lines.append("| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// The key as the section's table shows it: the path below the section, and the CSV column.
    static func name(_ key: ScenarioKey) -> String {
        var path = Substring(key.path)
        if !key.section.isEmpty {
            path = path.dropFirst(key.section.count)
            if path.hasPrefix("[]") { path = path.dropFirst(2) }
            if path.hasPrefix(".") { path = path.dropFirst() }
        }
        let shown = path.isEmpty ? "(the file)" : "`\(path)`"
        return key.column.map { "\(shown) column `\($0)`" } ?? shown
    }

    /// The allowed values in table form: `[0, 1]`, `1–200`, `≥ 0`, `` `normal`, `student_t` ``.
    static func allowed(_ domain: KeyDomain) -> String {
        switch domain {
        case let .numbers(range):
            return String(range.text.dropFirst(3))
        case let .integers(range):
            let separator = range.lowerBound < 0 ? " … " : "–"
            return range.upperBound == Int.max ? domain.text
                : NumberRange.format(Double(range.lowerBound)) + separator + NumberRange.format(Double(range.upperBound))
        case let .words(words):
            return words.map { "`\($0)`" }.joined(separator: ", ")
        case .shape:
            return ""
        }
    }

    /// `text` (the contents of docs/scenario-format.md) with every generated block replaced by the
    /// current table. Sections without both markers are listed in `missing`.
    public static func updating(_ text: String) -> (text: String, missing: [String]) {
        var result = text
        var missing: [String] = []
        for section in sections {
            guard let begin = result.range(of: beginMarker(section)),
                  let end = result.range(of: endMarker(section), range: begin.upperBound..<result.endIndex) else {
                missing.append(label(section))
                continue
            }
            result.replaceSubrange(begin.upperBound..<end.lowerBound, with: "\n" + table(section) + "\n")
        }
        return (result, missing)
    }
}
