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
        v - V.minimum(v, uvf)
    }
}
