import PensiunActuarial
import PensiunInputs

/// Replacement rates at award (docs/model.md §8): monthly amounts over the final monthly
/// pensionable salary B = scale_k(n)·W_y of the year of retirement.
public enum ReplacementRate {
    /// Whether a retiring member is in the denominator of `replacement_rate_db` (docs/model.md §8,
    /// §11 "who switches"): a member accruing DB rights or holding frozen DB rights. DC members
    /// from entry and holders of a recognition bond are not (their DB rate would be a written 0).
    @inlinable public static func countsInDB(accruesDB: Bool, holdsFrozenDB: Bool) -> Bool {
        accruesDB || holdsFrozenDB
    }

    /// The DB (or frozen DB) rate: P / B, ``of(monthly:salary:)`` of the DB pension.
    @inlinable public static func db(monthlyPension p: Double, salary b: Double) -> Double { of(monthly: p, salary: b) }

    /// The DC rate: (annuity / m_DC) / B, m_DC the DC annuity payments a year.
    @inlinable public static func dc(annualAnnuity a: Double, paymentsPerYear m: Double, salary b: Double) -> Double {
        a / m / b
    }

    /// The total rate: DB + DC + (top-up / months_paid) / B.
    @inlinable public static func total(db: Double, dc: Double, annualTopUp u: Double, monthsPaid m: Double,
                                        salary b: Double) -> Double {
        db + dc + u / m / b
    }
}

/// Money's worth of an individual profile (docs/model.md §9): the value of benefits over the
/// value of contributions, both at the end of the retirement year; not applicable (NaN) when no
/// contribution was paid.
public enum MoneysWorth {
    /// benefits / contributions, or NaN when contributions ≤ 0.
    @inlinable public static func ratio(benefits: Double, contributions: Double) -> Double {
        contributions > 0 ? benefits / contributions : .nan
    }
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
        DCRules.grown(balance: value, contribution: c, onePlusReturn: 1 + i, halfGrowth: (1 + i).squareRoot())
    }
}
