import Foundation

/// The projected mortality rate of docs/model.md §4, written once: ``MortalityProjection`` and the
/// engine's precomputed grid (`MortalityGrid`) both compute it with these functions,
///
///     q(x, y) = min(1, f · q_base(x) · (1 − impₓ)^(y − y_base) · exp(−βₓ·κ_y))
///
/// in three factors: the improvement from the base year, the uncapped rate U, and the period
/// index's factor, capped at 1.
public enum MortalityRate {
    /// (1 − impₓ)^(y − y_base), the deterministic improvement from the base year to y (n = y − y_base,
    /// negative before the base year).
    @inlinable public static func improvementFactor(rate i: Double, years n: Int) -> Double {
        pow(1 - i, Double(n))
    }

    /// U = f·q_base(x)·(1 − impₓ)^(y − y_base), the rate before κ and the cap, from f·q_base(x) and
    /// ``improvementFactor(rate:years:)``.
    @inlinable public static func uncapped(scaledBase fq: Double, improvementFactor d: Double) -> Double {
        fq * d
    }

    /// exp(−βₓ·κ_y), the period index's factor; exactly 1 when κ = 0.
    @inlinable public static func periodFactor(beta b: Double, kappa k: Double) -> Double {
        k == 0 ? 1 : exp(-b * k)
    }

    /// q = min(1, U·exp(−βₓ·κ_y)), from U and ``periodFactor(beta:kappa:)``.
    @inlinable public static func capped(uncapped u: Double, periodFactor e: Double) -> Double {
        min(1, u * e)
    }
}
