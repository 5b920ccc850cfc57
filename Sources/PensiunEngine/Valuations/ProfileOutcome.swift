import PensiunInputs

/// A representative member's career and pension under one scheme on one path (docs/model.md §9): a
/// member of (sex, track, entry age, entry year) who survives in service to the normal retirement
/// age, or, with an exit age, withdraws then and survives as a deferred member to the normal
/// retirement age; an entrant (entry year ≥ y0) from entry, a member in service at y0 (entry
/// year < y0) from y0 on.
public struct ProfileOutcome: Sendable, Equatable {
    /// The quantities recorded per path, in this order in ``ProjectionResults/profiles``.
    public enum Quantity: Int, CaseIterable, Sendable {
        case retirementYear, finalSalary, employeeContributions, totalContributions, dcBalance
        case monthlyPension, replacementRate, moneysWorthEmployee, moneysWorthTotal
        /// The monthly frozen DB pension at award (``DBRules/award(accruesDB:rights:eligible:yearsOfService:base:floor:frozenBase:serviceAtReform:)``,
        /// 0 when the member fails the DB test); not applicable (NaN) without frozen DB rights.
        case frozenDBPension
        /// The recognition bond at redemption (with its accrued interest, before it enters the DC
        /// account); not applicable (NaN) without a bond.
        case recognitionBond
        /// Like for like (docs/model.md Part II): every benefit at award, a year, over annual basic
        /// pay (`rr_basic_total` of one member), over annual take-home pay, and 20 years after the
        /// award over the basic pay of the same position then (not applicable past the horizon).
        case rrBasic, rrTakeHome, rrBasicAfter20
        /// Money's worth on the projection's own conventions (docs/model.md §11; model 2.3): the
        /// benefits along the path (path yields and κ, mid-year payments, award-year indexation,
        /// the spouse created at the member's death) over the contributions, employee only and
        /// employee + employer; ``ProfileProjector/projectedBenefits(_:age:sex:t:rules:escalation:drivers:)``.
        case moneysWorthProjectionEmployee, moneysWorthProjectionTotal

        public var name: String {
            switch self {
            case .retirementYear: return "retirement_year"
            case .finalSalary: return "final_salary"
            case .employeeContributions: return "contributions_employee"
            case .totalContributions: return "contributions_total"
            case .dcBalance: return "dc_balance_at_retirement"
            case .monthlyPension: return "pension_monthly"
            case .replacementRate: return "replacement_rate"
            case .moneysWorthEmployee: return "moneys_worth_employee"
            case .moneysWorthTotal: return "moneys_worth_total"
            case .frozenDBPension: return "frozen_db_pension_monthly"
            case .recognitionBond: return "recognition_bond_at_redemption"
            case .rrBasic: return "rr_basic"
            case .rrTakeHome: return "rr_takehome"
            case .rrBasicAfter20: return "rr_basic_after20"
            case .moneysWorthProjectionEmployee: return "mw_projection_employee"
            case .moneysWorthProjectionTotal: return "mw_projection_total"
            }
        }
    }

    /// Values by quantity (NaN when the member does not retire within the horizon, or when the
    /// quantity does not apply to the member).
    public var values: [Double]
    /// Year by year while in service, to the exit year of a member who withdraws (from y0 for a member in service at y0): salary S_y
    /// (monthly), contributions (employee, employer; a year) and the DC balance at the end of the
    /// year.
    public var years: [Int] = []
    public var salary: [Double] = []
    public var employeeContribution: [Double] = []
    public var employerContribution: [Double] = []
    public var balance: [Double] = []

    /// The profiled member's membership from the reform year y_r under `reform` (docs/model.md
    /// §6, §9): ``ReformMembership/at(reformYear:entryYear:age:transition:)`` with the member's age
    /// at the start of y_r; nil when `reform` has no DC (no transition) or when the member, who
    /// survives in service to BUP, has retired before y_r (reached BUP under `reform`'s
    /// retirement ages in a year from `startYear` on) or withdrawn before y_r (an exit year before y_r).
    public static func role(of spec: ProfileSpec, under reform: SchemeRules, startYear: Int) -> ReformMembership? {
        guard let dc = reform.dc else { return nil }
        if let exitYear = spec.exitYear, exitYear < dc.year { return nil }
        if spec.entryYear < dc.year {
            for year in max(startYear, spec.entryYear)..<max(startYear, dc.year)
            where RetirementChance.reachesNormalAge(age: spec.entryAge + year - spec.entryYear,
                                                    normalAge: reform.retirementAges[spec.track](year)) {
                return nil
            }
        }
        return ReformMembership.at(reformYear: dc.year, entryYear: spec.entryYear, age: spec.entryAge + dc.year - spec.entryYear,
                                   transition: dc.transition)
    }
}

extension ReformMembership {
    /// The name of a profiled member's role in `profiles.csv`: `entrant` (a DC member from entry),
    /// `stays` (in the DB), `switches` (to the DC with the rights earned), `supplementary` (the DC
    /// on top of the DB).
    public var profileRole: String {
        switch self {
        case .dcFromEntry: return "entrant"
        case .db: return "stays"
        case .switcher: return "switches"
        case .supplementary: return "supplementary"
        }
    }
}
