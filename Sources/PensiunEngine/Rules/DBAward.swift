import PensiunInputs

/// The monthly DB amounts fixed at an award (docs/model.md §5–6): the pension and the contingent
/// survivor pension a spouse continues after the pensioner's death.
///
/// Every amount is homogeneous of degree one in (B, floor_y): with B = scale_k(n)·W_y and
/// floor_y = floor_base·W_y, the lane plan evaluates the rules at W = 1 and scales by W_y later.
public struct DBAward: Sendable, Equatable {
    /// The monthly pension (before allowances).
    public var pension: Double
    /// The monthly contingent survivor pension fixed at award.
    public var contingentSurvivor: Double

    /// No DB award.
    public static let none = DBAward(pension: 0, contingentSurvivor: 0)

    @inlinable public init(pension: Double, contingentSurvivor: Double) {
        self.pension = pension
        self.contingentSurvivor = contingentSurvivor
    }
}

extension DBRules {
    /// The share of the base that n years of DB service earn (docs/model.md §5):
    ///
    ///     min(cap, a·n)
    @inlinable public func accruedFraction(yearsOfService n: Int) -> Double {
        min(cap, accrualRate * Double(n))
    }

    /// The retirement or disability pension of a member accruing DB rights, leaving at the end of
    /// y with n+1 years of service (docs/model.md §5):
    ///
    ///     P = max(floor_y, min(cap, a·(n+1))·B)
    @inlinable public func pension(yearsOfService n1: Int, base b: Double, floor f: Double) -> Double {
        max(f, accruedFraction(yearsOfService: n1) * b)
    }

    /// A switcher's frozen DB pension, or the pension a recognition bond is worth (docs/model.md §6):
    ///
    ///     P_f = min(cap, a·n_r)·B_f        (no floor)
    @inlinable public func frozenPension(serviceAtReform nr: Int, base bf: Double) -> Double {
        accruedFraction(yearsOfService: nr) * bf
    }

    /// The contingent survivor pension fixed at the award of a member accruing DB rights
    /// (docs/model.md §5):
    ///
    ///     max(σ_r·B, f_sr·floor_y)
    @inlinable public func pensionerSurvivor(base b: Double, floor f: Double) -> Double {
        max(survivorOfPensioner * b, survivorOfPensionerFloor * f)
    }

    /// The survivor pension after a death in service of a member accruing DB rights
    /// (docs/model.md §5), a share d of deaths being caused by duty:
    ///
    ///     (1 − d)·max(σ_a·B, f_sa·floor_y) + d·max(σ_duty·B, f_duty·floor_y)
    @inlinable public func deathInServiceSurvivor(base b: Double, floor f: Double) -> Double {
        (1 - dutyShare) * max(survivorOfActive * b, survivorOfActiveFloor * f)
            + dutyShare * max(survivorOfDuty * b, survivorOfDutyFloor * f)
    }

    /// A frozen DB survivor pension, prorated to the service in the DB (docs/model.md §6):
    ///
    ///     σ·B_f·n_r/(n+1)       σ = σ_a after a death in service, σ_r after a pensioner's death
    @inlinable public func frozenSurvivor(rate sigma: Double, base bf: Double, serviceAtReform nr: Int,
                                          yearsOfService n1: Int) -> Double {
        sigma * bf * Double(nr) / Double(n1)
    }

    /// The DB award of a disability or retirement at the end of y with n+1 years of service:
    /// for a member accruing DB rights, ``pension(yearsOfService:base:floor:)`` with
    /// ``pensionerSurvivor(base:floor:)``; for a switcher with frozen DB rights,
    /// ``frozenPension(serviceAtReform:base:)`` with the prorated σ_r survivor pension; otherwise
    /// (or when not `eligible`, docs/model.md §5 "minimum service") nothing.
    @inlinable public func award(accruesDB: Bool, rights: HeldRights, eligible: Bool, yearsOfService n1: Int,
                                 base b: Double, floor f: Double, frozenBase bf: Double,
                                 serviceAtReform nr: Int) -> DBAward {
        guard eligible else { return .none }
        if accruesDB {
            return DBAward(pension: pension(yearsOfService: n1, base: b, floor: f),
                           contingentSurvivor: pensionerSurvivor(base: b, floor: f))
        }
        if rights == .frozenDB {
            return DBAward(pension: frozenPension(serviceAtReform: nr, base: bf),
                           contingentSurvivor: frozenSurvivor(rate: survivorOfPensioner, base: bf,
                                                              serviceAtReform: nr, yearsOfService: n1))
        }
        return .none
    }

    /// The monthly survivor pension after a death in service at the end of y with n+1 years of
    /// service: ``deathInServiceSurvivor(base:floor:)`` for a member accruing DB rights, the
    /// prorated σ_a pension for a switcher with frozen DB rights, nothing otherwise.
    @inlinable public func survivorOfDeathInService(accruesDB: Bool, rights: HeldRights, yearsOfService n1: Int,
                                                    base b: Double, floor f: Double, frozenBase bf: Double,
                                                    serviceAtReform nr: Int) -> Double {
        if accruesDB { return deathInServiceSurvivor(base: b, floor: f) }
        if rights == .frozenDB {
            return frozenSurvivor(rate: survivorOfActive, base: bf, serviceAtReform: nr, yearsOfService: n1)
        }
        return 0
    }

    /// Whether a retirement at the end of y with n+1 years of service gives a DB pension
    /// (docs/model.md §5): an early retirement always (its conditions imply eligibility), a
    /// retirement at BUP when n+1 ≥ min_service.
    @inlinable public func isEligible(early: Bool, yearsOfService n1: Int) -> Bool {
        early || n1 >= minimumService
    }

    /// The annual amount paid for a monthly DB-type pension P, allowances included (docs/model.md
    /// §5 and Part II), evaluated left to right:
    ///
    ///     P·months_paid·(1 + allowance)
    ///
    /// (The engines multiply P by ``paidPerMonthlyPension``, the same amount with the factor taken
    /// once; the profiles keep this order, which profiles.csv was published with.)
    @inlinable public func annualPension(monthly p: Double) -> Double { p * monthsPaid * (1 + pensionAllowance) }

    /// The annual amount paid per unit of monthly DB-type pension, allowances included:
    /// months_paid·(1 + allowance), so that P·``paidPerMonthlyPension`` is ``annualPension(monthly:)``
    /// up to rounding.
    @inlinable public var paidPerMonthlyPension: Double { monthsPaid * (1 + pensionAllowance) }
    /// The same for a monthly survivor pension.
    @inlinable public var paidPerMonthlySurvivorPension: Double { monthsPaid * (1 + survivorAllowance) }
}
