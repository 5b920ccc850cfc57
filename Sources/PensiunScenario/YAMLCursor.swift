import Foundation

/// A position in a scenario tree: a node (which knows its file, line and column) and its key
/// path. Reading methods record problems in the shared log and return nil instead of throwing,
/// so that one pass finds every problem.
package struct YAMLCursor {
    package let node: ScenarioNode
    package let keyPath: String
    let log: DiagnosticLog

    package init(node: ScenarioNode, keyPath: String, log: DiagnosticLog) {
        self.node = node
        self.keyPath = keyPath
        self.log = log
    }

    var file: String { node.location.file }

    /// Records `message` at this node.
    package func fail(_ message: String) {
        let l = node.location
        log.add(.init(file: l.file, line: l.line, column: l.column, keyPath: keyPath, message: message))
    }

    /// A short rendering of the node for "got …" in messages.
    package var shown: String {
        switch node {
        case let .scalar(text, _): return text.isEmpty ? "an empty value" : "'\(text)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// The child cursor for a value at `path`.
    func child(_ value: ScenarioNode, path: String) -> YAMLCursor {
        YAMLCursor(node: value, keyPath: path, log: log)
    }

    /// The entries of a mapping whose keys are all in `allowed`; unknown keys are reported with
    /// the nearest valid key. Returns nil (and records a problem) when the node is not a mapping.
    package func mapping(allowed: [String]) -> Section? {
        guard case let .mapping(map, _) = node else {
            fail("expected a mapping with keys \(allowed.joined(separator: ", ")), got \(shown)")
            return nil
        }
        var entries: [(String, YAMLCursor)] = []
        var seen = Set<String>()
        for (key, keyLocation, value) in map {
            let path = keyPath.isEmpty ? key : "\(keyPath).\(key)"
            let keyCursor = YAMLCursor(node: .scalar(key, keyLocation), keyPath: path, log: log)
            if !allowed.contains(key) {
                var message = "unknown key '\(key)'"
                if let suggestion = KeySuggestion.nearest(to: key, in: allowed) {
                    message += " (did you mean '\(suggestion)'?)"
                } else {
                    message += " (expected one of \(allowed.joined(separator: ", ")))"
                }
                keyCursor.fail(message)
                continue
            }
            if !seen.insert(key).inserted {
                keyCursor.fail("duplicate key '\(key)' (each key may appear once in a mapping)")
                continue
            }
            entries.append((key, YAMLCursor(node: value, keyPath: path, log: log)))
        }
        return Section(cursor: self, entries: entries)
    }

    /// The items of a sequence, each with its index in the key path.
    package func sequence() -> [YAMLCursor]? {
        guard case let .sequence(items, _) = node else {
            fail("expected a list, got \(shown)")
            return nil
        }
        return items.enumerated().map { index, item in
            YAMLCursor(node: item, keyPath: "\(keyPath)[\(index)]", log: log)
        }
    }

    /// The scalar text, or nil (recorded) for a mapping or list.
    func scalarText(expected: String) -> String? {
        guard case let .scalar(text, _) = node else {
            fail("expected \(expected), got \(shown)")
            return nil
        }
        return text
    }

    /// A finite number. Accepts `_` as a digit separator and a trailing `%` (3% = 0.03).
    package func number(expected: String = "a number") -> Double? {
        guard let text = scalarText(expected: expected) else { return nil }
        guard let value = YAMLCursor.parseNumber(text), value.isFinite else {
            fail("expected \(expected), got \(shown)")
            return nil
        }
        return value
    }

    /// A number satisfying `isValid`, described by `expected` in the message otherwise.
    package func number(expected: String, where isValid: (Double) -> Bool) -> Double? {
        guard let value = number(expected: expected) else { return nil }
        guard isValid(value) else {
            fail("out of range (expected \(expected), got \(YAMLCursor.format(value)))")
            return nil
        }
        return value
    }

    /// A whole number satisfying `isValid`.
    package func integer(expected: String, where isValid: (Int) -> Bool = { _ in true }) -> Int? {
        guard let text = scalarText(expected: expected) else { return nil }
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
            fail("expected \(expected), got \(shown)")
            return nil
        }
        guard isValid(value) else {
            fail("out of range (expected \(expected), got \(value))")
            return nil
        }
        return value
    }

    /// A non-empty string.
    package func string(expected: String = "a text") -> String? {
        guard let text = scalarText(expected: expected), !text.isEmpty else {
            if case .scalar = node { fail("expected \(expected), got an empty value") }
            return nil
        }
        return text
    }

    /// One of a fixed set of words.
    package func choice<T>(_ options: [(String, T)]) -> T? {
        let names = options.map(\.0)
        guard let text = scalarText(expected: "one of \(names.joined(separator: ", "))") else { return nil }
        if let match = options.first(where: { $0.0 == text }) { return match.1 }
        var message = "expected one of \(names.joined(separator: ", ")), got '\(text)'"
        if let suggestion = KeySuggestion.nearest(to: text, in: names) { message += " (did you mean '\(suggestion)'?)" }
        fail(message)
        return nil
    }

    package static func parseNumber(_ raw: String) -> Double? {
        var text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
        var scale = 1.0
        if text.hasSuffix("%") {
            text.removeLast()
            scale = 0.01
        }
        guard !text.isEmpty, let value = Double(text) else { return nil }
        return canonical(value * scale)
    }

    /// `x`, with −0 read as +0: a scenario's zero is one value, so inputs that are equal as
    /// numbers are equal bit for bit (a sweep's reuse of equal inputs, ``ProjectionCache``, then
    /// cannot depend on which variant ran first).
    package static func canonical(_ x: Double) -> Double { x == 0 ? 0 : x }

    /// A number as written into a scenario: whole numbers without a decimal point, others in
    /// Swift's shortest round-trip form.
    package static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// The checked entries of a mapping.
package struct Section {
    let cursor: YAMLCursor
    package let entries: [(String, YAMLCursor)]

    package subscript(key: String) -> YAMLCursor? { entries.first { $0.0 == key }?.1 }

    /// The one entry of `keys` the mapping gives (alternatives such as {growth: …} or {series: …}),
    /// recording a problem when it gives none or more than one.
    func exactlyOne(of keys: [String], expected: String) -> (key: String, value: YAMLCursor)? {
        let given = keys.filter { self[$0] != nil }
        if given.count == 1, let value = self[given[0]] { return (given[0], value) }
        if let second = given.dropFirst().first, let value = self[second] {
            value.fail("give one of \(keys.joined(separator: ", ")), not several (got \(given.joined(separator: " and ")))")
        } else {
            cursor.fail("expected \(expected), got an empty mapping")
        }
        return nil
    }

    /// The entry `key`, recording "missing key" at the mapping when absent.
    package func required(_ key: String, expected: String) -> YAMLCursor? {
        if let entry = self[key] { return entry }
        let path = cursor.keyPath.isEmpty ? key : "\(cursor.keyPath).\(key)"
        let l = cursor.node.location
        cursor.log.add(.init(file: l.file, line: l.line, column: l.column, keyPath: path,
                             message: "missing key (expected \(expected))"))
        return nil
    }
}
