import Foundation
import PensiunEngine
import PensiunInputs
import PensiunReporting
import PensiunScenario

/// Progress of a run's engine loop, shown by the caller (the command line draws a line on a
/// terminal): ``update(_:)`` from any worker thread with the paths done so far, ``finish()`` once
/// the loop has ended, before anything else is printed.
public protocol RunProgress: Sendable {
    func update(_ done: Int)
    func finish()
}

/// `pensiun run`: both schemes of a scenario on common random paths, written as a run folder.
public enum ScenarioRun {
    /// What to run.
    public struct Request: Sendable {
        /// The scenario file, as given (it names the scenario in messages).
        public var scenario: String
        /// `--set` overrides, `key.path=value`.
        public var overrides: [String]
        /// The paths of the whole run; nil: the scenario's simulation.paths.
        public var paths: Int?
        /// Only these paths, a shard (`--path-range`); nil: every path.
        public var range: Range<Int>?
        /// The master seed; nil: the scenario's simulation.seed.
        public var seed: UInt64?
        public var threads: Int
        /// The run folder; nil: `Outputs/<scenario name>` (a shard: `…/<name>.paths-A-B`).
        public var out: String?
        /// Take over the output folder's lock even if its holder seems alive.
        public var force: Bool
        /// The Pensiun version and git commit recorded in the manifest.
        public var version: String
        public var gitCommit: String?
        /// The memory the run may plan to use, in bytes (`--memory-limit`); nil: ``MemoryBudget/available``.
        /// A run whose results would need more streams them (``RunStatistics/Accumulator``).
        public var memoryLimit: Int?
        /// Stream the results even when they fit (`--stream`): the statistics a run too large
        /// for memory gives, to check them against the exact ones.
        public var forceStreaming: Bool

        public init(scenario: String, overrides: [String] = [], paths: Int? = nil, range: Range<Int>? = nil, seed: UInt64? = nil,
                    threads: Int, out: String? = nil, force: Bool = false, version: String, gitCommit: String? = nil,
                    memoryLimit: Int? = nil, forceStreaming: Bool = false) {
            self.scenario = scenario
            self.overrides = overrides
            self.paths = paths
            self.range = range
            self.seed = seed
            self.threads = threads
            self.out = out
            self.force = force
            self.version = version
            self.gitCommit = gitCommit
            self.memoryLimit = memoryLimit
            self.forceStreaming = forceStreaming
        }
    }

    /// What a run wrote.
    public struct Outcome: Sendable {
        public let report: RunReport
        /// The run folder written.
        public let folder: String
        /// Where the previous output folder was kept, when a file appeared in it during the run.
        public let leftover: String?
        /// The scenario's warnings.
        public let warnings: [String]
    }

