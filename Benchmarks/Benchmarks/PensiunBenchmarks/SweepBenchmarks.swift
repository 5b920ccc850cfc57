// PensiunSweep: variants per second of a sweep, and the sweep's cost beyond the runs it makes.
import Benchmark
import Foundation
import PensiunEngine
import PensiunScenario
import PensiunSweep

/// The sweep benchmarks' workloads: a 4 × 2 grid on the synthetic scheme (40 years), and a
/// 2-variant sweep of the flagship at 1,000 paths (the target is 1,000 such variants).
enum SweepWorkload {
    static let project = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let synthetic = project.appendingPathComponent("Scenarios/synthetic-small/scenario.yaml").path
    static let paths = 100

    static let syntheticSweep = """
        name: benchmark-synthetic
        base: \(synthetic)
        parameters:
          - key: reform.dc.employer_rate
            values: [0.04, 0.08, 0.12, 0.16]
          - key: economy.equity.log_mean
            values: [0.045, 0.085]
        paths: \(paths)
        seed: 2025
        outputs:
          metrics: {budget_burden: all, burden_pct_gdp: all, dc_fund_assets: all, replacement_rate_dc: all}
          summaries: [pv_burden_current, pv_burden_reform, pv_difference, breakeven_year, replacement_rate_dc]
          statistics: [mean, p5, p25, p50, p75, p95, 'P(pv_difference < 0)', 'P(burden_pct_gdp > 0.01 any year)']

        """

    static let flagshipSweep = """
        name: benchmark-flagship
        base: \(Flagship.path)
        parameters:
          - key: economy.equity.log_mean
            values: [0.06, 0.09]
        paths: 1000
        seed: 2025

        """

    /// The sweep file written to a temporary folder, read and planned (outside every measured region).
    static func plan(_ text: String, name: String) -> SweepPlan {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pensiun-bench-\(name).yaml").path
        do {
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            let plan = try SweepPlan(spec: try SweepLoader.load(path: file))
            try plan.validate()
            return plan
        } catch {
            fatalError("cannot plan the \(name) sweep:\n\(error)")
        }
    }

    /// A fresh output folder for one iteration.
    static func folder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("pensiun-bench-sweep-\(UUID().uuidString)").path
    }

    static let provenance = SweepProvenance(version: "benchmark", gitCommit: nil)

    /// The runs alone: each variant's projection (context, paths) on scenarios resolved beforehand.
    static func runsOnly(_ scenarios: [Scenario], plan: SweepPlan) throws -> [ProjectionResults] {
        try scenarios.map { s in
            try MonteCarloProjection(inputs: s.projection!).run(paths: 0..<plan.spec.paths, seed: plan.spec.seed, threads: 1)
        }
    }

    /// CPU time of the whole process (all threads), in seconds.
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        let d = clock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}

