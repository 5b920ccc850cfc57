import PensiunEngine
import PensiunInputs
import PensiunMonteCarlo

/// The headline figures of a run (the printed summary, `summary.md` and `report.html`).
/// Money in currency units; shares as fractions.
public struct SummaryFigures: Sendable {
    /// A median with its 90% band (5th and 95th percentiles) across paths.
    public struct Band: Sendable, Equatable {
        public let median: Double, p5: Double, p95: Double
        init(_ values: [Double]) {
            let q = Quantiles.of(values, levels: [0.5, 0.05, 0.95])
            (median, p5, p95) = (q[0], q[1], q[2])
        }
    }

    public let firstYear: Int
    public let lastYear: Int
    /// PV of the budget burden, y0 … y0+H−1, per scheme, and reform − current.
    public let pvCurrent: Band
    public let pvReform: Band
    public let pvDifference: Band
    /// P(pv_difference < 0).
    public let probabilityReformCheaper: Double
    /// Peak burden / GDP: median across paths, and the median year of the peak.
    public let peakBurdenCurrent: Band
    public let peakBurdenYearCurrent: Int
    public let peakBurdenReform: Band
    public let peakBurdenYearReform: Int
    /// Peak transition cost / GDP and the median year of the peak.
    public let peakTransitionCost: Band
    public let peakTransitionYear: Int
    /// Breakeven year among paths that break even; the share that never does.
    public let breakeven: Band?
    public let shareNeverBreakingEven: Double
    /// P(burden / GDP above the threshold in any year), per scheme; the threshold (for
    /// ``BurdenThreshold/startYearLevel``, the mean across paths of the current scheme's y0 burden / GDP).
    public let threshold: Double
    public let thresholdIsStartLevel: Bool
    public let probabilityAboveThresholdCurrent: Double
    public let probabilityAboveThresholdReform: Double
    /// DC fund assets / GDP at the end of the horizon (y0+H).
    public let dcAssetsAtHorizon: Band
    /// PV of the reform's guarantee top-ups and of its bond redemptions, y0 … y0+H−1.
    public let pvGuaranteeTopups: Band
    public let pvBondRedemptions: Band
    /// The largest mean of bonds outstanding over the years, and its year.
    public let peakBondsOutstanding: Double
    public let peakBondsYear: Int
    /// Replacement rates at retirement over the last decade of the horizon, by track:
    /// [track] → (DB under the current scheme, DC under the reform, total under the reform),
    /// each median and 10th percentile across paths of the decade's average.
    public let replacement: [TrackReplacement]
    public let debt: ImplicitPensionDebt?
    /// The current scheme's payroll / GDP in y0 and in the last year, across paths; the mean
    /// actives at the start of y0 and of the last year y0+H−1; the labour force's growth factor between
    /// those years, Π (1 + n_y) over y0 … y0+H−2, and n in the first and last of them, when pay follows productivity.
    public let payrollPctGDPStart: Band?, payrollPctGDPEnd: Band?
    public let activesStart: Double, activesEnd: Double
    public let labourForce: (factor: Double, first: Double, last: Double)?
    /// The basis of the present values and of the implicit debt, with r − g (``DiscountBasis``).
    public let discountBasis: DiscountBasis?
    public let debtBasis: DiscountBasis?
    /// The implicit debt's salary and indexation basis, in words.
    public let debtBasisWords: String

    /// The like-for-like rates (model 2.3) over the same decade, by track and scheme: every
    /// benefit the retiree draws (`rr_*_total`) at award over annual basic pay, over annual
    /// take-home pay, and after 20 years in payment over the basic pay of the same position.
    public let likeForLike: [TrackLikeForLike]
    /// The basis of ``likeForLike`` in words (payments a year, allowances, take-home pay).
    public let likeForLikeBasis: String

    public struct TrackLikeForLike: Sendable {
        public let track: String
        /// [scheme]: (basic, take-home, after 20 years), each median and 10th percentile.
        public let rates: [(basic: (median: Double, p10: Double)?, takeHome: (median: Double, p10: Double)?,
                            after20: (median: Double, p10: Double)?)]
    }

    public struct TrackReplacement: Sendable {
        public let track: String
        public let db: (median: Double, p10: Double)?
        public let dc: (median: Double, p10: Double)?
        public let total: (median: Double, p10: Double)?
    }

    /// The decade over which replacement rates are averaged.
    public let replacementYears: ClosedRange<Int>

