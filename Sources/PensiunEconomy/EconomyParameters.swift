import Foundation
import PensiunRandom

/// x_y = μ_y + φ_y (x_{y−1} − μ_{y−1}) + σ_y ε_y, a first-order autoregressive process in its
/// deviation form with a moving mean (docs/model.md §3); with constant parameters, the familiar
/// x_y = μ + φ (x_{y−1} − μ) + σ ε_y. Observed values may be pinned for the first projected years
/// (``history``): every path takes them, and the process continues from the last of them.
public struct AR1Process: Sendable, Equatable {
    /// Mean μ_y (annual rate, e.g. 0.03 = 3%), by year.
    public var mean: Dated
    /// Persistence φ_y, |φ| ≤ 1 (1 = random walk is allowed), by year.
    public var persistence: Dated
    /// Volatility σ_y ≥ 0 of the annual shock (annual rate), by year.
    public var volatility: Dated
    /// The value in year y0 − 1, the year before the projection starts.
    public var start: Double
    /// Observed values of the first projected years y0, y0 + 1, … (consecutive from y0): in those
    /// years x_y is the observed value on every path (their shocks are still drawn, and discarded).
    public var history: [Dated.Point]

    public init(mean: Dated, persistence: Dated, volatility: Dated, start: Double, history: [Dated.Point] = []) {
        self.mean = mean
        self.persistence = persistence
        self.volatility = volatility
        self.start = start
        self.history = history.sorted { $0.year < $1.year }
    }

    /// Constant parameters, no history.
    public init(mean: Double, persistence: Double, volatility: Double, start: Double) {
        self.init(mean: Dated(mean), persistence: Dated(persistence), volatility: Dated(volatility), start: start)
    }

    /// Why `years` cannot be the pinned history of a projection starting in `startYear` (nil when
    /// they can): the years run consecutively from y0 (from their first year when `startYear` is
    /// nil). The one statement of the rule, for the scenario reader and the generator.
    public static func historyProblem(years: [Int], startYear: Int?) -> String? {
        guard let first = years.first else { return nil }
        let from = startYear ?? first
        guard years != Array(from..<(from + years.count)) else { return nil }
        let given = years.map(String.init).joined(separator: ", ")
        return startYear.map { "expected consecutive years from simulation.start_year \($0), got \(given)" }
            ?? "expected consecutive years, got \(given)"
    }

    /// The pinned value of year y0 + t, if any (``history``).
    public func pinned(startYear: Int, t: Int) -> Double? {
        t >= 0 && t < history.count && history[t].year == startYear + t ? history[t].value : nil
    }

    /// E[x_{y0+t}] for t = 0 … horizon − 1: E_y = μ_y + φ_y (E_{y−1} − μ_{y−1}) from E_{y0−1} =
    /// x_{y0−1}, the observed value in pinned years. With constant parameters and no history,
    /// μ + φ^{t+1}(x_{y0−1} − μ).
    public func expectedValues(startYear: Int, horizon: Int) -> [Double] {
        var e = start, out: [Double] = []
        for t in 0..<max(0, horizon) {
            let y = startYear + t
            e = pinned(startYear: startYear, t: t) ?? mean(y) + persistence(y) * (e - mean(y - 1))
            out.append(e)
        }
        return out
    }

    /// Var[x_{y0+t}] for t = 0 … horizon − 1: V_y = φ_y² V_{y−1} + σ_y² from V_{y0−1} = 0, and 0 in
    /// pinned years. With constant parameters and no history, σ² Σ_{k=0}^{t} φ^{2k}.
    public func variances(startYear: Int, horizon: Int) -> [Double] {
        var v = 0.0, out: [Double] = []
        for t in 0..<max(0, horizon) {
            let y = startYear + t
            let phi = persistence(y), sigma = volatility(y)
            v = pinned(startYear: startYear, t: t) != nil ? 0 : phi * phi * v + sigma * sigma
            out.append(v)
        }
        return out
    }

