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
    /// Only the order statistics the levels need are found, x₍⌊h⌋₎ and, when h is not whole,
    /// x₍⌊h⌋+1₎, by radix selection on order-preserving integer keys (``radixSelect(_:ranks:into:)``):
    /// a few passes over the values instead of a sort's O(n log n). The result is the stably sorted
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
        // The order statistics at the ranks, by value (a −0 and a +0 may come out in either order
        // here; `statistic` below makes the stable sort's choice).
        let found = buffer.withMemoryRebound(to: UInt64.self) { keys -> [Double] in
            for i in keys.indices { keys[i] = orderKey(original[i]) }
            var out = [Double](repeating: 0, count: sortedRanks.count)
            radixSelect(keys, ranks: sortedRanks.enumerated().map { ($1, $0) }, into: &out)
            return out
        }
        for (rank, value) in zip(sortedRanks, found) { buffer[rank] = value }
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

    /// A key whose unsigned order is the order of the doubles (no NaNs): the sign bit flipped for
    /// a positive number, every bit for a negative one (−0 just below +0).
    @inline(__always) static func orderKey(_ x: Double) -> UInt64 {
        let b = x.bitPattern
        return b >> 63 == 1 ? ~b : b | (1 << 63)
    }

    /// The double of an ``orderKey(_:)``.
    @inline(__always) static func value(ofKey k: UInt64) -> Double {
        Double(bitPattern: k >> 63 == 1 ? k & ~(1 << 63) : ~k)
    }

    /// Writes into `out[slot]` the `rank`-th smallest of `keys` (0-based) for every (rank, slot) of
    /// `ranks` (ranks ascending, within keys.count); `keys` is reordered.
    ///
    /// Radix selection: one pass finds the smallest and largest key, a second counts the keys in
    /// 2,048 buckets of equal width over that range, and the few buckets holding a wanted rank are
    /// gathered and searched again the same way (their range is at most 1/1,024 of this one, so a
    /// search ends within six rounds of 64-bit keys); a range of one key, or at most 64 keys
    /// (sorted), ends it. Every round is a branch-light pass over its keys: about three passes in
    /// all for money amounts across paths, against the log₂ n passes of a sort.
    static func radixSelect(_ keys: UnsafeMutableBufferPointer<UInt64>, ranks: [(rank: Int, slot: Int)], into out: inout [Double]) {
        let n = keys.count
        guard n > 0, !ranks.isEmpty else { return }
        if n <= 64 {
            var small = keys
            small.sort()
            for (rank, slot) in ranks { out[slot] = value(ofKey: keys[rank]) }
            return
        }
        var lo = UInt64.max, hi = UInt64.min
        for k in keys {
            lo = Swift.min(lo, k)
            hi = Swift.max(hi, k)
        }
        if lo == hi {
            for (_, slot) in ranks { out[slot] = value(ofKey: lo) }
            return
        }
        let bucketBits = 11
        let width = UInt64.bitWidth - (hi - lo).leadingZeroBitCount
        let shift = UInt64(Swift.max(0, width - bucketBits))
        var counts = [Int](repeating: 0, count: 1 << bucketBits)
        counts.withUnsafeMutableBufferPointer { c in
            for k in keys { c[Int((k &- lo) &>> shift)] += 1 }
        }
        // The bucket of each wanted rank, and its rank within the bucket.
        var targets: [(bucket: Int, ranks: [(rank: Int, slot: Int)])] = []
        var start = 0, bucket = 0
        for (rank, slot) in ranks {
            while start + counts[bucket] <= rank {
                start += counts[bucket]
                bucket += 1
            }
            if targets.last?.bucket == bucket {
                targets[targets.count - 1].ranks.append((rank - start, slot))
            } else {
                targets.append((bucket, [(rank - start, slot)]))
            }
        }
        // Gather the wanted buckets' keys, each into its own stretch of one buffer, in one pass.
        var stretch = [Int](repeating: -1, count: 1 << bucketBits)
        var offsets: [Int] = []
        var total = 0
        for (i, target) in targets.enumerated() {
            stretch[target.bucket] = i
            offsets.append(total)
            total += counts[target.bucket]
        }
        var gathered = [UInt64](repeating: 0, count: total)
        var fill = offsets
        gathered.withUnsafeMutableBufferPointer { g in
            stretch.withUnsafeBufferPointer { which in
                for k in keys {
                    let i = which[Int((k &- lo) &>> shift)]
                    if i >= 0 {
                        g[fill[i]] = k
                        fill[i] += 1
                    }
                }
            }
            for (i, target) in targets.enumerated() {
                let part = UnsafeMutableBufferPointer(rebasing: g[offsets[i]..<(offsets[i] + counts[target.bucket])])
                radixSelect(part, ranks: target.ranks, into: &out)
            }
        }
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

    /// A summary from its parts (a streamed run: ``StreamingMoments`` and ``QuantileSketch``);
    /// `quantiles` at ``Quantiles/standardLevels``.
    public init(count: Int, mean: Double, standardDeviation: Double, quantiles q: [Double]) {
        precondition(q.count == Quantiles.standardLevels.count)
        self.count = count
        self.mean = mean
        self.standardDeviation = standardDeviation
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
