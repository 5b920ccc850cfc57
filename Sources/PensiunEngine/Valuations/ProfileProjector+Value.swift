import PensiunActuarial
import PensiunInputs

extension ProfileProjector {
    /// What a retiring profile is paid a year from the year after its award, for
    /// ``projectedBenefits(_:age:sex:t:rules:escalation:drivers:)``: the DB-type pension with its
    /// allowances and the guarantee's top-up (indexed by the scheme's rule), the DC annuity
    /// (escalating at λ), the contingent survivor pension with its allowances (indexed) and the
    /// joint-and-survivor annuity's contingent part f·A (escalating at λ like the annuity).
    struct AnnualBenefits {
        let indexed: Double
        let annuity: Double
        let survivor: Double
        var survivorAnnuity = 0.0
    }

    /// The value at the end of the retirement year y_R of a profile's benefits on the projection's
    /// own conventions (docs/model.md §11, "Money's worth"), along the path:
    ///
    /// - the member, aged x+1 at the start of y_R+1, is paid in each year u > y_R while alive at its
    ///   start (survival on the `pensioners` basis with the path's κ_u), at mid-year;
    /// - DB-type amounts are indexed at the end of each year from y_R on (an award is indexed in its
    ///   award year, §5) by the path's factors; the annuity escalates at λ from the end of y_R+1;
    /// - a death at the end of year u leaves, with probability m_s(age), a spouse of the other sex
    ///   aged age+1+Δ at the start of u+1 (§4), paid the contingent pension, indexed, and the
    ///   contingent annuity f·A, escalated as the annuity would have been, while alive
    ///   (`survivors` basis, κ_u);
    /// - flows are discounted at the path's yields, i_{u−1} for year u, a half year within it (the
    ///   discount factors of the budget's present values).
    ///
    /// Beyond the horizon the last year's yield and κ are held and DB-type amounts grow at the
    /// rule's expected escalation (the profiles' valuation basis); the mortality grid holds its last
    /// year's improvement.
    func projectedBenefits(_ b: AnnualBenefits, age x: Int, sex: Sex, t: Int, rules: SchemeYearRules, escalation lambda: Double,
                           drivers d: PathDrivers) -> Double {
        let grid = context.grid, h = context.horizon, omega = grid.maximumAge
        guard x + 1 <= omega else { return 0 }
        let gap = inputs.survivors.ageGap[sex] ?? 0
        let expected = 1 + expectedEscalation(rules.indexation[h - 1])
        // Year u's yield i_{u−1}, κ_u and indexation factor at its end, held beyond the horizon.
        func yield(_ u: Int) -> Double { u < h ? d.yieldAtStart(u) : d.bondYield[h - 1] }
        func kappa(_ u: Int) -> Double { d.kappa[min(u, h - 1)] }
        func index(_ u: Int) -> Double { u < h ? d.indexation(rules.indexation[u], u) : expected }
        func q(_ basis: MortalityBasisKind, _ s: Sex, _ age: Int, _ u: Int) -> Double {
            grid.q(basis, s, age: age, yearIndex: min(u, grid.years - 1), kappa: kappa(u))
        }
        let last = t + 1 + (omega - (x + 1))
        // Discount to the end of y_R (the start of y_R+1) of each year's mid-year flows, and the
        // DB-type indexation since the award, for the years t+1 … last + (ω + 1) (spouses outlive members).
        let years = last + omega + 2 - t
        var discount = [Double](repeating: 0, count: years), indexed = discount, escalation = discount
        var accumulated = 1.0, factor = index(t), grown = 1.0
        for k in 0..<years {
            let u = t + 1 + k, i = yield(u)
            discount[k] = accumulated / (1 + i).squareRoot()
            accumulated /= 1 + i
            indexed[k] = factor
            factor *= index(u)
            escalation[k] = grown
            grown *= 1 + lambda
        }
        var value = 0.0, alive = 1.0
        for k in 0...(last - t - 1) {
            let u = t + 1 + k, age = x + 1 + k
            value += alive * (b.indexed * indexed[k] + b.annuity * escalation[k]) * discount[k]
            let dies = q(.pensioners, sex, age, u)
            let m = inputs.survivors.leaveProbability(sex, age: age)
            if b.survivor > 0 || b.survivorAnnuity > 0, m > 0, dies > 0 {
                // The spouse from the start of u+1: paid the contingent amount payable then.
                var spouse = alive * dies * m
                var y = Spouse.age(ofMemberAged: age, gap: gap, maximumAge: omega)
                var j = k + 1
                while spouse > 0, j < years {
                    value += spouse * (b.survivor * indexed[j] + b.survivorAnnuity * escalation[j]) * discount[j]
                    spouse *= 1 - q(.survivors, sex.other, y, t + 1 + j)
                    y += 1
                    j += 1
                }
            }
            alive *= 1 - dies
            if alive == 0 { break }
        }
        return value
    }
}
