/// The keys of `current_scheme` (docs/model.md §5) and `reform` (docs/model.md §6).
extension ScenarioKey {
    static let currentScheme = ScenarioKey("current_scheme", unit: "mapping", "the current scheme's rules", "the DB scheme in force (below)")
    static let reform = ScenarioKey("reform", unit: "mapping", "a reform section",
                                    "the reform's DC and parametric changes (below); absent = no reform")

    static let accrualRate = ScenarioKey("current_scheme.accrual_rate", unit: "rate", "a rate", .numbers(Bound.fraction),
                                         "a, per year of service")
    static let cap = ScenarioKey("current_scheme.cap", unit: "fraction", "a fraction", .numbers(Bound.cap),
                                 "the maximum of a·(n+1)")
    static let floor = ScenarioKey("current_scheme.floor", unit: "currency a month", "an amount", .numbers(.closed(0, Bound.money)),
                                   "floor_base: the minimum pension at award, moving with the wage index (floor_y = floor · W_y)")
    static let minimumService = ScenarioKey("current_scheme.minimum_service", unit: "years", "years", .integers(Bound.requiredService),
                                            "n+1 needed for a pension at BUP (early retirement implies eligibility)")
    static let monthsPaid = ScenarioKey("current_scheme.months_paid", unit: "count", "a number of payments", .numbers(Bound.paymentsPerYear),
                                        "payments a year (Indonesia 14)")
    static let survivorRate = ScenarioKey("current_scheme.survivor.<rate>", unit: "fraction", "a fraction", .numbers(Bound.multipleOfPension),
                                          "`pensioner` σ_r and `pensioner_floor` f_sr; `active` σ_a and `active_floor` f_sa; `duty` σ_duty and `duty_floor` f_duty; `duty_share` d")
    static let indexation = ScenarioKey("current_scheme.indexation", unit: "by year", "prices, wages, none or {fixed: RATE}",
                                        "`prices`, `wages`, `none` or `{fixed: r}`: the factor applied at the end of each year to every DB-type amount")
    static let fixedIndexation = ScenarioKey("current_scheme.indexation.fixed", unit: "rate", "an annual rate", .numbers(Bound.compoundedRate),
                                             "r, a fixed yearly indexation")
    static let employeeContributionRate = ScenarioKey("current_scheme.employee_contribution.rate", unit: "rate, by year", "a rate",
                                                      .numbers(Bound.fraction), "the employee contribution on pensionable salary")
    static let contributionDestination = ScenarioKey("current_scheme.employee_contribution.destination", unit: "word", "budget or reserve",
                                                     .words(["budget", "reserve"]), "where the employee contribution goes")
    static let allowance = ScenarioKey("current_scheme.allowances.<benefit>", unit: "fraction", "an allowance as a fraction of the pension,",
                                       .numbers(Bound.multipleOfPension), default: "0",
                                       "`pension` p and `survivor` s: allowances paid with every DB-type award, as a share of the pension (Indonesia's family and food allowances); `replacement_rate_*` exclude them, the like-for-like `rr_*` include them (an addition to the specification, docs/model.md Part II)")

    static let pay = ScenarioKey("pay", unit: "mapping", "a pay section",
                                 "what members are paid besides the monthly basic salary: the denominators of the like-for-like replacement rates `rr_*` (below; an addition to the specification, docs/model.md Part II)")
    static let salaryPaymentsPerYear = ScenarioKey("pay.salary_payments_per_year", unit: "count", "a number of payments",
                                                   .numbers(Bound.paymentsPerYear), default: "12",
                                                   "p_s: payments of the basic salary a year (Indonesia 14: 12 + THR + the 13th salary)")
    static let activeAllowances = ScenarioKey("pay.allowances", unit: "fraction", "an allowance as a fraction of the basic salary",
                                              .numbers(Bound.multipleOfPension), default: "current_scheme.allowances.pension",
                                              "a_act: allowances paid with an active's basic salary (Indonesia's family and food allowances); in the denominator of `rr_basic_*` whenever the scheme's pensions carry allowances")

