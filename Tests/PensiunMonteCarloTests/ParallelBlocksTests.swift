import Synchronization
import Testing
@testable import PensiunMonteCarlo

@Suite struct ParallelBlocksTests {
    @Test func blocksCoverThePathRangeInOrder() {
        let plan = ParallelBlocks(paths: 10..<110, blockSize: 32, threads: 3)
        #expect(plan.blockCount == 4)
        #expect(plan.blocks == [10..<42, 42..<74, 74..<106, 106..<110])
    }

    @Test(arguments: [1, 2, 8])
    func everyBlockRunsExactlyOnce(threads: Int) throws {
        let plan = ParallelBlocks(paths: 0..<1000, blockSize: 7, threads: threads)
        let slots = SlotArray<[Int]>(count: plan.blockCount)
        try plan.run { index, paths in slots.set(index, Array(paths)) }
        #expect(slots.values().flatMap { $0 } == Array(0..<1000))
    }

    struct Failure: Error, Equatable { let block: Int }

    @Test(arguments: [1, 2, 8])
    func theLowestFailingBlockIsReported(threads: Int) {
        let plan = ParallelBlocks(paths: 0..<100, blockSize: 10, threads: threads)
        #expect(throws: Failure(block: 3)) {
            try plan.run { index, _ in if index == 3 || index == 4 { throw Failure(block: index) } }
        }
    }
}

@Suite struct QuantileTests {
    @Test func linearInterpolationLikeNumpy() {
        // numpy.percentile([1, 2, 3, 4], [5, 25, 50, 75, 95]) = [1.15, 1.75, 2.5, 3.25, 3.85]
        let q = Quantiles.of([4, 1, 3, 2])
        let expected = [1.15, 1.75, 2.5, 3.25, 3.85]
        for (a, b) in zip(q, expected) { #expect(abs(a - b) < 1e-12) }
    }

    @Test func edgeCases() {
        #expect(Quantiles.of([7]) == [7, 7, 7, 7, 7])
        #expect(Quantiles.of([]).allSatisfy { $0.isNaN })
        #expect(Quantiles.of([1, 2], levels: [0, 1]) == [1, 2])
    }

    @Test func sampleSummary() {
        let s = SampleSummary([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(s.mean == 5)
        #expect(abs(s.standardDeviation - (32.0 / 7).squareRoot()) < 1e-12)
        #expect(s.p50 == 4.5)
    }
}
