import Yams

/// One YAML document read into a ``ScenarioNode`` tree, within ``ScenarioLimits``: every problem
/// is `FILE:LINE:COL: not valid YAML (<problem>)`, with no excerpt of the text.
enum YAMLDocument {
    /// The tree of `text`, or nil when the document is empty. `file` names it in locations.
    static func parse(text: String, file: String) throws(ScenarioError) -> ScenarioNode? {
        if let place = firstControlCharacter(in: text) {
            throw invalid(file, place.position, "control character \(place.code) is not allowed")
        }
        if let place = AliasKeyScan.firstComplexKey(in: text) {
            throw invalid(file, place, "a key that is an alias, a list or a mapping; scenario keys are plain names")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw ScenarioError([diagnostic(error, text: text, file: file)])
        }
        guard let node else { return nil }
        var builder = Builder(file: file)
        return try builder.build(node, depth: 1)
    }

    /// The first character YAML does not allow in a document (C0 and C1 controls other than tab,
    /// line feed, carriage return and next line; DEL; U+FFFE and U+FFFF), where it is and its code.
    static func firstControlCharacter(in text: String) -> (position: TextPosition, code: String)? {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let allowed = v == 0x09 || v == 0x0A || v == 0x0D || v == 0x85
                || (0x20...0x7E).contains(v) || (0xA0...0xFFFD).contains(v) || v >= 0x10000
            if !allowed {
                let hex = String(v, radix: 16, uppercase: true)
                return (TextPosition(line: line, column: column), "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex)
            }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return nil
    }

    /// The located, content-free diagnostic of a Yams error (Yams's own descriptions quote the text).
    static func diagnostic(_ error: any Error, text: String, file: String) -> ScenarioDiagnostic {
        guard let yaml = error as? YamlError else { return located(file, line: nil, column: nil, "unreadable") }
        switch yaml {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            let shown = problem.hasPrefix("Maximum nesting level")
                ? "lists and mappings nested deeper than \(ScenarioLimits.depth) levels" : problem
            return located(file, TextPosition(line: mark.line, column: mark.column), shown)
        case let .reader(problem, offset, _, _):
            let position = TextPosition(after: text.prefix(offset ?? 0).unicodeScalars)
            return located(file, position, problem)
        case let .duplicatedKeysInMapping(_, context):
            // The key is not named: the file may not be a scenario (a base that is some other text).
            return located(file, TextPosition(line: context.mark.line, column: context.mark.column),
                           "this key appears again in the same mapping; each key may appear once")
        default:
            return located(file, line: nil, column: nil, "unreadable")
        }
    }

    static func located(_ file: String, _ position: TextPosition, _ problem: String) -> ScenarioDiagnostic {
        located(file, line: position.line, column: position.column, problem)
    }

    /// The one shape of every YAML problem: `FILE:LINE:COL: not valid YAML (<problem>)`.
    static func located(_ file: String, line: Int?, column: Int?, _ problem: String) -> ScenarioDiagnostic {
        .init(file: file, line: line, column: column, keyPath: "", message: "not valid YAML (\(problem))")
    }

    static func invalid(_ file: String, _ position: TextPosition, _ problem: String) -> ScenarioError {
        ScenarioError([located(file, position, problem)])
    }

    /// Converts Yams nodes, counting every node made (an alias is expanded where it is used, so a
    /// "billion laughs" document is refused after ``ScenarioLimits/nodes`` nodes, not after
    /// gigabytes) and refusing nesting past ``ScenarioLimits/depth``.
    struct Builder {
        let file: String
        private(set) var count = 0

        init(file: String) { self.file = file }

        mutating func build(_ node: Node, depth: Int) throws(ScenarioError) -> ScenarioNode {
            let location = self.location(node.mark)
            count += 1
            if count > ScenarioLimits.nodes {
                throw refusal(location, "more than \(ScenarioLimits.nodes) values, counting each use of an alias")
            }
            if depth > ScenarioLimits.depth {
                throw refusal(location, "lists and mappings nested deeper than \(ScenarioLimits.depth) levels")
            }
            switch node {
            case let .scalar(s):
                return .scalar(s.string, location)
            case let .mapping(m):
                var entries: [(key: String, keyLocation: SourceLocation, value: ScenarioNode)] = []
                entries.reserveCapacity(m.count)
                for (key, value) in m {
                    count += 1
                    let built = try build(value, depth: depth + 1)
                    entries.append((key: key.string ?? "", keyLocation: self.location(key.mark), value: built))
                }
                return .mapping(entries, location)
            case let .sequence(items):
                var built: [ScenarioNode] = []
                built.reserveCapacity(items.count)
                for item in items { built.append(try build(item, depth: depth + 1)) }
                return .sequence(built, location)
            case let .alias(a):
                return .scalar(a.anchor.rawValue, location)
            }
        }

        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(file: file, line: mark?.line, column: mark?.column)
        }

        func refusal(_ location: SourceLocation, _ problem: String) -> ScenarioError {
            ScenarioError([YAMLDocument.located(file, line: location.line, column: location.column, problem)])
        }
    }
}
