import Foundation
import PensiunEngine
import PensiunInputs
import PensiunMonteCarlo
import PensiunScenario

/// What identifies a run: recorded in every output folder.
public struct RunMetadata: Sendable {
    public var version: String
    public var gitCommit: String?
    public var seed: UInt64
    public var paths: Range<Int>
    /// The total number of paths of the run this shard belongs to (= paths.count when not sharded).
    public var totalPaths: Int
    public var threads: Int
    public var wallTime: Double
    /// The scenario's `--set` overrides, in order.
    public var overrides: [String]
    /// For a merged run, the shard folders it was made from.
    public var mergedFrom: [String]
    public init(version: String, gitCommit: String?, seed: UInt64, paths: Range<Int>, totalPaths: Int, threads: Int,
                wallTime: Double, overrides: [String] = [], mergedFrom: [String] = []) {
        self.overrides = overrides
        self.mergedFrom = mergedFrom
        self.version = version
        self.gitCommit = gitCommit
        self.seed = seed
        self.paths = paths
        self.totalPaths = totalPaths
        self.threads = threads
        self.wallTime = wallTime
    }
}

/// One row of the tidy yearly statistics: (scheme, year, metric) and its distribution across paths.
public struct YearlyRow: Sendable {
    public let scheme: Scheme
    public let year: Int
    /// A docs/model.md §8 name, or `<name>.<track>` for replacement rates by track.
    public let metric: String
    /// nil when no path has a value (a replacement rate in a year nobody retires).
    public let summary: SampleSummary?
}

/// A calibration target with the model's value.
public struct CalibrationRow: Sendable {
    public let target: CalibrationTarget
    public let model: Double
    /// Whether the model is within the tolerance of the target (or its range): relative, or in
    /// points for a growth measure. A reference is never checked: it always "passes".
    public var passes: Bool {
        if target.reference { return true }
        if target.measure.isGrowth {
            return model >= target.target - target.tolerance && model <= (target.upper ?? target.target) + target.tolerance
        }
        let low = target.target * (1 - target.tolerance)
        let high = (target.upper ?? target.target) * (1 + target.tolerance)
        return model >= min(low, high) && model <= max(low, high)
    }

    /// "ok", "MISS" or "ref" (a reference, not checked).
    public var status: String { target.reference ? "ref" : passes ? "ok" : "MISS" }

    /// The tolerance as printed: "±5%", "±5 pp" for a growth, "—" for a reference.
    public var toleranceText: String {
        if target.reference { return "—" }
        if target.measure.isGrowth { return "±" + String(format: "%g", target.tolerance * 100) + " pp" }
        return "±" + Format.percent(target.tolerance, decimals: 0)
    }
}

/// The results model of a run: every renderer (terminal, Markdown, JSON, CSV, HTML) reads it.
public struct RunReport: Sendable {
    public let scenario: Scenario
    public let inputs: ProjectionInputs
    /// Every value of every path, when the run held them in memory; nil for a run whose results
    /// were streamed (``RunStatistics/Accumulator``).
    public let results: ProjectionResults?
    public let statistics: RunStatistics
    public let metadata: RunMetadata
    public var yearly: [YearlyRow] { statistics.yearly }
    public let figures: SummaryFigures
    public let calibration: [CalibrationRow]
    /// The deterministic alternatives (`reporting.alternatives`), the base case first; empty when
    /// the scenario names none, and for a shard (its merge computes them).
    public var alternatives: [RunAlternative] = []
    /// The valuations beyond the window (``BeyondHorizon``), one per deterministic alternative
    /// (base first), or the base case alone when the scenario names none; empty for a shard (its
    /// merge computes them).
    public var beyond: [BeyondHorizonRow] = []

    /// The report of a run whose results are all in memory: every statistic exact.
    public init(scenario: Scenario, inputs: ProjectionInputs, results: ProjectionResults, debt: ImplicitPensionDebt?,
                metadata: RunMetadata) {
        let statistics = RunStatistics(results: results, inputs: inputs, targets: scenario.calibration, debt: debt,
                                       threads: metadata.threads)
        self.init(scenario: scenario, inputs: inputs, statistics: statistics, results: results, debt: debt, metadata: metadata)
    }

    /// The report of a run from its statistics (`results` nil when they were streamed).
    public init(scenario: Scenario, inputs: ProjectionInputs, statistics: RunStatistics, results: ProjectionResults?,
                debt: ImplicitPensionDebt?, metadata: RunMetadata) {
        self.scenario = scenario
        self.inputs = inputs
        self.results = results
        self.statistics = statistics
        self.metadata = metadata
        figures = SummaryFigures(statistics: statistics, inputs: inputs, debt: debt)
        calibration = zip(scenario.calibration, statistics.calibrationValues).map { CalibrationRow(target: $0, model: $1) }
    }
}
