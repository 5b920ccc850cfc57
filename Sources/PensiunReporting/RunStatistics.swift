import PensiunEngine
import PensiunInputs
import PensiunMonteCarlo
import PensiunScenario

/// What the reports read of a run's paths: the yearly statistics across paths, and the few
/// numbers per path the summaries need (per-path summaries, DC assets at the horizon, decade
/// replacement rates, profile outcomes): O(paths), not O(paths × years).
///
/// Made from all results in memory (``init(results:inputs:targets:debt:threads:)``: every
/// statistic exact), or accumulated chunk by chunk in path order when the results do not fit
/// (``Accumulator``: exact means and per-path numbers, quantiles of the yearly rows from a
/// ``QuantileSketch``, docs/model.md "Streaming statistics").
public struct RunStatistics: Sendable {
    public let paths: Range<Int>
    /// y0 and H of the run.
    public let startYear: Int, horizon: Int
    /// The yearly statistics of every (scheme, metric, year) and of the replacement rates by track.
    public let yearly: [YearlyRow]

    /// The statistics of one (scheme, metric, year), or nil when the run has no such row or no
    /// path has a value.
    public func summary(_ scheme: Scheme, _ metric: Metric, year: Int) -> SampleSummary? {
        yearly.first { $0.scheme == scheme && $0.year == year && $0.metric == metric.name }?.summary
    }
    /// The per-path summaries, in path order.
    public let summaries: [PathSummary]
    /// DC fund assets / GDP at the end of the horizon (y0+H), per path.
    public let dcAssetsAtHorizon: [Double]
    /// The current scheme's payroll / GDP in y0 and in the last year y0+H−1, per path.
    public let payrollPctGDPStart: [Double], payrollPctGDPEnd: [Double]
    /// The mean across paths of bonds outstanding in each stock year t = 0 … H (NaN when a path
    /// has no value).
    public let bondsOutstandingMeans: [Double]
    /// The model's value of each calibration target of the scenario, in its order.
    public let calibrationValues: [Double]
    /// The per-path numbers of the transition's financing (``FinancingPaths``).
    public let financing: FinancingPaths
    /// nil when every statistic is exact; the sketch's relative accuracy α when the yearly
    /// quantiles were streamed.
    public let quantileAccuracy: Double?
    let trackCount: Int
    /// Per (scheme, rate of ``decadeRates``, track): ``decadeAverages(_:rate:track:)``.
    let decade: [[Double]]

    /// The rates whose last-decade averages the summaries and the report read (the model-2.2
    /// three, the like-for-like totals and the member percentiles), kept per path: not all
    /// eighteen, since a streamed run keeps these numbers for every path.
    public static let decadeRates: [Metric] = [
        .replacementRateDB, .replacementRateDC, .replacementRateTotal, .rrBasicTotal, .rrTakeHomeTotal, .rrBasicTotalAfter20,
        .rrBasicTotalMemberP10, .rrBasicTotalMemberP50, .rrBasicTotalMemberP90,
    ]
    /// Per (profile, scheme, quantity): the values across paths (NaN where a path has none).
    let profileValues: [[Double]]
    /// Per (scheme, decade, measure): the per-path decade sums of ``CashFlowDecades`` (issue 21).
    public internal(set) var cashFlowColumns: [[Double]] = []

    /// The per-path averages of a replacement rate (a metric of ``Metric/rates``) of one track
    /// over the last decade of the horizon, for the paths on which the rate has a value in the decade.
    public func decadeAverages(_ scheme: Scheme, rate: Metric, track: Int) -> [Double] {
        guard let r = Self.decadeRates.firstIndex(of: rate) else { preconditionFailure("\(rate.name) has no decade average") }
        return decade[(scheme.rawValue * Self.decadeRates.count + r) * trackCount + track]
    }

    /// A profile quantity across paths, in path order.
    public func profile(_ index: Int, _ scheme: Scheme, _ quantity: ProfileOutcome.Quantity) -> [Double] {
        profileValues[(index * 2 + scheme.rawValue) * ProfileOutcome.Quantity.allCases.count + quantity.rawValue]
    }

