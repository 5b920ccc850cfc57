/// The forms of life annuity a DC balance can buy at retirement (docs/model.md §6 buys
/// ``singleLife`` only; issue 20 adds the other two). Values per unit of annual payment to the
/// annuitant, priced by ``AnnuityFormPricer``; docs/actuarial.md, "Annuity forms", states every
/// formula. The projection engines do not use the forms yet.
public enum AnnuityForm: Sendable, Hashable, CustomStringConvertible {
    /// 1 a year while the annuitant lives: ä^(m)ₓ.
    case singleLife
    /// 1 a year while the annuitant lives, then `fraction` f a year for life to a spouse the
    /// annuitant leaves at death, on the projection's own spouse model (docs/model.md §4): a death
    /// in year k leaves a spouse with probability m(x+k), paid from the start of year k+1.
    /// f = 0 is ``singleLife``. 0 ≤ f ≤ 1.
    case jointAndSurvivor(fraction: Double)
    /// 1 a year for the first `years` n years whether the annuitant lives or not (to the heirs
    /// after a death), then for as long as the annuitant lives: ä^(m)_{n⌉} + ₙ|ä^(m)ₓ. n = 0 is
    /// ``singleLife``. n ≥ 0.
    case guaranteed(years: Int)

    /// The form itself when its parameter is in its domain (f finite in [0, 1], n ≥ 0), else an
    /// ``ActuarialError/invalidArgument(_:)`` naming the form.
    public func validated() throws(ActuarialError) -> AnnuityForm {
        switch self {
        case .singleLife:
            return self
        case let .jointAndSurvivor(f):
            guard f.isFinite && f >= 0 && f <= 1 else {
                throw ActuarialError.invalidArgument("the survivor's fraction of a joint-and-survivor annuity must be between 0 and 1, got \(f)")
            }
            return self
        case let .guaranteed(n):
            guard n >= 0 else {
                throw ActuarialError.invalidArgument("the guaranteed period of an annuity must be 0 or more years, got \(n)")
            }
            return self
        }
    }

    public var description: String {
        switch self {
        case .singleLife: return "single life"
        case let .jointAndSurvivor(f): return "joint and survivor (\(f) to the spouse)"
        case let .guaranteed(n): return "single life guaranteed \(n) years"
        }
    }
}

/// Prices the ``AnnuityForm``s at one rate, payment frequency and m-thly method, from rates of
/// mortality passed as closures over the years of the annuity, so that the engine can feed a
/// cohort's diagonal of its mortality grid and the tests a period ``LifeTable``.
///
/// Timing: the annuitant is aged x at the start of year 0, the first payment year; an annuity of
/// 1 a year pays 1/m at the start of each m-th of a year while its life is alive (m = 1: 1 at the
/// start of each year). Values at the start of year 0.
///
/// **The m-thly method** is applied the same way to every life annuity in a form, the
/// annuitant's and the spouse's, through two weights per year and one correction per life:
///
///     ä^(m) (life alive at the start of year 0) = Σ_{k≥0} vᵏ·ₖp·(s₀ − s₁·q_k) − c
///
/// - ``MthlyMethod/woolhouse2`` (the default: docs/model.md §6 prices DC annuities with
///   ä − 11/24): s₀ = 1, s₁ = 0, c = (m−1)/(2m), i.e. ä^(m) = ä − (m−1)/(2m);
/// - ``MthlyMethod/uddExact`` or ``MthlyMethod/uddClosedForm`` (the same values): s₀ = S₀,
///   s₁ = S₁, c = 0, the weights of ``AnnuityPricer``, exact under UDD;
/// - ``MthlyMethod/woolhouse3`` needs μₓ and is refused, as by ``AnnuityPricer``.
///
/// m = 1 gives the annual annuity-due under every method. A new method (issue 23) adds its case
/// here and in ``AnnuityPricer``.
///
/// **Rates.** `q(k)` is the annuitant's rate of mortality in year k (age x+k) for
/// k < `years`; the last year is the closing age and its rate is taken as 1, whatever the closure
/// returns (as ``AnnuityPricer`` does).
public struct AnnuityFormPricer: Sendable {
    /// The single-life pricer whose rate, m, method and weights this pricer shares.
    public let base: AnnuityPricer
    /// s₀: S₀ under UDD, 1 under two-term Woolhouse.
    public let yearWeight: Double
    /// s₁: S₁ under UDD, 0 under two-term Woolhouse.
    public let yearDeathWeight: Double
    /// c: 0 under UDD, (m−1)/(2m) under two-term Woolhouse.
    public let correction: Double

