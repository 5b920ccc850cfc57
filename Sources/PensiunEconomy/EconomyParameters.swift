import Foundation
import PensiunRandom

/// x_y = μ + φ (x_{y−1} − μ) + σ ε_y, a first-order autoregressive process (docs/model.md §3).
public struct AR1Process: Sendable, Equatable, Codable {
    /// Long-run mean μ (annual rate, e.g. 0.03 = 3%).
    public var mean: Double
    /// Persistence φ, |φ| < 1 for a stationary process (1 = random walk is allowed).
    public var persistence: Double
    /// Volatility σ of the annual shock (annual rate), σ ≥ 0.
    public var volatility: Double
    /// The value in year y0 − 1, the year before the projection starts.
    public var start: Double

    public init(mean: Double, persistence: Double, volatility: Double, start: Double) {
        self.mean = mean
        self.persistence = persistence
        self.volatility = volatility
        self.start = start
    }

    /// E[x_{y0+t}] = μ + φ^{t+1}(x_{y0−1} − μ), t = 0, 1, …
    public func expectedValue(afterYears t: Int) -> Double {
        mean + pow(persistence, Double(t + 1)) * (start - mean)
    }

    /// Var[x_{y0+t}] = σ² Σ_{k=0}^{t} φ^{2k} (fixed start value, no variance at y0 − 1).
    public func variance(afterYears t: Int) -> Double {
        var sum = 0.0, power = 1.0
        for _ in 0...t { sum += power; power *= persistence * persistence }
        return volatility * volatility * sum
    }
}

/// How equity shocks are distributed.
public enum EquityShocks: Sendable, Equatable, Codable {
    /// ε_e normal, as the other variables.
    case normal
    /// ε_e ← ε_e · √((ν − 2)/W), W ~ χ²_ν per path and year (ν > 2): a unit-variance Student t.
    case studentT(degreesOfFreedom: Double)
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

    public init(
        inflation: AR1Process, realWageGrowth: AR1Process, realGDPGrowth: AR1Process,
        bondYield: AR1Process, equityLogMean: Double, equityLogVolatility: Double,
        equityShocks: EquityShocks = .normal, bondDuration: Double, cashSpread: Double,
        correlation: [[Double]], wageLumpPeriod: Int = 1, gdpStart: Double
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
    }

    /// The same economy with every shock switched off (all σ zero, normal equity shocks): its
    /// single path is the deterministic path of docs/model.md §3.
    public var withoutShocks: EconomyParameters {
        var p = self
        p.inflation.volatility = 0
        p.realWageGrowth.volatility = 0
        p.realGDPGrowth.volatility = 0
        p.bondYield.volatility = 0
        p.equityLogVolatility = 0
        p.equityShocks = .normal
        return p
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
            for (name, value) in [("mean", process.mean), ("persistence", process.persistence),
                                  ("volatility", process.volatility), ("start", process.start)]
                where !value.isFinite {
                add("\(k).\(name)", "must be a finite number (got \(value))")
            }
            if process.volatility < 0 {
                add("\(k).volatility", "must be ≥ 0 (expected a volatility, got \(process.volatility))")
            }
            if !(process.persistence >= -1 && process.persistence <= 1) {
                add("\(k).persistence", "must lie in [−1, 1] (got \(process.persistence))")
            }
            if process.mean <= -1 || process.start <= -1 {
                add("\(k).mean", "rates must exceed −100% (got mean \(process.mean), start \(process.start))")
            }
        }
        if !equityLogMean.isFinite { add("equity.log_mean", "must be a finite number (got \(equityLogMean))") }
        if !(equityLogVolatility >= 0) || !equityLogVolatility.isFinite {
            add("equity.log_volatility", "must be ≥ 0 (expected a volatility, got \(equityLogVolatility))")
        }
        if case let .studentT(nu) = equityShocks, !(nu > 2) || !nu.isFinite {
            add("equity.degrees_of_freedom", "must be > 2 for a Student t with finite variance (got \(nu))")
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
