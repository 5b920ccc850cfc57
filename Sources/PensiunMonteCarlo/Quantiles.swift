/// Summary statistics across Monte Carlo paths (docs/model.md §7).
public enum Quantiles {
    /// The quantile levels reported for every (scheme, year, metric): 5, 25, 50, 75, 95%.
    public static let standardLevels: [Double] = [0.05, 0.25, 0.50, 0.75, 0.95]

    /// The q-quantile of already sorted values by linear interpolation between order statistics
    /// (Hyndman–Fan type 7, numpy's default): h = (n − 1)q, Q = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎).
    /// Returns NaN for an empty input.
    @inlinable
    public static func sorted(_ values: UnsafeBufferPointer<Double>, level q: Double) -> Double {
        let n = values.count
        if n == 0 { return .nan }
        if n == 1 { return values[0] }
        let h = Double(n - 1) * q
        let lo = Int(h.rounded(.down))
        if lo >= n - 1 { return values[n - 1] }
        let fraction = h - Double(lo)
        let a = values[lo], b = values[lo + 1]
        return fraction == 0 ? a : a + fraction * (b - a)
    }

    /// Quantiles at `levels` of unsorted `values` (NaNs are not allowed).
    public static func of(_ values: [Double], levels: [Double] = standardLevels) -> [Double] {
        let sortedValues = values.sorted()
        return sortedValues.withUnsafeBufferPointer { buffer in levels.map { sorted(buffer, level: $0) } }
    }
}

/// Mean, standard deviation and the standard quantiles of a sample.
public struct SampleSummary: Sendable, Equatable {
    public let count: Int
    public let mean: Double
    /// Sample standard deviation (divisor n − 1); 0 for n < 2.
    public let standardDeviation: Double
    public let p5: Double, p25: Double, p50: Double, p75: Double, p95: Double

    /// Summarises `values`. The mean is computed shifted by the first value,
    /// x̄ = x₀ + Σ(xᵢ − x₀)/n, left to right: the same bits for the same values in the same order,
    /// and exactly x₀ when every value equals x₀ (so a deterministic run's mean equals its quantiles).
    public init(_ values: [Double]) {
        count = values.count
        let m = Self.mean(values)
        mean = m
        standardDeviation = Self.standardDeviation(values, mean: m)
        let q = Quantiles.of(values)
        (p5, p25, p50, p75, p95) = (q[0], q[1], q[2], q[3], q[4])
    }

    /// s = √(Σ(xᵢ − x̄)² / (n − 1)), left to right; 0 for fewer than two values.
    public static func standardDeviation(_ values: [Double], mean: Double) -> Double {
        guard values.count > 1 else { return 0 }
        return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
    }

    /// x̄ = x₀ + Σ(xᵢ − x₀)/n, left to right; NaN for no values.
    public static func mean<C: Collection>(_ values: C) -> Double where C.Element == Double {
        guard let first = values.first else { return .nan }
        var shifted = 0.0
        for x in values { shifted += x - first }
        return first + shifted / Double(values.count)
    }
}