    static let reformDB = ScenarioKey("reform.db", unit: "mapping", "keys of current_scheme",
                                      "keys of `current_scheme` to change under the reform (a parametric reform); the rest is inherited")
    static let reformRetirementAge = ScenarioKey("reform.retirement_age.<track>", unit: "age, by year", "a retirement age",
                                                 .integers(Bound.retirementAge), "BUP under the reform, per track")
    static let dc = ScenarioKey("reform.dc", unit: "mapping", "a DC scheme", "the DC scheme (absent: a parametric reform only)")
    static let dcYear = ScenarioKey("reform.dc.year", unit: "calendar year", "a year within the projection",
                                "y_r, the reform year, from start_year to start_year + horizon − 1")
    static let transition = ScenarioKey("reform.dc.transition", unit: "", "new_entrants, all, supplementary or {switch_under_age: AGE}",
                                        "`new_entrants`, `all`, `supplementary` or `{switch_under_age: A}`")
    static let switchUnderAge = ScenarioKey("reform.dc.transition.switch_under_age", unit: "age", "an age", .integers(15...80),
                                            "A: members younger switch to the DC")
    static let accruedRights = ScenarioKey("reform.dc.accrued_rights", unit: "",
                                           "frozen_db, {frozen_db: {salary: final}} or {recognition_bond: {rate: RATE}}",
                                           default: "frozen_db (revalued)",
                                           "`frozen_db`, `{frozen_db: {salary: revalued | final}}` or `{recognition_bond: {rate: ρ}}`")
    static let recognitionBondRate = ScenarioKey("reform.dc.accrued_rights.recognition_bond.rate", unit: "rate", "a rate",
                                                 .numbers(Bound.compoundedRate), "ρ, the bond's yearly rate")
    static let contributionBase = ScenarioKey("reform.dc.contribution_base", unit: "word", "take_home_pay or basic_salary",
                                              .words(["take_home_pay", "basic_salary"]), default: "take_home_pay",
                                              "`take_home_pay` (m_DC = the tracks' `take_home_multiplier`) or `basic_salary` (m_DC = 1)")
    static let dcEmployeeRate = ScenarioKey("reform.dc.employee_rate", unit: "rate, by year", "a rate", .numbers(Bound.fraction),
                                            "the employee's DC contribution on the DC base")
    static let dcEmployerRate = ScenarioKey("reform.dc.employer_rate", unit: "rate, by year", "a rate", .numbers(Bound.fraction),
                                            "the state's DC contribution as employer on the DC base")
    static let fee = ScenarioKey("reform.dc.fee", unit: "rate", "an annual fee", .numbers(.closed(0, 0.1)), default: "0",
                                 "annual fee deducted from the return")
    static let portfolio = ScenarioKey("reform.dc.portfolio", unit: "weights", "weights {equity, bonds, cash}",
                                       "`{equity, bonds, cash}` weights summing to 1, or a glide path `{AGE: {equity, bonds, cash}, …}`")
    static let portfolioWeight = ScenarioKey("reform.dc.portfolio.<asset>", unit: "fraction", "a weight", .numbers(Bound.fraction),
                                             "the weight of `equity`, `bonds` or `cash`")
    static let payoutForm = ScenarioKey("reform.dc.payout.form", unit: "word", "annuity or lump_sum", .words(["annuity", "lump_sum"]),
                                        default: "annuity", "how the balance is paid out")
    static let payoutMargin = ScenarioKey("reform.dc.payout.margin", unit: "rate", "a margin", .numbers(.closed(-0.1, 0.2)), default: "0",
                                          "the annuity is priced at j = (1 + i_y − margin)/(1 + escalation) − 1")
    static let payoutEscalation = ScenarioKey("reform.dc.payout.escalation", unit: "rate", "an escalation rate",
                                              .numbers(.openClosed(-1, 0.2)), default: "0", "yearly growth of the annuity")
    static let payoutMonths = ScenarioKey("reform.dc.payout.months_paid", unit: "count", "payments a year", .numbers(Bound.paymentsPerYear),
                                          default: "12", "annuity payments a year")
    static let payoutSurvivorFraction = ScenarioKey("reform.dc.payout.survivor_fraction", unit: "fraction", "a fraction",
                                                    .numbers(Bound.fraction), default: "0",
                                                    "f: 0 buys a single-life annuity; f > 0 a joint-and-survivor annuity paying f of the annuity for life to the spouse the annuitant leaves at death (priced on the survivors' spouse model, docs/model.md §6)")
    static let dcWithdrawal = ScenarioKey("reform.dc.withdrawal", unit: "word", "deferred or cash", .words(["deferred", "cash"]),
                                          default: "deferred",
                                          "`deferred`: the balance of a member who leaves stays invested and buys an annuity at the former track's BUP; `cash`: it is paid out")
    static let guarantee = ScenarioKey("reform.dc.guarantee", unit: "", "none or {level, minimum_service}", default: "none",
                                       "`none` or `{level, minimum_service}`: top-up to months_paid × level × floor_y")
    static let guaranteeLevel = ScenarioKey("reform.dc.guarantee.level", unit: "multiple", "a multiple of the floor", .numbers(.closed(0, 100)),
                                            "the guaranteed pension as a multiple of the floor")
    static let guaranteeService = ScenarioKey("reform.dc.guarantee.minimum_service", unit: "years", "years", .integers(Bound.requiredService),
                                              "the service (n+1) needed for the guarantee")
    static let financing = ScenarioKey("reform.financing", unit: "word", "borrowing or none", .words(["none", "borrowing"]),
                                       default: "none",
                                       "an analysis assumption, not a rule of either scheme: `borrowing` finances the reform's extra burden Δ_y = burden^reform_y − burden^current_y by debt at the path's bond yield (never `reporting.discount_rate`), surpluses repaying it and building a reserve beyond it, giving `transition_debt`, `transition_debt_pct_gdp`, `transition_debt_interest` and `transition_reserve` (docs/model.md Part II, \"Financing the transition\"); `none`: those metrics are not applicable")

    static let schemeKeys: [ScenarioKey] = [
        currentScheme, pay, salaryPaymentsPerYear, activeAllowances, reform,
        accrualRate, cap, floor, minimumService, monthsPaid, survivorRate, indexation, fixedIndexation,
        employeeContributionRate, contributionDestination, allowance,
        reformDB, reformRetirementAge, dc, dcYear, transition, switchUnderAge, accruedRights, recognitionBondRate,
        contributionBase, dcEmployeeRate, dcEmployerRate, fee, portfolio, portfolioWeight, payoutForm, payoutMargin, payoutEscalation, payoutMonths,
        payoutSurvivorFraction,
        dcWithdrawal, guarantee, guaranteeLevel, guaranteeService, financing,
    ]
}
