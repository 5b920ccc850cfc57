/// The per-year metrics of docs/model.md §8, with the names used in files.
///
/// Stocks are measured at the start of each year and have H+1 values (y0 … y0+H, the last being
/// the end-of-horizon value); flows have H values (y0 … y0+H−1).
public enum Metric: Int, CaseIterable, Sendable {
    case actives, pensioners, survivors, deferred
    case payroll, contributionsEmployee, contributionsEmployer
    case dbBenefits, dcAnnuities, guaranteeTopups, bondRedemptions
    case budgetBurden, burdenPctGDP, burdenReal, burdenPctPayroll
    case dcFundAssets, dcAssetsPctGDP, bondsOutstanding, dbReserveAssets, dependencyRatio
    case replacementRateDB, replacementRateDC, replacementRateTotal
    case transitionCostPctGDP
    /// Normal and early retirements at the end of the year (an addition to docs/model.md §8, used by
    /// the calibration).
    case retirements

    /// The name used in files.
    public var name: String {
        switch self {
        case .actives: return "actives"
        case .pensioners: return "pensioners"
        case .survivors: return "survivors"
        case .deferred: return "deferred"
        case .payroll: return "payroll"
        case .contributionsEmployee: return "contributions_employee"
        case .contributionsEmployer: return "contributions_employer"
        case .dbBenefits: return "db_benefits"
        case .dcAnnuities: return "dc_annuities"
        case .guaranteeTopups: return "guarantee_topups"
        case .bondRedemptions: return "bond_redemptions"
        case .budgetBurden: return "budget_burden"
        case .burdenPctGDP: return "burden_pct_gdp"
        case .burdenReal: return "burden_real"
        case .burdenPctPayroll: return "burden_pct_payroll"
        case .dcFundAssets: return "dc_fund_assets"
        case .dcAssetsPctGDP: return "dc_assets_pct_gdp"
        case .bondsOutstanding: return "bonds_outstanding"
        case .dbReserveAssets: return "db_reserve_assets"
        case .dependencyRatio: return "dependency_ratio"
        case .replacementRateDB: return "replacement_rate_db"
        case .replacementRateDC: return "replacement_rate_dc"
        case .replacementRateTotal: return "replacement_rate_total"
        case .transitionCostPctGDP: return "transition_cost_pct_gdp"
        case .retirements: return "retirements"
        }
    }

    /// True for stocks (start-of-year values, H+1 of them).
    public var isStock: Bool {
        switch self {
        case .actives, .pensioners, .survivors, .deferred, .dcFundAssets, .dcAssetsPctGDP,
             .bondsOutstanding, .dbReserveAssets, .dependencyRatio:
            return true
        default:
            return false
        }
    }

    /// True for money in currency units (scales with every monetary input).
    public var isMoney: Bool {
        switch self {
        case .payroll, .contributionsEmployee, .contributionsEmployer, .dbBenefits, .dcAnnuities,
             .guaranteeTopups, .bondRedemptions, .budgetBurden, .burdenReal, .dcFundAssets,
             .bondsOutstanding, .dbReserveAssets:
            return true
        default:
            return false
        }
    }

    /// Values per path: H+1 for stocks, H for flows.
    public func length(horizon: Int) -> Int { isStock ? horizon + 1 : horizon }
}

/// The two schemes.
public enum Scheme: Int, CaseIterable, Sendable {
    case current, reform
    public var name: String { self == .current ? "current" : "reform" }
}
