@testable import PensiunEconomy

/// A non-trivial economy for tests: distinct persistences, starts away from the means, correlations.
func testEconomy(shocks: EquityShocks = .normal, lump: Int = 1) -> EconomyParameters {
    EconomyParameters(
        inflation: AR1Process(mean: 0.03, persistence: 0.6, volatility: 0.01, start: 0.05),
        realWageGrowth: AR1Process(mean: 0.01, persistence: 0.4, volatility: 0.015, start: -0.01),
        realGDPGrowth: AR1Process(mean: 0.05, persistence: 0.5, volatility: 0.01, start: 0.04),
        bondYield: AR1Process(mean: 0.07, persistence: 0.8, volatility: 0.006, start: 0.08),
        equityLogMean: 0.08, equityLogVolatility: 0.2, equityShocks: shocks,
        bondDuration: 7, cashSpread: 0.015,
        correlation: [
            [1.0, -0.3, 0.1, 0.5, -0.1],
            [-0.3, 1.0, 0.3, -0.1, 0.1],
            [0.1, 0.3, 1.0, 0.1, 0.3],
            [0.5, -0.1, 0.1, 1.0, -0.2],
            [-0.1, 0.1, 0.3, -0.2, 1.0],
        ],
        wageLumpPeriod: lump, gdpStart: 1000)
}

/// Values of one series at year index t across all paths of the blocks.
func column(_ blocks: [EconomicPaths], _ series: KeyPath<EconomicPaths, [Double]>, year t: Int, index: Bool = false) -> [Double] {
    blocks.flatMap { b in
        (0..<b.pathCount).map { j in
            b[keyPath: series][index ? b.indexOffset(path: j, year: t) : b.yearOffset(path: j, year: t)]
        }
    }
}

func covariance(_ a: [Double], _ b: [Double]) -> Double {
    let n = Double(a.count)
    let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
    return zip(a, b).reduce(0) { $0 + ($1.0 - ma) * ($1.1 - mb) } / (n - 1)
}
