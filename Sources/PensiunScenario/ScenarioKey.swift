import PensiunEconomy
import PensiunInputs

/// One scenario key, declared once: where it sits, what it measures, what it accepts, its default
/// and what it means. The table of every key (``ScenarioKey/all``) drives the readers' messages,
/// `pensiun explain` and the key tables of docs/scenario-format.md.
public struct ScenarioKey: Sendable {
    /// The dotted key path. A segment `<name>` stands for any one key (a process, a track, a
    /// mortality basis); `[]` for any item of a list.
    public let path: String
    /// For a cell of a CSV file that the key names: the column.
    public let column: String?
    /// The unit (or shape) of the value: `rate`, `currency a month`, `years`, `by year`, ….
    public let unit: String
    /// What the value is called in messages: "a rate", "a volatility", ….
    public let noun: String
    public let domain: KeyDomain
    /// The value taken when the key is left out; nil when the key is required or its absence
    /// means "none".
    public let defaultValue: String?
    /// What the value means (with the model's symbol).
    public let meaning: String

    /// A key whose value is a mapping, list, path or text: `noun` says what it accepts.
    init(_ path: String, column: String? = nil, unit: String, _ noun: String, default defaultValue: String? = nil, _ meaning: String) {
        self.init(path, column: column, unit: unit, noun, .shape, default: defaultValue, meaning)
    }

    init(_ path: String, column: String? = nil, unit: String, _ noun: String, _ domain: KeyDomain,
         default defaultValue: String? = nil, _ meaning: String) {
        self.path = path
        self.column = column
        self.unit = unit
        self.noun = noun
        self.domain = domain
        self.defaultValue = defaultValue
        self.meaning = meaning
    }

    /// The "expected …" text of messages: the noun and the allowed values ("a rate in [0, 1]").
    public var expected: String {
        let allowed = domain.text
        return allowed.isEmpty ? noun : "\(noun) \(allowed)"
    }

    /// The section of the scenario file: the first segment of the path, or "" for a key of the
    /// top level (a path of one segment).
    public var section: String {
        let first = path.prefix { $0 != "." && $0 != "[" }
        return first.count == path.count ? "" : String(first)
    }

    /// The keys a placeholder segment of a path stands for; a placeholder not listed (`<track>`)
    /// stands for any key.
    static let placeholders: [Substring: [String]] = [
        "<process>": EconomicVariable.allCases.dropLast().map(\.key),
        "<basis>": MortalityBasisKind.allCases.map(\.key),
        "<beneficiaries>": ["pensioners", "disabled", "survivors"],
        "<rate>": CurrentSchemeSection.survivorKeys,
        "<benefit>": ["pension", "survivor"],
        "<asset>": ["equity", "bonds", "cash"],
    ]

    /// Whether the pattern segment `pattern` matches the key `segment`.
    static func segment(_ pattern: Substring, matches segment: Substring) -> Bool {
        guard pattern.hasPrefix("<"), pattern.hasSuffix(">") else { return pattern == segment }
        return placeholders[pattern].map { $0.contains(String(segment)) } ?? true
    }

    /// Whether the key path `concrete` (such as `economy.inflation.mean`, `tracks[2].name`, with
    /// by-year, by-age and by-sex keys already removed) is this key.
    func matches(_ concrete: [Substring]) -> Bool {
        let pattern = ScenarioKey.segments(path)
        guard pattern.count == concrete.count else { return false }
        return zip(pattern, concrete).allSatisfy { Self.segment($0, matches: $1) }
    }

    /// A key path split at dots, list indices written `[]`.
    static func segments(_ path: String) -> [Substring] {
        var normal = ""
        var inIndex = false
        for character in path {
            if character == "[" { inIndex = true; normal += "[]"; continue }
            if character == "]" { inIndex = false; continue }
            if !inIndex { normal.append(character) }
        }
        return normal.split(separator: ".")
    }

    /// The key of a resolved key path (as `pensiun explain` prints them): list indices, and
    /// by-year, by-age and by-sex keys, are set aside. Nil when the table has no such key.
    /// `reform.db.KEY` is `current_scheme.KEY`.
    public static func named(_ path: String) -> ScenarioKey? {
        var segments = Self.segments(path).filter { Int($0) == nil && $0 != "male" && $0 != "female" }
        if segments.starts(with: ["reform", "db"]), segments.count > 2 { segments = ["current_scheme"] + segments.dropFirst(2) }
        if let key = all.first(where: { $0.column == nil && $0.matches(segments) }) { return key }
        // A row of a list of scalars (correlation[2]) belongs to the list's key.
        if let last = segments.last, last.hasSuffix("[]") {
            let list = Array(segments.dropLast()) + [last.dropLast(2)]
            return all.first { $0.column == nil && $0.matches(list) }
        }
        return nil
    }
}
