/// A parameter whose value changes over time: values keyed by the calendar year from which they
/// take effect (as OpenFisca keys parameters by date). The value in year y is the one of the
/// latest key ≤ y; years before the first key take the first value.
public struct ByYear<Value: Sendable & Equatable>: Sendable, Equatable {
    /// (effective year, value), sorted by year, years distinct, at least one entry.
    public let steps: [(year: Int, value: Value)]

    public init(_ value: Value) { steps = [(Int.min, value)] }

    /// `steps` must be non-empty; they are sorted by year here.
    public init(steps: [(year: Int, value: Value)]) {
        precondition(!steps.isEmpty, "a by-year parameter needs at least one value")
        self.steps = steps.sorted { $0.year < $1.year }
    }

    /// The value in force in `year`.
    public func callAsFunction(_ year: Int) -> Value {
        var current = steps[0].value
        for step in steps where step.year <= year { current = step.value }
        return current
    }

    /// The values for years `start ..< start + count`, dense.
    public func dense(from start: Int, count: Int) -> [Value] {
        (0..<count).map { self(start + $0) }
    }

    public static func == (a: ByYear, b: ByYear) -> Bool {
        a.steps.count == b.steps.count && zip(a.steps, b.steps).allSatisfy { $0.year == $1.year && $0.value == $1.value }
    }
}
