import Foundation
import PensiunRandom

/// A value the generator produced that makes the projection meaningless (a rate ≤ −100%).
public struct EconomyPathError: Error, Equatable, CustomStringConvertible, Sendable {
    public let path: Int
    public let year: Int
    public let variable: String
    public let value: Double
    public var description: String {
        "path \(path), year \(year): \(variable) = \(value) is at or below −100%, which the model cannot project (lower the volatility or the persistence)"
    }
}

/// The economic scenario generator of docs/model.md §3.
///
/// Per path and year y = y0 … y0+H−1, with ε_y = L z_y (z_y five ziggurat normals, L L' = the
/// correlation matrix):
///
///     π_y = μ_π,y + φ_π,y (π_{y−1} − μ_π,y−1) + σ_π,y ε_π,y      (likewise g, γ and i;
///                                                               the observed value in pinned years)
///     ln(1 + e_y) = μ_e + σ_e ε_e,y                   (ε_e · √((ν−2)/W), W ~ χ²_ν, if Student t)
///     ln(1 + e_y) = m_R + s_R ε_e,y,  R = stress iff U_y < p, U_y ~ U[0, 1)    (if a mixture)
///     b_y = i_{y−1} − D (i_y − i_{y−1}),  c_y = i_{y−1} − s_c
///     W̃_y0 = 1, W̃_{y+1} = W̃_y (1+π_y)(1+g_y),  W_y = W̃_{y0 + k⌊(y−y0)/k⌋}
///     P_y0 = 1, P_{y+1} = P_y (1+π_y),  GDP_{y+1} = GDP_y (1+γ_y)(1+π_y)
///
/// Draw order on a path: per year, the five normals in vector order, then W when Student t, or U
/// when a mixture (``EquityMixture``: m_R, s_R from μ_e, σ_e, p, δ, r). Normal and Student t runs
/// draw nothing else, so they are unchanged by the mixture's existence.
public struct EconomicScenarioGenerator: Sendable {
    public let parameters: EconomyParameters
    public let startYear: Int
    public let horizon: Int
    @usableFromInline let factor: CholeskyFactor
    /// Per year t and process p (in correlation order): μ_t, φ_t, σ_t, μ_{t−1} and the pinned
    /// value (NaN when the year is not pinned), at `((t * 4 + p) * 5)`. Constant parameters give
    /// μ_{t−1} = μ_t, so the recurrence is the constant-parameter formula, bit for bit.
    let schedule: [Double]

    /// Throws ``EconomyParametersError`` listing every problem when the parameters are unusable.
    public init(parameters given: EconomyParameters, startYear: Int, horizon: Int) throws(EconomyParametersError) {
        var problems = given.problems()
        if horizon < 1 { problems.append(.init(key: "simulation.horizon", message: "must be ≥ 1 year (got \(horizon))")) }
        for (variable, process) in zip(EconomicVariable.allCases, given.processes) {
            if let problem = AR1Process.historyProblem(years: process.history.map(\.year), startYear: startYear) {
                problems.append(.init(key: "economy.\(variable.key).history", message: problem))
            }
        }
        let parameters = given.resolved(startYear: startYear, horizon: horizon)
        if given.productivity != nil, let v = parameters.realWageGrowth.mean.values.first(where: { !($0 > -1) }) {
            problems.append(.init(key: "economy.real_wage_growth.productivity",
                                  message: "gives a mean real wage growth at or below −100% (got \(v)): lower the labour-force growth or raise the gap"))
        }
        if !problems.isEmpty { throw EconomyParametersError(problems: problems) }
        do {
            factor = try CholeskyFactor(matrix: parameters.correlation)
        } catch {
            throw EconomyParametersError(problems: [.init(key: "economy.correlation", message: "\(error)")])
        }
        self.parameters = parameters
        self.startYear = startYear
        self.horizon = horizon
        schedule = Self.schedule(parameters, startYear: startYear, horizon: horizon)
    }

