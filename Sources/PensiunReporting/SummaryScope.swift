import Foundation
import PensiunEngine
import PensiunInputs

/// What `summary.json` says about the run's scope and about figures the run does not have (issue 21,
/// item 3): the scenario's `reporting.scope` sentence, the spending decomposition, and `null` (docs/model.md,
/// "Not applicable") for every headline the printed summary leaves out because the reform has none of it.
public enum SummaryScope {
    /// The headlines of the transition: left out of the text without a reform, and printed as
    /// "none from y_s" / "n/a" when the reform never costs more.
    public static let transitionKeys = ["peak_transition_cost_pct_gdp", "peak_transition_cost_year", "breakeven_year",
                                        "share_never_breaking_even", "pv_payback_year", "share_never_paying_back"]

    /// The `summary.json` keys that are not applicable to the run (written as `null`):
    /// - no reform: the transition's headlines (``transitionKeys``), `pv_difference` and
    ///   `probability_reform_cheaper`;
    /// - a reform that costs no more than the current scheme in any year from its start on every
    ///   path (``SummaryFigures/neverCostsMore(_:)``): the transition's headlines;
    /// - a reform without a DC: `dc_assets_pct_gdp_at_horizon`;
    /// - without a DC guarantee: `pv_guarantee_topups`;
    /// - without recognition bonds issued (``SummaryFigures/issuesBonds(_:)``): `pv_bond_redemptions`,
    ///   `peak_bonds_outstanding` and `peak_bonds_year`.
    public static func notApplicableKeys(hasReform: Bool, inputs: ProjectionInputs, statistics: RunStatistics) -> [String] {
        var keys: [String] = []
        if !hasReform {
            keys += transitionKeys + ["pv_difference", "probability_reform_cheaper"]
        } else if SummaryFigures.neverCostsMore(statistics) {
            keys += transitionKeys
        }
        let dc = hasReform ? inputs.reform.dc : nil
        if dc == nil { keys.append("dc_assets_pct_gdp_at_horizon") }
        if dc?.guarantee == nil { keys.append("pv_guarantee_topups") }
        if !hasReform || !SummaryFigures.issuesBonds(inputs) { keys += ["pv_bond_redemptions", "peak_bonds_outstanding", "peak_bonds_year"] }
        return keys
    }

    /// Adds `scope` (the scenario's `reporting.scope`, null without one) and `spending_change`
    /// (``SpendingChange``, null for a one-year horizon) to `summary.json`'s object, and sets the
    /// keys of ``notApplicableKeys(hasReform:inputs:statistics:)`` to null.
    static func amend(_ object: inout [String: Any], _ report: RunReport) throws(NonFiniteOutput) {
        let hasReform = report.scenario.hasReform
        object["scope"] = report.scenario.presentation.scope.map { $0 as Any } ?? NSNull()
        object["spending_change"] = try SpendingChange(report.statistics)?.json(hasReform: hasReform) ?? NSNull()
        for key in notApplicableKeys(hasReform: hasReform, inputs: report.inputs, statistics: report.statistics) {
            object[key] = NSNull()
        }
    }
}
