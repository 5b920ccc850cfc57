/// Replacement rates at award (docs/model.md §8): monthly amounts over the final monthly
/// pensionable salary B = scale_k(n)·W_y of the year of retirement.
public enum ReplacementRate {
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