    /// The per-year parameters of the four AR(1) processes (``schedule``).
    static func schedule(_ p: EconomyParameters, startYear: Int, horizon: Int) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(horizon * 20)
        for t in 0..<horizon {
            let y = startYear + t
            for process in p.processes {
                out += [process.mean(y), process.persistence(y), process.volatility(y), process.mean(y - 1),
                        process.pinned(startYear: startYear, t: t) ?? .nan]
            }
        }
        return out
    }

    /// Number of GSL draws per path: 5 normals per year, plus one χ² per year under Student t or
    /// one uniform per year under a mixture.
    public var drawsPerPath: Int {
        switch parameters.equityShocks {
        case .normal: return 5 * horizon
        case .studentT, .mixture: return 6 * horizon
        }
    }

    /// Generates path `path` (its generator already seeded for that path) into slot `j` of `out`.
    /// Consumes exactly the draws listed in the type's documentation, in that order.
    ///
    /// This is the ESG's hot loop (10,000 paths × 75 years in a flagship run; see BENCHMARKS.md):
    /// the parameters and the Cholesky factor are read into locals once per path, the slot's range
    /// is checked once per path so the stores need no bounds check per value, and the wage lump is
    /// tracked by a countdown rather than a division. Each value is computed by the same operations
    /// in the same order as the formulas above, so results are bit-for-bit those of the plain form.
    public func generate(
        path: Int, slot j: Int, generator: inout RandomGenerator, into out: inout EconomicPaths
    ) throws(EconomyPathError) {
        precondition(j >= 0 && j < out.pathCount, "slot \(j) is outside the block of \(out.pathCount) paths")
        let yearBase = out.yearOffset(path: j, year: 0), indexBase = out.indexOffset(path: j, year: 0)
        let yearEnd = yearBase + horizon, indexEnd = indexBase + horizon + 1
        precondition(
            out.inflation.count >= yearEnd && out.realWageGrowth.count >= yearEnd && out.gdpGrowth.count >= yearEnd
                && out.bondYield.count >= yearEnd && out.equityReturn.count >= yearEnd
                && out.bondReturn.count >= yearEnd && out.cashReturn.count >= yearEnd
                && out.wageIndex.count >= indexEnd && out.priceIndex.count >= indexEnd && out.gdp.count >= indexEnd,
            "the series of the block are shorter than its path count and horizon")
        let failure = withSeries(
            &out.inflation, &out.realWageGrowth, &out.gdpGrowth, &out.bondYield, &out.equityReturn,
            &out.bondReturn, &out.cashReturn, &out.wageIndex, &out.priceIndex, &out.gdp
        ) { series in
            schedule.withUnsafeBufferPointer { years in
                recurrences(generator: &generator, schedule: years.baseAddress.unsafelyUnwrapped,
                            into: series.offset(years: yearBase, indices: indexBase))
            }
        }
        if let failure {
            throw EconomyPathError(
                path: path, year: startYear + failure.year, variable: failure.variable, value: failure.value)
        }
    }

    /// The recurrences of one path, written from `out` (the path's first year in every series).
    /// Returns the first year index with a rate at or below −100%, after writing that year.
    @inline(__always)
    private func recurrences(
        generator: inout RandomGenerator, schedule: UnsafePointer<Double>, into out: SeriesPointers
    ) -> (year: Int, variable: String, value: Double)? {
        let p = parameters
        var level = (p.inflation.start, p.realWageGrowth.start, p.realGDPGrowth.start, p.bondYield.start)
        var nu = 0.0
        var tScale = 0.0
        if case let .studentT(dof) = p.equityShocks { nu = dof; tScale = dof - 2 }
        // Calm (or only) regime and, under a mixture, the stress regime drawn when U < p. The
        // initialiser refused parameters without regimes, so a mixture always has them here.
        var (logMean, logVolatility) = (p.equityLogMean, p.equityLogVolatility)
        var crashProbability = 0.0
        var (stressMean, stressVolatility) = (0.0, 0.0)
        if case let .mixture(mixture) = p.equityShocks,
           let (calm, stress) = mixture.regimes(mean: logMean, volatility: logVolatility) {
            crashProbability = mixture.crashProbability
            (logMean, logVolatility) = (calm.mean, calm.volatility)
            (stressMean, stressVolatility) = (stress.mean, stress.volatility)
        }
        let (duration, spread) = (p.bondDuration, p.cashSpread)
        // L, lower triangular 5×5, row-major.
        let l = factor.lower
        let (l00, l10, l11) = (l[0], l[5], l[6])
        let (l20, l21, l22) = (l[10], l[11], l[12])
        let (l30, l31, l32, l33) = (l[15], l[16], l[17], l[18])
        let (l40, l41, l42, l43, l44) = (l[20], l[21], l[22], l[23], l[24])
        let k = p.wageLumpPeriod
        var smoothWage = 1.0, price = 1.0, gdp = p.gdpStart, lumpWage = 1.0
        var yearsToLump = 0  // 0 exactly when t % k == 0
        for t in 0..<horizon {
            let z0 = generator.normal(), z1 = generator.normal(), z2 = generator.normal()
            let z3 = generator.normal(), z4 = generator.normal()
            // ε = L z.
            let e0 = l00 * z0
            let e1 = l10 * z0 + l11 * z1
            let e2 = l20 * z0 + l21 * z1 + l22 * z2
            let e3 = l30 * z0 + l31 * z1 + l32 * z2 + l33 * z3
            var e4 = l40 * z0 + l41 * z1 + l42 * z2 + l43 * z3 + l44 * z4
            if nu > 0 {
                let w = gsl_chisq(&generator, nu)
                e4 *= (tScale / w).squareRoot()
            }
            let previousYield = level.3
            // The year's parameters (``schedule``), read through a pointer taken once per path.
            let a = schedule + t * 20
            /// x_t = μ_t + φ_t (x_{t−1} − μ_{t−1}) + σ_t ε_t, or the pinned value.
            @inline(__always) func step(_ x: Double, _ e: Double, _ o: Int) -> Double {
                let pin = a[o + 4]
                return pin.isNaN ? a[o] + a[o + 1] * (x - a[o + 3]) + a[o + 2] * e : pin
            }
            level.0 = step(level.0, e0, 0)
            level.1 = step(level.1, e1, 5)
            level.2 = step(level.2, e2, 10)
            level.3 = step(level.3, e3, 15)
            var (m, s) = (logMean, logVolatility)
            if crashProbability > 0, generator.uniform() < crashProbability { (m, s) = (stressMean, stressVolatility) }
            let equity = exp(m + s * e4) - 1
            let bond = previousYield - duration * (level.3 - previousYield)
            out.inflation[t] = level.0
            out.realWageGrowth[t] = level.1
            out.gdpGrowth[t] = level.2
            out.bondYield[t] = level.3
            out.equityReturn[t] = equity
            out.bondReturn[t] = bond
            out.cashReturn[t] = previousYield - spread
            if yearsToLump == 0 { lumpWage = smoothWage; yearsToLump = k }
            yearsToLump -= 1
            out.wageIndex[t] = lumpWage
            out.priceIndex[t] = price
            out.gdp[t] = gdp
            if level.0 <= -1 || level.1 <= -1 || level.2 <= -1 || bond <= -1 {
                return level.0 <= -1 ? (t, "inflation", level.0)
                    : level.1 <= -1 ? (t, "real_wage_growth", level.1)
                    : level.2 <= -1 ? (t, "real_gdp_growth", level.2) : (t, "bond_return", bond)
            }
            smoothWage *= (1 + level.0) * (1 + level.1)
            price *= 1 + level.0
            gdp *= (1 + level.2) * (1 + level.0)
        }
        if horizon % k == 0 { lumpWage = smoothWage }
        out.wageIndex[horizon] = lumpWage
        out.priceIndex[horizon] = price
        out.gdp[horizon] = gdp
        return nil
    }

    /// Generates paths `paths` (a block), seeding one generator per path from `seeds`.
    public func generate(
        paths: Range<Int>, seeds: PathSeeds, kind: GeneratorKind = .mt19937
    ) throws -> EconomicPaths {
        var out = EconomicPaths(firstPath: paths.lowerBound, pathCount: paths.count, horizon: horizon)
        var generator = try RandomGenerator(kind: kind, seed: 1)
        for (j, path) in paths.enumerated() {
            generator.reseed(seeds.seed(forPath: path))
            try generate(path: path, slot: j, generator: &generator, into: &out)
        }
        return out
    }

    /// The deterministic path: every shock zero (the result of an all-σ-zero run).
    public func deterministicPath() throws -> EconomicPaths {
        let generator = try EconomicScenarioGenerator(parameters: parameters.withoutShocks, startYear: startYear, horizon: horizon)
        // With zero volatilities the draws do not matter; any seed gives the same path.
        return try generator.generate(paths: 0..<1, seeds: PathSeeds(master: 0))
    }
}

