import PensiunActuarial

/// Forms of the rule layer's rules for the lane engine, which precomputes per cohort what does
/// not depend on the path and multiplies by per-lane factors (1/W_y) in its kernels. Each is
/// documented as equal to the rule it stands for; they exist only because the lane engine's
/// numbers (its committed outputs) follow this evaluation order.
extension ReplacementRate {
    /// The rate per unit of an annual amount paid m times a year, per unit of 1/W_y, for a
    /// member of salary scale s (B = s·W_y):
    ///
    ///     1 / (m·s)
    ///
    /// so that ``ofAnnualAmount(_:perUnit:inverseWage:)`` gives amount/m/B.
    @inlinable public static func perUnitAnnualAmount(paymentsPerYear m: Double, salary s: Double) -> Double {
        1 / (m * s)
    }

    /// The rate of an annual amount (a DC annuity, a guarantee top-up) from the factor
    /// ``perUnitAnnualAmount(paymentsPerYear:salary:)`` and 1/W_y:
    ///
    ///     amount · (1/(m·s)) · (1/W_y)
    ///
    /// equal to ``dc(annualAnnuity:paymentsPerYear:salary:)`` (with m = m_DC) and to the top-up
    /// part u/months_paid/B of ``total(db:dc:annualTopUp:monthsPaid:salary:)`` up to rounding.
    @inlinable @inline(__always) public static func ofAnnualAmount<V: RuleNumber>(_ amount: V, perUnit k: V, inverseWage w: V) -> V {
        amount * k * w
    }

    /// The total rate from its three parts already rates (docs/model.md §8): DB + DC + top-up, as
    /// ``total(db:dc:annualTopUp:monthsPaid:salary:)``.
    @inlinable @inline(__always) public static func total<V: RuleNumber>(db: V, dc: V, topUpRate u: V) -> V { db + dc + u }
}
