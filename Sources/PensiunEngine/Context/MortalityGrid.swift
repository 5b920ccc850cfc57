import Foundation
import PensiunActuarial
import PensiunInputs

/// Deterministic parts of every mortality basis, precomputed once per run (docs/model.md §4):
///
///     U_b(x, s, y) = f_{b,s} · q_base(x, s) · (1 − imp_x)^{y − y_base}        (uncapped)
///     q_b(x, s, y) = min(1, U_b(x, s, y) · exp(−β_x κ_y)),   q = 1 at the maximum age ω
///
/// Years run from y0 to y0 + H + ω, far enough for annuities priced at the horizon. Storage is
/// dense: index ((b · 2 + s) · years + t) · (ω + 1) + x.
public struct MortalityGrid: Sendable {
    public let maximumAge: Int
    public let years: Int
    @usableFromInline let uncapped: [Double]
    /// β_x by age.
    public let beta: [Double]
    /// True when β_x is the same at every age, so exp(−β κ) is one number per year.
    public let uniformBeta: Bool
    /// Disability incidence by sex and age (no improvement, no κ).
    public let disability: [Double]

    public init(mortality: MortalityInputs, disability incidence: DisabilityIncidence, calendar: ProjectionCalendar) {
        let omega = calendar.maximumAge
        maximumAge = omega
        years = calendar.horizon + omega + 2
        let ages = omega + 1
        // The improvement (1 − i_x)^(y − base year) by year and age, and the base rates by sex and
        // age, once: every basis and sex reads them.
        var decline = [Double](repeating: 0, count: years * ages)
        for t in 0..<years {
            let elapsed = calendar.startYear + t - mortality.baseYear
            for x in 0..<omega {
                decline[t * ages + x] = MortalityRate.improvementFactor(rate: mortality.improvementRate(age: x), years: elapsed)
            }
        }
        let baseRates = Sex.allCases.map { sex in
            let table = mortality.base(sex)
            return (0..<omega).map { x in x < table.firstAge ? table.q(table.firstAge) : table.q(x) }
        }
        var grid = [Double](repeating: 0, count: MortalityBasisKind.allCases.count * 2 * years * ages)
        for basis in MortalityBasisKind.allCases {
            for sex in Sex.allCases {
                let f = mortality.factor(basis, sex), base = baseRates[sex.index]
                for t in 0..<years {
                    let row = ((basis.rawValue * 2 + sex.index) * years + t) * ages
                    for x in 0..<omega {
                        grid[row + x] = MortalityRate.uncapped(scaledBase: f * base[x], improvementFactor: decline[t * ages + x])
                    }
                    grid[row + omega] = .infinity
                }
            }
        }
        uncapped = grid
        beta = (0...omega).map { mortality.beta(age: $0) }
        uniformBeta = Set(beta).count == 1
        var dis = [Double](repeating: 0, count: 2 * ages)
        for sex in Sex.allCases {
            let table = mortality.base(sex)
            for x in 0...omega {
                let value: Double
                switch incidence {
                case .none: value = 0
                case let .factorOfBaseMortality(k):
                    value = min(1, k * (x < table.firstAge ? table.q(table.firstAge) : table.q(x)))
                case let .table(rates):
                    let list = rates[sex] ?? [0]
                    value = list[min(x, list.count - 1)]
                }
                dis[sex.index * ages + x] = value
            }
        }
        disability = dis
    }

    /// U_b(x, s, y0 + t).
    @inlinable
    public func uncapped(_ basis: MortalityBasisKind, _ sex: Sex, age x: Int, yearIndex t: Int) -> Double {
        uncapped[((basis.rawValue * 2 + sex.index) * years + t) * (maximumAge + 1) + min(x, maximumAge)]
    }

    /// q_b(x, s, y0 + t) given κ_y.
    @inlinable
    public func q(_ basis: MortalityBasisKind, _ sex: Sex, age x: Int, yearIndex t: Int, kappa: Double) -> Double {
        if x >= maximumAge { return 1 }
        return MortalityRate.capped(uncapped: uncapped(basis, sex, age: x, yearIndex: t),
                                    periodFactor: MortalityRate.periodFactor(beta: beta[x], kappa: kappa))
    }

    /// Fills `out[x]` = q_b(x, s, y0 + t) for every age, given κ_y.
    @inlinable
    public func fillRates(_ basis: MortalityBasisKind, _ sex: Sex, yearIndex t: Int, kappa: Double,
                          into out: inout [Double]) {
        let ages = maximumAge + 1
        let row = ((basis.rawValue * 2 + sex.index) * years + t) * ages
        uncapped.withUnsafeBufferPointer { u in
            if kappa == 0 || uniformBeta {
                let factor = MortalityRate.periodFactor(beta: beta[0], kappa: kappa)
                for x in 0..<ages { out[x] = MortalityRate.capped(uncapped: u[row + x], periodFactor: factor) }
            } else {
                for x in 0..<ages {
                    out[x] = MortalityRate.capped(uncapped: u[row + x], periodFactor: MortalityRate.periodFactor(beta: beta[x], kappa: kappa))
                }
            }
        }
    }

    /// ä^{(12)} ≈ ä − 11/24 for a life of sex s aged `age` at the start of year y0+t, on the
    /// annuitant basis with κ held at `kappa` for all later years and the deterministic
    /// improvement continuing (cohort mortality "known at" y0+t−1), at annual rate j:
    ///
    ///     ä = Σ_{k≥0} v^k ₖp,   ₖp = Π_{u<k} (1 − q_ann(age+u, s, y0+t+u)),   v = 1/(1+j)
    ///
    /// computed backward along the cohort's diagonal by ``AnnuityRecursion``:
    /// ä(a, y) = 1 + v (1 − q(a, y)) ä(a+1, y+1).
    public func annuityDueMonthly(_ sex: Sex, age: Int, yearIndex t: Int, kappa: Double, rate j: Double) -> Double {
        annuityDue(.annuitants, sex, age: age, yearIndex: t, kappa: kappa, rate: j) - Self.monthlyCorrection
    }

    /// ä − ä^(12) ≈ 11/24, the two-term Woolhouse correction for monthly payments (PensiunActuarial's
    /// one definition).
    public static let monthlyCorrection = LifeTable.woolhouseCorrection(paymentsPerYear: 12)

    /// ä (annual, in advance) on basis b along the cohort diagonal from (age, y0+t), κ held fixed,
    /// by ``AnnuityRecursion`` (PensiunActuarial's one recursion).
    public func annuityDue(_ basis: MortalityBasisKind, _ sex: Sex, age: Int, yearIndex t: Int, kappa: Double, rate j: Double) -> Double {
        let v = 1 / (1 + j)
        let ages = maximumAge + 1
        let uniformFactor = MortalityRate.periodFactor(beta: beta[0], kappa: kappa)
        var value = 1.0 // ä at the closing age ω: one payment, then certain death.
        uncapped.withUnsafeBufferPointer { u in
            let base = (basis.rawValue * 2 + sex.index) * years
            var a = maximumAge - 1
            while a >= age {
                let year = min(t + (a - age), years - 1)
                let raw = u[(base + year) * ages + a]
                let factor = uniformBeta ? uniformFactor : MortalityRate.periodFactor(beta: beta[a], kappa: kappa)
                let q = MortalityRate.capped(uncapped: raw, periodFactor: factor)
                value = AnnuityRecursion.annuityDue(next: value, discountedSurvival: AnnuityRecursion.discountedSurvival(discount: v, q: q))
                a -= 1
            }
        }
        return value
    }
}
