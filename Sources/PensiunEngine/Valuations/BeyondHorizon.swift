import PensiunInputs
import PensiunMonteCarlo

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
    /// deterministic path, the independent projections on up to `threads` threads (the same
    /// numbers whatever the count).
    public static func compute(_ inputs: ProjectionInputs, threads: Int = 1) throws -> BeyondHorizon {
        // A reform with the current scheme's rules (a baseline) is valued once.
        let same = inputs.reform == inputs.current
        enum Piece: Sendable { case liability(HorizonLiability?), extended(ExtendedProjection), closed([Double?]) }
        let jobs = same ? 3 : 4
        let pieces = ParallelBlocks.map(count: jobs, blockSize: 1, threads: threads) { i in
            Result<Piece, any Error> {
                switch i {
                case 0: return .extended(try ExtendedProjection.project(inputs))
                case 1: return .closed(try GeneralAveragePremium.closedGroup(inputs))
                default: return .liability(try HorizonLiability.value(inputs, scheme: i == 2 ? .current : .reform))
                }
            }
        }
        var extended: ExtendedProjection?, closed: [Double?] = [], liability: [HorizonLiability?] = []
        for piece in pieces {
            switch try piece.get() {
            case let .extended(e): extended = e
            case let .closed(c): closed = c
            case let .liability(l): liability.append(l)
            }
        }
        if same { liability.append(liability[0]) }
        guard let extended else { preconditionFailure("the extended projection is always a job") }
        return BeyondHorizon(
            horizonYear: inputs.calendar.startYear + inputs.calendar.horizon,
            liability: liability,
            extended: extended,
            premium: Scheme.allCases.map { s in
                GeneralAveragePremium(closedGroup: closed[s.rawValue],
                                      openGroup: GeneralAveragePremium.ratio(extended.pvBurdenWindow[s.rawValue],
                                                                             extended.pvPayrollWindow[s.rawValue]))
            })
    }
}

/// The closed-group liability of a scheme at the start of a year y_H ≤ y0 + H (by default the
/// end of the window), on the implicit-debt basis (``ImplicitPensionDebt``, docs/model.md §8):
/// the present value at the start of y_H of every DB-type payment and recognition-bond
/// redemption still due to the members of y_H — pensioners, survivors, deferred members and
/// actives, whose DB rights are frozen at y_H on their service then (the projected final salary by
/// default) — run to extinction with no entrant after y_H − 1:
///
///     L = Σ_{t ≥ t_H} v_t · (DB_t + redemptions_t) / A_{t_H},   A_{t_H} = Π_{0≤u<t_H} (1 + i_{u−1})^{−1}
///
/// with t_H = y_H − y0, v_t the implicit debt's discount factors
/// (``PathDrivers/discountFactors(fixedRate:)`` at `reporting.implicit_debt.discount_rate`), and
/// pensions indexed from y_H by the implicit debt's indexation. DC balances, annuities bought and
/// guarantee top-ups not yet due are not accrued rights: they are left out.
///
/// How the rights are frozen (the device of ``ImplicitPensionDebt``, moved from y0 to y_H: a DC of
/// zero contributions starting at y_H to which every active switches with frozen DB rights):
/// - a scheme with no DC before y_H: its DB rules, frozen at y_H;
/// - a DC for new entrants, or supplementary: its DB members are those who joined before the DC
///   year, whose DB rights do not depend on the DC; the scheme's DB rules with recruitment
///   stopped before the DC year, frozen at y_H;
/// - a DC that moves every active (`all`): nobody accrues DB rights after the DC year; run off;
/// - a switch under an age: run off when nobody accrues DB rights at y_H (the youngest member who
///   stayed in the DB is then past every retirement age, ``accruesDB(_:_:at:)``), otherwise nil
///   (not applicable: the members who stayed cannot be frozen beside the switchers' DC).
public struct HorizonLiability: Sendable, Equatable {
    /// L, in currency of y_H (at the start of y_H).
    public var atHorizon: Double
    /// L / GDP_{y_H}.
    public var pctGDP: Double
    /// L · A_{t_H}: its present value at the start of y0, on the same basis.
    public var presentValue: Double

