import PensiunInputs

/// Where an active member stands with respect to the reform (docs/model.md §6). A member's entry
/// year is y − n (year minus completed service); the reform year is y_r.
public enum ReformMembership: UInt8, Sendable, CaseIterable {
    /// Stays in the DB: accrues DB rights, no DC account.
    case db
    /// Entered in y_r or later: a DC member from entry, with no DB accrual and no DB rights.
    case dcFromEntry
    /// An active at y_r who leaves the DB with the rights earned (frozen DB pension or recognition
    /// bond) and joins the DC.
    case switcher
    /// An active at y_r under `supplementary`: keeps accruing DB rights and adds a DC account.
    case supplementary

    /// Whether a member who entered in `entryYear` is a DC member from entry: entryYear ≥ y_r
    /// (docs/model.md §6, "those whose entry year ≥ y_r are DC members"). This holds for entrants
    /// of every year and for members in service at y0 (entry year y0 − n), so with y_r = y0 the
    /// y0 actives of service 0 are DC members from entry.
    @inlinable public static func isDCFromEntry(entryYear: Int, reformYear: Int) -> Bool {
        entryYear >= reformYear
    }

    /// The membership from y_r of an active who entered in `entryYear` and is aged `age` at the
    /// start of y_r, under `transition` (docs/model.md §6):
    ///
    ///     entry year ≥ y_r                              → dcFromEntry
    ///     supplementary                                 → supplementary
    ///     switch_under_age(A) with age < A, or all      → switcher
    ///     otherwise (new_entrants, or age ≥ A)          → db
    ///
    /// Members who join in y_r itself are never switchers (they have no rights to carry over).
    @inlinable public static func at(reformYear: Int, entryYear: Int, age: Int,
                                     transition: TransitionPolicy) -> ReformMembership {
        if isDCFromEntry(entryYear: entryYear, reformYear: reformYear) { return .dcFromEntry }
        if transition == .supplementary { return .supplementary }
        return transition.switches(age: age) ? .switcher : .db
    }

    /// Whether members of this kind accrue DB rights (and pay DB contributions) from y_r.
    @inlinable public var accruesDB: Bool { self == .db || self == .supplementary }
    /// Whether members of this kind hold a DC account from y_r.
    @inlinable public var isDC: Bool { self != .db }
}

/// The DB rights a switcher carries out of the DB at y_r (docs/model.md §6). The raw values are
/// the engines' compact storage.
public enum HeldRights: UInt8, Sendable, CaseIterable {
    /// No rights carried (not a switcher, or a DC member from entry).
    case none = 0
    /// A frozen DB pension min(cap, a·n_r)·B_f.
    case frozenDB = 1
    /// A recognition bond accruing at ρ.
    case recognitionBond = 2

    /// The rights a switcher holds under the reform's `accruedRights` choice.
    @inlinable public init(switchingUnder rights: AccruedRights) {
        switch rights {
        case .frozenDB: self = .frozenDB
        case .recognitionBond: self = .recognitionBond
        }
    }
}
