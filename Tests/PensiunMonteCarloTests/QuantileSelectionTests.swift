import PensiunMonteCarlo
import PensiunTestSupport
import Testing

/// Quantiles by selection give the stably sorted values' type-7 quantiles bit for bit: the order
/// statistics, and among equal values the zero (−0 or +0) a stable sort puts at the rank.
@Suite struct QuantileSelectionTests {
    static let levels = [0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.999, 1]

    /// The definition: a stable sort, then ``Quantiles/sorted(_:level:)``.
    static func reference(_ values: [Double], _ levels: [Double]) -> [Double] {
        let sorted = values.sorted()
        return sorted.withUnsafeBufferPointer { b in levels.map { Quantiles.sorted(b, level: $0) } }
    }

    static func sameBits(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
    }

    @Test(arguments: ["continuous", "ties", "signedZeros", "constant", "sorted", "reversed", "outliers", "tiny", "money"])
    func selectionIsTheSortsQuantile(shape: String) {
        var rng = SplitMix64(state: 20_190_101)
        for n in Array(0...70) + [97, 128, 1_000, 10_000] {
            let values: [Double] = (0..<n).map { i in
                switch shape {
                case "continuous": return Double.random(in: -1e6...1e6, using: &rng)
                case "ties": return Double(Int.random(in: 0..<4, using: &rng)) * 2.5
                case "signedZeros": return [-0.0, 0.0, 0.0, -0.0, 1, -1][Int.random(in: 0..<6, using: &rng)]
                case "constant": return 73.5
                case "outliers":
                    // Mostly one narrow range, a few values hundreds of orders of magnitude away.
                    let u = Double.random(in: 0..<1, using: &rng)
                    return u < 0.01 ? 1e300 : u < 0.02 ? -1e300 : 5e13 + Double.random(in: -1...1, using: &rng)
                case "tiny": return Double.random(in: -1...1, using: &rng) * .leastNonzeroMagnitude * 1_000
                case "money": return 9.18e13 * (1 + 0.01 * Double.random(in: -1...1, using: &rng))
                case "sorted": return Double(i)
                default: return Double(n - i)
                }
            }
            let selected = Quantiles.of(values, levels: Self.levels)
            let expected = Self.reference(values, Self.levels)
            #expect(Self.sameBits(selected, expected), "\(shape) n=\(n): \(selected) vs \(expected)")
        }
    }

    /// The −0/+0 choice follows the stable sort: with −1, then +0, −0 and 2, the rank-1 order
    /// statistic is +0 (the first zero in input order), the rank-2 one −0.
    @Test func theZeroIsTheOneAStableSortPlaces() {
        let values = [-1, 0.0, -0.0, 2]
        let q = Quantiles.of(values, levels: [1.0 / 3, 2.0 / 3])
        #expect(q[0].bitPattern == (0.0).bitPattern)
        #expect(q[1].bitPattern == (-0.0).bitPattern)
    }

    /// The summary statistics are unchanged: a deterministic sample's quantiles are its value.
    @Test func aSummaryOfOneValueRepeated() {
        let s = SampleSummary(Array(repeating: 0.725, count: 1_000))
        #expect(s.mean == 0.725 && s.p5 == 0.725 && s.p95 == 0.725 && s.standardDeviation == 0)
    }

    @Test func theMapKeepsIndexOrderOnAnyThreadCount() {
        let one = ParallelBlocks.map(count: 1_001, blockSize: 7, threads: 1) { $0 * $0 }
        let four = ParallelBlocks.map(count: 1_001, blockSize: 7, threads: 4) { $0 * $0 }
        #expect(one == (0..<1_001).map { $0 * $0 })
        #expect(four == one)
        #expect(ParallelBlocks.map(count: 0, threads: 2) { $0 }.isEmpty)
    }
}
