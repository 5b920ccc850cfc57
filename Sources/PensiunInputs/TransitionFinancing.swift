/// How the reform's extra burden is financed (docs/model.md Part II, "Financing the transition";
/// scenario key `reform.financing`): an analysis assumption, not a rule of either scheme, so it
/// changes no burden, only the derived metrics `transition_debt*` and `transition_reserve`.
public enum TransitionFinancing: String, Sendable, Equatable, CaseIterable {
    /// No financing rule: the transition debt metrics are not applicable.
    case none
    /// The extra burden Δ_y = burden^reform_y − burden^current_y is borrowed at the path's bond
    /// yield; surpluses (Δ_y < 0) repay the debt, and a surplus beyond it builds a reserve that
    /// earns the same yield.
    case borrowing
}
