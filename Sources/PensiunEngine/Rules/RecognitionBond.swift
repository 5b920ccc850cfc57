import Foundation
import PensiunInputs

extension DBRules {
    /// The recognition bond of a switcher aged x_r with n_r years of service at the start of y_r,
    /// on the base B_r = scale_k(n_r)·W_{y_r} (docs/model.md §6):
    ///
    ///     BV = min(cap, a·n_r)·B_r · months_paid · ä^{(12)}_{BUP} · (1 + ρ)^{−(BUP − x_r)}
    ///
    /// `annuityFactor` is ä^{(12)}_{BUP} at ρ on the annuitant basis at the expected retirement
    /// year, κ = 0, level; `yearsToBUP` is max(0, BUP − x_r), BUP in force at y_r.
    @inlinable public func recognitionBond(serviceAtReform nr: Int, base br: Double, annuityFactor: Double,
                                           rate rho: Double, yearsToBUP: Int) -> Double {
        frozenPension(serviceAtReform: nr, base: br) * monthsPaid * annuityFactor * pow(1 + rho, -Double(yearsToBUP))
    }

    /// A bond's value a year later: B·(1 + ρ) (docs/model.md §6, "accruing at ρ a year").
    @inlinable public static func bondAccrued(_ value: Double, rate rho: Double) -> Double { value * (1 + rho) }

    /// A recognition bond after `years` of accrual at ρ (docs/model.md §6): BV·(1 + ρ)^years.
    /// The engine accrues a bond year by year with ``bondAccrued(_:rate:)``; a profile, which knows
    /// the whole career at once, uses this.
    @inlinable public static func bondValue(_ value: Double, rate rho: Double, years: Int) -> Double {
        value * pow(1 + rho, Double(years))
    }
}