    /// Runs `request` and writes its folder. Everything that can be refused is refused before
    /// anything is written, in this order: the scenario, its projection sections, the memory the
    /// results need, the deterministic alternatives' scenarios (``AlternativeRuns``; not for a
    /// shard), the output folder (checked and locked), the engine's inputs and the debt; then the
    /// engine's path errors, a value beyond the range of a number and an alternative's path. Bad input is an
    /// ``InputError`` or the scenario's `ScenarioError`; an output folder Pensiun may not write an
    /// `OutputError` naming `--out`. `progress` gets the number of paths to run and returns the
    /// hook that shows their progress, if any.
    ///
    /// When the results would need more memory than the run may use (``Request/memoryLimit``),
    /// a run over every path streams: it projects the paths in chunks, in path order, and keeps
    /// only their statistics (exact means, quantiles within ``QuantileSketch``'s bound); `notice`
    /// gets a line saying so, with the chunk size and the memory, and after the first chunk the
    /// estimated time. A partial run (a shard) always keeps its results: it is refused instead.
    public static func run(_ request: Request, progress: (_ paths: Int) -> (any RunProgress)? = { _ in nil },
                           notice: (String) -> Void = { _ in }) throws -> Outcome {
        let template = try ScenarioTemplate.load(path: request.scenario, overrides: request.overrides)
        let loaded = try template.resolve()
        let inputs = try RunChecks.projection(of: loaded)
        let total = request.paths ?? loaded.simulation.paths
        let range = request.range ?? 0..<total
        let seed = request.seed ?? loaded.simulation.seed
        let started = Date()
        // A shard carries results.bin even when it covers every path (slurm run --tasks 1).
        let partial = request.range != nil
        let folder = request.out ?? (partial ? "Outputs/\(loaded.name).paths-\(range.lowerBound)-\(range.upperBound)" : "Outputs/\(loaded.name)")
        let budget = request.memoryLimit ?? MemoryBudget.available
        let perPath = bytesPerPath(inputs, horizon: loaded.simulation.horizon)
        let plan = partial ? nil : StreamPlan(paths: range.count, bytesPerPath: perPath, budget: budget,
                                              budgetIsDefault: request.memoryLimit == nil, bytesKeptPerPath: bytesKeptPerPath(inputs),
                                              rows: RunStatistics.rowCount(horizon: loaded.simulation.horizon, tracks: inputs.tracks.count),
                                              force: request.forceStreaming)
        if partial && request.forceStreaming {
            throw InputError("--stream: a shard (--path-range) keeps its results for pensiun merge")
        }
        if partial {
            try MemoryBudget.check(paths: range.count, bytesPerPath: perPath, available: budget,
                                   wayOut: "run fewer paths in each shard (--path-range A..B), joined by pensiun merge")
        } else if let plan, let refusal = plan.refusal {
            throw InputError(refusal)
        }
        // The deterministic alternatives are read and checked before anything is written; a
        // shard leaves them to its merge.
        let alternatives = partial ? [] : try AlternativeRuns.plan(template, loaded: loaded)
        // The output folder is checked and locked before anything is computed.
        let writer = try OutputError.naming("--out") {
            try RunOutput.open(folder, inputs: [loaded.file] + loaded.files, force: request.force)
        }
        let checked = try RunChecks(inputs, scenario: request.scenario, paths: range, seed: seed, threads: request.threads,
                                    checkingPaths: false)
        var report: RunReport
        do {
            let hook = progress(range.count)
            defer { hook?.finish() }
            func update(from offset: Int) -> (@Sendable (Int) -> Void)? {
                guard let hook else { return nil }
                return { @Sendable done in hook.update(offset + done) }
            }
            func metadata() -> RunMetadata {
                RunMetadata(version: request.version, gitCommit: request.gitCommit, seed: seed, paths: range, totalPaths: total,
                            threads: request.threads, wallTime: Date().timeIntervalSince(started), overrides: request.overrides)
            }
            if let plan, let chunk = plan.chunk {
                notice(plan.describe)
                var accumulator = RunStatistics.Accumulator(inputs: inputs, targets: loaded.calibration, debt: checked.debt)
                let first = Date()
                for start in stride(from: range.lowerBound, to: range.upperBound, by: chunk) {
                    let paths = start..<min(start + chunk, range.upperBound)
                    let results = try checked.projection.run(paths: paths, seed: seed, threads: request.threads,
                                                             progress: update(from: start - range.lowerBound))
                    try RunChecks.requireFinite(results, scenario: request.scenario)
                    accumulator.add(results, threads: request.threads)
                    if start == range.lowerBound && paths.count < range.count {
                        let seconds = Date().timeIntervalSince(first) * Double(range.count) / Double(paths.count)
                        notice("streaming: the first \(paths.count) paths took \(String(format: "%.1f", Date().timeIntervalSince(first))) s; about \(StreamPlan.duration(seconds)) for all \(range.count)")
                    }
                }
                report = RunReport(scenario: loaded, inputs: inputs, statistics: accumulator.finish(), results: nil,
                                   debt: checked.debt, metadata: metadata())
            } else {
                if let perPath, let note = inMemoryNotice(paths: range.count, bytesPerPath: perPath, budget: budget) { notice(note) }
                let results = try checked.projection.run(paths: range, seed: seed, threads: request.threads, progress: update(from: 0))
                try RunChecks.requireFinite(results, scenario: request.scenario)
                report = RunReport(scenario: loaded, inputs: inputs, results: results, debt: checked.debt, metadata: metadata())
            }
            report.alternatives = try AlternativeRuns.run(alternatives, seed: seed, threads: request.threads, scenario: request.scenario)
            if !partial { report.beyond = try AlternativeRuns.beyond(alternatives, inputs: inputs, scenario: request.scenario, threads: request.threads) }
        } catch {
            if let refusal = RunChecks.refusal(error, scenario: request.scenario) { throw refusal }
            throw error
        }
        try RunOutput.write(report, with: writer, partial: partial)
        return Outcome(report: report, folder: folder, leftover: writer.leftover, warnings: loaded.warnings)
    }

    /// The line a run that keeps at least 1 GiB of results in memory prints before it starts:
    /// what it will hold, against what it may use (nil for a smaller run).
    static func inMemoryNotice(paths: Int, bytesPerPath: Int, budget: Int) -> String? {
        let (bytes, overflow) = paths.multipliedReportingOverflow(by: bytesPerPath)
        guard !overflow, bytes >= 1 << 30 else { return nil }
        return "run: the results of \(paths) paths will take about \(MemoryBudget.describe(bytes)) in memory, within the "
            + "\(MemoryBudget.describe(budget)) this run may use (more paths than fit are streamed; see --memory-limit)"
    }

    /// Bytes a streamed run keeps per path whatever the chunk: the per-path summary and numbers
    /// (``RunStatistics``: DC assets, decade replacement averages, profile outcomes) and, as much
    /// again, their copies while the files are written, plus the line of `paths.csv`.
    public static func bytesKeptPerPath(_ inputs: ProjectionInputs) -> Int {
        let numbers = 1 + 2 * RunStatistics.decadeRates.count * inputs.tracks.count + inputs.profiles.count * 2 * ProfileOutcome.Quantity.allCases.count
            + CashFlowDecades.columnCount(horizon: inputs.calendar.horizon)
            + FinancingPaths.numbersPerPath(horizon: inputs.calendar.horizon)
        return 2 * (MemoryLayout<PathSummary>.stride + 8 * numbers) + 400
    }

    /// Bytes a run holds per path: its results (`ResultsSize`) and, as much again, the sorted
    /// copies its statistics make and the text of its files.
    public static func bytesPerPath(_ inputs: ProjectionInputs, horizon: Int) -> Int? {
        ResultsSize.doubles(paths: 1, horizon: horizon, tracks: inputs.tracks.count, profiles: inputs.profiles.count)
            .flatMap { $0.multipliedReportingOverflow(by: 16).overflow ? nil : $0 * 16 }
    }
}