    init(paths: Range<Int>, startYear: Int, horizon: Int, yearly: [YearlyRow], summaries: [PathSummary],
         dcAssetsAtHorizon: [Double], payrollPctGDP: (start: [Double], end: [Double]), bondsOutstandingMeans: [Double],
         calibrationValues: [Double],
         quantileAccuracy: Double?, trackCount: Int, decade: [[Double]], profileValues: [[Double]], financing: FinancingPaths) {
        self.paths = paths
        self.startYear = startYear
        self.horizon = horizon
        self.yearly = yearly
        self.summaries = summaries
        self.dcAssetsAtHorizon = dcAssetsAtHorizon
        (payrollPctGDPStart, payrollPctGDPEnd) = payrollPctGDP
        self.bondsOutstandingMeans = bondsOutstandingMeans
        self.calibrationValues = calibrationValues
        self.quantileAccuracy = quantileAccuracy
        self.trackCount = trackCount
        self.decade = decade
        self.profileValues = profileValues
        self.financing = financing
    }

    /// Every statistic from all results in memory, exact; the yearly rows summarised on `threads`
    /// threads (the same rows whatever the count).
    public init(results r: ProjectionResults, inputs: ProjectionInputs, targets: [CalibrationTarget],
                debt: ImplicitPensionDebt?, threads: Int) {
        paths = r.paths
        startYear = r.startYear
        horizon = r.horizon
        trackCount = r.trackCount
        let specs = Self.rows(r, inputs: inputs)
        let shared = UncheckedSendable(specs)
        let summaries = ParallelBlocks.map(count: specs.count, threads: threads) { i -> SampleSummary? in
            let row = shared.value[i]
            return Self.summarise(row.values(r))
        }
        yearly = zip(specs, summaries).map { YearlyRow(scheme: $0.scheme, year: $0.year, metric: $0.metric, summary: $1) }
        self.summaries = r.summaries
        dcAssetsAtHorizon = Array(r.values(.reform, .dcAssetsPctGDP, r.horizon))
        payrollPctGDPStart = Self.payrollPctGDP(r, year: 0)
        payrollPctGDPEnd = Self.payrollPctGDP(r, year: r.horizon - 1)
        bondsOutstandingMeans = (0...r.horizon).map { SampleSummary.mean(r.values(.reform, .bondsOutstanding, $0)) }
        calibrationValues = targets.map { Self.calibrationValue($0, results: r, debt: debt) }
        quantileAccuracy = nil
        decade = Self.decadeColumns(r)
        profileValues = Self.profileColumns(r)
        cashFlowColumns = CashFlowDecades.columns(r)
        var financing = FinancingPaths()
        financing.add(r)
        self.financing = financing
    }

    /// payroll_t / GDP_t of the current scheme on each of `r`'s paths (empty for a zero horizon).
    static func payrollPctGDP(_ r: ProjectionResults, year t: Int) -> [Double] {
        guard t >= 0 else { return [] }
        return zip(r.values(.current, .payroll, t), r.gdp(t)).map { $0 / $1 }
    }

    /// The decade replacement averages of `r`'s paths, one column per (scheme, rate, track) in the
    /// order ``decadeAverages(_:rate:track:)`` reads them.
    static func decadeColumns(_ r: ProjectionResults) -> [[Double]] {
        Scheme.allCases.flatMap { scheme in
            decadeRates.flatMap { rate in (0..<r.trackCount).map { Self.decadeAverages(r, scheme: scheme, rate: rate, track: $0) } }
        }
    }

    /// The profile outcomes of `r`'s paths, one column per (profile, scheme, quantity) in the order
    /// ``profile(_:_:_:)`` reads them.
    static func profileColumns(_ r: ProjectionResults) -> [[Double]] {
        (0..<r.profileCount).flatMap { index in
            Scheme.allCases.flatMap { scheme in ProfileOutcome.Quantity.allCases.map { Array(r.profile(index, scheme, $0)) } }
        }
    }

    /// One row of the yearly statistics and where its values are.
    struct RowSpec {
        /// What a row summarises: a metric, or a replacement-rate kind of a track.
        enum Source { case metric(Metric), replacement(rate: Metric, track: Int) }
        let scheme: Scheme, year: Int, metric: String, source: Source, t: Int

        func values(_ r: ProjectionResults) -> ArraySlice<Double> {
            switch source {
            case let .metric(m): return r.values(scheme, m, t)
            case let .replacement(rate, k): return r.replacement(scheme, rate, track: k, t)
            }
        }
    }

    /// The number of ``rows(_:inputs:)`` of a run of `horizon` years with `tracks` tracks.
    public static func rowCount(horizon: Int, tracks: Int) -> Int {
        Scheme.allCases.reduce(0) { total, scheme in
            total + Metric.allCases.filter { !(scheme == .current && $0.isReformOnly) }
                .reduce(0) { $0 + $1.length(horizon: horizon) } + Metric.rates.count * tracks * horizon
        }
    }

