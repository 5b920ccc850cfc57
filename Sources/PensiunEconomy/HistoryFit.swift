import Foundation

/// An annual history of the generator's variables (docs/model.md §3, "Fitting the generator to a
/// history"): increasing calendar years, and per variable present a value or nil (missing) per
/// year. Rates are decimals; equity holds e_y, the annual total return.
public struct EconomicHistory: Sendable, Equatable {
    public let years: [Int]
    /// Values of the variables that have a column, each aligned with ``years``.
    public let values: [EconomicVariable: [Double?]]

    public init(years: [Int], values: [EconomicVariable: [Double?]]) {
        precondition(values.values.allSatisfy { $0.count == years.count }, "every series has one value per year")
        self.years = years
        self.values = values
    }

    /// (y, x_{y−1}, x_y) for every year y whose value and the value of y − 1 are both present.
    public func consecutivePairs(_ variable: EconomicVariable) -> [(year: Int, previous: Double, value: Double)] {
        guard let series = values[variable] else { return [] }
        return years.indices.dropFirst().compactMap { i in
            guard years[i] == years[i - 1] + 1, let previous = series[i - 1], let value = series[i] else { return nil }
            return (years[i], previous, value)
        }
    }

    /// The present values of `variable`, with their years.
    public func observations(_ variable: EconomicVariable) -> [(year: Int, value: Double)] {
        guard let series = values[variable] else { return [] }
        return years.indices.compactMap { i in series[i].map { (years[i], $0) } }
    }
}

/// Every estimate of the generator's parameters from an ``EconomicHistory``: an ``AR1Estimate`` per
/// AR(1) variable with a column, a ``LogNormalEstimate`` for equity, and the correlation matrix of
/// the shocks, estimated pairwise from the residuals:
///
///     ρ̂_jk = Σ (r_j − r̄_j)(r_k − r̄_k) / √(Σ (r_j − r̄_j)² Σ (r_k − r̄_k)²)
///
/// over the n_jk years where both variables have a residual (r̄ the means over those years), with
/// the large-sample standard error se(ρ̂) ≈ (1 − ρ̂²)/√n_jk. A pair with fewer than
/// ``minimumCorrelationYears`` common years, or a variable without a column, is left at 0 (and
/// flagged). Pairwise estimates need not form a positive definite matrix: ``correlationProblem``
/// says so when they do not.
public struct HistoryFit: Sendable {
    /// The last observed value of a variable, the `start:` of a projection beginning the next year.
    public struct Observation: Sendable, Equatable {
        public let year: Int
        public let value: Double
    }

    /// An estimate that failed, and the variable it concerns.
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public let variable: EconomicVariable
        public let problem: AR1Estimate.Problem
        public var description: String { "\(variable.key): \(problem)" }
    }

    /// Fewest common years for a correlation to be estimated.
    public static let minimumCorrelationYears = 5

    /// AR(1) estimates of the variables that have values (not equity).
    public let processes: [EconomicVariable: AR1Estimate]
    /// The estimate of ln(1 + e), when the history has an equity column.
    public let equity: LogNormalEstimate?
    /// Last observed value of each AR(1) variable fitted.
    public let last: [EconomicVariable: Observation]
    /// 5 × 5 in the order of ``EconomicVariable``; 1 on the diagonal, 0 where not estimated.
    public let correlation: [[Double]]
    /// Standard errors of the estimated correlations (nil where not estimated or diagonal).
    public let correlationSE: [[Double?]]
    /// n_jk, the common years of each pair of residual series (n on the diagonal).
    public let correlationCounts: [[Int]]
    /// nil when ``correlation`` is a valid correlation matrix (``CorrelationCheck``).
    public var correlationProblem: String? { CorrelationCheck.problem(correlation) }

    /// Fits every variable of `history` that has a value (a column of empty cells counts as no
    /// column); throws for the first variable (in correlation order) that cannot be fitted.
    public init(history: EconomicHistory) throws(Failure) {
        var processes: [EconomicVariable: AR1Estimate] = [:]
        var last: [EconomicVariable: Observation] = [:]
        var residuals: [EconomicVariable: [Int: Double]] = [:]
        var equity: LogNormalEstimate?
        for variable in EconomicVariable.allCases where history.values[variable]?.contains(where: { $0 != nil }) == true {
            do {
                if variable == .equity {
                    let fit = try LogNormalEstimate(returns: history.observations(.equity))
                    equity = fit
                    residuals[variable] = Dictionary(uniqueKeysWithValues: zip(fit.years, fit.residuals))
                } else {
                    let fit = try AR1Estimate(pairs: history.consecutivePairs(variable))
                    processes[variable] = fit
                    residuals[variable] = Dictionary(uniqueKeysWithValues: zip(fit.years, fit.residuals))
                    last[variable] = history.observations(variable).last.map { Observation(year: $0.year, value: $0.value) }
                }
            } catch {
                throw Failure(variable: variable, problem: error)
            }
        }
        let all = EconomicVariable.allCases
        var rho = EconomyParameters.uncorrelated
        var se = [[Double?]](repeating: [Double?](repeating: nil, count: all.count), count: all.count)
        var counts = [[Int]](repeating: [Int](repeating: 0, count: all.count), count: all.count)
        for j in all {
            for k in all where k.rawValue >= j.rawValue {
                guard let rj = residuals[j], let rk = residuals[k] else { continue }
                let common = rj.keys.filter { rk[$0] != nil }.sorted()
                let xs = common.compactMap { rj[$0] }, ys = common.compactMap { rk[$0] }
                counts[j.rawValue][k.rawValue] = common.count
                counts[k.rawValue][j.rawValue] = common.count
                guard j != k, common.count >= Self.minimumCorrelationYears,
                      let r = Self.pearson(xs, ys) else { continue }
                rho[j.rawValue][k.rawValue] = r
                rho[k.rawValue][j.rawValue] = r
                let error = (1 - r * r) / Double(common.count).squareRoot()
                se[j.rawValue][k.rawValue] = error
                se[k.rawValue][j.rawValue] = error
            }
        }
        self.processes = processes
        self.equity = equity
        self.last = last
        self.correlation = rho
        self.correlationSE = se
        self.correlationCounts = counts
    }

    /// The sample correlation of `a` and `b` (equal lengths); nil when either does not vary.
    static func pearson(_ a: [Double], _ b: [Double]) -> Double? {
        let n = Double(a.count)
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for (x, y) in zip(a, b) {
            sab += (x - ma) * (y - mb)
            saa += (x - ma) * (x - ma)
            sbb += (y - mb) * (y - mb)
        }
        guard saa > 0, sbb > 0 else { return nil }
        return min(1, max(-1, sab / (saa * sbb).squareRoot()))
    }
}