    /// E[x_{y0+t}] = μ + φ^{t+1}(x_{y0−1} − μ), t = 0, 1, …, for constant parameters and no
    /// history (the long-run values of dated ones).
    public func expectedValue(afterYears t: Int) -> Double {
        mean.last + pow(persistence.last, Double(t + 1)) * (start - mean.last)
    }

    /// Var[x_{y0+t}] = σ² Σ_{k=0}^{t} φ^{2k} (fixed start value, no variance at y0 − 1), for
    /// constant parameters and no history.
    public func variance(afterYears t: Int) -> Double {
        let phi = persistence.last, sigma = volatility.last
        var sum = 0.0, power = 1.0
        for _ in 0...t { sum += power; power *= phi * phi }
        return sigma * sigma * sum
    }
}

/// How equity shocks are distributed.
public enum EquityShocks: Sendable, Equatable, Codable {
    /// ε_e normal, as the other variables.
    case normal
    /// ε_e ← ε_e · √((ν − 2)/W), W ~ χ²_ν per path and year (ν > 2): a unit-variance Student t.
    case studentT(degreesOfFreedom: Double)
    /// ln(1 + e) a two-regime normal mixture whose overall mean and volatility are still μ_e and
    /// σ_e (``EquityMixture``): fat tails whose E[1 + e] is finite.
    case mixture(EquityMixture)
}

/// A two-regime normal mixture of the equity log return (docs/model.md §3, "Fat tails with
/// finite means").
///
/// Each year of each path is a stress ("crash") year with probability p, independently of every
/// other year and variable, and a calm year otherwise. Given the regime R,
/// ln(1 + e) = m_R + s_R ε_e, with ε_e the same correlated normal as under normal shocks. The
/// scenario's μ_e and σ_e keep their meaning, the overall mean and standard deviation of
/// ln(1 + e); the mixture changes only the shape, through p, the mean shift δ = m_s − m_c and the
/// volatility ratio r = s_s / s_c:
///
///     m_c = μ_e − p δ,            m_s = μ_e + (1 − p) δ             (so (1 − p) m_c + p m_s = μ_e)
///     s_c² = (σ_e² − p(1 − p) δ²) / (1 − p + p r²),   s_s = r s_c   (so the variance is σ_e²)
///
/// The calm variance must be positive: |δ| < σ_e / √(p(1 − p)). With σ_e = 0 there is no equity
/// risk and both regimes are (μ_e, 0), whatever p, δ and r (the deterministic path).
public struct EquityMixture: Sendable, Equatable, Codable {
    /// p ∈ (0, 1): the probability that a year is a stress year.
    public var crashProbability: Double
    /// δ = m_s − m_c: the stress regime's mean of ln(1 + e) less the calm regime's.
    public var meanShift: Double
    /// r = s_s / s_c > 0: the stress regime's volatility over the calm regime's.
    public var volatilityRatio: Double

    public init(crashProbability: Double, meanShift: Double, volatilityRatio: Double) {
        self.crashProbability = crashProbability
        self.meanShift = meanShift
        self.volatilityRatio = volatilityRatio
    }

    /// One regime: ln(1 + e) ~ N(mean, volatility²).
    public struct Regime: Sendable, Equatable {
        public let mean: Double
        public let volatility: Double
    }

    /// The calm and stress regimes of a mixture with overall mean `mean` (μ_e) and standard
    /// deviation `volatility` (σ_e), by the formulas of the type; nil when the calm variance
    /// σ_e² − p(1 − p)δ² is not positive (σ_e > 0) or a parameter is out of range.
    public func regimes(mean mu: Double, volatility sigma: Double) -> (calm: Regime, stress: Regime)? {
        let p = crashProbability, delta = meanShift, r = volatilityRatio
        guard p > 0, p < 1, r > 0, r.isFinite, delta.isFinite, mu.isFinite, sigma >= 0, sigma.isFinite else { return nil }
        if sigma == 0 { return (Regime(mean: mu, volatility: 0), Regime(mean: mu, volatility: 0)) }
        let calmVariance = (sigma * sigma - p * (1 - p) * delta * delta) / (1 - p + p * r * r)
        guard calmVariance > 0, calmVariance.isFinite else { return nil }
        let calm = calmVariance.squareRoot()
        return (Regime(mean: mu - p * delta, volatility: calm), Regime(mean: mu + (1 - p) * delta, volatility: r * calm))
    }

