import PensiunRandom

/// Reads the `simulation` section into ``SimulationSettings``: calendar, paths and randomness.
enum SimulationSection {
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
