import Foundation

// Rules the per-path engine and the profiles need beyond DBAward.swift and DCRules+Rules.swift.
// Several are written so that their evaluation order is the one the published profiles were
// computed with (profiles.csv is compared byte for byte): a product is evaluated left to right as
// written in its formula.

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

    /// A recognition bond after `years` of accrual at ρ (docs/model.md §6): BV·(1 + ρ)^years.
    /// The engine accrues a bond year by year with ``bondAccrued(_:rate:)``; a profile, which knows
    /// the whole career at once, uses this.
    @inlinable public static func bondValue(_ value: Double, rate rho: Double, years: Int) -> Double {
        value * pow(1 + rho, Double(years))
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

extension DCRules {
    /// One party's DC contribution of a year (docs/model.md §6), rate c (c_e or c_r), evaluated
    /// left to right as the profiles publish it:
    ///
    ///     c·m_DC·S·12
    @inlinable public static func contribution(rate c: Double, multiplier m: Double, salary s: Double) -> Double {
        c * m * s * 12
    }

    /// The annual DC annuity bought with `pot` at the end of y (docs/model.md §6):
    ///
    ///     annuity = pot / ä^{(12)}_{x+1}
    ///
    /// given ä^{(12)} itself; ``annuity(pot:inverseFactor:)`` is the same with 1/ä^{(12)} precomputed.
    @inlinable public static func annuity(pot: Double, factor: Double) -> Double { pot / factor }
}

extension ReplacementRate {
    /// The monthly pension at award of a profile (docs/model.md §9): the DB (or frozen DB) pension
    /// plus the monthly DC annuity plus the monthly top-up,
    ///
    ///     P + annuity/m_DC + top-up/months_paid
    @inlinable public static func monthlyPension(db p: Double, annualAnnuity a: Double, paymentsPerYear mdc: Double,
                                                 annualTopUp u: Double, monthsPaid m: Double) -> Double {
        p + a / mdc + u / m
    }

    /// Any monthly amount at award over the final monthly salary B: P / B (``db(monthlyPension:salary:)``
    /// is this for the DB pension).
    @inlinable public static func of(monthly p: Double, salary b: Double) -> Double { p / b }
}

extension MoneysWorth {
    /// A value accumulated one more year at rate i, with `paid` paid at mid-year (docs/model.md §9,
    /// the profiles' convention; the same form as a DC balance's growth):
    ///
    ///     V·(1 + i) + paid·(1 + i)^{1/2}
    @inlinable public static func accumulated(_ value: Double, paidMidYear c: Double, rate i: Double) -> Double {
        value * (1 + i) + c * (1 + i).squareRoot()
    }
}

/// The budget burden of a scheme in a year (docs/model.md §5–6).
public enum BudgetBurden {
    /// DB-type benefits paid + employer DC contributions + guarantee top-ups + bond redemptions −
    /// employee DB contributions when their destination is the budget:
    ///
    ///     burden_y = DB_y + C^r_y + top-ups_y + redemptions_y − C^DB_y·[budget]
    @inlinable public static func amount(dbBenefits: Double, employerDC: Double, topUps: Double, bondRedemptions: Double,
                                         employeeDBToBudget: Double) -> Double {
        dbBenefits + employerDC + topUps + bondRedemptions - employeeDBToBudget
    }
}

extension IndexationRule {
    /// The long-run mean escalation of the rule, g (docs/model.md §9, the profiles' valuation):
    /// μ_π for prices, (1 + μ_π)(1 + μ_g) − 1 for wages, r for fixed, 0 for none.
    @inlinable public func expectedEscalation(meanInflation pi: Double, meanRealWageGrowth g: Double) -> Double {
        switch self {
        case .prices: return pi
        case .wages: return (1 + pi) * (1 + g) - 1
        case let .fixed(r): return r
        case .none: return 0
        }
    }
}
