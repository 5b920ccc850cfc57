import Foundation

/// How an annuity payable m times a year is valued from an annual life table.
public enum MthlyMethod: String, Sendable, CaseIterable {
    /// Exact under UDD: the sum over every m-thly payment date of v^t·ₜpₓ with the fractional
    /// survival ₖ₊ⱼ/ₘpₓ = ₖpₓ·(1 − (j/m)·q_{x+k}).
    case uddExact
    /// The UDD closed form α(m)·äₓ − β(m) (equal to ``uddExact`` for a closed table).
    case uddClosedForm
    /// Woolhouse with two terms: äₓ − (m−1)/(2m).
    case woolhouse2
    /// Woolhouse with three terms: äₓ − (m−1)/(2m) − (m²−1)/(12m²)·(δ + μₓ).
    case woolhouse3
}

/// Annuities of 1 a year paid in m instalments of 1/m, at times 0, 1/m, 2/m, … (due) while a life
/// aged x survives. Values per unit of annual payment, at the effective annual rate i.
extension LifeTable {
    /// ä^(m)ₓ = (1/m)·Σ_{t = 0, 1/m, 2/m, …} vᵗ·ₜpₓ, valued by `method` (default: exact under UDD).
    ///
    /// - ``MthlyMethod/uddExact``: Σ_{k=0}^{ω−x} vᵏ·ₖpₓ·Σ_{j=0}^{m−1} (1/m)·v^{j/m}·(1 − (j/m)·q_{x+k})
    /// - ``MthlyMethod/uddClosedForm``: α(m)·äₓ − β(m), α(m) = i·d/(i^(m)·d^(m)),
    ///   β(m) = (i − i^(m))/(i^(m)·d^(m))
    /// - ``MthlyMethod/woolhouse2``: äₓ − (m−1)/(2m)
    /// - ``MthlyMethod/woolhouse3``: äₓ − (m−1)/(2m) − (m²−1)/(12m²)·(δ + μₓ), μₓ from
    ///   ``forceOfMortalityEstimate(_:)``
    ///
    /// m ≥ 1 (m = 1 gives äₓ for every method).
    public func annuityDue(_ x: Int, paymentsPerYear m: Int, rate: InterestRate, method: MthlyMethod = .uddExact) -> Double {
        precondition(m >= 1, "payments per year must be at least 1, got \(m)")
        switch method {
        case .uddExact:
            var sum = 0.0, survival = 1.0
            var k = 0
            while x + k <= lastAge && survival > 0 {
                let q = self.q(x + k)
                var year = 0.0
                for j in 0..<m {
                    let s = Double(j) / Double(m)
                    year += rate.discount(Double(k) + s) * (1 - s * q)
                }
                sum += survival * year / Double(m)
                survival *= 1 - q
                k += 1
            }
            return sum
        case .uddClosedForm:
            return rate.uddAlpha(m) * annuityDue(x, rate: rate) - rate.uddBeta(m)
        case .woolhouse2:
            return Self.woolhouse(annuityDue: annuityDue(x, rate: rate), paymentsPerYear: m, delta: rate.delta, force: nil)
        case .woolhouse3:
            return Self.woolhouse(annuityDue: annuityDue(x, rate: rate), paymentsPerYear: m,
                                  delta: rate.delta, force: forceOfMortalityEstimate(x))
        }
    }

    /// a^(m)ₓ = ä^(m)ₓ − 1/m, the m-thly annuity-immediate (instalments at 1/m, 2/m, …).
    public func annuityImmediate(_ x: Int, paymentsPerYear m: Int, rate: InterestRate, method: MthlyMethod = .uddExact) -> Double {
        annuityDue(x, paymentsPerYear: m, rate: rate, method: method) - 1 / Double(m)
    }

    /// The two-term Woolhouse correction (m−1)/(2m): ä^(m)ₓ ≈ äₓ − (m−1)/(2m); 11/24 for monthly
    /// payments, the adjustment docs/model.md §6 prices DC annuities with. The one place it is
    /// written: the batch pricer and both projection engines use it.
    @inlinable
    public static func woolhouseCorrection(paymentsPerYear m: Int) -> Double {
        (Double(m) - 1) / (2 * Double(m))
    }

    /// Woolhouse's formula from the annual annuity-due äₓ:
    ///
    ///     ä^(m)ₓ ≈ äₓ − (m−1)/(2m)                                 (two terms, force = nil)
    ///     ä^(m)ₓ ≈ äₓ − (m−1)/(2m) − (m²−1)/(12m²)·(δ + μₓ)        (three terms)
    ///
    /// Use it with an exact μₓ when one is known (a law's ``MortalityLaw/force(at:)``).
    @inlinable
    public static func woolhouse(annuityDue: Double, paymentsPerYear m: Int, delta: Double, force: Double?) -> Double {
        let mm = Double(m)
        var value = annuityDue - woolhouseCorrection(paymentsPerYear: m)
        if let force { value -= (mm * mm - 1) / (12 * mm * mm) * (delta + force) }
        return value
    }

    /// μₓ estimated from the annual table: μₓ ≈ −(ln p_{x−1} + ln pₓ)/2 (the average of the
    /// constant forces of the two years of age around x). At the first age, −ln pₓ; where pₓ = 0
    /// (the closing age), −ln p_{x−1}; +∞ if neither is available.
    public func forceOfMortalityEstimate(_ x: Int) -> Double {
        let here = p(x)
        let before = x > firstAge ? p(x - 1) : 0
        switch (here > 0, before > 0) {
        case (true, true): return -(Foundation.log(before) + Foundation.log(here)) / 2
        case (true, false): return -Foundation.log(here)
        case (false, true): return -Foundation.log(before)
        case (false, false): return .infinity
        }
    }
}
