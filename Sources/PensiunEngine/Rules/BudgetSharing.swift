/// Who pays (issue 21, docs/model.md Part II "Who pays"): a scheme's budget burden split between
/// the central budget (APBN) and the regional budgets (APBD).
///
/// The current scheme is paid wholly by the APBN (sourced: it has paid every PNS pension since
/// 2009), so its regional burden is 0. The reform's split is not decided (the announced design
/// shares its costs between central and regional governments): the rule here is an analysis
/// assumption. The regional governments pay their share ρ_k of the employer DC contributions of
/// each track k, ρ_k the share of the track's members they employ (`tracks[].regional_share`);
/// everything else (legacy and frozen DB benefits, guarantee top-ups, bond redemptions, less
/// the employee DB contributions to the budget) stays central:
///
///     burden_regional_t = Σ_k ρ_k · C^r_{k,t}   (reform; 0 under the current scheme)
///     burden_central_t  = burden_t − burden_regional_t
public enum BudgetSharing {
    /// The regional burden of a year: Σ_k ρ_k · C^r_{k,t} under the reform, 0 under the current
    /// scheme. `employerDC` and `regionalShares` are by track, in the same order.
    @inlinable public static func regional(scheme: Scheme, employerDC: [Double], regionalShares: [Double]) -> Double {
        guard scheme == .reform else { return 0 }
        var total = 0.0
        for k in employerDC.indices { total += regionalShares[k] * employerDC[k] }
        return total
    }

    /// The central burden of a year: burden_t − burden_regional_t.
    @inlinable public static func central(burden: Double, regional: Double) -> Double { burden - regional }

    /// The headcount-weighted average of the regional shares, Σ_k n_k ρ_k / Σ_k n_k (0 without
    /// members): the overall regional share the scenario's shares imply.
    public static func averageShare(headcounts: [Double], regionalShares: [Double]) -> Double {
        let total = headcounts.reduce(0, +)
        guard total > 0 else { return 0 }
        return zip(headcounts, regionalShares).reduce(0) { $0 + $1.0 * $1.1 } / total
    }
}