/// Every problem found in economy parameters.
public struct EconomyParametersError: Error, Equatable, CustomStringConvertible, Sendable {
    public let problems: [ParameterProblem]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

@inline(__always)
private func gsl_chisq(_ generator: inout RandomGenerator, _ nu: Double) -> Double {
    // ν > 2 was validated, so the draw cannot fail.
    (try? generator.chiSquared(nu: nu)) ?? nu
}

/// Addresses of the ten series of a block (or of one path's first values in them), for stores
/// without a bounds check per value. Valid only inside `withSeries`.
private struct SeriesPointers {
    let inflation, realWageGrowth, gdpGrowth, bondYield, equityReturn, bondReturn, cashReturn: UnsafeMutablePointer<Double>
    let wageIndex, priceIndex, gdp: UnsafeMutablePointer<Double>

    /// The same series advanced to a path: year series by `years` values, index series by `indices`.
    func offset(years: Int, indices: Int) -> SeriesPointers {
        SeriesPointers(
            inflation: inflation + years, realWageGrowth: realWageGrowth + years, gdpGrowth: gdpGrowth + years,
            bondYield: bondYield + years, equityReturn: equityReturn + years, bondReturn: bondReturn + years,
            cashReturn: cashReturn + years, wageIndex: wageIndex + indices, priceIndex: priceIndex + indices,
            gdp: gdp + indices)
    }
}

/// Calls `body` with the base addresses of ten non-empty arrays, each held exclusively meanwhile.
@inline(__always)
private func withSeries<R>(
    _ a0: inout [Double], _ a1: inout [Double], _ a2: inout [Double], _ a3: inout [Double], _ a4: inout [Double],
    _ a5: inout [Double], _ a6: inout [Double], _ a7: inout [Double], _ a8: inout [Double], _ a9: inout [Double],
    _ body: (SeriesPointers) -> R
) -> R {
    a0.withUnsafeMutableBufferPointer { p0 in
    a1.withUnsafeMutableBufferPointer { p1 in
    a2.withUnsafeMutableBufferPointer { p2 in
    a3.withUnsafeMutableBufferPointer { p3 in
    a4.withUnsafeMutableBufferPointer { p4 in
    a5.withUnsafeMutableBufferPointer { p5 in
    a6.withUnsafeMutableBufferPointer { p6 in
    a7.withUnsafeMutableBufferPointer { p7 in
    a8.withUnsafeMutableBufferPointer { p8 in
    a9.withUnsafeMutableBufferPointer { p9 in
        body(SeriesPointers(
            inflation: p0.baseAddress!, realWageGrowth: p1.baseAddress!, gdpGrowth: p2.baseAddress!,
            bondYield: p3.baseAddress!, equityReturn: p4.baseAddress!, bondReturn: p5.baseAddress!,
            cashReturn: p6.baseAddress!, wageIndex: p7.baseAddress!, priceIndex: p8.baseAddress!, gdp: p9.baseAddress!))
    }}}}}}}}}}
}
