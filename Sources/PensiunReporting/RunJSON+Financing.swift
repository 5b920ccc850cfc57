import Foundation

extension RunJSON {
    /// `summary.json`'s `financing` (docs/model.md Part II, "Financing the transition"): null
    /// without a reform financed by borrowing; else the rule and its rate, the peak transition debt
    /// over GDP (band) and its median year among the paths that borrow (null when the median path
    /// never does), the share of paths in debt at the start of some year, the debt and the reserve
    /// at the end of the horizon (bands, over GDP and in currency units), the share of paths ending
    /// with a reserve, the implicit pension debt at y0 over GDP, and by year the explicit debt beside
    /// the DC fund's government bonds (medians across paths, shares of GDP) and the reform's implicit
    /// debt (``FinancingFigures/implicitPctGDP(_:year:)``, null where not valued).
    static func financingJSON(_ report: RunReport) throws(NonFiniteOutput) -> Any {
        guard let f = FinancingFigures(statistics: report.statistics, inputs: report.inputs, hasReform: report.scenario.hasReform,
                                       debt: report.figures.debt) else { return NSNull() }
        let field = "financing"
        let rows = try f.rows.map { r throws(NonFiniteOutput) -> [String: Any] in
            ["year": r.year, "transition_debt_pct_gdp": try number(r.transition, field),
             "recognition_bonds_pct_gdp": try number(r.recognition, field), "explicit_debt_pct_gdp": try number(r.explicit, field),
             "dc_fund_government_bonds_pct_gdp": try number(r.fundBonds, field),
             "explicit_debt_less_fund_bonds_pct_gdp": try number(r.net, field),
             "implicit_debt_pct_gdp": try number(FinancingFigures.implicitPctGDP(report, year: r.year) ?? nil, field)]
        }
        return [
            "rule": "borrowing",
            "rate": "path_yields",
            "peak_transition_debt_pct_gdp": try band(f.peak, field),
            "peak_transition_debt_year": f.peakYear.map { $0 as Any } ?? NSNull(),
            "share_borrowing": try number(f.shareBorrowing, field),
            "transition_debt_at_horizon": try band(f.debtAtHorizon, field),
            "transition_debt_pct_gdp_at_horizon": try band(f.debtAtHorizonPctGDP, field),
            "transition_reserve_at_horizon": try band(f.reserveAtHorizon, field),
            "transition_reserve_pct_gdp_at_horizon": try band(f.reserveAtHorizonPctGDP, field),
            "share_with_reserve_at_horizon": try number(f.shareWithReserve, field),
            "implicit_pension_debt_pct_gdp_start": try number(f.implicitDebtPctGDPStart, field),
            "explicit_and_implicit_debt": rows,
        ] as [String: Any]
    }
}
