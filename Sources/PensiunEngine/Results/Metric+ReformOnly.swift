extension Metric {
    /// The metrics of the transition's financing (``TransitionFinancing``), in file order:
    /// `transition_debt`, `transition_debt_pct_gdp`, `transition_debt_interest`,
    /// `transition_reserve`; NaN (not applicable) on every path when `reform.financing` is `none`.
    public static let financing: [Metric] = [.transitionDebt, .transitionDebtPctGDP, .transitionDebtInterest, .transitionReserve]

    /// True for the metrics that compare the reform with the current scheme and so exist for the
    /// reform only (`transition_cost_pct_gdp` and the financing metrics): the current scheme's
    /// result holds zeros there, which no output writes.
    public var isReformOnly: Bool { self == .transitionCostPctGDP || Metric.financing.contains(self) }
}
