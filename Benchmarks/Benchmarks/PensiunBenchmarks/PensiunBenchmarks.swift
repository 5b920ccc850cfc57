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
    registerEndToEndBenchmarks()
}

/// Settings shared by the suite's benchmarks.
enum Suite {
    /// Metrics measured by every benchmark. `instructions` needs hardware performance counters
    /// (perf_event_open); on a machine without them (a VM, usually) the tool leaves that row out.
    static let metrics: [BenchmarkMetric] = [
        .wallClock, .cpuUser, .cpuSystem, .throughput, .instructions, .mallocCountTotal, .mallocBytesCount,
        .peakMemoryResident,
    ]

    /// A configuration for benchmarks whose one iteration takes tens to hundreds of milliseconds:
    /// one warm-up iteration, then up to `iterations` measured ones within `seconds`.
    /// `mallocs` is the tolerance of the malloc count against its static threshold (see `thresholds`).
    static func configuration(
        extraMetrics: [BenchmarkMetric] = [], iterations: Int = 30, seconds: Int = 10,
        mallocs: BenchmarkThresholds = Suite.fewMallocs
    ) -> Benchmark.Configuration {
        .init(
            metrics: metrics + extraMetrics,
            timeUnits: .microseconds,
            warmupIterations: 1,
            maxDuration: .seconds(seconds),
            maxIterations: iterations,
            thresholds: thresholds(mallocs: mallocs)
        )
    }

    // MARK: Static thresholds (`make bench-check`, Benchmarks/Thresholds/*.p90.json)
    //
    // `swift package benchmark thresholds check` compares the p90 of each metric stored in a
    // benchmark's Thresholds/PensiunBenchmarks.<name>.p90.json with the value there, within the
    // tolerances below (a stored metric without a tolerance here would be allowed none at all).
    // scripts/bench/check.sh and update-thresholds.sh run only the metrics that hold across
    // machines and runs (`--metric mallocCountTotal --metric mallocBytesCount --metric wallClock`):
    // - the malloc count and the bytes allocated in the measured region, set by the code. They are
    //   exact only without `peakMemoryResident` (or any sampled metric): its sampler thread reads
    //   /proc/self/stat every 10 ms and allocates for each read, about 250 mallocs a second of
    //   wall time, so a loaded machine would "regress" them. The harness adds a few of its own.
    // - the wall clock, within +100% only, and only for benchmarks on one thread (the files of
    //   the `*2threads` ones leave it out: whether the second core is free on a shared machine
    //   moves those by 2 to 6 times).

    /// Malloc counts up to a few hundred per iteration: ±8 (they repeat exactly from one
    /// iteration and run to the next, or within one or two when worker threads start).
    static var fewMallocs: BenchmarkThresholds { .init(absolute: [.p90: 8]) }
    /// Malloc counts of thousands and more, set by the code under test: ±2%.
    static var manyMallocs: BenchmarkThresholds { .init(relative: [.p90: 2]) }

    static func thresholds(mallocs: BenchmarkThresholds) -> [BenchmarkMetric: BenchmarkThresholds] {
        [
            .mallocCountTotal: mallocs,
            .mallocBytesCount: BenchmarkThresholds(relative: [.p90: 5]),
            .wallClock: BenchmarkThresholds(relative: [.p90: 100]),
        ]
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
