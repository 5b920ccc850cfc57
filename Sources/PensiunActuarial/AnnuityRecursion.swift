/// The backward recursion that values every life annuity-due in Pensiun, one year of age at a
/// time from the closing age ω (where ä_ω = 1: one payment, then certain death):
///
///     äₓ = 1 + v·pₓ·ä_{x+1}
///
/// ``AnnuityPricer`` runs it down a period table, the projection engine down a cohort's diagonal
/// of a projected table (docs/model.md §4 and §6). Generic over ``RuleNumber`` so the lane
/// engine runs four paths at once through the same code.
public enum AnnuityRecursion {
    /// äₓ from ä_{x+1} and the discounted survival v·pₓ.
    @inlinable public static func annuityDue<V: RuleNumber>(next: V, discountedSurvival vp: V) -> V {
        V(repeating: 1) + vp * next
    }

    /// v·pₓ = v·(1 − qₓ).
    @inlinable public static func discountedSurvival<V: RuleNumber>(discount v: V, q: V) -> V {
        v * (V(repeating: 1) - q)
    }

    /// v·pₓ for a capped rate qₓ = min(1, u·f), from v and the product u·(v·f) (the uncapped
    /// rate times the discounted mortality factor, one multiplication per age and path):
    ///
    ///     v·(1 − min(1, u·f)) = v − min(v, u·v·f)
    @inlinable public static func discountedSurvival<V: RuleNumber>(discount v: V, discountedUncapped uvf: V) -> V {
        v - V.lanewiseMinimum(v, uvf)
    }

    /// ä^(m)ₓ, exact under UDD, from ä^(m)_{x+1} (see ``AnnuityPricer``):
    ///
    ///     ä^(m)ₓ = S₀ − S₁·qₓ + v·pₓ·ä^(m)_{x+1}
    ///
    /// S₀ and S₁ the instalment and death weights of one year.
    @inlinable public static func mthlyAnnuityDue<V: RuleNumber>(next: V, discountedSurvival vp: V, q: V,
                                                                instalmentWeight s0: V, deathWeight s1: V) -> V {
        s0 - s1 * q + vp * next
    }

    /// Aₓ, the whole-life assurance paid at the end of the year of death, from A_{x+1}:
    ///
    ///     Aₓ = v·qₓ + v·pₓ·A_{x+1}
    @inlinable public static func assurance<V: RuleNumber>(next: V, discountedSurvival vp: V, discount v: V, q: V) -> V {
        v * q + vp * next
    }
}

/// The reversionary annuity-due on two independent lives, from their one-year survival
/// probabilities year by year (docs/model.md §9): 1 a year in advance to the survivor (y) after
/// the death of the member (x),
///
///     ä_{x|y} = ä_y − ä_xy = Σ_{k≥0} vᵏ·ₖp_y − Σ_{k≥0} vᵏ·ₖp_y·ₖpₓ,
///     ₖpₓ = Π_{u<k} p^{member}(u),   ₖp_y = Π_{u<k} p^{survivor}(u)
///
/// summed forward over k < `years`, stopping once the survivor's ₖp_y is 0. `member(u)` and
/// `survivor(u)` are the probabilities of surviving year u (0 at and beyond a closing age), so a
/// caller may feed a period table (``JointLife``) or a cohort's diagonal of a projected table
/// (the engine's profiles). ``JointLife/reversionaryAnnuityDue(member:age:survivor:age:rate:)``
/// and the engine both call this one implementation.
public enum ReversionaryAnnuity {
    @inlinable public static func annuityDue(discount v: Double, years: Int,
                                             member: (Int) -> Double, survivor: (Int) -> Double) -> Double {
        var joint = 0.0, single = 0.0, pm = 1.0, ps = 1.0, discount = 1.0
        var k = 0
        while k < years {
            single += discount * ps
            joint += discount * ps * pm
            pm *= member(k)
            ps *= survivor(k)
            discount *= v
            k += 1
            if ps == 0 { break }
        }
        return single - joint
    }
}