    /// - Parameters:
    ///   - paymentsPerYear: m ≥ 1 (12 for monthly).
    ///   - method: `.woolhouse2` (default, docs/model.md §6), `.uddExact` or `.uddClosedForm`.
    public init(rate: InterestRate, paymentsPerYear m: Int = 12, method: MthlyMethod = .woolhouse2) throws(ActuarialError) {
        let base = try AnnuityPricer(rate: rate, paymentsPerYear: m, method: method)
        self.base = base
        if let c = base.woolhouseCorrection {
            (yearWeight, yearDeathWeight, correction) = (1, 0, c)
        } else {
            (yearWeight, yearDeathWeight, correction) = (base.instalmentWeight, base.deathWeight, 0)
        }
    }

    /// The valuation rate.
    public var rate: InterestRate { base.rate }
    /// m.
    public var paymentsPerYear: Int { base.paymentsPerYear }
    /// The m-thly method.
    public var method: MthlyMethod { base.method }

    /// ᵤ|ä^(m) = Σ_{k=u}^{n−1} vᵏ·ₖp·(s₀ − s₁·q_k) − c·vᵘ·ᵤp, the life annuity deferred u ≥ 0
    /// years on rates q(k), k < n (q(n−1) taken as 1); 0 when u ≥ n. u = 0: ä^(m).
    public func deferredLifeAnnuity(deferredYears u: Int, years n: Int, q: (Int) -> Double) -> Double {
        let v = base.rate.v, s0 = yearWeight, s1 = yearDeathWeight
        var sum = 0.0, survival = 1.0, discount = 1.0
        var k = 0
        while k < n && survival > 0 {
            let qk = k == n - 1 ? 1 : q(k)
            if k == u { sum -= correction * discount * survival }
            if k >= u { sum += discount * survival * (s0 - s1 * qk) }
            survival *= 1 - qk
            discount *= v
            k += 1
        }
        return sum
    }

    /// ä^(m)ₓ = Σ_{k=0}^{n−1} vᵏ·ₖp·(s₀ − s₁·q_k) − c on rates q(k), k < n: the price of
    /// ``AnnuityForm/singleLife``.
    public func singleLife(years n: Int, q: (Int) -> Double) -> Double {
        deferredLifeAnnuity(deferredYears: 0, years: n, q: q)
    }

    /// ä^(m)_{g⌉} = Σ_{k=0}^{g−1} vᵏ·s₀ − c·(1 − v^g), the annuity-certain of g ≥ 0 years, by the
    /// same method as the life annuities: S₀·ä_{g⌉} (exact) under UDD, ä_{g⌉} − (m−1)/(2m)·(1 − v^g)
    /// under two-term Woolhouse (Woolhouse's formula on a certain term, whose "survival" drops from
    /// 1 to 0 at g).
    public func annuityCertain(years g: Int) -> Double {
        let g = max(0, g)
        let v = base.rate.v
        var sum = 0.0, discount = 1.0
        for _ in 0..<g {
            sum += discount * yearWeight
            discount *= v
        }
        return sum - correction * (1 - discount)
    }

    /// ä^(m)_{g⌉} + _g|ä^(m)ₓ, the price of ``AnnuityForm/guaranteed(years:)``: g ≥ 0 years
    /// certain, then for life, on rates q(k), k < n. g = 0 is ``singleLife(years:q:)`` exactly.
    public func guaranteed(years g: Int, lifeYears n: Int, q: (Int) -> Double) -> Double {
        annuityCertain(years: g) + deferredLifeAnnuity(deferredYears: max(0, g), years: n, q: q)
    }

