import PensiunInputs

extension SchemePathResult {
    /// The reform's financing metrics on one path (set on the reform's result, after
    /// ``setTransitionCost(current:gdp:)``): under `borrowing` the ``TransitionDebt`` of the
    /// difference burden^reform_t − burden^current_t at the path's yields i_t = i_{y−1} (never the
    /// fixed `reporting.discount_rate`: a discounting choice, not a borrowing cost), with
    /// `transition_debt_pct_gdp` = D_t / GDP_t (t = 0 … H, as `dc_assets_pct_gdp`); under `none`,
    /// NaN (not applicable) in every year.
    mutating func setFinancing(_ financing: TransitionFinancing, current: SchemePathResult, drivers: PathDrivers) {
        switch financing {
        case .none:
            for metric in Metric.financing {
                for t in 0..<metric.length(horizon: horizon) { self[metric, t] = .nan }
            }
        case .borrowing:
            let differences = (0..<horizon).map { self[.budgetBurden, $0] - current[.budgetBurden, $0] }
            let path = TransitionDebt(differences: differences, yields: (0..<horizon).map(drivers.yieldAtStart))
            for t in 0...horizon {
                self[.transitionDebt, t] = path.debt[t]
                self[.transitionDebtPctGDP, t] = path.debt[t] / drivers.gdp[t]
                self[.transitionReserve, t] = path.reserve[t]
                if t < horizon { self[.transitionDebtInterest, t] = path.interest[t] }
            }
        }
    }
}