    /// The rows of the yearly statistics, in file order: per scheme its metrics by year (not the
    /// current scheme's reform-only metrics, ``Metric/isReformOnly``), then its replacement rates by kind, track and year.
    static func rows(_ r: ProjectionResults, inputs: ProjectionInputs) -> [RowSpec] {
        var rows: [RowSpec] = []
        let y0 = r.startYear
        for scheme in Scheme.allCases {
            for metric in Metric.allCases where !(scheme == .current && metric.isReformOnly) {
                for t in 0..<metric.length(horizon: r.horizon) {
                    rows.append(RowSpec(scheme: scheme, year: y0 + t, metric: metric.name, source: .metric(metric), t: t))
                }
            }
            for metric in Metric.rates {
                for (k, track) in inputs.tracks.enumerated() {
                    for t in 0..<r.horizon {
                        rows.append(RowSpec(scheme: scheme, year: y0 + t, metric: "\(metric.name).\(track.name)",
                                            source: .replacement(rate: metric, track: k), t: t))
                    }
                }
            }
        }
        return rows
    }

    /// Summary of the finite values (nil when there are none).
    static func summarise<C: Collection>(_ values: C) -> SampleSummary? where C.Element == Double {
        let finite = values.filter { !$0.isNaN }
        return finite.isEmpty ? nil : SampleSummary(finite)
    }

    /// The model's value of a calibration target: the sum of the means across paths of its
    /// per-path terms (``calibrationTerms(_:_:)``), or the implicit debt; NaN for a year outside
    /// the run.
    static func calibrationValue(_ target: CalibrationTarget, results r: ProjectionResults, debt: ImplicitPensionDebt?) -> Double {
        if target.measure == .implicitDebt { return debt?.total ?? .nan }
        return calibrationValue(target, means: calibrationTerms(target, r).map { SampleSummary.mean($0) })
    }

    /// A target's model value from the means across paths of its terms: their sum, or for a
    /// growth measure mean(year) / mean(base year) − 1; NaN without terms.
    static func calibrationValue(_ target: CalibrationTarget, means: [Double]) -> Double {
        guard !means.isEmpty else { return .nan }
        if target.measure.isGrowth { return means.count == 2 ? means[0] / means[1] - 1 : .nan }
        return means.reduce(0, +)
    }

    /// The per-path values whose means across paths add up to a calibration target's model value:
    /// the current scheme's measure in the target's year (recipients: pensioners and survivors;
    /// benefits / GDP: the ratio on each path); none for the implicit debt or a year outside the
    /// run. The one mapping from measures to metrics, in memory and streamed.
    static func calibrationTerms(_ target: CalibrationTarget, _ r: ProjectionResults) -> [[Double]] {
        let t = target.year - r.startYear
        guard t >= 0, t <= r.horizon else { return [] }
        func values(_ m: Metric) -> [[Double]] {
            t < m.length(horizon: r.horizon) ? [Array(r.values(.current, m, t))] : []
        }
        switch target.measure {
        case .actives: return values(.actives)
        case .recipients:
            let both = values(.pensioners) + values(.survivors)
            return both.count == 2 ? both : []
        case .dbBenefits: return values(.dbBenefits)
        case .dbBenefitsPctGDP:
            guard t < r.horizon else { return [] }
            return [zip(r.values(.current, .dbBenefits, t), r.gdp(t)).map { $0 / $1 }]
        case .retirements: return values(.retirements)
        case .gdp: return t < r.horizon ? [Array(r.gdp(t))] : []
        case .implicitDebt: return []
        case .dbBenefitsGrowth:
            guard let base = target.baseYear, base - r.startYear >= 0, base - r.startYear < r.horizon, t < r.horizon else { return [] }
            return [Array(r.values(.current, .dbBenefits, t)), Array(r.values(.current, .dbBenefits, base - r.startYear))]
        }
    }

    /// The per-path averages of a replacement rate (a metric of ``Metric/rates``) of one track over
    /// the last decade of the horizon (``SummaryFigures/replacementYears``), for the paths on
    /// which it has a value in the decade, in path order.
    static func decadeAverages(_ r: ProjectionResults, scheme: Scheme, rate: Metric, track: Int) -> [Double] {
        let h = r.horizon, from = max(0, h - 10)
        var averages: [Double] = []
        for j in 0..<r.paths.count {
            var sum = 0.0, count = 0.0
            for t in from..<h {
                let v = r.replacement(scheme, rate, track: track, t)
                let x = v[v.startIndex + j]
                if !x.isNaN { sum += x; count += 1 }
            }
            if count > 0 { averages.append(sum / count) }
        }
        return averages
    }
}
