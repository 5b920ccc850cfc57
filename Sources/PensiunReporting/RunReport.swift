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
    /// Whether the model is within the tolerance of the target (or its range).
    public var passes: Bool {
        let low = target.target * (1 - target.tolerance)
        let high = (target.upper ?? target.target) * (1 + target.tolerance)
        return model >= min(low, high) && model <= max(low, high)
    }
}

/// The results model of a run: every renderer (terminal, Markdown, JSON, CSV, HTML) reads it.
public struct RunReport: Sendable {
    public let scenario: Scenario
    public let inputs: ProjectionInputs
    public let results: ProjectionResults
    public let metadata: RunMetadata
    public let yearly: [YearlyRow]
    public let figures: SummaryFigures
    public let calibration: [CalibrationRow]

    public init(scenario: Scenario, inputs: ProjectionInputs, results: ProjectionResults, debt: ImplicitPensionDebt?,
                metadata: RunMetadata) {
        self.scenario = scenario
        self.inputs = inputs
        self.results = results
        self.metadata = metadata
        yearly = Self.yearlyRows(results, inputs: inputs, threads: metadata.threads)
        figures = SummaryFigures(results: results, inputs: inputs, debt: debt)
        calibration = scenario.calibration.map { target in
            CalibrationRow(target: target, model: Self.calibrationValue(target, results: results, debt: debt))
        }
    }

    /// The yearly statistics of every (scheme, metric, year) and of the replacement rates by
    /// track, summarised on `threads` threads (each row on its own: the same rows whatever the
    /// thread count).
    static func yearlyRows(_ r: ProjectionResults, inputs: ProjectionInputs, threads: Int) -> [YearlyRow] {
        /// What a row summarises: a metric, or a replacement-rate kind of a track.
        enum Source { case metric(Metric), replacement(kind: Int, track: Int) }
        var rows: [(scheme: Scheme, year: Int, metric: String, source: Source, t: Int)] = []
        let y0 = r.startYear
        for scheme in Scheme.allCases {
            for metric in Metric.allCases where !(scheme == .current && metric == .transitionCostPctGDP) {
                for t in 0..<metric.length(horizon: r.horizon) {
                    rows.append((scheme, y0 + t, metric.name, .metric(metric), t))
                }
            }
            let kinds = [Metric.replacementRateDB, .replacementRateDC, .replacementRateTotal]
            for (kind, metric) in kinds.enumerated() {
                for (k, track) in inputs.tracks.enumerated() {
                    for t in 0..<r.horizon {
                        rows.append((scheme, y0 + t, "\(metric.name).\(track.name)", .replacement(kind: kind, track: k), t))
                    }
                }
            }
        }
        let specs = UncheckedSendable(rows)
        let summaries = ParallelBlocks.map(count: rows.count, threads: threads) { i -> SampleSummary? in
            let row = specs.value[i]
            switch row.source {
            case let .metric(m): return summarise(r.values(row.scheme, m, row.t))
            case let .replacement(kind, k): return summarise(r.replacement(row.scheme, kind: kind, track: k, row.t))
            }
        }
        return zip(rows, summaries).map { YearlyRow(scheme: $0.scheme, year: $0.year, metric: $0.metric, summary: $1) }
    }

    /// Summary of the finite values (nil when there are none).
    static func summarise<C: Collection>(_ values: C) -> SampleSummary? where C.Element == Double {
        let finite = values.filter { !$0.isNaN }
        return finite.isEmpty ? nil : SampleSummary(finite)
    }

    static func calibrationValue(_ target: CalibrationTarget, results r: ProjectionResults, debt: ImplicitPensionDebt?) -> Double {
        let t = target.year - r.startYear
        guard t >= 0, t <= r.horizon else { return .nan }
        func mean(_ m: Metric) -> Double {
            guard t < m.length(horizon: r.horizon) else { return .nan }
            return SampleSummary.mean(r.values(.current, m, t))
        }
        switch target.measure {
        case .actives: return mean(.actives)
        case .recipients: return mean(.pensioners) + mean(.survivors)
        case .dbBenefits: return mean(.dbBenefits)
        case .dbBenefitsPctGDP:
            guard t < r.horizon else { return .nan }
            return SampleSummary.mean(zip(r.values(.current, .dbBenefits, t), r.gdp(t)).map { $0 / $1 })
        case .retirements: return mean(.retirements)
        case .implicitDebt: return debt?.total ?? .nan
        }
    }
}
