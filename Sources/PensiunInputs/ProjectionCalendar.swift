import PensiunRandom

/// Calendar and randomness.
public struct ProjectionCalendar: Sendable, Equatable {
    /// y0, the first projected year.
    public var startYear: Int
    /// H, the number of projected years.
    public var horizon: Int
    /// The last age of every age grid ω: q = 1 there (from the mortality table or 130 for laws).
    public var maximumAge: Int
    /// The GSL generator algorithm.
    public var generator: GeneratorKind

    public init(startYear: Int, horizon: Int, maximumAge: Int, generator: GeneratorKind = .mt19937) {
        self.startYear = startYear
        self.horizon = horizon
        self.maximumAge = maximumAge
        self.generator = generator
    }
}
