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

    /// Quantiles at `levels` of unsorted `values` (NaNs are not allowed): the same numbers, bit for
    /// bit, as ``sorted(_:level:)`` on the stably sorted values, found by selection
    /// (``selecting(_:original:levels:)``) rather than a full sort.
    public static func of(_ values: [Double], levels: [Double] = standardLevels) -> [Double] {
        var scratch = values
        return values.withUnsafeBufferPointer { original in
            scratch.withUnsafeMutableBufferPointer { selecting($0, original: original, levels: levels) }
        }
    }

    /// Quantiles at `levels` (Hyndman–Fan type 7, as ``sorted(_:level:)``) of the values of
    /// `original` (no NaNs), using `buffer`, a copy of them, as scratch: it is reordered.
    ///
    /// Only the order statistics the levels need are placed, x₍⌊h⌋₎ and, when h is not whole,
    /// x₍⌊h⌋+1₎: a quickselect over several ranks at once with a three-way partition (so ties, as
    /// in a deterministic metric, end it at once), falling back to a sort of a small or badly
    /// split range; expected O(n) instead of a sort's O(n log n). The result is the stably sorted
    /// values' own, bit for bit: order statistics are values, and the one choice a sort makes
    /// among equal values that shows in the bits, −0 against +0, is made as the stable sort makes
    /// it (the zero whose place among the zeros of `original` is that rank's).
    public static func selecting(_ buffer: UnsafeMutableBufferPointer<Double>, original: UnsafeBufferPointer<Double>,
                                 levels: [Double]) -> [Double] {
        let n = buffer.count
        precondition(original.count == n)
        if n == 0 { return levels.map { _ in .nan } }
        if n == 1 { return levels.map { _ in buffer[0] } }
        // Per level: the rank of the lower order statistic and the interpolation fraction.
        let plans = levels.map { q -> (lo: Int, fraction: Double) in
            let h = Double(n - 1) * q
            let lo = Int(h.rounded(.down))
            return lo >= n - 1 ? (n - 1, 0) : (lo, h - Double(lo))
        }
        var ranks = Set<Int>()
        for plan in plans {
            ranks.insert(plan.lo)
            if plan.fraction != 0 { ranks.insert(plan.lo + 1) }
        }
        let sortedRanks = ranks.sorted()
        var depth = 2
        var m = n
        while m > 1 { m >>= 1; depth += 2 }
        placeRanks(buffer, 0, n, sortedRanks[...], depth: depth)
        var negatives = -1   // counted when first needed
        func statistic(_ rank: Int) -> Double {
            let x = buffer[rank]
            guard x == 0 else { return x }
            // Which zero the stable sort puts at `rank`: the (rank − #negatives)-th zero of `original`.
            if negatives < 0 { negatives = original.reduce(0) { $1 < 0 ? $0 + 1 : $0 } }
            var k = rank - negatives
            for v in original where v == 0 {
                if k == 0 { return v }
                k -= 1
            }
            return x
        }
        return plans.map { plan in
            let a = statistic(plan.lo)
            if plan.fraction == 0 { return a }
            let b = statistic(plan.lo + 1)
            return a + plan.fraction * (b - a)
        }
    }

    /// Reorders `a[lo..<hi]` so that `a[r]` is the r-th smallest value of the range for every `r`
    /// of `ranks` (sorted, within the range).
    static func placeRanks(_ a: UnsafeMutableBufferPointer<Double>, _ lo: Int, _ hi: Int, _ ranks: ArraySlice<Int>, depth: Int) {
        guard !ranks.isEmpty, hi - lo > 1 else { return }
        if hi - lo <= 16 || depth == 0 {
            var range = UnsafeMutableBufferPointer(rebasing: a[lo..<hi])
            range.sort()
            return
        }
        // Median of three as the pivot.
        let mid = lo + (hi - lo) / 2
        let x = a[lo], y = a[mid], z = a[hi - 1]
        let pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y))
        // Three-way partition: [lo, lt) < pivot, [lt, gt) == pivot, [gt, hi) > pivot.
        var lt = lo, i = lo, gt = hi
        while i < gt {
            let v = a[i]
            if v < pivot {
                a.swapAt(lt, i); lt += 1; i += 1
            } else if v > pivot {
                gt -= 1; a.swapAt(i, gt)
            } else {
                i += 1
            }
        }
        let below = ranks.prefix { $0 < lt }
        let above = ranks.drop { $0 < gt }
        placeRanks(a, lo, lt, below, depth: depth - 1)
        placeRanks(a, gt, hi, above, depth: depth - 1)
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
