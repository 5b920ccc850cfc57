import PensiunInputs

/// What lies beyond the window y0 … y0+H−1, on the deterministic path of one set of assumptions
/// (docs/model.md Part II, "Beyond the horizon"; issue 21): the rights accrued by the horizon, an
/// extended projection, and the general average premium of each scheme.
public struct BeyondHorizon: Sendable, Equatable {
    /// y0 + H, the first year beyond the window.
    public var horizonYear: Int
    /// The accrued liability of each scheme at the start of y0 + H (``HorizonLiability``), by
    /// ``Scheme`` raw value; nil where it cannot be valued (``HorizonLiability/value(_:scheme:)``).
    public var liability: [HorizonLiability?]
    /// The projection extended to a later year with entrants continuing (``ExtendedProjection``).
    public var extended: ExtendedProjection
    /// The general average premium of each scheme (``GeneralAveragePremium``), by raw value.
    public var premium: [GeneralAveragePremium]

    /// Values all three for `inputs` (the scenario, or one of its alternatives) on its
    /// deterministic path.
    public static func compute(_ inputs: ProjectionInputs) throws -> BeyondHorizon {
        let extended = try ExtendedProjection.project(inputs)
        return BeyondHorizon(
            horizonYear: inputs.calendar.startYear + inputs.calendar.horizon,
            liability: try Scheme.allCases.map { try HorizonLiability.value(inputs, scheme: $0) },
            extended: extended,
            premium: try GeneralAveragePremium.both(inputs, open: extended))
    }
}

/// The closed-group liability a scheme leaves at the end of the window, on the implicit-debt
/// basis (``ImplicitPensionDebt``, docs/model.md §8): at the start of y_H = y0 + H, the present
/// value of every DB-type payment and recognition-bond redemption still due to the members of
/// y_H — pensioners, survivors, deferred members and actives, whose DB rights are frozen at y_H on
/// their service then (the projected final salary by default) — run to extinction with no entrant
/// after y_H − 1:
///
///     L_H = Σ_{t ≥ H} v_t · (DB_t + redemptions_t) / A_H,   A_H = Π_{0≤u<H} (1 + i_{u−1})^{−1}
///
/// with v_t the implicit debt's discount factors (``PathDrivers/discountFactors(fixedRate:)`` at
/// `reporting.implicit_debt.discount_rate`), and pensions indexed from y_H by the implicit debt's
/// indexation. DC balances, annuities bought and guarantee top-ups not yet due are not accrued
/// rights: they are left out.
///
/// How the rights are frozen: a scheme with no DC in the window is projected with a DC of zero
/// contributions starting at y_H to which every active switches with frozen DB rights (the
/// device of ``ImplicitPensionDebt``, moved from y0 to y_H). A scheme whose DC starts within the
/// window is run off as it is, which values its rights exactly when no member accrues DB rights
/// after y_H (the youngest member on DB rights is then past every retirement age); otherwise the
/// value is nil (not applicable), since a DC cannot be frozen beside another.
public struct HorizonLiability: Sendable, Equatable {
    /// L_H, in currency of y_H (at the start of y_H).
    public var atHorizon: Double
    /// L_H / GDP_{y_H}.
    public var pctGDP: Double
    /// L_H · A_H: its present value at the start of y0, on the same basis.
    public var presentValue: Double

