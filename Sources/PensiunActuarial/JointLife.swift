/// Annuities on two lives, (x) on one table and (y) on another, assumed independent.
///
/// Timing: annual payments of 1 in advance (times 0, 1, 2, …), valued at time 0 at the effective
/// annual rate i. The two lives' ages advance together: at time k they are x+k and y+k.
public enum JointLife {
    /// ä_xy = Σ_{k≥0} vᵏ·ₖpₓ·ₖp_y, the joint-life annuity-due: paid while both are alive.
    /// The sum stops when either table closes.
    public static func annuityDue(
        _ first: LifeTable, age x: Int, _ second: LifeTable, age y: Int, rate: InterestRate
    ) -> Double {
        var sum = 0.0, survival = 1.0, discount = 1.0
        var k = 0
        while x + k <= first.lastAge && y + k <= second.lastAge && survival > 0 {
            sum += discount * survival
            survival *= first.p(x + k) * second.p(y + k)
            discount *= rate.v
            k += 1
        }
        return sum
    }

    /// ä_{x|y} = ä_y − ä_xy = Σ_{k≥1} vᵏ·ₖp_y·(1 − ₖpₓ), the reversionary annuity-due: 1 a year to
    /// (y) — the survivor, e.g. a spouse — at each payment date after the death of (x), the member.
    ///
    /// A survivor pension of this form starts at the first anniversary after the member's death
    /// (the member's own pension covers the year of death). Computed by
    /// ``ReversionaryAnnuity/annuityDue(discount:years:member:survivor:)``, the engine's one
    /// implementation.
    public static func reversionaryAnnuityDue(
        member: LifeTable, age x: Int, survivor: LifeTable, age y: Int, rate: InterestRate
    ) -> Double {
        ReversionaryAnnuity.annuityDue(discount: rate.v, years: max(member.lastAge - x, survivor.lastAge - y) + 1,
                                       member: { member.p(x + $0) }, survivor: { survivor.p(y + $0) })
    }
}
