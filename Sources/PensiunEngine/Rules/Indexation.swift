import PensiunInputs

extension IndexationRule {
    /// The long-run mean escalation of the rule, g (docs/model.md §9, the profiles' valuation):
    /// μ_π for prices, (1 + μ_π)(1 + μ_g) − 1 for wages, r for fixed, 0 for none.
    @inlinable public func expectedEscalation(meanInflation pi: Double, meanRealWageGrowth g: Double) -> Double {
        switch self {
        case .prices: return pi
        case .wages: return (1 + pi) * (1 + g) - 1
        case let .fixed(r): return r
        case .none: return 0
        }
    }
}