    /// L of `scheme` in `inputs` at the start of `year` (y0 … y0+H; default y0 + H), or nil when
    /// it cannot be valued (see the type's doc).
    public static func value(_ inputs: ProjectionInputs, scheme: Scheme, year: Int? = nil) throws -> HorizonLiability? {
        let y0 = inputs.calendar.startYear, yH = year ?? y0 + inputs.calendar.horizon, h = yH - y0
        precondition(h >= 0 && h <= inputs.calendar.horizon, "a liability within the window")
        let rules = scheme == .current ? inputs.current : inputs.reform
        var db = rules.db
        if let rule = inputs.valuation.debtIndexation {
            // The scheme's own indexation before y_H, the implicit debt's from y_H.
            db.indexation = ByYear(steps: (y0..<yH).map { ($0, rules.db.indexation($0)) } + [(yH, rule)])
        }
        let frozen = DCRules(year: yH, transition: .all,
                             accruedRights: .frozenDB(finalSalary: inputs.valuation.debtProjectedSalary),
                             employeeRate: ByYear(0), employerRate: ByYear(0), fee: 0,
                             glidePath: [PortfolioWeights(equity: 0, bonds: 0, cash: 1)], payout: .lumpSum,
                             annuityMargin: 0, withdrawal: .cash, guarantee: nil)
        var valued = SchemeRules(db: db, retirementAges: rules.retirementAges, dc: frozen)
        var lastRecruitment = yH - 1
        if let dc = rules.dc, dc.year < yH {
            switch dc.transition {
            case .newEntrants, .supplementary:
                lastRecruitment = min(lastRecruitment, dc.year - 1)
            case .all:
                valued.dc = dc
            case .switchUnderAge:
                guard !accruesDB(rules, inputs, at: yH) else { return nil }
                valued.dc = dc
            }
        }
        var closed = inputs.deterministicOnly.recruiting(until: lastRecruitment)
        closed.calendar.horizon = h + inputs.yearsToExtinction(youngest: inputs.youngestAge)
        closed.reform = valued
        let (_, run, drivers) = try MonteCarloProjection(inputs: closed).deterministic()
        let fixed = inputs.valuation.debtDiscountRate
        let discount = drivers.discountFactors(fixedRate: fixed)
        var toYear = 1.0
        for t in 0..<h { toYear /= 1 + (fixed ?? drivers.yieldAtStart(t)) }
        var pv = 0.0
        for t in h..<closed.calendar.horizon { pv += discount[t] * (run[.dbBenefits, t] + run[.bondRedemptions, t]) }
        let atYear = pv / toYear
        return HorizonLiability(atHorizon: atYear, pctGDP: atYear / drivers.gdp[h], presentValue: pv)
    }

    /// Whether a member of `rules` (whose DC starts before `year`) can still accrue DB rights in
    /// `year`. Under a switch under the age A the members who stay in the DB were at least A at
    /// the DC year, so at least A + year − y_DC in `year`; under `new_entrants` and
    /// `supplementary`, the members who joined before the DC year (an initial active, or an
    /// entrant of y_DC − 1 at the youngest entry age, none before y0 + 1) are at least
    /// min(youngest initial active + year − y0, youngest entry age + year − y_DC + 1). They
    /// accrue nothing once past every retirement age of the scheme; under `all` nobody does.
    static func accruesDB(_ rules: SchemeRules, _ inputs: ProjectionInputs, at year: Int) -> Bool {
        guard let dc = rules.dc else { return true }
        let omega = inputs.calendar.maximumAge
        let oldest = rules.retirementAges.flatMap { $0.steps.map(\.value) }.max() ?? omega
        switch dc.transition {
        case .all:
            return false
        case let .switchUnderAge(limit):
            return limit + year - dc.year <= oldest
        case .newEntrants, .supplementary:
            let initial = (inputs.population.actives.map(\.age).min() ?? omega) + (year - inputs.calendar.startYear)
            let entrant = dc.year <= inputs.calendar.startYear + 1 ? omega
                : (inputs.entrants.profile.filter { $0.share > 0 }.map(\.age).min() ?? omega) + year - dc.year + 1
            return min(initial, entrant) <= oldest
        }
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
    /// Σ_{y0 ≤ y < y0+H} v_y · payroll_y and v_y · burden_y of each scheme (by raw value): the
    /// window's, for the open-group premium.
    public var pvPayrollWindow: [Double]
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
        var pv = [0.0, 0.0], window = [0.0, 0.0], gdp = 0.0, payroll = [0.0, 0.0]
        for t in 0..<extended.calendar.horizon {
            let c = discount[t] * current[.budgetBurden, t], r = discount[t] * reform[.budgetBurden, t]
            pv[0] += c
            pv[1] += r
            gdp += discount[t] * drivers.gdp[t]
            if t < h {
                window[0] += c
                window[1] += r
                payroll[0] += discount[t] * current[.payroll, t]
                payroll[1] += discount[t] * reform[.payroll, t]
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
/// A group without pay over the window (no actives) has no premium: nil (not applicable).
public struct GeneralAveragePremium: Sendable, Equatable {
    public var closedGroup: Double?
    public var openGroup: Double?

    /// PV of burden ÷ PV of payroll; nil when the payroll's PV is not positive.
    static func ratio(_ burden: Double, _ payroll: Double) -> Double? { payroll > 0 ? burden / payroll : nil }

    /// The closed-group premium of each scheme (by raw value).
    static func closedGroup(_ inputs: ProjectionInputs) throws -> [Double?] {
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
        return [ratio(burden[0], payroll[0]), ratio(burden[1], payroll[1])]
    }
}