    /// The price of ``AnnuityForm/jointAndSurvivor(fraction:)`` on the projection's spouse model
    /// (docs/model.md §4 and §11, "Money's worth"):
    ///
    ///     ä^(m)ₓ + f·Σ_{k=0}^{n−1} v^{k+1}·ₖpₓ·q_{x+k}·m(x+k)·ä^(m),spouse_{z(k)}(from year k+1)
    ///     z(k) = min(max(x + k + 1 + Δ, z_min), ω_s)
    ///
    /// The annuitant aged x at the start of year 0 dies in year k with probability ₖpₓ·q_{x+k};
    /// with probability m(x+k) (`spouseProbability` of the annuitant's age at the start of the
    /// year of death) that death leaves a spouse aged z(k) at the start of year k+1 (the age gap
    /// Δ, clamped to the spouse's age grid `spouseAges` = z_min…ω_s), who receives f a year,
    /// m-thly, from the start of year k+1 for life. The spouse's annuity is valued on
    /// `spouse(age, year)`, the spouse's rate of mortality at that age in year `year` counted
    /// from year 0 (so a cohort's diagonal of a projected table can be fed), with the rate at ω_s
    /// taken as 1. The annuitant's own payments stop at death: the spouse's first payment is at the
    /// start of the year after the death, nothing is paid for the rest of the year of death.
    ///
    /// This is not the textbook reversionary annuity to a spouse alive at retirement
    /// (``reversionaryOnSpouseAliveAtStart(fraction:member:age:survivor:age:)``): here no spouse
    /// exists before the death. Cost: one backward pass along the spouses' diagonal (every
    /// unclamped spouse is aged x+Δ+t at the start of year t), plus one pass per spouse clamped
    /// up to z_min; no allocation on the heap.
    public func jointAndSurvivor(
        fraction f: Double, age x: Int, years n: Int, member q: (Int) -> Double,
        spouseProbability m: (Int) -> Double, ageGap gap: Int, spouseAges: ClosedRange<Int>,
        spouse qs: (_ age: Int, _ year: Int) -> Double
    ) -> Double {
        let single = singleLife(years: n, q: q)
        if f == 0 || n <= 0 { return single }
        let v = base.rate.v, s0 = yearWeight, s1 = yearDeathWeight
        let low = spouseAges.lowerBound, omega = spouseAges.upperBound
        // Spouses on the diagonal: aged a at the start of year a − (x + Δ), for a from `first` to ω_s.
        let first = min(max(x + gap + 1, low), omega)
        let count = omega - first + 1
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { diagonal in
            // diagonal[a − first] = ä^(m) + c of a spouse aged a at the start of year a − x − Δ
            // (before the one correction c of the life): s₀ − s₁·q + v·p·(next), s₀ − s₁ at ω_s.
            var value = s0 - s1
            diagonal[count - 1] = value
            var a = omega - 1
            while a >= first {
                let qa = qs(a, a - x - gap)
                value = AnnuityRecursion.mthlyAnnuityDue(next: value, discountedSurvival: AnnuityRecursion.discountedSurvival(discount: v, q: qa),
                                                         q: qa, instalmentWeight: s0, deathWeight: s1)
                diagonal[a - first] = value
                a -= 1
            }
            var reversion = 0.0, survival = 1.0, discount = v
            var k = 0
            while k < n && survival > 0 {
                let qk = k == n - 1 ? 1 : q(k)
                let probability = m(x + k)
                if probability > 0 {
                    let unclamped = x + k + 1 + gap
                    let spouseAnnuity: Double
                    if unclamped >= first {
                        spouseAnnuity = diagonal[min(unclamped, omega) - first]
                    } else {
                        // Clamped up to z_min: off the diagonal, valued on its own from year k+1.
                        spouseAnnuity = lifeAnnuityBeforeCorrection(age: low, year: k + 1, omega: omega, q: qs)
                    }
                    reversion += discount * survival * qk * probability * (spouseAnnuity - correction)
                }
                survival *= 1 - qk
                discount *= v
                k += 1
            }
            return single + f * reversion
        }
    }

    /// Σ_{u≥0} vᵘ·ᵤp·(s₀ − s₁·q) for a life aged `age` at the start of year `year`, rates
    /// q(age+u, year+u), the rate at ω taken as 1 (ä^(m) + c), by ``AnnuityRecursion``'s step
    /// s₀ − s₁·q + v·p·(next) (with s₀ = 1, s₁ = 0 the annual step).
    func lifeAnnuityBeforeCorrection(age: Int, year: Int, omega: Int, q: (Int, Int) -> Double) -> Double {
        let v = base.rate.v, s0 = yearWeight, s1 = yearDeathWeight
        var value = s0 - s1
        var a = omega - 1
        while a >= age {
            let qa = q(a, year + a - age)
            value = AnnuityRecursion.mthlyAnnuityDue(next: value, discountedSurvival: AnnuityRecursion.discountedSurvival(discount: v, q: qa),
                                                     q: qa, instalmentWeight: s0, deathWeight: s1)
            a -= 1
        }
        return value
    }
}
