import Foundation
import PensiunMonteCarlo
import PensiunTestSupport
import Testing

/// The sketch's quantiles are within its stated bound of the exact type-7 quantiles, and merging
/// gives the union's sketch exactly.
@Suite struct QuantileSketchTests {
    static let levels = [0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1]
    static let n = 100_000

    /// Known distributions, 100,000 draws each.
    static func sample(_ name: String) -> [Double] {
        var rng = SplitMix64(state: 18_2026)
        return (0..<n).map { _ in
            switch name {
            case "lognormal": return exp(log(1e12) + rng.normal())              // money, ~1e10–1e14
            case "normal": return 0.3 + rng.normal()                           // both signs
            case "uniform": return -5 + 105 * rng.unit()                       // mostly positive
            case "zeros":                                                      // 40% zeros, ±0
                let u = rng.unit()
                return u < 0.2 ? 0.0 : u < 0.4 ? -0.0 : 1e-4 * exp(4 * rng.unit()) * (u < 0.5 ? -1 : 1)
            case "years": return Double(2030 + Int(rng.next() % 71))           // ties
            default: return 2071.5                                             // constant
            }
        }
    }

    static let shapes = ["lognormal", "normal", "uniform", "zeros", "years", "constant"]

    /// |Q̂ − Q| ≤ α·max(|x₍lo₎|, |x₍lo+1₎|) at every level, Q from `Quantiles.of`. The slack of
    /// 1e-12·max(…) covers the rounding of ln/exp in the bucket index and value and of the two
    /// interpolations (~1e-14 relative); it is a thousand times smaller than α.
    @Test(arguments: shapes)
    func quantilesAreWithinTheBound(shape: String) {
        let values = Self.sample(shape)
        let sketch = QuantileSketch(values)
        let alpha = sketch.relativeAccuracy
        #expect(alpha == 1e-3)
        #expect(sketch.count == values.count)
        let exact = Quantiles.of(values, levels: Self.levels)
        let sorted = values.sorted()
        let estimates = sketch.quantiles(Self.levels)
        var worst = 0.0
        for (k, q) in Self.levels.enumerated() {
            let h = Double(values.count - 1) * q
            let lo = min(Int(h.rounded(.down)), values.count - 1)
            let m = max(abs(sorted[lo]), abs(sorted[min(lo + 1, values.count - 1)]))
            let error = abs(estimates[k] - exact[k])
            #expect(error <= alpha * m + 1e-12 * m, "\(shape) q=\(q): \(estimates[k]) vs \(exact[k])")
            if m > 0 { worst = max(worst, error / (alpha * m)) }
        }
        // Levels 0 and 1 are the exact minimum and maximum.
        #expect(estimates.first == sorted.first && estimates.last == sorted.last)
        print("QuantileSketch \(shape): worst |Q̂ − Q| / (α·max|x|) = \(worst),",
              "buckets \(sketch.bucketCount), bytes \(sketch.byteCount)")
    }

