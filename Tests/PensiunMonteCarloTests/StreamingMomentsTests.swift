import Foundation
import PensiunMonteCarlo
import PensiunTestSupport
import Testing

/// Streaming moments: the mean is `SampleSummary.mean`'s bit for bit whatever the chunking, the
/// one-pass SD is the two-pass one to within rounding.
@Suite struct StreamingMomentsTests {
    /// Money-like values with NaNs scattered, the first value among them.
    static func sample(_ n: Int, seed: UInt64) -> [Double] {
        var rng = SplitMix64(state: seed)
        return (0..<n).map { i in
            i == 0 || rng.next() % 17 == 0 ? .nan : exp(log(3e12) + 0.8 * rng.normal())
        }
    }

    /// The values cut at `cuts` (sorted, from 0 to count), fed chunk by chunk.
    static func fed(_ values: [Double], cuts: [Int]) -> StreamingMoments {
        var m = StreamingMoments()
        for k in 0..<(cuts.count - 1) { m.add(values[cuts[k]..<cuts[k + 1]]) }
        return m
    }

    @Test func meanIsSampleSummaryMeanBitForBit() {
        let values = Self.sample(50_000, seed: 18)
        let present = values.filter { !$0.isNaN }
        let expected = SampleSummary.mean(present)
        #expect(expected.bitPattern == SampleSummary(present).mean.bitPattern)
        var rng = SplitMix64(state: 5)
        let random = ([0, values.count] + (0..<9).map { _ in Int(rng.next() % UInt64(values.count)) }).sorted()
        let chunkings: [[Int]] = [
            [0, values.count],
            random,
            [0, 0, 1, 1, 2, 4096, 4096, 8192, values.count, values.count],   // empty chunks too
            Array(stride(from: 0, to: values.count, by: 1000)) + [values.count],
        ]
        var sds: [Double] = []
        for cuts in chunkings {
            let m = Self.fed(values, cuts: cuts)
            #expect(m.count == present.count)
            #expect(m.mean.bitPattern == expected.bitPattern, "cuts \(cuts.prefix(4))…: \(m.mean) vs \(expected)")
            sds.append(m.standardDeviation)
        }
        var oneByOne = StreamingMoments()
        for x in values { oneByOne.add(x) }
        #expect(oneByOne.mean.bitPattern == expected.bitPattern)
        // The SD depends only on the values and their order, not on the chunking.
        #expect(sds.allSatisfy { $0.bitPattern == oneByOne.standardDeviation.bitPattern })
        let twoPass = SampleSummary.standardDeviation(present, mean: expected)
        #expect(abs(oneByOne.standardDeviation - twoPass) <= 1e-12 * twoPass)
        // A deterministic run: the mean is exactly the value.
        #expect(StreamingMoments(Array(repeating: 1234.0625e9, count: 1000)).mean == 1234.0625e9)
    }

    /// Large mean, small spread: 5e13 ± 1e9, also with a first value far from the rest (where a
    /// shifted Σ(x−K)² − (Σ(x−K))²/n would cancel): relative error < 1e-9 against the two-pass SD.
    @Test(arguments: [false, true])
    func oneByOneSDMatchesTwoPass(outlierFirst: Bool) {
        var rng = SplitMix64(state: 2019)
        var values = (0..<100_000).map { _ in 5e13 + 1e9 * rng.normal() }
        if outlierFirst { values[0] = 5e13 + 1e12 }
        let mean = SampleSummary.mean(values)
        let twoPass = SampleSummary.standardDeviation(values, mean: mean)
        let m = StreamingMoments(values)
        let relative = abs(m.standardDeviation - twoPass) / twoPass
        print("StreamingMoments SD 5e13 ± 1e9 (outlier first: \(outlierFirst)): relative error \(relative)")
        #expect(relative < 1e-9)
        #expect(m.mean.bitPattern == mean.bitPattern)
        #expect(abs(twoPass - 1e9) < 0.02e9 || outlierFirst)   // the sample is what it claims
    }

    /// Merging adjacent ranges in order: count exact, mean and SD to within rounding; an empty side
    /// or one repeated value is exact.
    @Test func mergingAdjacentRanges() {
        let values = Self.sample(30_000, seed: 77)
        let whole = StreamingMoments(values)
        let cuts = [0, 7_001, 7_002, 19_999, 30_000]
        let parts = (0..<4).map { StreamingMoments(values[cuts[$0]..<cuts[$0 + 1]]) }
        let merged = parts.dropFirst().reduce(parts[0]) { $0.merging($1) }
        #expect(merged.count == whole.count)
        #expect(abs(merged.mean - whole.mean) <= 1e-13 * abs(whole.mean))
        #expect(abs(merged.standardDeviation - whole.standardDeviation) <= 1e-12 * whole.standardDeviation)
        #expect(whole.merging(StreamingMoments()) == whole && StreamingMoments().merging(whole) == whole)
        let constant = StreamingMoments([7.5, 7.5]).merging(StreamingMoments([7.5, .nan, 7.5, 7.5]))
        #expect(constant.count == 5 && constant.mean == 7.5 && constant.standardDeviation == 0)
    }

    @Test func emptyAndAllNaN() {
        for m in [StreamingMoments(), StreamingMoments([.nan, .nan])] {
            #expect(m.count == 0 && m.mean.isNaN && m.standardDeviation == 0)
        }
        let one = StreamingMoments([.nan, 3.25])
        #expect(one.count == 1 && one.mean == 3.25 && one.standardDeviation == 0)
    }
}
