// PensiunEngine: the projection of both schemes on Monte Carlo paths, flagship-sized.
import Benchmark
import Foundation
import PensiunEngine
import PensiunScenario

func registerEngineBenchmarks() {
    // Setup: the heaviest flagship reform (actives under 40 switch with recognition bonds), read
    // and prepared (mortality grid, dense tables) once, outside the measured region.
    let file = URL(fileURLWithPath: Flagship.path).deletingLastPathComponent()
        .appendingPathComponent("reform-switch-under-40-bonds.yaml").path
    guard let inputs = (try? ScenarioLoader.load(path: file))?.projection,
          let projection = try? MonteCarloProjection(inputs: inputs) else {
        fatalError("cannot load \(file)")
    }
    let pathsPerSecond = BenchmarkMetric.custom("paths/s", polarity: .prefersLarger, useScalingFactor: false)
    let configuration = Suite.configuration(extraMetrics: [pathsPerSecond], iterations: 10, seconds: 30,
                                            mallocs: Suite.manyMallocs)
    // The target: 10,000 paths, both schemes, stochastic economy and mortality, all 75
    // years, on 1 and 2 threads (one iteration is one whole run, results kept in memory).
    let large = Suite.configuration(extraMetrics: [pathsPerSecond], iterations: 3, seconds: 60, mallocs: Suite.manyMallocs)
    for threads in [1, 2] {
        Benchmark("engine.flagship.10000paths" + (threads == 1 ? "" : ".\(threads)threads"), configuration: large) { benchmark in
            var results: ProjectionResults?
            Suite.releaseFreedMemory()
            benchmark.startMeasurement()
            let rate = try Suite.rate(of: 10_000) {
                results = try projection.run(paths: 0..<10_000, seed: 20_190_101, threads: threads)
            }
            benchmark.stopMeasurement()
            blackHole(results)
            benchmark.measurement(pathsPerSecond, rate)
        }
    }
    let paths = 64
    for threads in [1, 2] {
        Benchmark(threads == 1 ? "engine.flagship.64paths" : "engine.flagship.64paths.\(threads)threads",
                  configuration: configuration) { benchmark in
            var results: ProjectionResults?
            benchmark.startMeasurement()
            let rate = try Suite.rate(of: paths) {
                results = try projection.run(paths: 0..<paths, seed: 20_190_101, threads: threads)
            }
            benchmark.stopMeasurement()
            blackHole(results)
            benchmark.measurement(pathsPerSecond, rate)
        }
    }
}
