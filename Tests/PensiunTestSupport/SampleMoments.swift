/// Sample moments for statistical tests: every check compares an estimate with its analytic value
/// within 4 standard errors, so a wrong formula fails while a right one passes with probability
/// 1 − 6e-5 (and the fixed seeds make the outcome repeatable).
public struct SampleMoments {
    public let values: [Double]
    public init(values: [Double]) { self.values = values }
    public var n: Double { Double(values.count) }
    public var mean: Double { values.reduce(0, +) / n }
    public var variance: Double {
        let m = mean
        return values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
    }
    public var standardError: Double { (variance / n).squareRoot() }
    /// Standard error of the sample variance: sqrt((μ4 − σ⁴)/n).
    public var varianceStandardError: Double {
        let m = mean
        let m4 = values.reduce(0) { $0 + pow4($1 - m) } / n
        return ((m4 - variance * variance) / n).squareRoot()
    }
}

public func pow4(_ x: Double) -> Double { x * x * x * x }

/// |estimate − expected| ≤ 4 · standardError.
public func within4SE(_ estimate: Double, _ expected: Double, _ standardError: Double) -> Bool {
    abs(estimate - expected) <= 4 * standardError
}
