/// Who moves to the DC (docs/model.md §6).
public enum TransitionPolicy: Sendable, Equatable {
    case newEntrants
    case switchUnderAge(Int)
    case all
    case supplementary

    /// Whether an active aged `age` at the start of the reform year leaves the DB with accrued
    /// rights (supplementary members stay in the DB and add a DC account; docs/model.md §6).
    public func switches(age: Int) -> Bool {
        switch self {
        case .newEntrants, .supplementary: return false
        case let .switchUnderAge(limit): return age < limit
        case .all: return true
        }
    }
}

/// What happens to DB rights already earned by a switcher.
public enum AccruedRights: Sendable, Equatable {
    /// Frozen DB pension on B_f (revalued with DB indexation, or the final salary when `finalSalary`).
    case frozenDB(finalSalary: Bool)
    /// A recognition bond accruing at ρ.
    case recognitionBond(rate: Double)
}
