/// The per-path summaries of docs/model.md §8.
public struct PathSummary: Sendable, Equatable {
    public var path: Int
    /// Present values at the start of y0 of the budget burden, y0 … y0+H−1 (currency).
    public var pvBurdenCurrent: Double
    public var pvBurdenReform: Double
    /// PV of the reform's guarantee top-ups and bond redemptions (parts of its burden).
    public var pvGuaranteeTopups: Double
    public var pvBondRedemptions: Double
    /// Reform − current.
    public var pvDifference: Double { pvBurdenReform - pvBurdenCurrent }
    /// Peak of burden / GDP and its first year, per scheme.
    public var peakBurdenPctGDPCurrent: Double
    public var peakBurdenYearCurrent: Int
    public var peakBurdenPctGDPReform: Double
    public var peakBurdenYearReform: Int
    /// Peak of (burden^reform − burden^current)/GDP and its first year.
    public var peakTransitionCostPctGDP: Double
    public var peakTransitionCostYear: Int
    /// The first y ≥ y_r from which the reform costs no more than the current scheme in every
    /// year to the horizon; nil when the last year fails.
    public var breakevenYear: Int?
    /// Whether burden / GDP exceeds the scenario's threshold in any year, per scheme.
    public var exceedsThresholdCurrent: Bool
    public var exceedsThresholdReform: Bool

    /// A summary with every field given (for reading archived results).
    public init(path: Int, pvBurdenCurrent: Double, pvBurdenReform: Double, pvGuaranteeTopups: Double,
                pvBondRedemptions: Double, peakBurdenPctGDPCurrent: Double, peakBurdenYearCurrent: Int,
                peakBurdenPctGDPReform: Double, peakBurdenYearReform: Int, peakTransitionCostPctGDP: Double,
                peakTransitionCostYear: Int, breakevenYear: Int?, exceedsThresholdCurrent: Bool, exceedsThresholdReform: Bool) {
        self.path = path
        self.pvBurdenCurrent = pvBurdenCurrent
        self.pvBurdenReform = pvBurdenReform
        self.pvGuaranteeTopups = pvGuaranteeTopups
        self.pvBondRedemptions = pvBondRedemptions
        self.peakBurdenPctGDPCurrent = peakBurdenPctGDPCurrent
        self.peakBurdenYearCurrent = peakBurdenYearCurrent
        self.peakBurdenPctGDPReform = peakBurdenPctGDPReform
        self.peakBurdenYearReform = peakBurdenYearReform
        self.peakTransitionCostPctGDP = peakTransitionCostPctGDP
        self.peakTransitionCostYear = peakTransitionCostYear
        self.breakevenYear = breakevenYear
        self.exceedsThresholdCurrent = exceedsThresholdCurrent
        self.exceedsThresholdReform = exceedsThresholdReform
    }

    /// Summarises one path from the two schemes' burdens.
    public init(path: Int, current: SchemePathResult, reform: SchemePathResult, gdp: [Double],
                discount: [Double], startYear: Int, reformYear: Int, threshold: Double) {
        self.path = path
        let h = current.horizon
        var pvC = 0.0, pvR = 0.0, pvG = 0.0, pvB = 0.0
        var peakC = -Double.infinity, peakR = -Double.infinity, peakT = -Double.infinity
        var yearC = startYear, yearR = startYear, yearT = startYear
        var overC = false, overR = false
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
            if cost > peakT { peakT = cost; yearT = startYear + t }
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
        let tr = max(0, reformYear - startYear)
        var t = h - 1
        while t >= tr {
            let bc = current[.budgetBurden, t], br = reform[.budgetBurden, t]
            if br <= bc + 1e-12 * max(abs(br), abs(bc)) { first = startYear + t } else { break }
            t -= 1
        }
        breakevenYear = first
    }
}
