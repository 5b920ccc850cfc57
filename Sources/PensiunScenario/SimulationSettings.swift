import PensiunRandom

/// The `simulation` section: calendar, paths and randomness.
public struct SimulationSettings: Sendable, Equatable {
    /// y0, the first projected calendar year.
    public var startYear: Int
    /// H, the number of projected years (y0 … y0+H−1).
    public var horizon: Int
    /// P, the default number of Monte Carlo paths (`--paths` overrides it).
    public var paths: Int
    /// The master seed (`--seed` overrides it).
    public var seed: UInt64
    /// The GSL generator algorithm.
    public var generator: GeneratorKind

    public init(startYear: Int, horizon: Int, paths: Int, seed: UInt64, generator: GeneratorKind = .mt19937) {
        self.startYear = startYear
        self.horizon = horizon
        self.paths = paths
        self.seed = seed
        self.generator = generator
    }
}
