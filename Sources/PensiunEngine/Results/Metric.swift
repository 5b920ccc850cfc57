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
    /// Like-for-like replacement rates (model 2.3, docs/model.md Part II "Like-for-like
    /// replacement rates"): annual amounts, allowances included, over annual basic pay.
    case rrBasicDB, rrBasicDC, rrBasicTotal
    /// The same numerators over annual take-home pay.
    case rrTakeHomeDB, rrTakeHomeDC, rrTakeHomeTotal
    /// The pension in payment in y of the cohort that retired in y − 10 (y − 20) over the annual
    /// basic pay of the same position in y.
    case rrBasicDBAfter10, rrBasicDCAfter10, rrBasicTotalAfter10
    case rrBasicDBAfter20, rrBasicDCAfter20, rrBasicTotalAfter20
    /// Percentiles across the year's retirees (model 2.4, docs/model.md Part II "Pay levels within a
    /// track"): the 10th, 50th and 90th percentile member's `rr_basic_total`, each pay group
    /// (track × pay level) represented by its own rate and weighted by its retirements.
    case rrBasicTotalMemberP10, rrBasicTotalMemberP50, rrBasicTotalMemberP90
    /// `rr_basic_dc` and `rr_basic_total` of the year's retirees of one sex (model 2.4, docs/model.md
    /// Part II "Like-for-like replacement rates"): DC annuities are priced by sex, so the same
    /// balance buys women a smaller annuity. Overall only (not by track, not in ``rates``).
    case rrBasicDCMale, rrBasicDCFemale, rrBasicTotalMale, rrBasicTotalFemale
    /// Survivors by origin (model 2.4, docs/model.md §8): the spouses who start a survivor pension
    /// in the year after the death of an active member (deaths in service), and after the death of
    /// a pensioner or disabled pensioner (contingent pensions, joint-and-survivor DC annuities
    /// included); the two add up to the ledger's survivor entries.
    case survivorEntriesInService, survivorEntriesAfterAward
    /// The DB-type survivor pensions paid in the year (the survivors' part of `db_benefits`), and
    /// the same over GDP.
    case survivorBenefits, survivorBenefitsPctGDP
    /// Where the change in burden / GDP since y0 comes from (issue 21, docs/model.md Part II "Where
    /// the change in spending comes from"): the LMDI-I effects of the dependency ratio, the benefit
    /// ratio, the payroll share and the other budget flows (``SpendingDecomposition``), in shares
    /// of GDP; they add up to burden_pct_gdp(y) − burden_pct_gdp(y0). Derived after the projection.
    case spendingChangeDependency, spendingChangeBenefitRatio, spendingChangePayrollShare, spendingChangeOther
    /// The burden's composition (issue 21, docs/model.md §8 "Cash flows in money"): the DB-type
    /// benefits paid on a switcher's frozen DB rights (retirement and disability pensions on frozen
    /// rights, and the survivor pensions that follow from them: after a switcher's death in service
    /// or a frozen-rights pensioner's death), a part of `db_benefits`; and the employee DB
    /// contributions paid to the budget (0 when their destination is a reserve or none), so that
    /// budget_burden = (db_benefits − frozen) + frozen + employer DC + top-ups + bonds − these.
    case dbBenefitsFrozen, contributionsEmployeeDBBudget
    /// Financing the transition (issue 21, docs/model.md Part II "Financing the transition"),
    /// reform only, not applicable unless `reform.financing` is `borrowing`: the debt that
    /// finances the extra burden (a stock, money), the same over GDP, the year's interest on it
    /// (a flow) and the reserve that surpluses beyond the debt build (a stock).
    case transitionDebt, transitionDebtPctGDP, transitionDebtInterest, transitionReserve
    /// The DC fund's holdings of government bonds (a stock, both schemes): Σ balance × the glide
    /// path's bond weight at the member's age, the bond sleeve taken as government bonds.
    case dcFundGovernmentBonds
    /// Who pays (issue 21, docs/model.md Part II "Who pays"): each scheme's budget burden split
    /// between the central budget (APBN) and the regional budgets (APBD) by ``BudgetSharing``
    /// (flows, both schemes; they add up to `budget_burden`), and the same over GDP. Derived after
    /// the projection from ``SchemePathResult/employerDCByTrack``.
    case burdenCentral, burdenRegional, burdenCentralPctGDP, burdenRegionalPctGDP

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
        case .rrBasicDB: return "rr_basic_db"
        case .rrBasicDC: return "rr_basic_dc"
        case .rrBasicTotal: return "rr_basic_total"
        case .rrTakeHomeDB: return "rr_takehome_db"
        case .rrTakeHomeDC: return "rr_takehome_dc"
        case .rrTakeHomeTotal: return "rr_takehome_total"
        case .rrBasicDBAfter10: return "rr_basic_db_after10"
        case .rrBasicDCAfter10: return "rr_basic_dc_after10"
        case .rrBasicTotalAfter10: return "rr_basic_total_after10"
        case .rrBasicDBAfter20: return "rr_basic_db_after20"
        case .rrBasicDCAfter20: return "rr_basic_dc_after20"
        case .rrBasicTotalAfter20: return "rr_basic_total_after20"
        case .rrBasicTotalMemberP10: return "rr_basic_total_member_p10"
        case .rrBasicTotalMemberP50: return "rr_basic_total_member_p50"
        case .rrBasicTotalMemberP90: return "rr_basic_total_member_p90"
        case .rrBasicDCMale: return "rr_basic_dc_male"
        case .rrBasicDCFemale: return "rr_basic_dc_female"
        case .rrBasicTotalMale: return "rr_basic_total_male"
        case .rrBasicTotalFemale: return "rr_basic_total_female"
        case .survivorEntriesInService: return "survivor_entries_in_service"
        case .survivorEntriesAfterAward: return "survivor_entries_after_award"
        case .survivorBenefits: return "survivor_benefits"
        case .survivorBenefitsPctGDP: return "survivor_benefits_pct_gdp"
        case .spendingChangeDependency: return "spending_change_dependency"
        case .spendingChangeBenefitRatio: return "spending_change_benefit_ratio"
        case .spendingChangePayrollShare: return "spending_change_payroll_share"
        case .spendingChangeOther: return "spending_change_other"
        case .dbBenefitsFrozen: return "db_benefits_frozen"
        case .contributionsEmployeeDBBudget: return "contributions_employee_db_budget"
        case .transitionDebt: return "transition_debt"
        case .transitionDebtPctGDP: return "transition_debt_pct_gdp"
        case .transitionDebtInterest: return "transition_debt_interest"
        case .transitionReserve: return "transition_reserve"
        case .dcFundGovernmentBonds: return "dc_fund_government_bonds"
        case .burdenCentral: return "burden_central"
        case .burdenRegional: return "burden_regional"
        case .burdenCentralPctGDP: return "burden_central_pct_gdp"
        case .burdenRegionalPctGDP: return "burden_regional_pct_gdp"
        }
    }

    /// True for stocks (start-of-year values, H+1 of them).
    public var isStock: Bool {
        switch self {
        case .actives, .pensioners, .survivors, .deferred, .dcFundAssets, .dcAssetsPctGDP,
             .bondsOutstanding, .dbReserveAssets, .dependencyRatio,
             .transitionDebt, .transitionDebtPctGDP, .transitionReserve, .dcFundGovernmentBonds:
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
             .bondsOutstanding, .dbReserveAssets, .survivorBenefits, .dbBenefitsFrozen, .contributionsEmployeeDBBudget,
             .transitionDebt, .transitionDebtInterest, .transitionReserve, .dcFundGovernmentBonds, .burdenCentral, .burdenRegional:
            return true
        default:
            return false
        }
    }

    /// The replacement rates, also reported by track, in the order of ``SchemePathResult/byTrack``:
    /// the three of model 2.2 (monthly, basic salary, at award), then the like-for-like ones.
    public static let rates: [Metric] = [
        .replacementRateDB, .replacementRateDC, .replacementRateTotal,
        .rrBasicDB, .rrBasicDC, .rrBasicTotal, .rrTakeHomeDB, .rrTakeHomeDC, .rrTakeHomeTotal,
        .rrBasicDBAfter10, .rrBasicDCAfter10, .rrBasicTotalAfter10, .rrBasicDBAfter20, .rrBasicDCAfter20, .rrBasicTotalAfter20,
        .rrBasicTotalMemberP10, .rrBasicTotalMemberP50, .rrBasicTotalMemberP90,
    ]

    /// The like-for-like rates of one sex, overall only (``SchemePathResult/awardSumsBySex``).
    public static let ratesBySex: [Metric] = [.rrBasicDCMale, .rrBasicDCFemale, .rrBasicTotalMale, .rrBasicTotalFemale]

    /// The position of a rate in ``rates`` (nil for a metric that is not a replacement rate): the
    /// three of model 2.2 are contiguous cases, and so are the fifteen like-for-like ones.
    @inlinable public var rateIndex: Int? {
        switch self {
        case .replacementRateDB, .replacementRateDC, .replacementRateTotal:
            return rawValue - Metric.replacementRateDB.rawValue
        case _ where rawValue >= Metric.rrBasicDB.rawValue && rawValue <= Metric.rrBasicTotalMemberP90.rawValue:
            return 3 + rawValue - Metric.rrBasicDB.rawValue
        default:
            return nil
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