    public init(statistics r: RunStatistics, inputs: ProjectionInputs, debt: ImplicitPensionDebt?) {
        let s = r.summaries
        let y0 = r.startYear, h = r.horizon
        firstYear = y0
        lastYear = y0 + h - 1
        pvCurrent = Band(s.map(\.pvBurdenCurrent))
        pvReform = Band(s.map(\.pvBurdenReform))
        pvDifference = Band(s.map(\.pvDifference))
        let n = Double(s.count)
        probabilityReformCheaper = Double(s.filter { $0.pvDifference < 0 }.count) / n
        peakBurdenCurrent = Band(s.map(\.peakBurdenPctGDPCurrent))
        peakBurdenYearCurrent = Int(Quantiles.of(s.map { Double($0.peakBurdenYearCurrent) }, levels: [0.5])[0].rounded())
        peakBurdenReform = Band(s.map(\.peakBurdenPctGDPReform))
        peakBurdenYearReform = Int(Quantiles.of(s.map { Double($0.peakBurdenYearReform) }, levels: [0.5])[0].rounded())
        peakTransitionCost = Band(s.map(\.peakTransitionCostPctGDP))
        peakTransitionYear = Int(Quantiles.of(s.map { Double($0.peakTransitionCostYear) }, levels: [0.5])[0].rounded())
        let years = s.compactMap(\.breakevenYear).map(Double.init)
        breakeven = years.isEmpty ? nil : Band(years)
        shareNeverBreakingEven = Double(s.filter { $0.breakevenYear == nil }.count) / n
        /// The mean across paths of a current-scheme metric in `year` (NaN without a value).
        func currentMean(_ metric: Metric, _ year: Int) -> Double {
            r.summary(.current, metric, year: year)?.mean ?? .nan
        }
        switch inputs.valuation.burdenThreshold {
        case let .share(share): (threshold, thresholdIsStartLevel) = (share, false)
        case .startYearLevel: (threshold, thresholdIsStartLevel) = (currentMean(.burdenPctGDP, y0), true)
        }
        probabilityAboveThresholdCurrent = Double(s.filter(\.exceedsThresholdCurrent).count) / n
        probabilityAboveThresholdReform = Double(s.filter(\.exceedsThresholdReform).count) / n
        dcAssetsAtHorizon = Band(r.dcAssetsAtHorizon)
        pvGuaranteeTopups = Band(s.map(\.pvGuaranteeTopups))
        pvBondRedemptions = Band(s.map(\.pvBondRedemptions))
        var peak = 0.0, peakYear = y0
        for (t, m) in r.bondsOutstandingMeans.enumerated() where m > peak {
            peak = m
            peakYear = y0 + t
        }
        peakBondsOutstanding = peak
        peakBondsYear = peakYear
        let from = max(0, h - 10)
        replacementYears = (y0 + from)...(y0 + h - 1)
        func decade(_ scheme: Scheme, _ rate: Metric, track: Int) -> (median: Double, p10: Double)? {
            let averages = r.decadeAverages(scheme, rate: rate, track: track)
            guard !averages.isEmpty else { return nil }
            let q = Quantiles.of(averages, levels: [0.5, 0.1])
            return (q[0], q[1])
        }
        replacement = inputs.tracks.enumerated().map { k, track in
            TrackReplacement(track: track.name, db: decade(.current, .replacementRateDB, track: k),
                             dc: decade(.reform, .replacementRateDC, track: k), total: decade(.reform, .replacementRateTotal, track: k))
        }
        likeForLike = inputs.tracks.enumerated().map { k, track in
            TrackLikeForLike(track: track.name, rates: Scheme.allCases.map { scheme in
                (decade(scheme, .rrBasicTotal, track: k), decade(scheme, .rrTakeHomeTotal, track: k),
                 decade(scheme, .rrBasicTotalAfter20, track: k))
            })
        }
        likeForLikeBasis = Self.likeForLikeWords(inputs)

        self.debt = debt
        payrollPctGDPStart = r.payrollPctGDPStart.isEmpty ? nil : Band(r.payrollPctGDPStart)
        payrollPctGDPEnd = r.payrollPctGDPEnd.isEmpty ? nil : Band(r.payrollPctGDPEnd)
        activesStart = currentMean(.actives, y0)
        activesEnd = currentMean(.actives, y0 + h - 1)
        // The growth between the two printed years, y0 → y0+H−1: H−1 years of it.
        labourForce = inputs.economy.productivity.map { link in
            let years = y0..<max(y0, y0 + h - 1)
            return (years.reduce(1.0) { $0 * (1 + link.labourForceGrowth($1)) }, link.labourForceGrowth(y0),
                    link.labourForceGrowth(max(y0, y0 + h - 2)))
        }
        let v = inputs.valuation
        let path = DiscountBasis.deterministicPath(inputs)
        discountBasis = path.map { DiscountBasis(inputs: inputs, path: $0, fixedRate: v.discountRate) }
        debtBasis = path.map { DiscountBasis(inputs: inputs, path: $0, fixedRate: v.debtDiscountRate) }
        let indexation: String
        switch v.debtIndexation {
        case nil: indexation = "the scheme's own indexation"
        case .prices?: indexation = "indexation to prices"
        case .wages?: indexation = "indexation to wages"
        case let .fixed(r)?: indexation = "a fixed indexation of \(Format.percent(r, decimals: 1))"
        case .none?: indexation = "no indexation"
        }
        debtBasisWords = (v.debtProjectedSalary ? "projected final salaries" : "current salaries") + ", " + indexation
    }