    /// Every problem with the mixture as (key below `economy.equity`, message): p outside (0, 1),
    /// r not positive, δ not finite, or (σ_e > 0) a calm variance σ_e² − p(1 − p)δ² that is not
    /// positive, reported once at `crash_mean_shift`.
    public func problems(logVolatility sigma: Double) -> [(key: String, message: String)] {
        var found: [(key: String, message: String)] = []
        let p = crashProbability, delta = meanShift, r = volatilityRatio
        if !(p > 0 && p < 1) { found.append(("crash_probability", "must lie in (0, 1) (got \(p))")) }
        if !(r > 0) || !r.isFinite { found.append(("crash_volatility_ratio", "must be > 0 (got \(r))")) }
        if !delta.isFinite { found.append(("crash_mean_shift", "must be a finite number (got \(delta))")) }
        if found.isEmpty, let message = calmVarianceProblem(logVolatility: sigma) {
            found.append(("crash_mean_shift", message))
        }
        return found
    }

    /// nil when the calm regime has a positive variance (or σ_e = 0); otherwise the sentence that
    /// says which |δ| would do. p, r and δ must be in range.
    public func calmVarianceProblem(logVolatility sigma: Double) -> String? {
        guard sigma > 0, sigma.isFinite else { return nil }
        let p = crashProbability, delta = meanShift
        if sigma * sigma - p * (1 - p) * delta * delta > 0 { return nil }
        func short(_ x: Double) -> String { String(format: "%.6g", x) }
        return "leaves the calm regime no variance: with crash_probability p = \(p) and log_volatility σ_e = \(sigma), the shift alone gives ln(1 + e) a variance p(1 − p)δ² = \(short(p * (1 - p) * delta * delta)), not below σ_e² = \(short(sigma * sigma)) (expected |crash_mean_shift| < σ_e/√(p(1 − p)) = \(short(largestMeanShift(volatility: sigma))), got \(delta))"
    }

    /// The largest |δ| that leaves the calm regime a positive variance: σ_e / √(p(1 − p)).
    public func largestMeanShift(volatility sigma: Double) -> Double {
        sigma / (crashProbability * (1 - crashProbability)).squareRoot()
    }
}

/// Closed-form moments of the equity log return ln(1 + e) in one year, and E[1 + e]
/// (docs/model.md §3). The regime is independent of ε_e, so with weights w_R, regime means m_R,
/// volatilities s_R and d_R = m_R − μ_e:
///
///     E[(X − μ_e)²] = Σ w_R (s_R² + d_R²),   E[(X − μ_e)³] = Σ w_R (d_R³ + 3 d_R s_R²)
///     E[(X − μ_e)⁴] = Σ w_R (d_R⁴ + 6 d_R² s_R² + 3 s_R⁴),   E[1 + e] = Σ w_R exp(m_R + s_R²/2)
///
/// (one regime (μ_e, σ_e) under normal shocks). Under Student t shocks the kurtosis is
/// 3 + 6/(ν − 4) (infinite for ν ≤ 4) and E[1 + e] is infinite when σ_e > 0.
public struct EquityLogReturnMoments: Sendable, Equatable {
    /// E[ln(1 + e)] = μ_e.
    public let mean: Double
    /// Var[ln(1 + e)] = σ_e².
    public let variance: Double
    /// E[(X − μ)³] / σ³; 0 when σ_e = 0.
    public let skewness: Double
    /// E[(X − μ)⁴] / σ⁴ (3 for a normal); 3 when σ_e = 0.
    public let kurtosis: Double
    /// E[1 + e], +∞ when it does not exist.
    public let expectedGrossReturn: Double
}

