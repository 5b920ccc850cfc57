/// A representative member's career and pension under one scheme on one path (docs/model.md §9): a
/// member of (sex, track, entry age, entry year ≥ y0) who survives in service to the normal
/// retirement age.
public struct ProfileOutcome: Sendable, Equatable {
    /// The quantities recorded per path, in this order in ``ProjectionResults/profiles``.
    public enum Quantity: Int, CaseIterable, Sendable {
        case retirementYear, finalSalary, employeeContributions, totalContributions, dcBalance
        case monthlyPension, replacementRate, moneysWorthEmployee, moneysWorthTotal

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
            }
        }
    }

    /// Values by quantity (NaN when the member does not retire within the horizon).
    public var values: [Double]
    /// Year by year while in service: salary S_y (monthly), contributions (employee, employer; a
    /// year) and the DC balance at the end of the year.
    public var years: [Int] = []
    public var salary: [Double] = []
    public var employeeContribution: [Double] = []
    public var employerContribution: [Double] = []
    public var balance: [Double] = []
}
