// What users run (issue 18, "Measure what ships"): the release `pensiun` binary as a whole process,
// `pensiun run <scenario> --paths 10000 --threads T --quiet --out <temporary folder>`, spawned once
// per iteration. The engine-only benchmarks (EngineBenchmarks.swift) measure the projection inside
// this harness; these add what a user also pays for: starting the process, reading and validating
// the scenario, preparing the tables, summarising and writing the outputs.
//
// - The binary: $PENSIUN_BINARY, else <project>/.build/release/pensiun (build it with
//   `swift build -c release` in the project first; a missing binary stops the run with a message).
// - The child gets the user's environment, less the harness's allocator interposer: the benchmark
//   plugin puts libMallocInterposerSwift.so (and, on Swift 6.3, libSwiftRuntimeInterposerSwift.so)
//   in LD_PRELOAD of this process; those entries are removed for the child, any of the user's own
//   are kept, so the child allocates as it does for the user.
// - Wall time, CPU time and the child's peak resident memory come from wait4's resource usage of
//   that one child (ru_maxrss is in KiB on Linux), reported as custom metrics: "wall (ms)",
//   "cpu (ms)" (user + system, all threads) and "peak (MiB)". The metrics are integers, hence
//   milliseconds rather than seconds. The harness's own wallClock is reported beside them; its
//   memory and malloc metrics would describe the harness, not the child, and are not measured.
// - The cases: the frozen copy of the flagship switch reform (Benchmarks/scenarios/
//   indonesia-switch-2026-12/, fixed inputs for the issue's targets) on 1 and 2 threads, and the
//   live flagship (Scenarios/indonesia-asn-2019/) on 2 threads beside it.
//
// Not in the guarded set (scripts/bench/common.sh): whole-process wall times on a shared machine
// are for reading, not for static thresholds. Without the harness: scripts/bench/e2e.sh.
import Benchmark
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func registerEndToEndBenchmarks() {
    let wall = BenchmarkMetric.custom("wall (ms)", polarity: .prefersSmaller, useScalingFactor: false)
    let cpu = BenchmarkMetric.custom("cpu (ms)", polarity: .prefersSmaller, useScalingFactor: false)
    let peak = BenchmarkMetric.custom("peak (MiB)", polarity: .prefersSmaller, useScalingFactor: false)
    // One warm-up run (page cache, binary loaded), then up to 5 measured ones within 60 s.
    // `units: .count` keeps the table in whole ms and MiB (automatic units would print 12,750 ms
    // as "13 (K)").
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, wall, cpu, peak],
        timeUnits: .milliseconds,
        units: [wall: .count, cpu: .count, peak: .count],
        warmupIterations: 1,
        maxDuration: .seconds(60),
        maxIterations: 5
    )
    let cases: [(name: String, scenario: String, threads: Int)] = [
        ("e2e.frozen.10000paths", EndToEnd.frozenScenario, 1),
        ("e2e.frozen.10000paths.2threads", EndToEnd.frozenScenario, 2),
        ("e2e.live.10000paths.2threads", EndToEnd.liveScenario, 2),
    ]
    for item in cases {
        Benchmark(item.name, configuration: configuration) { benchmark in
            let binary = EndToEnd.binary
            let out = EndToEnd.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: out) }
            let arguments = [binary, "run", item.scenario, "--paths", "10000", "--threads", "\(item.threads)",
                             "--quiet", "--out", out]
            benchmark.startMeasurement()
            let usage = EndToEnd.spawnAndWait(arguments)
            benchmark.stopMeasurement()
            guard usage.status == 0 else {
                fatalError("\(item.name): `\(arguments.joined(separator: " "))` exited with status \(usage.status)")
            }
            benchmark.measurement(wall, Int((usage.wallSeconds * 1000).rounded()))
            benchmark.measurement(cpu, Int((usage.cpuSeconds * 1000).rounded()))
            benchmark.measurement(peak, Int((Double(usage.maxRSSKiB) / 1024).rounded()))
        }
    }
}

enum EndToEnd {
    /// The project's folder, from this file's location (Benchmarks/Benchmarks/PensiunBenchmarks/).
    static let project: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // PensiunBenchmarks/
        .deletingLastPathComponent()  // Benchmarks/Benchmarks/
        .deletingLastPathComponent()  // Benchmarks/
        .deletingLastPathComponent()  // the project

    /// The frozen switch case (fixed inputs for the issue's targets).
    static let frozenScenario = project.appendingPathComponent(
        "Benchmarks/scenarios/indonesia-switch-2026-12/indonesia-asn-2019/reform-switch-under-40-bonds.yaml").path
    /// The live flagship switch reform, as committed now.
    static let liveScenario = project.appendingPathComponent(
        "Scenarios/indonesia-asn-2019/reform-switch-under-40-bonds.yaml").path

    /// The release binary: $PENSIUN_BINARY, else <project>/.build/release/pensiun. Resolved on first
    /// use, so that a missing binary stops only a run that includes these benchmarks.
    static let binary: String = {
        let path = ProcessInfo.processInfo.environment["PENSIUN_BINARY"].flatMap { $0.isEmpty ? nil : $0 }
            ?? project.appendingPathComponent(".build/release/pensiun").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            fatalError("""
                e2e benchmarks: no executable pensiun at \(path). Build it first \
                (`swift build -c release` in \(project.path)) or set PENSIUN_BINARY to a release binary.
                """)
        }
        return path
    }()

    /// The environment for the child: this process's, with the harness's interposer libraries
    /// taken out of LD_PRELOAD (the variable is dropped if nothing else is left in it).
    static let childEnvironment: [String] = {
        var environment = ProcessInfo.processInfo.environment
        if let preload = environment["LD_PRELOAD"] {
            let harness = ["libMallocInterposerSwift.so", "libSwiftRuntimeInterposerSwift.so"]
            let kept = preload.split(whereSeparator: { $0 == ":" || $0 == " " })
                .filter { entry in !harness.contains { entry.hasSuffix("/" + $0) || entry == $0 } }
            if kept.isEmpty {
                environment["LD_PRELOAD"] = nil
            } else {
                environment["LD_PRELOAD"] = kept.joined(separator: ":")
            }
        }
        return environment.map { "\($0.key)=\($0.value)" }
    }()

    /// A new empty folder for one run's outputs.
    static func temporaryFolder() -> String {
        var template = Array((NSTemporaryDirectory() + "/pensiun-e2e-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            fatalError("e2e benchmarks: mkdtemp failed (errno \(errno))")
        }
        return String(cString: made)
    }

    struct Usage {
        var status: Int32
        var wallSeconds: Double
        var cpuSeconds: Double
        var maxRSSKiB: Int
    }

    /// Spawns `arguments[0]` with `arguments` and `childEnvironment`, standard output to /dev/null
    /// (standard error inherited, so a failing run says why), and waits for it with wait4.
    static func spawnAndWait(_ arguments: [String]) -> Usage {
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = childEnvironment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        #else
        var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)

        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        guard spawned == 0 else {
            fatalError("e2e benchmarks: cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 {
            guard errno == EINTR else { fatalError("e2e benchmarks: wait4 failed (errno \(errno))") }
        }
        let elapsed = clock.now - start
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) * 1e-6 }
        // Exited normally: the exit code; killed by a signal: 128 + the signal, as a shell says.
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        #if os(Linux)
        let kib = Int(usage.ru_maxrss)  // KiB on Linux
        #else
        let kib = Int(usage.ru_maxrss) / 1024  // bytes on Darwin
        #endif
        return Usage(status: code, wallSeconds: wall, cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime),
                     maxRSSKiB: kib)
    }
}
