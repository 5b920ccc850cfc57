import PensiunInputs

// DB amounts beyond the award (DBAward.swift): contributions, the initial pensioners' survivor
// pensions, the value of a survivor pension, the base of a frozen pension (docs/model.md §5–6).
// A product here is evaluated left to right as written in its formula: the order the published
// profiles (profiles.csv, compared byte for byte) were computed with.

extension DBRules {
    /// The employee DB contribution of a year for a member accruing DB rights (docs/model.md §5):
    ///
    ///     c_DB·S·12
    @inlinable public static func employeeContribution(rate c: Double, salary s: Double) -> Double { c * s * 12 }

    /// The contingent survivor pension of an initial pensioner or disabled pensioner cell when the
    /// population does not give it (docs/model.md §5, "default σ_r/cap × pension, floored"), for a
    /// cell of N members with total monthly pension P and the floor of y0:
    ///
    ///     max(σ_r/cap·P, f_sr·floor_{y0}·N)
    @inlinable public func initialContingentSurvivor(monthlyPension p: Double, count n: Double) -> Double {
        max(survivorOfPensioner / cap * p, survivorOfPensionerFloor * floor * n)
    }

    /// The value at award of a contingent survivor pension P_s (monthly), weighted by the
    /// probability m_s(x) of leaving a spouse, on the reversionary annuity ä_{x+1|y}
    /// (docs/model.md §9), evaluated left to right:
    ///
    ///     m_s(x)·P_s·months_paid·(1 + survivor allowance)·ä_{x+1|y}
    @inlinable public func valueOfSurvivorPension(monthly ps: Double, leaveProbability m: Double,
                                                  reversionaryAnnuity a: Double) -> Double {
        m * ps * monthsPaid * (1 + survivorAllowance) * a
    }

    /// The base of a frozen DB pension at an exit with final salary B (docs/model.md §6): B under
    /// `frozen_salary: final`, otherwise B_f, the base of y_r revalued with the DB indexation rule.
    @inlinable public static func frozenBase(revalued bf: Double, finalSalary b: Double, onFinalSalary: Bool) -> Double {
        onFinalSalary ? b : bf
    }
}

extension AccruedRights {
    /// Whether a frozen DB pension is computed on the final salary (`frozen_salary: final`).
    @inlinable public var freezesOnFinalSalary: Bool {
        if case .frozenDB(finalSalary: true) = self { return true }
        return false
    }

    /// ρ, the recognition bond's rate (0 when rights are not bonds).
    @inlinable public var bondRate: Double {
        if case let .recognitionBond(rho) = self { return rho }
        return 0
    }
}