/// The variables of the economic scenario generator, in the order of the correlation matrix.
public enum EconomicVariable: Int, CaseIterable, Sendable {
    case inflation, realWageGrowth, realGDPGrowth, bondYield, equity

    /// The scenario key of the variable.
    public var key: String {
        switch self {
        case .inflation: return "inflation"
        case .realWageGrowth: return "real_wage_growth"
        case .realGDPGrowth: return "real_gdp_growth"
        case .bondYield: return "bond_yield"
        case .equity: return "equity"
        }
    }
}

/// Everything the economic scenario generator needs (docs/model.md §3), in annual rates.
public struct EconomyParameters: Sendable, Equatable {
    /// Inflation π_y (CPI, annual rate).
    public var inflation: AR1Process
    /// Real growth g_y of the salary table (annual rate).
    public var realWageGrowth: AR1Process
    /// Real GDP growth γ_y (annual rate).
    public var realGDPGrowth: AR1Process
    /// Nominal long bond yield i_y at the end of year y (annual rate).
    public var bondYield: AR1Process
    /// μ_e: mean of ln(1 + e_y), the equity log total return.
    public var equityLogMean: Double
    /// σ_e: volatility of ln(1 + e_y).
    public var equityLogVolatility: Double
    /// Distribution of the equity shock.
    public var equityShocks: EquityShocks
    /// D: modified duration of the bond portfolio, in years.
    public var bondDuration: Double
    /// s_c: cash return = previous yield − s_c (annual rate).
    public var cashSpread: Double
    /// Correlation matrix of (π, g, γ, i, e), 5 × 5, symmetric positive definite.
    public var correlation: [[Double]]
    /// Period k (years) of salary-table changes; 1 = every year (smooth).
    public var wageLumpPeriod: Int
    /// Nominal GDP of the first projection year y0, in currency units.
    public var gdpStart: Double
    /// When set, the mean real growth of the salary table follows productivity and
    /// `realWageGrowth.mean` is not used (``ProductivityLink``).
    public var productivity: ProductivityLink?

    public init(
        inflation: AR1Process, realWageGrowth: AR1Process, realGDPGrowth: AR1Process,
        bondYield: AR1Process, equityLogMean: Double, equityLogVolatility: Double,
        equityShocks: EquityShocks = .normal, bondDuration: Double, cashSpread: Double,
        correlation: [[Double]], wageLumpPeriod: Int = 1, gdpStart: Double, productivity: ProductivityLink? = nil
    ) {
        self.inflation = inflation
        self.realWageGrowth = realWageGrowth
        self.realGDPGrowth = realGDPGrowth
        self.bondYield = bondYield
        self.equityLogMean = equityLogMean
        self.equityLogVolatility = equityLogVolatility
        self.equityShocks = equityShocks
        self.bondDuration = bondDuration
        self.cashSpread = cashSpread
        self.correlation = correlation
        self.wageLumpPeriod = wageLumpPeriod
        self.gdpStart = gdpStart
        self.productivity = productivity
    }

    /// The same economy with every dated mean of years `startYear − 1 ..< startYear + horizon`
    /// resolved: the salary table's mean growth from ``productivity`` (then nil) when it is set.
    /// The generator projects these parameters.
    public func resolved(startYear: Int, horizon: Int) -> EconomyParameters {
        guard let link = productivity else { return self }
        var p = self
        let years = (startYear - 1)..<(startYear + max(horizon, 0))
        p.realWageGrowth.mean = Dated(points: years.map { y in
            Dated.Point(year: y, value: link.wageMean(gdpMean: realGDPGrowth.mean(y), year: y))
        }, interpolation: .step)
        p.productivity = nil
        return p
    }

    /// The long-run mean real growth of the salary table: its mean from the last dated point on,
    /// or the productivity link's at the long-run GDP growth.
    public var longRunRealWageGrowth: Double {
        guard let link = productivity else { return realWageGrowth.mean.last }
        return ProductivityLink.wageMean(gdpMean: realGDPGrowth.mean.last, labourForceGrowth: link.labourForceGrowth.last,
                                         gap: link.gap.last)
    }

