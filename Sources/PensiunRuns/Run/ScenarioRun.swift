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

        public init(scenario: String, overrides: [String] = [], paths: Int? = nil, range: Range<Int>? = nil, seed: UInt64? = nil,
                    threads: Int, out: String? = nil, force: Bool = false, version: String, gitCommit: String? = nil) {
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
    /// results need, the output folder (checked and locked), the engine's inputs and the debt;
    /// then the engine's path errors and a value beyond the range of a number. Bad input is an
    /// ``InputError`` or the scenario's `ScenarioError`; an output folder Pensiun may not write an
    /// `OutputError` naming `--out`. `progress` gets the number of paths to run and returns the
    /// hook that shows their progress, if any.
    public static func run(_ request: Request, progress: (_ paths: Int) -> (any RunProgress)? = { _ in nil }) throws -> Outcome {
        let loaded = try ScenarioLoader.load(path: request.scenario, overrides: request.overrides)
        let inputs = try RunChecks.projection(of: loaded)
        let total = request.paths ?? loaded.simulation.paths
        let range = request.range ?? 0..<total
        let seed = request.seed ?? loaded.simulation.seed
        let started = Date()
        // A shard carries results.bin even when it covers every path (slurm run --tasks 1).
        let partial = request.range != nil
        let folder = request.out ?? (partial ? "Outputs/\(loaded.name).paths-\(range.lowerBound)-\(range.upperBound)" : "Outputs/\(loaded.name)")
        try MemoryBudget.check(paths: range.count, bytesPerPath: bytesPerPath(inputs, horizon: loaded.simulation.horizon),
                               wayOut: "run fewer paths, or shards with --path-range A..B joined by pensiun merge")
        // The output folder is checked and locked before anything is computed.
        let writer = try OutputError.naming("--out") {
            try RunOutput.open(folder, inputs: [loaded.file] + loaded.files, force: request.force)
        }
        let checked = try RunChecks(inputs, scenario: request.scenario, paths: range, seed: seed, threads: request.threads,
                                    checkingPaths: false)
        let report: RunReport
        do {
            let hook = progress(range.count)
            defer { hook?.finish() }
            var update: (@Sendable (Int) -> Void)?
            if let hook { update = { @Sendable done in hook.update(done) } }
            let results = try checked.projection.run(paths: range, seed: seed, threads: request.threads, progress: update)
            if let bad = results.firstNonFinite() { throw InputError(RunChecks.message(bad, scenario: request.scenario)) }
            let metadata = RunMetadata(version: request.version, gitCommit: request.gitCommit, seed: seed,
                                       paths: range, totalPaths: total, threads: request.threads,
                                       wallTime: Date().timeIntervalSince(started), overrides: request.overrides)
            report = RunReport(scenario: loaded, inputs: inputs, results: results, debt: checked.debt, metadata: metadata)
        } catch {
            if let refusal = RunChecks.refusal(error, scenario: request.scenario) { throw refusal }
            throw error
        }
        try RunOutput.write(report, with: writer, partial: partial)
        return Outcome(report: report, folder: folder, leftover: writer.leftover, warnings: loaded.warnings)
    }

    /// Bytes a run holds per path: its results (`ResultsSize`) and, as much again, the sorted
    /// copies its statistics make and the text of its files.
    public static func bytesPerPath(_ inputs: ProjectionInputs, horizon: Int) -> Int? {
        ResultsSize.doubles(paths: 1, horizon: horizon, tracks: inputs.tracks.count, profiles: inputs.profiles.count)
            .flatMap { $0.multipliedReportingOverflow(by: 16).overflow ? nil : $0 * 16 }
    }
}