    /// L_H of `scheme` in `inputs`, or nil when it cannot be valued (see the type's doc).
    public static func value(_ inputs: ProjectionInputs, scheme: Scheme) throws -> HorizonLiability? {
        let y0 = inputs.calendar.startYear, h = inputs.calendar.horizon, yH = y0 + h
        let rules = scheme == .current ? inputs.current : inputs.reform
        var db = rules.db
        if let rule = inputs.valuation.debtIndexation {
            // The scheme's own indexation in the window, the implicit debt's from y_H.
            db.indexation = ByYear(steps: (y0..<yH).map { ($0, rules.db.indexation($0)) } + [(yH, rule)])
        }
        let valued: SchemeRules
        if let dc = rules.dc, dc.year < yH {
            guard !accruesDB(rules, inputs, at: yH) else { return nil }
            valued = SchemeRules(db: db, retirementAges: rules.retirementAges, dc: dc)
        } else {
            let frozen = DCRules(year: yH, transition: .all,
                                 accruedRights: .frozenDB(finalSalary: inputs.valuation.debtProjectedSalary),
                                 employeeRate: ByYear(0), employerRate: ByYear(0), fee: 0,
                                 glidePath: [PortfolioWeights(equity: 0, bonds: 0, cash: 1)], payout: .lumpSum,
                                 annuityMargin: 0, withdrawal: .cash, guarantee: nil)
            valued = SchemeRules(db: db, retirementAges: rules.retirementAges, dc: frozen)
        }
        var closed = inputs.deterministicOnly.recruiting(until: yH - 1)
        closed.calendar.horizon = h + inputs.yearsToExtinction(youngest: inputs.youngestAge)
        closed.reform = valued
        let (_, run, drivers) = try MonteCarloProjection(inputs: closed).deterministic()
        let fixed = inputs.valuation.debtDiscountRate
        let discount = drivers.discountFactors(fixedRate: fixed)
        var toHorizon = 1.0
        for t in 0..<h { toHorizon /= 1 + (fixed ?? drivers.yieldAtStart(t)) }
        var pv = 0.0
        for t in h..<closed.calendar.horizon { pv += discount[t] * (run[.dbBenefits, t] + run[.bondRedemptions, t]) }
        let atHorizon = pv / toHorizon
        return HorizonLiability(atHorizon: atHorizon, pctGDP: atHorizon / drivers.gdp[h], presentValue: pv)
    }

    /// Whether a member of `rules` (whose DC starts before `year`) can still accrue DB rights in
    /// `year`: a member who entered before the DC year (an initial active, or an entrant of
    /// y_DC − 1 at the youngest entry age) is then at least
    ///
    ///     min(youngest initial active + H, youngest entry age + year − y_DC + 1)
    ///
    /// old (no entrant joins before y0 + 1), and accrues nothing once past every retirement age of
    /// the scheme. A transition that
    /// moves every active (`all`) leaves no DB accrual after its year.
    static func accruesDB(_ rules: SchemeRules, _ inputs: ProjectionInputs, at year: Int) -> Bool {
        guard let dc = rules.dc else { return true }
        if dc.transition == .all { return false }
        let omega = inputs.calendar.maximumAge
        let initial = (inputs.population.actives.map(\.age).min() ?? omega) + (year - inputs.calendar.startYear)
        // Entrants join at the start of y0 + 1 at the earliest: none before a DC year ≤ y0 + 1.
        let entrant = dc.year <= inputs.calendar.startYear + 1 ? omega
            : (inputs.entrants.profile.filter { $0.share > 0 }.map(\.age).min() ?? omega) + year - dc.year + 1
        let oldest = rules.retirementAges.flatMap { $0.steps.map(\.value) }.max() ?? omega
        return min(initial, entrant) <= oldest
    }
}

/// The projection extended to a stated end year E with entrants continuing (issue 21), on the
/// deterministic path: the same run as the scenario's with `simulation.horizon` = E − y0 + 1, its
/// present values at the start of y0 on the run's discount basis (`reporting.discount_rate`).
/// The default E is the year in which the last member recruited within the window reaches the
/// table's last age ω: E = y0 + H − 1 + ω − (the youngest entry age).
public struct ExtendedProjection: Sendable, Equatable {
    /// E, the last projected year.
    public var endYear: Int
    /// Σ_{y0 ≤ y ≤ E} v_y · burden_y of each scheme, and of GDP.
    public var pvCurrent: Double
    public var pvReform: Double
    public var pvGDP: Double
    /// The same difference over the window y0 … y0+H−1 alone (the same path).
    public var pvDifferenceWindow: Double
    /// Σ_{y0 ≤ y ≤ E} v_y · payroll_y and the window's, for the open-group premium.
    public var pvPayrollWindow: Double
    public var pvBurdenWindow: [Double]