    /// Each order statistic is within α of its magnitude, over 2,001 ranks; on the lognormal the
    /// worst of them comes close to α, so the bound is tight and the check above can fail.
    @Test(arguments: shapes)
    func orderStatisticsAreWithinAlpha(shape: String) {
        let values = Self.sample(shape)
        let sketch = QuantileSketch(values)
        let alpha = sketch.relativeAccuracy
        let sorted = values.sorted()
        var worst = 0.0
        for k in 0...2000 {
            let rank = k * (values.count - 1) / 2000
            let x = sorted[rank], estimate = sketch.orderStatistic(rank: rank)
            #expect(abs(estimate - x) <= alpha * abs(x) * (1 + 1e-12), "\(shape) rank \(rank): \(estimate) vs \(x)")
            if x == 0 { #expect(estimate.bitPattern == (0.0).bitPattern, "a zero is +0") }
            if x != 0 { worst = max(worst, abs(estimate - x) / (alpha * abs(x))) }
        }
        print("QuantileSketch \(shape): worst order-statistic error / α = \(worst)")
        if shape == "lognormal" || shape == "normal" { #expect(worst > 0.9) }
        if shape == "constant" { #expect(worst == 0) }
    }

    /// Money over 1e9–1e14 spans 5 decades: at most ≈ 1151 buckets a decade.
    @Test func memoryIsBoundedBySpan() {
        var rng = SplitMix64(state: 7)
        let values = (0..<Self.n).map { _ in pow(10, 9 + 5 * rng.unit()) }
        let sketch = QuantileSketch(values)
        let perDecade = log(10) / log((1 + 1e-3) / (1 - 1e-3))
        #expect(Double(sketch.bucketCount) <= 5 * perDecade + 1)
        #expect(sketch.byteCount < 200_000)
        print("QuantileSketch 1e9–1e14 log-uniform: buckets \(sketch.bucketCount), bytes \(sketch.byteCount)")
        // Two values 300 decades apart cost two buckets, not a dense range.
        let sparse = QuantileSketch([1e-150, 1e150])
        #expect(sparse.bucketCount == 2)
    }

    /// Sketching 10 chunks separately and merging, in any grouping or order, equals sketching
    /// everything at once, bucket for bucket, so every query gives the same bits.
    @Test func mergingIsTheUnionsSketch() {
        var values = Self.sample("lognormal")
        values += Self.sample("normal").map { $0 * 1e6 }
        values += Self.sample("zeros")
        values.insert(.nan, at: 12_345)
        var rng = SplitMix64(state: 99)
        var cuts = (0..<9).map { _ in Int(rng.next() % UInt64(values.count)) } + [0, values.count]
        cuts.sort()
        let chunks = (0..<10).map { QuantileSketch(values[cuts[$0]..<cuts[$0 + 1]]) }
        let whole = QuantileSketch(values)
        let left = chunks.dropFirst().reduce(chunks[0]) { $0.merging($1) }
        let right = chunks.dropLast().reversed().reduce(chunks[9]) { $1.merging($0) }
        let reversed = chunks.reversed().dropFirst().reduce(chunks[9]) { $0.merging($1) }
        func tree(_ s: ArraySlice<QuantileSketch>) -> QuantileSketch {
            s.count == 1 ? s.first! : tree(s.prefix(s.count / 2)).merging(tree(s.suffix(s.count - s.count / 2)))
        }
        let pairwise = tree(chunks[...])
        var shuffled = chunks
        shuffled.shuffle(using: &rng)
        let inPlace = shuffled.reduce(into: QuantileSketch()) { $0.merge($1) }
        let levels = Self.levels + [0.123456, 0.987654]
        for merged in [left, right, reversed, pairwise, inPlace] {
            #expect(merged == whole)
            let same = zip(merged.quantiles(levels), whole.quantiles(levels)).allSatisfy { $0.bitPattern == $1.bitPattern }
            #expect(same)
        }
        #expect(whole.count == values.count - 1)
        #expect(whole.merging(QuantileSketch()) == whole && QuantileSketch().merging(whole) == whole)
        // Not a tautology: a sketch of other values differs.
        #expect(QuantileSketch(values.dropLast()) != whole)
    }

    /// Adding a batch (counted, then merged) builds the same sketch as adding its values one at a
    /// time (a binary search and an insertion each): two independent paths.
    @Test(arguments: shapes)
    func aBatchIsItsValuesOneByOne(shape: String) {
        var values = Self.sample(shape)
        values += [-0.0, 0.0, .nan, -3.5, 2e-300]
        var single = QuantileSketch()
        for x in values { single.add(x) }
        let batch = QuantileSketch(values)
        #expect(batch == single)
        #expect(batch.minimum.bitPattern == single.minimum.bitPattern && batch.maximum.bitPattern == single.maximum.bitPattern)
    }

    /// NaN is not added; empty sketches answer NaN; ±0 are one exact zero count.
    @Test func nanEmptyAndZeros() {
        let empty = QuantileSketch()
        #expect(empty.count == 0 && empty.quantile(0.5).isNaN)
        #expect(QuantileSketch([.nan, .nan]) == empty)
        #expect(QuantileSketch([1, .nan, 3]) == QuantileSketch([1, 3]))
        let zeros = QuantileSketch([-0.0, -0.0, 0.0])
        #expect(zeros.zeroCount == 3 && zeros.bucketCount == 0)
        #expect(zeros.quantiles([0, 0.5, 1]).allSatisfy { $0.bitPattern == (0.0).bitPattern })
        #expect(QuantileSketch([-0.0]) == QuantileSketch([0.0]))
        #expect(QuantileSketch([42.25]).quantile(0.3) == 42.25)
    }

    /// ±∞ is refused (a precondition failure), not silently counted.
    @Test func infinityIsRefused() async {
        await #expect(processExitsWith: .failure) {
            var sketch = QuantileSketch()
            sketch.add(Double.infinity)
        }
        await #expect(processExitsWith: .failure) {
            _ = QuantileSketch([1, -Double.infinity])
        }
    }
}
