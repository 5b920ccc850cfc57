/// Reading values against the table of keys: the allowed values and the "expected …" text of
/// every message come from the key's ``ScenarioKey`` entry.
extension KeyDomain {
    /// Whether a number is allowed (words and shapes are checked by their readers).
    func accepts(_ value: Double) -> Bool {
        switch self {
        case let .numbers(range): return range.contains(value)
        case let .integers(range): return value == value.rounded() && Double(range.lowerBound) <= value && value <= Double(range.upperBound)
        case .words, .shape: return true
        }
    }

    /// Whether a whole number is allowed.
    func accepts(_ value: Int) -> Bool {
        switch self {
        case let .integers(range): return range.contains(value)
        case .numbers, .words, .shape: return accepts(Double(value))
        }
    }
}

extension YAMLCursor {
    /// A number allowed by `key`.
    func number(_ key: ScenarioKey) -> Double? {
        number(expected: key.expected, where: key.domain.accepts)
    }

    /// A whole number allowed by `key` and by `isValid` (a check across keys, such as a year within
    /// the projection).
    package func integer(_ key: ScenarioKey, where isValid: (Int) -> Bool = { _ in true }) -> Int? {
        integer(expected: key.expected) { key.domain.accepts($0) && isValid($0) }
    }

    /// Steps by age or service, each value allowed by `key`.
    func steps(_ key: ScenarioKey) -> [Double]? {
        steps(expected: key.expected, where: key.domain.accepts)
    }
}

extension YAMLCursor {
    /// One of `key`'s words, giving the value at the same place in `values` (the words in the
    /// order of the table).
    func choice<T>(_ key: ScenarioKey, _ values: [T]) -> T? {
        guard case let .words(words) = key.domain else { preconditionFailure("\(key.path) is not a choice of words") }
        precondition(words.count == values.count, "\(key.path): \(words.count) words, \(values.count) values")
        return choice(Array(zip(words, values)))
    }
}

extension Section {
    /// The entry for `key` (named `name`, by default the last segment of the key's path),
    /// recording "missing key (expected …)" at the mapping when absent.
    func required(_ key: ScenarioKey, as name: String? = nil) -> YAMLCursor? {
        required(name ?? String(key.path.split(separator: ".").last ?? ""), expected: key.expected)
    }
}

extension CSVTable {
    /// The number in `column` of `row`, allowed by `key`.
    func number(_ row: (line: Int, fields: [String]), _ column: String, _ key: ScenarioKey) -> Double? {
        number(row, column, expected: key.expected, where: key.domain.accepts)
    }

    /// The whole number in `column` of `row`, allowed by `key`.
    func integer(_ row: (line: Int, fields: [String]), _ column: String, _ key: ScenarioKey,
                 where isValid: (Int) -> Bool = { _ in true }) -> Int? {
        integer(row, column, expected: key.expected) { key.domain.accepts($0) && isValid($0) }
    }
}
