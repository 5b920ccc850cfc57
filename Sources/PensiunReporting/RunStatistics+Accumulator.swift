import PensiunEngine
import PensiunInputs
import PensiunMonteCarlo
import PensiunScenario

extension RunStatistics {
    /// A run's statistics accumulated from its results chunk by chunk, in path order, when all
    /// paths × years do not fit in memory (`pensiun run` and `merge` stream; docs/model.md,
    /// "Streaming statistics").
    ///
    /// Exact: every mean (``StreamingMoments``: the bits of the in-memory mean), the per-path
    /// numbers (summaries, DC assets at the horizon, decade replacement averages, profile
    /// outcomes) and every statistic computed from them, the calibration values. Approximate: the
    /// yearly rows' quantiles, each within α·max(|x₍lo₎|, |x₍lo+1₎|) of the exact type-7 quantile
    /// (``QuantileSketch``), and their standard deviations, one pass (equal to within rounding).
    public struct Accumulator {
        let inputs: ProjectionInputs
        let targets: [CalibrationTarget]
        let debt: ImplicitPensionDebt?
        public let relativeAccuracy: Double
        var specs: [RowSpec] = []
        var moments: [StreamingMoments] = []
        var sketches: [QuantileSketch] = []
        var paths: Range<Int>?
        var startYear = 0, horizon = 0, trackCount = 0
        var summaries: [PathSummary] = []
        var dcAssets: [Double] = []
        var payrollStart: [Double] = [], payrollEnd: [Double] = []
        var bonds: [Mean] = []
        /// Per calibration target, the means whose sum is its value.
        var calibration: [[Mean]] = []
        var decade: [[Double]] = []
        var profiles: [[Double]] = []
        var cashFlows: [[Double]] = []
        var financing = FinancingPaths()

        /// The mean across paths of values that may include NaN: NaN then, as
        /// ``SampleSummary/mean(_:)`` of all the values gives.
        struct Mean {
            var moments = StreamingMoments()
            var sawNaN = false
            mutating func add<C: Collection>(_ values: C) where C.Element == Double {
                if !sawNaN && values.contains(where: \.isNaN) { sawNaN = true }
                if !sawNaN { moments.add(values) }
            }
            var value: Double { sawNaN ? .nan : moments.mean }
        }

        public init(inputs: ProjectionInputs, targets: [CalibrationTarget], debt: ImplicitPensionDebt?,
                    relativeAccuracy: Double = QuantileSketch.defaultRelativeAccuracy) {
            self.inputs = inputs
            self.targets = targets
            self.debt = debt
            self.relativeAccuracy = relativeAccuracy
        }

        /// Adds the results of the next paths (the first chunk, or the paths right after the
        /// last chunk's); the yearly rows on `threads` threads, each row by one thread.
        public mutating func add(_ r: ProjectionResults, threads: Int) {
            if let paths {
                precondition(r.paths.lowerBound == paths.upperBound, "chunks must come in path order")
                self.paths = paths.lowerBound..<r.paths.upperBound
            } else {
                start(r)
            }
            let specs = UncheckedSendable(self.specs)
            moments.withUnsafeMutableBufferPointer { m in
                sketches.withUnsafeMutableBufferPointer { s in
                    let m = UncheckedSendable(m), s = UncheckedSendable(s)
                    _ = ParallelBlocks.map(count: specs.value.count, threads: threads) { i in
                        let values = specs.value[i].values(r)
                        m.value[i].add(values)
                        s.value[i].add(values)
                    }
                }
            }
            summaries += r.summaries
            dcAssets += r.values(.reform, .dcAssetsPctGDP, r.horizon)
            payrollStart += RunStatistics.payrollPctGDP(r, year: 0)
            payrollEnd += RunStatistics.payrollPctGDP(r, year: r.horizon - 1)
            for t in 0...r.horizon { bonds[t].add(r.values(.reform, .bondsOutstanding, t)) }
            for (i, target) in targets.enumerated() {
                for (k, values) in RunStatistics.calibrationTerms(target, r).enumerated() { calibration[i][k].add(values) }
            }
            for (i, column) in RunStatistics.decadeColumns(r).enumerated() { decade[i] += column }
            for (i, column) in RunStatistics.profileColumns(r).enumerated() { profiles[i] += column }
            for (i, column) in CashFlowDecades.columns(r).enumerated() { cashFlows[i] += column }
            financing.add(r)
        }

        mutating func start(_ r: ProjectionResults) {
            paths = r.paths
            startYear = r.startYear
            horizon = r.horizon
            trackCount = r.trackCount
            specs = RunStatistics.rows(r, inputs: inputs)
            moments = Array(repeating: StreamingMoments(), count: specs.count)
            sketches = Array(repeating: QuantileSketch(relativeAccuracy: relativeAccuracy), count: specs.count)
            bonds = Array(repeating: Mean(), count: r.horizon + 1)
            calibration = targets.map { Array(repeating: Mean(), count: RunStatistics.calibrationTerms($0, r).count) }
            decade = Array(repeating: [], count: 2 * RunStatistics.decadeRates.count * r.trackCount)
            profiles = Array(repeating: [], count: r.profileCount * 2 * ProfileOutcome.Quantity.allCases.count)
            cashFlows = Array(repeating: [], count: CashFlowDecades.columnCount(horizon: r.horizon))
        }

        /// The statistics of every path added so far (at least one chunk).
        public func finish() -> RunStatistics {
            let yearly = zip(specs, zip(moments, sketches)).map { spec, parts in
                let (m, s) = parts
                let summary = m.count == 0 ? nil : SampleSummary(count: m.count, mean: m.mean, standardDeviation: m.standardDeviation,
                                                                 quantiles: s.quantiles(Quantiles.standardLevels))
                return YearlyRow(scheme: spec.scheme, year: spec.year, metric: spec.metric, summary: summary)
            }
            let calibrationValues = zip(targets, calibration).map { target, means -> Double in
                if target.measure == .implicitDebt { return debt?.total ?? .nan }
                return RunStatistics.calibrationValue(target, means: means.map(\.value))
            }
            var statistics = RunStatistics(paths: paths ?? 0..<0, startYear: startYear, horizon: horizon, yearly: yearly,
                                 summaries: summaries, dcAssetsAtHorizon: dcAssets, payrollPctGDP: (payrollStart, payrollEnd),
                                 bondsOutstandingMeans: bonds.map(\.value),
                                 calibrationValues: calibrationValues, quantileAccuracy: relativeAccuracy,
                                 trackCount: trackCount, decade: decade, profileValues: profiles, financing: financing)
            statistics.cashFlowColumns = cashFlows
            return statistics
        }
    }
}
