import Foundation
import PensiunActuarial
import PensiunInputs

extension ProjectionContext {
    /// The price per unit of annual payment of the DC annuity a balance buys at `age` at the start
    /// of y0+t+1, priced at the end of y0+t with κ held at `kappa`, at the year's annuity rate j
    /// (docs/model.md §6): the one rule both engines and the profiles price with.
    ///
    /// - f = 0 (single life, every scenario before issue 20): ä^{(12)} on the annuitant basis,
    ///   ``MortalityGrid/annuityDueMonthly(_:age:yearIndex:kappa:rate:)``, bit for bit as before.
    /// - f > 0 (joint and survivor): ``AnnuityFormPricer/jointAndSurvivor(fraction:age:years:member:spouseProbability:ageGap:spouseAges:spouse:)``
    ///   at rate j, monthly, two-term Woolhouse (ä − 11/24 on both lives), on the cohort diagonals
    ///   of the grid: the member on the annuitant basis of its sex, the spouse on the annuitant
    ///   basis of the other sex, both with κ held at `kappa` and the year index t+1+k capped at the
    ///   grid's last year; m = survivors.probability of the member's sex by age, Δ =
    ///   survivors.age_gap of the member's sex, the spouse's age clamped to 0…ω
    ///   (``Spouse/age(ofMemberAged:gap:maximumAge:)``).
    public func dcAnnuityFactor(sex: Sex, age: Int, t: Int, kappa: Double, rate j: Double, survivorFraction f: Double) -> Double {
        let omega = maximumAge
        let x = min(age, omega)
        if f == 0 { return grid.annuityDueMonthly(sex, age: x, yearIndex: t + 1, kappa: kappa, rate: j) }
        guard let pricer = try? AnnuityFormPricer(rate: InterestRate(j), paymentsPerYear: 12, method: .woolhouse2) else { return .nan }
        let grid = self.grid, last = grid.years - 1, other = sex.other, ages = omega + 1
        let leave = tables.leave, s = sex.index
        return pricer.jointAndSurvivor(
            fraction: f, age: x, years: omega - x + 1,
            member: { k in grid.q(.annuitants, sex, age: x + k, yearIndex: min(t + 1 + k, last), kappa: kappa) },
            spouseProbability: { a in leave[s * ages + min(a, omega)] },
            ageGap: tables.gap[s], spouseAges: 0...omega,
            spouse: { a, year in grid.q(.annuitants, other, age: a, yearIndex: min(t + 1 + year, last), kappa: kappa) })
    }

    /// Whether a scheme's DC buys joint-and-survivor annuities (f > 0 with an annuity payout).
    public var paysDCSurvivors: Bool {
        [inputs.current, inputs.reform].contains { $0.dc.map { $0.payout == .annuity && $0.survivorFraction > 0 } ?? false }
    }
}
