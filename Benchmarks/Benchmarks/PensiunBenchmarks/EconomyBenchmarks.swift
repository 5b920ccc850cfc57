// PensiunEconomy: the economic scenario generator on the flagship economy.
import Benchmark
import PensiunEconomy
import PensiunRandom

/// The size of the ESG benchmarks: the flagship scenario's production run.
enum EconomyWorkload {
    static let paths = 10_000
    static let horizon = 75
    static let seed: UInt64 = 20_190_101
    static var pathYears: Int { paths * horizon }
}

func registerEconomyBenchmarks() {
    // Setup, outside every measured region: the flagship scenario is read and the generator built
    // (Cholesky factor) once, when the benchmarks are registered.
    let flagship = Flagship.scenario
    precondition(
        flagship.simulation.horizon == EconomyWorkload.horizon,
        "the flagship horizon changed to \(flagship.simulation.horizon): update EconomyWorkload")
    let esg: EconomicScenarioGenerator
    do {
        esg = try EconomicScenarioGenerator(
            parameters: flagship.economy, startYear: flagship.simulation.startYear,
            horizon: flagship.simulation.horizon)
    } catch {
        fatalError("the flagship economy is not usable: \(error)")
    }
    let kind = flagship.simulation.generator
    let pathYearsPerSecond = BenchmarkMetric.custom("path-years/s", polarity: .prefersLarger, useScalingFactor: false)
    let configuration = Suite.configuration(extraMetrics: [pathYearsPerSecond])

    // 10,000 paths × 75 years through `EconomicSimulation.run`, as `pensiun esg` does: the results
    // (60 MB in 40 blocks of 256 paths) are allocated inside the measured region, on fresh pages
    // (the heap is trimmed before each iteration), and freed after the clock has stopped.
    for threads in [1, 2] {
        Benchmark(threads == 1 ? "esg.paths" : "esg.paths.\(threads)threads", configuration: configuration) { benchmark in
            Suite.releaseFreedMemory()
            var blocks: [EconomicPaths] = []
            benchmark.startMeasurement()
            let rate = try Suite.rate(of: EconomyWorkload.pathYears) {
                blocks = try EconomicSimulation.run(
                    esg, paths: 0..<EconomyWorkload.paths, seed: EconomyWorkload.seed, kind: kind, threads: threads)
            }
            benchmark.stopMeasurement()
            blackHole(blocks)
            benchmark.measurement(pathYearsPerSecond, rate)
        }
    }

    // The same paths generated into blocks allocated (and zero-filled) before the clock starts, by
    // one generator reseeded per path as in `generate(paths:seeds:kind:)`: the generator's own
    // cost, without the kernel's page faults. This is the figure to compare with the raw normals.
    Benchmark("esg.paths.in-place", configuration: configuration) { benchmark in
        // The blocks of `EconomicSimulation.run`: 256 paths each, the last one shorter.
        let size = EconomicSimulation.blockSize
        var blocks = stride(from: 0, to: EconomyWorkload.paths, by: size).map {
            EconomicPaths(firstPath: $0, pathCount: min(size, EconomyWorkload.paths - $0), horizon: esg.horizon)
        }
        let seeds = PathSeeds(master: EconomyWorkload.seed)
        var generator = try RandomGenerator(kind: kind, seed: 1)
        benchmark.startMeasurement()
        let rate = try Suite.rate(of: EconomyWorkload.pathYears) {
            for index in blocks.indices {
                let first = blocks[index].firstPath
                for slot in 0..<blocks[index].pathCount {
                    generator.reseed(seeds.seed(forPath: first + slot))
                    try esg.generate(path: first + slot, slot: slot, generator: &generator, into: &blocks[index])
                }
            }
        }
        benchmark.stopMeasurement()
        blackHole(blocks)
        benchmark.measurement(pathYearsPerSecond, rate)
    }
}
