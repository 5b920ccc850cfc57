import Foundation
import Synchronization
import Testing
@testable import PensiunEngine

/// The progress hook of `MonteCarloProjection.run` reports every block and changes nothing.
@Suite struct ProgressHookTests {
    @Test(arguments: [1, 2, 3])
    func theHookSeesEveryPathAndLeavesTheResultsAlone(threads: Int) throws {
        let inputs = Fixture.inputs(horizon: 12, volatility: 0.02, kappaVolatility: 0.03)
        let mc = try MonteCarloProjection(inputs: inputs)
        let paths = 0..<(3 * MonteCarloProjection.blockSize + 5)
        let reports = Mutex<[Int]>([])
        let plain = try mc.run(paths: paths, seed: 9, threads: threads)
        let hooked = try mc.run(paths: paths, seed: 9, threads: threads) { done in reports.withLock { $0.append(done) } }
        #expect(sameBits(plain.values, hooked.values))
        #expect(sameBits(plain.byTrack, hooked.byTrack))
        #expect(plain.summaries == hooked.summaries)
        let seen = reports.withLock { $0 }.sorted()
        #expect(seen.count == MonteCarloProjection.blocks(paths: paths, threads: threads).blockCount)  // one call per block
        #expect(seen.count >= 4)
        #expect(seen.last == paths.count)
        #expect(Set(seen).count == seen.count)  // the counter only grows
    }
}
