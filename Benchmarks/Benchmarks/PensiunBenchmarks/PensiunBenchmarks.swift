// The benchmark suite's entry point: the BenchmarkPlugin generates a `main` that calls `benchmarks`.
// Each area of the project registers its benchmarks from its own file (RandomBenchmarks.swift,
// EconomyBenchmarks.swift, ...); shared settings live in `Suite` below.
import Benchmark
import CMallocTuning

let benchmarks: @Sendable () -> Void = {
    registerRandomBenchmarks()
    registerEconomyBenchmarks()
    registerActuarialBenchmarks()
    registerEngineBenchmarks()
    registerSweepBenchmarks()
}

/// Settings shared by the suite's benchmarks.
enum Suite {
    /// Metrics measured by every benchmark. `instructions` needs hardware performance counters
    /// (perf_event_open); on a machine without them (a VM, usually) the tool leaves that row out.
    static let metrics: [BenchmarkMetric] = [
        .wallClock, .cpuUser, .cpuSystem, .throughput, .instructions, .mallocCountTotal, .peakMemoryResident,
    ]

    /// A configuration for benchmarks whose one iteration takes tens to hundreds of milliseconds:
    /// one warm-up iteration, then up to `iterations` measured ones within `seconds`.
    static func configuration(
        extraMetrics: [BenchmarkMetric] = [], iterations: Int = 30, seconds: Int = 10
    ) -> Benchmark.Configuration {
        .init(
            metrics: metrics + extraMetrics,
            timeUnits: .microseconds,
            warmupIterations: 1,
            maxDuration: .seconds(seconds),
            maxIterations: iterations
        )
    }

    /// Measures `body` with a monotonic clock and returns `count / seconds`, for the custom
    /// rate metrics (normals/s, path-years/s) reported beside wall time.
    @inline(__always)
    static func rate<E: Error>(of count: Int, _ body: () throws(E) -> Void) throws(E) -> Int {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return Int((Double(count) / seconds).rounded())
    }

    /// Returns the heap's free memory to the kernel (`malloc_trim(0)`), so that the next
    /// allocations get fresh pages, as in a one-shot run of the command-line tool.
    ///
    /// Benchmarks that allocate and free tens of megabytes per iteration call this before each
    /// one: otherwise whether an iteration gets recycled pages or fresh ones (each zero-filled by
    /// the kernel on first touch: about 20 ms for the ESG's 60 MB here) depends on what else sits
    /// on the heap, and the wall time jumps between two levels from run to run.
    static func releaseFreedMemory() {
        _ = pensiun_malloc_release_freed_memory()
    }
}
