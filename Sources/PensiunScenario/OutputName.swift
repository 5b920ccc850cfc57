/// The rule for the `name` of a scenario or a sweep, which becomes a folder under `Outputs/`
/// (`Outputs/<name>/`, `Outputs/sweeps/<name>/`): a name must never point outside that folder,
/// into another run's, or be something the file system refuses.
///
/// A name is 1 to ``maximumBytes`` bytes of ASCII letters, digits, `.`, `_` and `-`, and does not
/// start with a dot (so `.`, `..`, `../x`, `a/b`, hidden folders and the empty name are all
/// refused). An explicit `name:` that breaks the rule is an error; a name taken from the file name
/// is made to follow it instead (``fromFileName(_:)``).
public enum OutputName {
    /// The longest name, in bytes (a file-system component may hold 255; the rest is left for
    /// suffixes such as `-shard-3`).
    public static let maximumBytes = 100

    /// What is allowed, for messages.
    static let rule = "at most \(maximumBytes) ASCII letters, digits, '.', '_' or '-', not starting with '.'"

    /// Whether `byte` may appear in a name.
    static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// Why `name` is not a valid name (an "expected …, got …" message), or nil when it is.
    public static func problem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        if bytes.isEmpty { return "expected a name of \(rule), got an empty value" }
        if bytes.count > maximumBytes { return "expected a name of \(rule), got \(bytes.count) bytes" }
        if let bad = name.unicodeScalars.first(where: { !$0.isASCII || !isAllowed(UInt8($0.value)) }) {
            return "expected a name of \(rule), got '\(name)' (with '\(bad)')"
        }
        if bytes[0] == UInt8(ascii: ".") { return "expected a name of \(rule), got '\(name)' (starting with '.')" }
        return nil
    }

    /// The default name for the file at `path`: its last component without the extension (the text
    /// from its last dot, unless that dot starts it), with
    /// every byte that is not allowed (and a leading dot) replaced by `-`, cut to
    /// ``maximumBytes``; `scenario` when nothing is left. Never fails.
    public static func fromFileName(_ path: String) -> String {
        let component = path.split(separator: "/").last.map(String.init) ?? ""
        let stem = component.lastIndex(of: ".").map { $0 == component.startIndex ? component : String(component[..<$0]) } ?? component
        var bytes = stem.unicodeScalars.map { $0.isASCII && isAllowed(UInt8($0.value)) ? UInt8($0.value) : UInt8(ascii: "-") }
        if bytes.first == UInt8(ascii: ".") { bytes[0] = UInt8(ascii: "-") }
        let safe = String(decoding: bytes.prefix(maximumBytes), as: UTF8.self)
        return safe.isEmpty ? "scenario" : safe
    }
}

extension Section {
    /// The `name:` of a scenario or sweep read from `file`: the explicit name when it follows
    /// ``OutputName``'s rule (recording a located problem when it does not, and returning nil), or
    /// the default made from the file name.
    package func outputName(file: String) -> String? {
        guard let node = self["name"] else { return OutputName.fromFileName(file) }
        guard let text = node.scalarText(expected: "a name of \(OutputName.rule)") else { return nil }
        if let problem = OutputName.problem(text) {
            node.fail(problem)
            return nil
        }
        return text
    }
}