func registerSweepBenchmarks() {
    let plan = SweepWorkload.plan(SweepWorkload.syntheticSweep, name: "synthetic")
    let count = plan.variants.count
    let scenarios: [Scenario] = plan.variants.map { v in
        do { return try plan.spec.template.resolve(v.overrides) } catch { fatalError("\(error)") }
    }
    // Per variant rather than variants/s: the tool keeps integers, and a variant takes a sizeable
    // fraction of a second (variants/s = 1000 / ms per variant).
    let millisecondsPerVariant = BenchmarkMetric.custom("ms/variant", polarity: .prefersSmaller, useScalingFactor: false)
    let overheadWall = BenchmarkMetric.custom("overhead ‰ (wall)", polarity: .prefersSmaller, useScalingFactor: false)
    let overheadCPU = BenchmarkMetric.custom("overhead ‰ (CPU)", polarity: .prefersSmaller, useScalingFactor: false)
    let configuration = Suite.configuration(extraMetrics: [millisecondsPerVariant], iterations: 10, seconds: 30)

    // The whole sweep as `pensiun sweep --threads T` runs it: scenarios resolved from the base,
    // projections, statistics, the journal (a durable file per variant) and the assembled files.
    for threads in [1, 2] {
        Benchmark(threads == 1 ? "sweep.variants" : "sweep.variants.\(threads)threads", configuration: configuration) { benchmark in
            let out = SweepWorkload.folder()
            benchmark.startMeasurement()
            let seconds = try SweepWorkload.seconds {
                _ = try SweepDriver.run(plan, out: out, threads: threads, shard: nil, provenance: SweepWorkload.provenance)
            }
            benchmark.stopMeasurement()
            try? FileManager.default.removeItem(atPath: out)
            benchmark.measurement(millisecondsPerVariant, Int((seconds / Double(count) * 1000).rounded()))
        }
    }

    // The same variants' projections alone (MonteCarloProjection init and run, one thread), on
    // scenarios resolved before the clock starts: what the sweep cannot avoid.
    Benchmark("sweep.runs-only", configuration: configuration) { benchmark in
        benchmark.startMeasurement()
        let seconds = try SweepWorkload.seconds { blackHole(try SweepWorkload.runsOnly(scenarios, plan: plan)) }
        benchmark.stopMeasurement()
        benchmark.measurement(millisecondsPerVariant, Int((seconds / Double(count) * 1000).rounded()))
    }

    // Both in one iteration, one after the other, on one thread: the sweep's cost beyond its runs
    // (resolving scenarios, statistics, the durable journal, files) as a share of the runs, in per
    // mille of wall time and of the process's CPU time (steadier when the machine is shared; the
    // journal's fsync waits count in wall time only).
    func overhead(_ name: String, plan: SweepPlan, scenarios: [Scenario], iterations: Int) {
        Benchmark(name, configuration: Suite.configuration(extraMetrics: [overheadWall, overheadCPU], iterations: iterations, seconds: 120)) { benchmark in
            let out = SweepWorkload.folder()
            benchmark.startMeasurement()
            let cpu0 = SweepWorkload.cpuSeconds()
            let runs = try SweepWorkload.seconds { blackHole(try SweepWorkload.runsOnly(scenarios, plan: plan)) }
            let cpu1 = SweepWorkload.cpuSeconds()
            let sweep = try SweepWorkload.seconds {
                _ = try SweepDriver.run(plan, out: out, threads: 1, shard: nil, provenance: SweepWorkload.provenance)
            }
            let cpu2 = SweepWorkload.cpuSeconds()
            benchmark.stopMeasurement()
            try? FileManager.default.removeItem(atPath: out)
            benchmark.measurement(overheadWall, Int(((sweep - runs) / runs * 1000).rounded()))
            benchmark.measurement(overheadCPU, Int((((cpu2 - cpu1) - (cpu1 - cpu0)) / (cpu1 - cpu0) * 1000).rounded()))
        }
    }
    overhead("sweep.overhead", plan: plan, scenarios: scenarios, iterations: 10)

    // The flagship at 1,000 paths, 2 variants on 2 threads (one each): ms/variant × 1,000 variants
    // estimates the target run (1,000 × 1,000 paths in 5 minutes needs 300 ms/variant).
    let flagship = SweepWorkload.plan(SweepWorkload.flagshipSweep, name: "flagship")
    // The same overhead on the flagship sweep (2 variants × 1,000 paths, 1 thread): the issue's
    // 5% budget is for sweeps of the flagship, whose runs dominate.
    let flagshipScenarios: [Scenario] = flagship.variants.map { v in
        do { return try flagship.spec.template.resolve(v.overrides) } catch { fatalError("\(error)") }
    }
    overhead("sweep.flagship.overhead", plan: flagship, scenarios: flagshipScenarios, iterations: 3)
    Benchmark("sweep.flagship", configuration: Suite.configuration(extraMetrics: [millisecondsPerVariant], iterations: 3, seconds: 120)) { benchmark in
        let out = SweepWorkload.folder()
        benchmark.startMeasurement()
        let seconds = try SweepWorkload.seconds {
            _ = try SweepDriver.run(flagship, out: out, threads: 2, shard: nil, provenance: SweepWorkload.provenance)
        }
        benchmark.stopMeasurement()
        try? FileManager.default.removeItem(atPath: out)
        benchmark.measurement(millisecondsPerVariant, Int((seconds / Double(flagship.variants.count) * 1000).rounded()))
    }
}