    /// The same economy with every shock switched off (all σ zero, normal equity shocks): its
    /// single path is the deterministic path of docs/model.md §3, where ln(1 + e) = μ_e every year
    /// whatever the equity shocks (a mixture with σ_e = 0 collapses to its overall mean μ_e).
    public var withoutShocks: EconomyParameters {
        var p = self
        p.inflation.volatility = Dated(0)
        p.realWageGrowth.volatility = Dated(0)
        p.realGDPGrowth.volatility = Dated(0)
        p.bondYield.volatility = Dated(0)
        p.equityLogVolatility = 0
        p.equityShocks = .normal
        return p
    }

    /// The closed-form moments of ln(1 + e) and E[1 + e] under the equity shocks
    /// (``EquityLogReturnMoments``); nil when the parameters are unusable (see ``problems(keyPrefix:)``).
    public var equityLogReturnMoments: EquityLogReturnMoments? {
        let mu = equityLogMean, sigma = equityLogVolatility
        guard mu.isFinite, sigma >= 0, sigma.isFinite else { return nil }
        let regimes: [(weight: Double, mean: Double, volatility: Double)]
        switch equityShocks {
        case .normal:
            regimes = [(1, mu, sigma)]
        case let .studentT(nu):
            guard nu > 2, nu.isFinite else { return nil }
            let riskless = sigma == 0
            return EquityLogReturnMoments(
                mean: mu, variance: sigma * sigma, skewness: 0,
                kurtosis: riskless ? 3 : nu > 4 ? 3 + 6 / (nu - 4) : .infinity,
                expectedGrossReturn: riskless ? exp(mu) : .infinity)
        case let .mixture(mixture):
            guard let (calm, stress) = mixture.regimes(mean: mu, volatility: sigma) else { return nil }
            let p = mixture.crashProbability
            regimes = [(1 - p, calm.mean, calm.volatility), (p, stress.mean, stress.volatility)]
        }
        var m2 = 0.0, m3 = 0.0, m4 = 0.0, gross = 0.0
        for r in regimes {
            let d = r.mean - mu, s2 = r.volatility * r.volatility
            m2 += r.weight * (s2 + d * d)
            m3 += r.weight * (d * d * d + 3 * d * s2)
            m4 += r.weight * (d * d * d * d + 6 * d * d * s2 + 3 * s2 * s2)
            gross += r.weight * exp(r.mean + s2 / 2)
        }
        return EquityLogReturnMoments(
            mean: mu, variance: m2, skewness: m2 > 0 ? m3 / (m2 * m2.squareRoot()) : 0,
            kurtosis: m2 > 0 ? m4 / (m2 * m2) : 3, expectedGrossReturn: gross)
    }

    /// The four AR(1) processes in correlation order.
    public var processes: [AR1Process] { [inflation, realWageGrowth, realGDPGrowth, bondYield] }

    /// The identity correlation matrix of the five variables.
    public static let uncorrelated: [[Double]] = (0..<5).map { i in (0..<5).map { $0 == i ? 1.0 : 0.0 } }

