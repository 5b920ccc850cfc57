extension SchemePathResult {
    /// Sets `burden_central`, `burden_regional` and their shares of GDP on one path by
    /// ``BudgetSharing`` (after the projection): the regional burden from ``employerDCByTrack`` and
    /// the tracks' regional shares ρ_k (by scenario track), the central the rest of `budget_burden`.
    mutating func setBudgetSharing(scheme: Scheme, regionalShares: [Double], gdp: [Double]) {
        var employer = [Double](repeating: 0, count: trackCount)
        for t in 0..<horizon {
            for k in 0..<trackCount { employer[k] = self[employerDC: k, t] }
            let regional = BudgetSharing.regional(scheme: scheme, employerDC: employer, regionalShares: regionalShares)
            let central = BudgetSharing.central(burden: self[.budgetBurden, t], regional: regional)
            self[.burdenRegional, t] = regional
            self[.burdenCentral, t] = central
            self[.burdenRegionalPctGDP, t] = regional / gdp[t]
            self[.burdenCentralPctGDP, t] = central / gdp[t]
        }
    }
}
