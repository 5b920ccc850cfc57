import PensiunMonteCarlo
import PensiunRandom

/// Runs the economic scenario generator over a range of paths on several threads.
public enum EconomicSimulation {
    /// Paths per block; fixed, so the blocks (and every result) do not depend on the thread count.
    public static let blockSize = 256

    /// Generates paths `paths` with generators of `kind` seeded from `seed`, one block of
    /// ``blockSize`` paths at a time on up to `threads` threads. Blocks are returned in path order;
    /// path p's values depend only on (seed, p).
    public static func run(
        _ generator: EconomicScenarioGenerator, paths: Range<Int>, seed: UInt64,
        kind: GeneratorKind = .mt19937, threads: Int
    ) throws -> [EconomicPaths] {
        let plan = ParallelBlocks(paths: paths, blockSize: blockSize, threads: threads)
        let seeds = PathSeeds(master: seed)
        let slots = SlotArray<EconomicPaths>(count: plan.blockCount)
        try plan.run { index, block in
            slots.set(index, try generator.generate(paths: block, seeds: seeds, kind: kind))
        }
        return slots.values()
    }
}
