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

/// The economic scenario generator of MODEL.md §3.
///
/// Per path and year y = y0 … y0+H−1, with ε_y = L z_y (z_y five ziggurat normals, L L' = the
/// correlation matrix):
///
///     π_y = μ_π + φ_π (π_{y−1} − μ_π) + σ_π ε_π,y      (likewise g, γ and i)
///     ln(1 + e_y) = μ_e + σ_e ε_e,y                   (ε_e · √((ν−2)/W), W ~ χ²_ν, if Student t)
///     b_y = i_{y−1} − D (i_y − i_{y−1}),  c_y = i_{y−1} − s_c
///     W̃_y0 = 1, W̃_{y+1} = W̃_y (1+π_y)(1+g_y),  W_y = W̃_{y0 + k⌊(y−y0)/k⌋}
///     P_y0 = 1, P_{y+1} = P_y (1+π_y),  GDP_{y+1} = GDP_y (1+γ_y)(1+π_y)
///
/// Draw order on a path: per year, the five normals in vector order, then W when Student t.
public struct EconomicScenarioGenerator: Sendable {
    public let parameters: EconomyParameters
    public let startYear: Int
    public let horizon: Int
    @usableFromInline let factor: CholeskyFactor

    /// Throws ``EconomyParametersError`` listing every problem when the parameters are unusable.
    public init(parameters: EconomyParameters, startYear: Int, horizon: Int) throws(EconomyParametersError) {
        var problems = parameters.problems()
        if horizon < 1 { problems.append(.init(key: "simulation.horizon", message: "must be ≥ 1 year (got \(horizon))")) }
        if !problems.isEmpty { throw EconomyParametersError(problems: problems) }
        do {
            factor = try CholeskyFactor(matrix: parameters.correlation)
        } catch {
            throw EconomyParametersError(problems: [.init(key: "economy.correlation", message: "\(error)")])
        }
        self.parameters = parameters
        self.startYear = startYear
        self.horizon = horizon
    }

    /// Number of GSL draws per path: 5 normals per year, plus one χ² per year under Student t.
    public var drawsPerPath: Int {
        if case .studentT = parameters.equityShocks { return 6 * horizon }
        return 5 * horizon
    }

    /// Generates path `path` (its generator already seeded for that path) into slot `j` of `out`.
    /// Consumes exactly the draws listed in the type's documentation, in that order.
    public func generate(
        path: Int, slot j: Int, generator: inout RandomGenerator, into out: inout EconomicPaths
    ) throws(EconomyPathError) {
        let p = parameters
        let processes = p.processes
        var level = (processes[0].start, processes[1].start, processes[2].start, processes[3].start)
        let mu = (processes[0].mean, processes[1].mean, processes[2].mean, processes[3].mean)
        let phi = (processes[0].persistence, processes[1].persistence, processes[2].persistence, processes[3].persistence)
        let sigma = (processes[0].volatility, processes[1].volatility, processes[2].volatility, processes[3].volatility)
        var nu = 0.0
        var tScale = 0.0
        if case let .studentT(dof) = p.equityShocks { nu = dof; tScale = dof - 2 }
        let k = p.wageLumpPeriod
        var smoothWage = 1.0, price = 1.0, gdp = p.gdpStart, lumpWage = 1.0
        let base = out.yearOffset(path: j, year: 0)
        let indexBase = out.indexOffset(path: j, year: 0)
        var z = (0.0, 0.0, 0.0, 0.0, 0.0)
        let L = factor.lower
        for t in 0..<horizon {
            z.0 = generator.normal(); z.1 = generator.normal(); z.2 = generator.normal()
            z.3 = generator.normal(); z.4 = generator.normal()
            // ε = L z, L lower triangular 5×5 (row-major).
            let e0 = L[0] * z.0
            let e1 = L[5] * z.0 + L[6] * z.1
            let e2 = L[10] * z.0 + L[11] * z.1 + L[12] * z.2
            let e3 = L[15] * z.0 + L[16] * z.1 + L[17] * z.2 + L[18] * z.3
            var e4 = L[20] * z.0 + L[21] * z.1 + L[22] * z.2 + L[23] * z.3 + L[24] * z.4
            if nu > 0 {
                let w = gsl_chisq(&generator, nu)
                e4 *= (tScale / w).squareRoot()
            }
            let previousYield = level.3
            level.0 = mu.0 + phi.0 * (level.0 - mu.0) + sigma.0 * e0
            level.1 = mu.1 + phi.1 * (level.1 - mu.1) + sigma.1 * e1
            level.2 = mu.2 + phi.2 * (level.2 - mu.2) + sigma.2 * e2
            level.3 = mu.3 + phi.3 * (level.3 - mu.3) + sigma.3 * e3
            let equity = exp(p.equityLogMean + p.equityLogVolatility * e4) - 1
            let bond = previousYield - p.bondDuration * (level.3 - previousYield)
            let o = base + t
            out.inflation[o] = level.0
            out.realWageGrowth[o] = level.1
            out.gdpGrowth[o] = level.2
            out.bondYield[o] = level.3
            out.equityReturn[o] = equity
            out.bondReturn[o] = bond
            out.cashReturn[o] = previousYield - p.cashSpread
            if t % k == 0 { lumpWage = smoothWage }
            out.wageIndex[indexBase + t] = lumpWage
            out.priceIndex[indexBase + t] = price
            out.gdp[indexBase + t] = gdp
            if level.0 <= -1 || level.1 <= -1 || level.2 <= -1 || bond <= -1 {
                let (name, value) = level.0 <= -1 ? ("inflation", level.0)
                    : level.1 <= -1 ? ("real_wage_growth", level.1)
                    : level.2 <= -1 ? ("real_gdp_growth", level.2) : ("bond_return", bond)
                throw EconomyPathError(path: path, year: startYear + t, variable: name, value: value)
            }
            smoothWage *= (1 + level.0) * (1 + level.1)
            price *= 1 + level.0
            gdp *= (1 + level.2) * (1 + level.0)
        }
        if horizon % k == 0 { lumpWage = smoothWage }
        out.wageIndex[indexBase + horizon] = lumpWage
        out.priceIndex[indexBase + horizon] = price
        out.gdp[indexBase + horizon] = gdp
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
        var zeroVolatility = parameters
        zeroVolatility.inflation.volatility = 0
        zeroVolatility.realWageGrowth.volatility = 0
        zeroVolatility.realGDPGrowth.volatility = 0
        zeroVolatility.bondYield.volatility = 0
        zeroVolatility.equityLogVolatility = 0
        zeroVolatility.equityShocks = .normal
        let generator = try EconomicScenarioGenerator(parameters: zeroVolatility, startYear: startYear, horizon: horizon)
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
