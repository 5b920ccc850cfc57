import PensiunInputs

/// The per-path summaries of docs/model.md §8. The fields, their names in files and their kinds are
/// declared in ``PathSummaryField``, from which every writer and reader derives.
public struct PathSummary: PathSummaryRecord {
    public var path: Int
    /// Present values at the start of y0 of the budget burden, y0 … y0+H−1 (currency).
    public var pvBurdenCurrent: Double = 0
    public var pvBurdenReform: Double = 0
    /// PV of the reform's guarantee top-ups and bond redemptions (parts of its burden).
    public var pvGuaranteeTopups: Double = 0
    public var pvBondRedemptions: Double = 0
    /// Reform − current.
    public var pvDifference: Double { pvBurdenReform - pvBurdenCurrent }
    /// Peak of burden / GDP and its first year, per scheme.
    public var peakBurdenPctGDPCurrent: Double = 0
    public var peakBurdenYearCurrent: Int = 0
    public var peakBurdenPctGDPReform: Double = 0
    public var peakBurdenYearReform: Int = 0
    /// Peak of (burden^reform − burden^current)/GDP over the years from the reform's start y_s
    /// (``ReformStart/year(current:reform:calendar:)``) and its first year.
    public var peakTransitionCostPctGDP: Double = 0
    public var peakTransitionCostYear: Int = 0
    /// The first y ≥ y_s from which the reform costs no more than the current scheme in every
    /// year to the horizon; nil when the last year fails.
    public var breakevenYear: Int? = nil
    /// The first y ≥ y_s from which the cumulative discounted difference Σ_{u=y_s}^{y} v_u·(burden^R_u −
    /// burden^C_u) stays ≤ 0 (within 1e-12 of the PVs) to the horizon: the PV payback year (issue
    /// 21); nil when the cumulative difference is positive in the last year.
    public var pvPaybackYear: Int? = nil
    /// Whether burden / GDP exceeds the scenario's threshold in any year, per scheme.
    public var exceedsThresholdCurrent: Bool = false
    public var exceedsThresholdReform: Bool = false

    /// A summary of `path` with every stored field zero (or none), filled in by a reader
    /// (``ResultsArchive``).
    public init(blankPath path: Int) {
        self.path = path
    }

    /// The relative tolerance within which the reform "costs no more" than the current scheme
    /// (breakeven, payback, and the summaries' "never costs more").
    public static let tolerance = 1e-12

    /// Summarises one path from the two schemes' burdens; `reformYear` is the reform's start y_s.
    public init(path: Int, current: SchemePathResult, reform: SchemePathResult, gdp: [Double],
                discount: [Double], startYear: Int, reformYear: Int, threshold given: BurdenThreshold) {
        self.path = path
        let h = current.horizon
        // The transition's years: from y_s (every year when y_s is past the horizon).
        let tr = max(0, reformYear - startYear), from = tr < h ? tr : 0
        var pvC = 0.0, pvR = 0.0, pvG = 0.0, pvB = 0.0
        var peakC = -Double.infinity, peakR = -Double.infinity, peakT = -Double.infinity
        var yearC = startYear, yearR = startYear, yearT = startYear + from
        var overC = false, overR = false
        // Above a fixed share, or above the current scheme's own y0 level (both schemes).
        let threshold: Double
        switch given {
        case let .share(share): threshold = share
        case .startYearLevel: threshold = h > 0 ? current[.burdenPctGDP, 0] : .infinity
        }
        for t in 0..<h {
            let bc = current[.budgetBurden, t], br = reform[.budgetBurden, t]
            pvC += discount[t] * bc
            pvR += discount[t] * br
            pvG += discount[t] * reform[.guaranteeTopups, t]
            pvB += discount[t] * reform[.bondRedemptions, t]
            let pc = current[.burdenPctGDP, t], pr = reform[.burdenPctGDP, t]
            if pc > peakC { peakC = pc; yearC = startYear + t }
            if pr > peakR { peakR = pr; yearR = startYear + t }
            let cost = (br - bc) / gdp[t]
            if t >= from && cost > peakT { peakT = cost; yearT = startYear + t }
            if pc > threshold { overC = true }
            if pr > threshold { overR = true }
        }
        pvBurdenCurrent = pvC
        pvBurdenReform = pvR
        pvGuaranteeTopups = pvG
        pvBondRedemptions = pvB
        peakBurdenPctGDPCurrent = peakC
        peakBurdenYearCurrent = yearC
        peakBurdenPctGDPReform = peakR
        peakBurdenYearReform = yearR
        peakTransitionCostPctGDP = peakT
        peakTransitionCostYear = yearT
        exceedsThresholdCurrent = overC
        exceedsThresholdReform = overR
        // Breakeven: scan back from the horizon while the reform is no dearer.
        var first: Int?
        var t = h - 1
        while t >= tr {
            let bc = current[.budgetBurden, t], br = reform[.budgetBurden, t]
            if br <= bc + Self.tolerance * max(abs(br), abs(bc)) { first = startYear + t } else { break }
            t -= 1
        }
        breakevenYear = first
        pvPaybackYear = Self.paybackYear(current: current, reform: reform, discount: discount, from: tr,
                                         startYear: startYear, scale: max(abs(pvC), abs(pvR)))
    }

    /// ``pvPaybackYear``: the cumulative discounted differences from year index `from`, scanned back
    /// from the horizon while they stay ≤ 1e-12·`scale`.
    static func paybackYear(current: SchemePathResult, reform: SchemePathResult, discount: [Double], from: Int,
                            startYear: Int, scale: Double) -> Int? {
        let h = current.horizon
        guard from < h else { return nil }
        var cumulative = [Double](repeating: 0, count: h)
        var sum = 0.0
        for t in from..<h {
            sum += discount[t] * (reform[.budgetBurden, t] - current[.budgetBurden, t])
            cumulative[t] = sum
        }
        var first: Int?
        var t = h - 1
        while t >= from, cumulative[t] <= Self.tolerance * scale {
            first = startYear + t
            t -= 1
        }
        return first
    }
}
