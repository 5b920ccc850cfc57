// PensiunRandom: the raw cost of GSL's ziggurat normals, the yardstick of the economic scenario
// generator (which draws five per path-year).
import Benchmark
import PensiunRandom

/// Normals drawn per iteration: those of one `esg.paths` run (10,000 paths × 75 years × 5).
let normalsPerIteration = EconomyWorkload.paths * EconomyWorkload.horizon * 5

func registerRandomBenchmarks() {
    let normalsPerSecond = BenchmarkMetric.custom("normals/s", polarity: .prefersLarger, useScalingFactor: false)

    // 3.75 million ziggurat normals into a preallocated buffer of one path's draws (375 values,
    // in L1), refilled once per path; one generator, seeded once.
    Benchmark(
        "gsl.normals.ziggurat",
        configuration: Suite.configuration(extraMetrics: [normalsPerSecond])
    ) { benchmark in
        var generator = try RandomGenerator(kind: .mt19937, seed: 20_190_101)
        let perPath = EconomyWorkload.horizon * 5
        let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: perPath)
        buffer.initialize(repeating: 0)
        defer { buffer.deallocate() }
        benchmark.startMeasurement()
        let rate = Suite.rate(of: normalsPerIteration) {
            for _ in 0..<EconomyWorkload.paths { generator.fillNormals(buffer) }
        }
        benchmark.stopMeasurement()
        blackHole(buffer[perPath - 1])
        benchmark.measurement(normalsPerSecond, rate)
    }

    // The same draws, with the generator reseeded before each path as the ESG does
    // (`gsl_rng_set` on mt19937 initialises its 624-word state): the random-number cost of the ESG.
    Benchmark(
        "gsl.normals.ziggurat.reseeded",
        configuration: Suite.configuration(extraMetrics: [normalsPerSecond])
    ) { benchmark in
        var generator = try RandomGenerator(kind: .mt19937, seed: 1)
        let seeds = PathSeeds(master: EconomyWorkload.seed)
        let perPath = EconomyWorkload.horizon * 5
        let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: perPath)
        buffer.initialize(repeating: 0)
        defer { buffer.deallocate() }
        benchmark.startMeasurement()
        let rate = Suite.rate(of: normalsPerIteration) {
            for path in 0..<EconomyWorkload.paths {
                generator.reseed(seeds.seed(forPath: path))
                generator.fillNormals(buffer)
            }
        }
        benchmark.stopMeasurement()
        blackHole(buffer[perPath - 1])
        benchmark.measurement(normalsPerSecond, rate)
    }
}