    /// Every problem with the parameters, each with the key path it concerns
    /// (e.g. `economy.inflation.volatility`). Empty when the parameters are usable.
    public func problems(keyPrefix: String = "economy") -> [ParameterProblem] {
        var found: [ParameterProblem] = []
        func add(_ key: String, _ message: String) { found.append(.init(key: "\(keyPrefix).\(key)", message: message)) }
        for (variable, process) in zip(EconomicVariable.allCases, processes) {
            let k = variable.key
            for (name, values) in [("mean", process.mean.values), ("persistence", process.persistence.values),
                                   ("volatility", process.volatility.values), ("start", [process.start]),
                                   ("history", process.history.map(\.value))] {
                guard let v = values.first(where: { !$0.isFinite }) else { continue }
                add("\(k).\(name)", "must be a finite number (got \(v))")
            }
            if let v = process.volatility.values.first(where: { $0 < 0 }) {
                add("\(k).volatility", "must be ≥ 0 (expected a volatility, got \(v))")
            }
            if let v = process.persistence.values.first(where: { !($0 >= -1 && $0 <= 1) }) {
                add("\(k).persistence", "must lie in [−1, 1] (got \(v))")
            }
            if let v = (process.mean.values + [process.start]).first(where: { $0 <= -1 }) {
                add("\(k).mean", "rates must exceed −100% (got \(v))")
            }
            if let v = process.history.first(where: { $0.value <= -1 }) {
                add("\(k).history.\(v.year)", "rates must exceed −100% (got \(v.value))")
            }
            if let problem = AR1Process.historyProblem(years: process.history.map(\.year), startYear: nil) {
                add("\(k).history", problem)
            }
        }
        if let link = productivity {
            for (name, values) in [("labour_force_growth", link.labourForceGrowth.values), ("gap", link.gap.values)] {
                if let v = values.first(where: { !$0.isFinite || $0 <= -1 }) {
                    add("real_wage_growth.productivity.\(name)", "must be a finite rate above −100% (got \(v))")
                }
            }
        }
        if !equityLogMean.isFinite { add("equity.log_mean", "must be a finite number (got \(equityLogMean))") }
        if !(equityLogVolatility >= 0) || !equityLogVolatility.isFinite {
            add("equity.log_volatility", "must be ≥ 0 (expected a volatility, got \(equityLogVolatility))")
        }
        if case let .studentT(nu) = equityShocks, !(nu > 2) || !nu.isFinite {
            add("equity.degrees_of_freedom", "must be > 2 for a Student t with finite variance (got \(nu))")
        }
        if case let .mixture(mixture) = equityShocks {
            for (key, message) in mixture.problems(logVolatility: equityLogVolatility) { add("equity.\(key)", message) }
        }
        if !(bondDuration >= 0) || !bondDuration.isFinite {
            add("bond_duration", "must be ≥ 0 years (got \(bondDuration))")
        }
        if !cashSpread.isFinite { add("cash_spread", "must be a finite number (got \(cashSpread))") }
        if wageLumpPeriod < 1 { add("wage_index.lump_period", "must be ≥ 1 year (got \(wageLumpPeriod))") }
        if !(gdpStart > 0) || !gdpStart.isFinite { add("gdp_start", "must be > 0 (got \(gdpStart))") }
        if let message = CorrelationCheck.problem(correlation) { add("correlation", message) }
        return found
    }
}

/// One problem found in a set of parameters: the scenario key path and what is wrong.
public struct ParameterProblem: Sendable, Equatable, CustomStringConvertible {
    public let key: String
    public let message: String
    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }
    public var description: String { "\(key): \(message)" }
}

/// Checks that a matrix is a valid correlation matrix.
public enum CorrelationCheck {
    /// nil when `matrix` is a 5 × 5 symmetric positive definite matrix with unit diagonal and
    /// entries in [−1, 1]; otherwise a sentence saying what is wrong.
    public static func problem(_ matrix: [[Double]]) -> String? {
        let n = EconomicVariable.allCases.count
        guard matrix.count == n, matrix.allSatisfy({ $0.count == n }) else {
            return "must be a 5×5 matrix in the order inflation, real_wage_growth, real_gdp_growth, bond_yield, equity (got \(matrix.count) rows of lengths \(matrix.map(\.count)))"
        }
        for i in 0..<n where matrix[i][i] != 1 {
            return "diagonal entries must be 1 (expected 1, got \(matrix[i][i]) in row \(i + 1))"
        }
        for i in 0..<n {
            for j in 0..<n where !(abs(matrix[i][j]) <= 1) {
                return "entries must lie in [−1, 1] (got \(matrix[i][j]) in row \(i + 1), column \(j + 1))"
            }
        }
        do {
            _ = try CholeskyFactor(matrix: matrix)
        } catch {
            return "must be symmetric positive definite (expected a valid correlation matrix): \(error)"
        }
        return nil
    }
}
