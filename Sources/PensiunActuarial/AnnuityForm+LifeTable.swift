/// The ``AnnuityForm``s on period life tables (the tests and `pensiun life-table`), and the
/// textbook reversionary form the projection does not pay, for comparison.
extension AnnuityFormPricer {
    /// The price of `form` for an annuitant aged x on the period table `member`, by
    /// ``singleLife(years:q:)``, ``guaranteed(years:lifeYears:q:)`` or
    /// ``jointAndSurvivor(fraction:age:years:member:spouseProbability:ageGap:spouseAges:spouse:)``
    /// with the rates of the tables (the annuitant's up to its closing age, n = ω − x + 1 years).
    ///
    /// A joint-and-survivor form with f > 0 needs the spouse model: the spouse's table
    /// `survivor` (the other sex, on the survivors' basis in the projection), the age gap Δ (a
    /// spouse aged x+k+1+Δ at the start of the year after a death at age x+k, clamped to the
    /// survivor table's ages) and m(age) = `spouseProbability`, the probability that a death at
    /// that age (at the start of the year of death) leaves a spouse, each in [0, 1].
    public func price(
        _ form: AnnuityForm, member: LifeTable, age x: Int,
        survivor: LifeTable? = nil, ageGap: Int = 0, spouseProbability: ((Int) -> Double)? = nil
    ) throws(ActuarialError) -> Double {
        guard x >= member.firstAge && x <= member.lastAge else {
            throw ActuarialError.invalidArgument(
                "age \(x) is outside the table's ages \(member.firstAge)-\(member.lastAge)")
        }
        let n = member.lastAge - x + 1
        let q = { (k: Int) in member.q(x + k) }
        switch try form.validated() {
        case .singleLife:
            return singleLife(years: n, q: q)
        case let .guaranteed(g):
            return guaranteed(years: g, lifeYears: n, q: q)
        case let .jointAndSurvivor(f):
            if f == 0 { return singleLife(years: n, q: q) }
            guard let survivor, let spouseProbability else {
                throw ActuarialError.invalidArgument(
                    "a joint-and-survivor annuity needs the spouse model: the survivors' table and the probability of leaving a spouse")
            }
            return jointAndSurvivor(fraction: f, age: x, years: n, member: q, spouseProbability: spouseProbability,
                                    ageGap: ageGap, spouseAges: survivor.firstAge...survivor.lastAge,
                                    spouse: { age, _ in survivor.q(age) })
        }
    }

    /// The textbook joint-and-survivor form on a spouse alive at the start, **not** what the
    /// projection pays (docs/model.md §11, "Money's worth": its spouse is created at the member's
    /// death). The annuitant aged x and a spouse aged y, both alive at the start of year 0 and
    /// independent; 1 a year while the annuitant lives, then f a year to the spouse if alive,
    /// from the first payment date after the annuitant's death:
    ///
    ///     ä^(m)ₓ + f·ä^(m)_{x|y},   ä^(m)_{x|y} = ä^(m)_y − ä^(m)_xy
    ///
    /// each term by this pricer's method, the joint-life status xy treated as one life with
    /// rate q_xy = 1 − pₓ·p_y (the joint status closes when either table closes). With m = 1, or
    /// under two-term Woolhouse (whose corrections cancel in ä_y − ä_xy), ä^(m)_{x|y} is
    /// ``JointLife/reversionaryAnnuityDue(member:age:survivor:age:rate:)``; under UDD, the joint
    /// status's deaths are spread uniformly over the year (an approximation to UDD on each life).
    public func reversionaryOnSpouseAliveAtStart(
        fraction f: Double, member: LifeTable, age x: Int, survivor: LifeTable, age y: Int
    ) throws(ActuarialError) -> Double {
        _ = try AnnuityForm.jointAndSurvivor(fraction: f).validated()
        guard x >= member.firstAge && x <= member.lastAge && y >= survivor.firstAge && y <= survivor.lastAge else {
            throw ActuarialError.invalidArgument(
                "ages \(x) and \(y) must lie within the tables' ages \(member.firstAge)-\(member.lastAge) and \(survivor.firstAge)-\(survivor.lastAge)")
        }
        let single = singleLife(years: member.lastAge - x + 1, q: { member.q(x + $0) })
        let spouse = singleLife(years: survivor.lastAge - y + 1, q: { survivor.q(y + $0) })
        let joint = singleLife(years: min(member.lastAge - x, survivor.lastAge - y) + 1,
                               q: { 1 - member.p(x + $0) * survivor.p(y + $0) })
        return single + f * (spouse - joint)
    }
}
