/// The run-time check behind "never NaN written as a number" (docs/model.md, "Not applicable").
///
/// In ``ProjectionResults`` a NaN means *not applicable* and appears only where the model defines
/// it: a ratio whose denominator is zero (a replacement rate in a year nobody retires, the
/// dependency ratio or the burden per payroll with no actives), a replacement rate by track, a
/// profile quantity a scheme does not have. Statistics skip it; a statistic with no values is
/// itself not applicable (nil). Anything else that is not finite (an infinity anywhere, a NaN in
/// a count, an amount or GDP) is a number that overflowed: ``firstNonFinite()`` finds it, and the
/// run stops before anything is written.
extension Metric {
    /// Whether the metric is a ratio that is not applicable (NaN) when its denominator is zero.
    public var mayBeNotApplicable: Bool {
        switch self {
        case .dependencyRatio, .burdenPctPayroll, .spendingChangeDependency, .spendingChangeBenefitRatio,
             .spendingChangePayrollShare, .spendingChangeOther:
            return true
        case _ where Metric.financing.contains(self):
            // Not applicable without a financing rule (`reform.financing: none`).
            return true
        default:
            return rateIndex != nil || Metric.ratesBySex.contains(self)
        }
    }

    /// The scenario inputs that drive the metric, named when it overflows.
    public var drivingInputs: String {
        switch self {
        case .actives, .pensioners, .survivors, .deferred, .retirements, .dependencyRatio:
            return "the member counts of population and entrants, and the decrement rates"
        case .burdenPctGDP, .dcAssetsPctGDP, .transitionCostPctGDP, .spendingChangeDependency, .spendingChangeBenefitRatio,
             .spendingChangePayrollShare, .spendingChangeOther, .burdenCentralPctGDP, .burdenRegionalPctGDP:
            return "economy.gdp_start and the growth paths of the economy section, with the salaries and pensions of population"
        case _ where Metric.financing.contains(self):
            return "the budget burdens of both schemes (their rules and the economy section) and the bond yields of the economy section"
        case .dcFundAssets, .dcAnnuities, .bondsOutstanding, .bondRedemptions, .dcFundGovernmentBonds:
            return "the DC contribution rates, the returns of the economy section (equity, bond_yield) and the salaries of population"
        case _ where rateIndex != nil || Metric.ratesBySex.contains(self):
            return "the salary scales of population, the benefit rules of current_scheme and reform, pay and the tracks' take_home_multiplier"
        default:
            return "the salaries and pension amounts of population, the floors and caps of current_scheme and reform, and the wage and inflation paths of the economy section"
        }
    }
}

/// A value of a run that is not a finite number where the model needs one.
public struct NonFiniteValue: Error, Sendable, CustomStringConvertible {
    public let path: Int
    public let year: Int
    public let quantity: String
    public let value: Double
    public let inputs: String

    public var description: String {
        "path \(path), year \(year): \(quantity) is \(value) (beyond the range of a number); the inputs most likely responsible: \(inputs)"
    }
}

extension ProjectionResults {
    /// The first value (in scheme, metric, year, path order) that is not finite where the model
    /// needs a number, or nil when every value is finite or not applicable.
    public func firstNonFinite() -> NonFiniteValue? {
        let n = paths.count
        for scheme in Scheme.allCases {
            for metric in Metric.allCases {
                for t in 0..<metric.length(horizon: horizon) {
                    let column = values(scheme, metric, t)
                    guard let k = column.firstIndex(where: { !$0.isFinite && !(metric.mayBeNotApplicable && $0.isNaN) }) else { continue }
                    return NonFiniteValue(path: paths.lowerBound + k - column.startIndex, year: startYear + t,
                                          quantity: "the \(scheme.name) scheme's \(metric.name)", value: column[k],
                                          inputs: metric.drivingInputs)
                }
            }
        }
        for t in 0...horizon {
            let column = gdp(t)
            if let k = column.firstIndex(where: { !$0.isFinite }) {
                return NonFiniteValue(path: paths.lowerBound + k - column.startIndex, year: startYear + t, quantity: "GDP",
                                      value: column[k], inputs: "economy.gdp_start and the growth paths of the economy section")
            }
        }
        if let k = byTrack.firstIndex(where: { $0.isInfinite }) {
            let year = (k / n) % horizon
            return NonFiniteValue(path: paths.lowerBound + k % n, year: startYear + year, quantity: "a replacement rate by track",
                                  value: byTrack[k], inputs: Metric.replacementRateDB.drivingInputs)
        }
        if let k = profiles.firstIndex(where: { $0.isInfinite }) {
            return NonFiniteValue(path: paths.lowerBound + k % n, year: startYear, quantity: "a profile quantity",
                                  value: profiles[k], inputs: Metric.replacementRateDB.drivingInputs)
        }
        // The real-valued stored fields, in the order of the archive.
        let real = PathSummaryField.archiveOrder.filter(\.isReal)
        for s in summaries {
            for field in real {
                let v = field.double(s)
                if !v.isFinite {
                    return NonFiniteValue(path: s.path, year: startYear, quantity: field.name, value: v,
                                          inputs: Metric.budgetBurden.drivingInputs)
                }
            }
        }
        return nil
    }
}