    /// The like-for-like basis in words: "pensions with their allowances at 14 payments a year
    /// (DC annuities 12); pay: basic salary × 14 × (1 + 12.2% allowances), take-home pay × 14".
    static func likeForLikeWords(_ inputs: ProjectionInputs) -> String {
        let db = inputs.current.db, pay = inputs.pay
        func count(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v) }
        var words = "pensions at \(count(db.monthsPaid)) payments a year"
        if db.pensionAllowance > 0 { words += " with \(Format.percent(db.pensionAllowance, decimals: 1)) allowances" }
        if let dc = inputs.reform.dc { words += ", DC annuities at \(count(dc.monthsPaidDC))" }
        words += "; pay: basic salary × \(count(pay.salaryPaymentsPerYear))"
        if LikeForLikeBasis.schemes(inputs)[0].includesPayAllowances {
            words += " × (1 + \(Format.percent(pay.allowances, decimals: 1)) allowances)"
        }
        words += ", take-home pay × \(count(pay.salaryPaymentsPerYear))"
        return words
    }

    /// True when the reform costs no more than the current scheme in any year from its start on
    /// every path: its peak transition cost is at most 1e-12 of its peak burden (the tolerance of
    /// breakeven, ``PathSummary``): no transition cost, breakeven or payback to report.
    public static func neverCostsMore(_ r: RunStatistics) -> Bool {
        !r.summaries.isEmpty && r.summaries.allSatisfy {
            $0.peakTransitionCostPctGDP <= PathSummary.tolerance * max(abs($0.peakBurdenPctGDPCurrent), abs($0.peakBurdenPctGDPReform))
        }
    }

    /// The PV payback year (``PathSummary/pvPaybackYear``) among the paths that pay back (nil when
    /// none does), and the share of paths that never do (issue 21).
    public static func payback(_ r: RunStatistics) -> (years: Band?, shareNever: Double) {
        let years = r.summaries.compactMap { $0.pvPaybackYear.map(Double.init) }
        let never = r.summaries.isEmpty ? 0 : Double(r.summaries.count - years.count) / Double(r.summaries.count)
        return (years.isEmpty ? nil : Band(years), never)
    }

    /// True when the reform issues recognition bonds: its accrued rights are bonds and some
    /// actives switch (all, or under an age); a new-entrants or supplementary DC issues none.
    public static func issuesBonds(_ inputs: ProjectionInputs) -> Bool {
        guard let dc = inputs.reform.dc, case .recognitionBond = dc.accruedRights else { return false }
        switch dc.transition {
        case .all, .switchUnderAge: return true
        case .newEntrants, .supplementary: return false
        }
    }

    /// Mean survivors (spouses drawing a benefit) at the start of the last year y0+H−1, per scheme
    /// (NaN when the run has no such row).
    public static func survivorsAtEnd(_ r: RunStatistics) -> [Double] {
        let last = r.startYear + r.horizon - 1
        return Scheme.allCases.map { r.summary($0, .survivors, year: last)?.mean ?? .nan }
    }

    /// What the reform does to the survivor rights the current scheme gives (docs/model.md §6):
    /// single-life DC annuities (or joint-and-survivor ones, said as such), a DC member's death in
    /// service leaving the balance to the heirs and no survivor pension, and recognition-bond
    /// holders keeping no DB survivor rights.
    public static func survivorRightsWords(_ inputs: ProjectionInputs) -> [String] {
        guard let dc = inputs.reform.dc else { return [] }
        let annuity: String
        switch (dc.payout, dc.survivorFraction > 0) {
        case (.annuity, true):
            annuity = "DC annuities are joint and survivor: the spouse left at the pensioner's death receives "
                + "\(Format.percent(dc.survivorFraction, decimals: 0)) of the annuity for life"
        case (.annuity, false):
            annuity = "DC annuities are single-life: the spouse of a DC pensioner receives nothing from the annuity"
        case (.lumpSum, _):
            annuity = "DC balances are paid as lump sums: the spouse of a DC pensioner receives no pension from them"
        }
        var words = [annuity]
        words.append("a DC member's death in service leaves the balance to the heirs, with no survivor pension on the DC part")
        if dc.transition != .newEntrants && dc.transition != .supplementary, case .recognitionBond = dc.accruedRights {
            words.append("switchers holding recognition bonds keep no DB survivor rights")
        }
        return words
    }
}