    /// Reform − current over y0 … E.
    public var pvDifference: Double { pvReform - pvCurrent }
    /// The difference as a share of the PV of GDP over the same years.
    public var differencePctPVGDP: Double { pvDifference / pvGDP }

    /// The end year of `inputs`' extended projection: `reporting.extended_projection.end_year`,
    /// or the default above (never before the window's last year).
    public static func endYear(_ inputs: ProjectionInputs) -> Int {
        let lastWindowYear = inputs.calendar.startYear + inputs.calendar.horizon - 1
        if let year = inputs.valuation.extendedEndYear { return max(year, lastWindowYear) }
        let entry = inputs.entrants.profile.filter { $0.share > 0 }.map(\.age).min() ?? inputs.youngestAge
        return lastWindowYear + max(0, inputs.calendar.maximumAge - entry)
    }

    /// `inputs` projected to ``endYear(_:)``: the scenario with its horizon extended, on the
    /// deterministic path.
    public static func inputs(_ inputs: ProjectionInputs) -> ProjectionInputs {
        var extended = inputs.deterministicOnly
        extended.calendar.horizon = endYear(inputs) - inputs.calendar.startYear + 1
        return extended
    }

    /// Projects `inputs` to its end year and sums the present values.
    public static func project(_ inputs: ProjectionInputs) throws -> ExtendedProjection {
        let extended = Self.inputs(inputs)
        let (current, reform, drivers) = try MonteCarloProjection(inputs: extended).deterministic()
        let discount = drivers.discountFactors(fixedRate: inputs.valuation.discountRate)
        let h = inputs.calendar.horizon
        var pv = [0.0, 0.0], window = [0.0, 0.0], gdp = 0.0, payroll = 0.0
        for t in 0..<extended.calendar.horizon {
            let c = discount[t] * current[.budgetBurden, t], r = discount[t] * reform[.budgetBurden, t]
            pv[0] += c
            pv[1] += r
            gdp += discount[t] * drivers.gdp[t]
            if t < h {
                window[0] += c
                window[1] += r
                payroll += discount[t] * current[.payroll, t]
            }
        }
        return ExtendedProjection(endYear: extended.calendar.startYear + extended.calendar.horizon - 1,
                                  pvCurrent: pv[0], pvReform: pv[1], pvGDP: gdp, pvDifferenceWindow: window[1] - window[0],
                                  pvPayrollWindow: payroll, pvBurdenWindow: window)
    }
}

/// The general average premium of a scheme over the window (issue 21): the level share of pay
/// that would meet its budget burden, on the deterministic path and the run's discount basis,
///
///     GAP = Σ_{t<H} v_t · burden_t / Σ_{t<H} v_t · payroll_t
///
/// for the closed group of y0 (today's actives and pensioners, no entrant: the burden of rights
/// already in payment or being earned, over the pay of those who earn them), and for the open
/// group of the run (entrants included).
public struct GeneralAveragePremium: Sendable, Equatable {
    public var closedGroup: Double
    public var openGroup: Double

    /// Both schemes' premiums; `open` is the extended projection of the same inputs (whose window
    /// is the open group's).
    static func both(_ inputs: ProjectionInputs, open: ExtendedProjection) throws -> [GeneralAveragePremium] {
        let closed = inputs.deterministicOnly.recruiting(until: inputs.calendar.startYear - 1)
        let (current, reform, drivers) = try MonteCarloProjection(inputs: closed).deterministic()
        let discount = drivers.discountFactors(fixedRate: inputs.valuation.discountRate)
        var burden = [0.0, 0.0], payroll = [0.0, 0.0]
        for t in 0..<closed.calendar.horizon {
            burden[0] += discount[t] * current[.budgetBurden, t]
            burden[1] += discount[t] * reform[.budgetBurden, t]
            payroll[0] += discount[t] * current[.payroll, t]
            payroll[1] += discount[t] * reform[.payroll, t]
        }
        return Scheme.allCases.map { s in
            GeneralAveragePremium(closedGroup: burden[s.rawValue] / payroll[s.rawValue],
                                  openGroup: open.pvBurdenWindow[s.rawValue] / open.pvPayrollWindow)
        }
    }
}
