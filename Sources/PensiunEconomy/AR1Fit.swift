import Foundation

/// Least-squares estimate of an ``AR1Process`` from consecutive annual pairs (docs/model.md §3,
/// "Fitting the generator to a history").
///
/// With n pairs (x_{y−1}, x_y), written (u_i, v_i), ū and v̄ their means,
/// S_uu = Σ (u_i − ū)² and S_uv = Σ (u_i − ū)(v_i − v̄), ordinary least squares of
/// v = a + φ u + r gives
///
///     φ̂ = S_uv / S_uu,   â = v̄ − φ̂ ū,   r_i = v_i − â − φ̂ u_i,   s² = Σ r_i² / (n − 2)
///     se(φ̂) = s / √S_uu,   se(â) = s √(1/n + ū²/S_uu)
///     μ̂ = â / (1 − φ̂),   se(μ̂) = s / |1 − φ̂| · √(1/n + (ū − μ̂)²/S_uu)   (delta method)
///     σ̂ = s,   se(σ̂) ≈ s / √(2 (n − 2))                                   (normal shocks)
///
/// The delta-method form follows from ∂μ/∂a = 1/(1 − φ), ∂μ/∂φ = μ/(1 − φ) and
/// Cov(â, φ̂) = −ū s²/S_uu. Standard errors are conditional on the first value and assume
/// homoscedastic shocks; φ̂ is biased towards 0 by about (1 + 3φ)/n in short samples.
public struct AR1Estimate: Sendable, Equatable {
    /// n, the number of consecutive pairs used.
    public let pairs: Int
    /// The years y of the pairs (x_{y−1}, x_y), increasing.
    public let years: [Int]
    /// â, the intercept, and its standard error.
    public let intercept: Double, interceptSE: Double
    /// φ̂, the persistence, and its standard error.
    public let persistence: Double, persistenceSE: Double
    /// μ̂ = â / (1 − φ̂), the long-run mean, and its delta-method standard error.
    public let mean: Double, meanSE: Double
    /// σ̂, the residual standard deviation (n − 2 degrees of freedom), and its standard error.
    public let volatility: Double, volatilitySE: Double
    /// The residuals r_y, one per pair, in the order of ``years``.
    public let residuals: [Double]

    /// Fewest pairs accepted: n − 2 = 3 degrees of freedom for σ̂.
    public static let minimumPairs = 5

    /// Why pairs cannot be fitted.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case tooFewPairs(Int)
        case tooFewObservations(Int)
        case constantPredecessor
        case notStationary(Double)

        public var description: String {
            switch self {
            case let .tooFewPairs(n):
                return "too few consecutive years to fit an AR(1) (expected at least \(AR1Estimate.minimumPairs) pairs of consecutive years, got \(n))"
            case let .tooFewObservations(n):
                return "too few years to fit (expected at least \(LogNormalEstimate.minimumObservations) values, got \(n))"
            case .constantPredecessor:
                return "the values do not vary, so persistence cannot be estimated (expected at least two different values)"
            case let .notStationary(phi):
                return "the fitted persistence \(phi) is outside (−1, 1), so there is no long-run mean (expected a stationary history; set the process by hand)"
            }
        }
    }

    /// Fits pairs `(year, previous, value)`: x_{year−1} and x_year.
    public init(pairs: [(year: Int, previous: Double, value: Double)]) throws(Problem) {
        let n = pairs.count
        guard n >= Self.minimumPairs else { throw .tooFewPairs(n) }
        let count = Double(n)
        let uBar = pairs.reduce(0) { $0 + $1.previous } / count
        let vBar = pairs.reduce(0) { $0 + $1.value } / count
        var suu = 0.0, suv = 0.0
        for pair in pairs {
            suu += (pair.previous - uBar) * (pair.previous - uBar)
            suv += (pair.previous - uBar) * (pair.value - vBar)
        }
        guard suu > 0 else { throw .constantPredecessor }
        let phi = suv / suu
        guard phi > -1, phi < 1 else { throw .notStationary(phi) }
        let a = vBar - phi * uBar
        let residuals = pairs.map { $0.value - a - phi * $0.previous }
        let s = (residuals.reduce(0) { $0 + $1 * $1 } / (count - 2)).squareRoot()
        let mu = a / (1 - phi)
        self.pairs = n
        self.years = pairs.map(\.year)
        self.intercept = a
        self.interceptSE = s * (1 / count + uBar * uBar / suu).squareRoot()
        self.persistence = phi
        self.persistenceSE = s / suu.squareRoot()
        self.mean = mu
        self.meanSE = s / abs(1 - phi) * (1 / count + (uBar - mu) * (uBar - mu) / suu).squareRoot()
        self.volatility = s
        self.volatilitySE = s / (2 * (count - 2)).squareRoot()
        self.residuals = residuals
    }
}

/// Mean and standard deviation of the equity log return ln(1 + e_y), the i.i.d. model of
/// docs/model.md §3:
///
///     μ̂_e = (1/n) Σ l_y,   σ̂_e² = Σ (l_y − μ̂_e)² / (n − 1),   l_y = ln(1 + e_y)
///     se(μ̂_e) = σ̂_e / √n,   se(σ̂_e) ≈ σ̂_e / √(2 (n − 1))
///
/// The residuals are l_y − μ̂_e.
public struct LogNormalEstimate: Sendable, Equatable {
    public let observations: Int
    public let years: [Int]
    public let logMean: Double, logMeanSE: Double
    public let logVolatility: Double, logVolatilitySE: Double
    public let residuals: [Double]

    /// Fewest annual returns accepted.
    public static let minimumObservations = AR1Estimate.minimumPairs

    /// Fits the returns `(year, e)`; every e must exceed −1.
    public init(returns: [(year: Int, value: Double)]) throws(AR1Estimate.Problem) {
        let n = returns.count
        guard n >= Self.minimumObservations else { throw .tooFewObservations(n) }
        let logs = returns.map { log1p($0.value) }
        let count = Double(n)
        let mean = logs.reduce(0, +) / count
        let residuals = logs.map { $0 - mean }
        let sd = (residuals.reduce(0) { $0 + $1 * $1 } / (count - 1)).squareRoot()
        observations = n
        years = returns.map(\.year)
        logMean = mean
        logMeanSE = sd / count.squareRoot()
        logVolatility = sd
        logVolatilitySE = sd / (2 * (count - 1)).squareRoot()
        self.residuals = residuals
    }
}
