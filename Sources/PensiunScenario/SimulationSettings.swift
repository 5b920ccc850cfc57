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

    static let keys = ["start_year", "horizon", "paths", "seed", "generator"]

    static func read(_ cursor: YAMLCursor) -> SimulationSettings? {
        guard let section = cursor.mapping(allowed: keys) else { return nil }
        let start = section.required(.startYear)?.integer(.startYear)
        let horizon = section.required(.horizon)?.integer(.horizon)
        let paths = section.required(.paths)?.integer(.paths)
        let seed = section.required(.seed)?.integer(.seed)
        var generator = GeneratorKind.mt19937
        if let entry = section["generator"] {
            guard let kind = entry.choice(GeneratorKind.allCases.map { ($0.rawValue, $0) }) else { return nil }
            generator = kind
        }
        guard let start, let horizon, let paths, let seed else { return nil }
        return SimulationSettings(startYear: start, horizon: horizon, paths: paths, seed: UInt64(seed), generator: generator)
    }
}
