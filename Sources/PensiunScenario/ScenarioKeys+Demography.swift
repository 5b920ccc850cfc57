/// The keys of `mortality`, `decrements`, `survivors`, `tracks`, `population` and `entrants`
/// (docs/model.md §4), with the columns of the CSV files they name.
extension ScenarioKey {
    static let mortality = ScenarioKey("mortality", unit: "mapping", "a mortality section", "base table, improvement, κ, factors (below)")
    static let decrements = ScenarioKey("decrements", unit: "mapping", "a decrements section", "disability, withdrawal, early retirement (below)")
    static let survivors = ScenarioKey("survivors", unit: "mapping", "a survivors section", "spouses left by members who die (below)")
    static let tracks = ScenarioKey("tracks", unit: "list", "a list of career tracks", "career tracks (below)")
    static let population = ScenarioKey("population", unit: "mapping", "a population section", "the members at the start of y0 (below)")
    static let entrants = ScenarioKey("entrants", unit: "mapping", "an entrants section", "new members each year (below)")

    static let basis = ScenarioKey("mortality.basis", unit: "path or law", "a mortality table (CSV path) or a law (makeham:A=…,B=…,c=…)",
                                   "a CSV table `age,qx_male,qx_female` (or `age,qx`), or `makeham:A=…,B=…,c=…`, `gompertz:B=…,c=…` (laws close at 130)")
    static let baseYear = ScenarioKey("mortality.base_year", unit: "calendar year", "a calendar year", .integers(Bound.calendarYear),
                                      "y_base, the calendar year of the table")
    static let improvement = ScenarioKey("mortality.improvement", unit: "rate, steps by age", "an annual improvement rate",
                                         .numbers(.openClosed(-1, 0.5)), default: "0", "imp_x, the annual improvement")
    static let kappaVolatility = ScenarioKey("mortality.kappa_volatility", unit: "number", "a volatility", .numbers(Bound.volatility),
                                             default: "0", "σ_κ, the volatility of the period index κ (0: deterministic mortality)")
    static let kappaSensitivity = ScenarioKey("mortality.kappa_sensitivity", unit: "steps by age", "a sensitivity β",
                                              .numbers(.closed(-10, 10)), default: "1", "β_x; a warning when σ_κ = 0")
    static let mortalityFactor = ScenarioKey("mortality.factors.<basis>", unit: "by sex", "a scaling factor", .numbers(.closed(0, 100)),
                                             default: "1", "f_{b,s} for the basis `actives`, `pensioners`, `disabled`, `survivors`, `deferred` or `annuitants`")

    static let disability = ScenarioKey("decrements.disability", unit: "", "none, {factor_of_mortality: k} or {table: FILE}", default: "none",
                                        "`none`, `{factor_of_mortality: k}` (k × q_base, no improvement, no κ) or `{table: FILE}` with columns `age,male,female` from age 0")
    static let disabilityFactor = ScenarioKey("decrements.disability.factor_of_mortality", unit: "number", "a factor of the base mortality",
                                              .numbers(.closed(0, 100)), "k")
    static let disabilityRate = ScenarioKey("decrements.disability.table", column: "male, female", unit: "rate", "a disability rate",
                                            .numbers(Bound.fraction), "the yearly incidence of disability by age and sex")
    static let withdrawal = ScenarioKey("decrements.withdrawal", unit: "rate, steps by completed service", "a withdrawal rate",
                                        .numbers(Bound.fraction), default: "0", "w(n)")
    static let earlyRetirement = ScenarioKey("decrements.early_retirement", unit: "", "none or {age, service, rates}", default: "none",
                                             "`none` or `{age: A, service: N, rates: steps by age}`: possible when x+1 ≥ A and n+1 ≥ N")
    static let earlyAge = ScenarioKey("decrements.early_retirement.age", unit: "age", "an age", .integers(0...120),
                                      "A, the minimum age (x+1)")
    static let earlyService = ScenarioKey("decrements.early_retirement.service", unit: "years", "years of service", .integers(0...80),
                                          "N, the minimum service (n+1)")
    static let earlyRates = ScenarioKey("decrements.early_retirement.rates", unit: "rate, steps by age", "a rate", .numbers(Bound.fraction),
                                        "r(x)")
    static let processRisk = ScenarioKey("decrements.process_risk", unit: "true/false", "true or false", .words(YAMLCursor.booleanWords.map(\.0)),
                                         default: "false", "binomial decrements and multinomial entrants (small schemes)")

    static let survivorProbability = ScenarioKey("survivors.probability", unit: "by sex, steps by age", "a probability", .numbers(Bound.fraction),
                                                 "m_s(x): probability that a member dying at age x leaves a spouse")
    static let ageGap = ScenarioKey("survivors.age_gap", unit: "years, by sex", "an age difference", .integers(-30...30),
                                    "Δ_s: the spouse's age minus the member's (the spouse is aged x + 1 + Δ_s at the start of y+1)")

    static let trackName = ScenarioKey("tracks[].name", unit: "text", "a name", "referred to by the CSV files and by `reform.retirement_age`")
    static let trackRetirementAge = ScenarioKey("tracks[].retirement_age", unit: "age, by year", "a retirement age", .integers(Bound.retirementAge),
                                                "BUP_{k,y}: retirement is certain when x+1 ≥ BUP")
    static let salaryScale = ScenarioKey("tracks[].salary_scale", unit: "`{file: CSV, column: NAME}`", "{file: CSV, column: NAME}",
                                         "scale_k(n): monthly pensionable salary at completed service n = 0, 1, … (currency of y0); the CSV has a `service` column and one column per track; beyond its last row the last value applies")
    static let salaryScaleFile = ScenarioKey("tracks[].salary_scale.file", unit: "path", "the path of a CSV file",
                                             "the CSV of salary scales: a `service` column and one column per track")
    static let salaryScaleColumn = ScenarioKey("tracks[].salary_scale.column", unit: "text", "a column name", "this track's column of the CSV")
    static let salary = ScenarioKey("tracks[].salary_scale.file", column: "<track>", unit: "currency a month", "a monthly salary",
                                    .numbers(Bound.salary), "the monthly pensionable salary")
    static let takeHomeMultiplier = ScenarioKey("tracks[].take_home_multiplier", unit: "multiple, by year", "a multiple of the pensionable salary",
                                                .numbers(.closed(1, 10)), default: "1",
                                                "θ_{k,y}: take-home pay / basic salary; the DC contribution base on take-home pay (m_DC = θ) and the denominator of `rr_takehome_*`; `dc_base_multiplier`, its former name, is still read")

    static let regionalShare = ScenarioKey("tracks[].regional_share", unit: "fraction", "a share", .numbers(Bound.fraction), default: "0",
                                           "ρ_k: the share of the track's members employed by regional governments, an assumption; under the reform the regional budgets pay ρ_k of the track's employer DC contributions and the APBN the rest of the burden (docs/model.md Part II \"Who pays\"); the current scheme is paid wholly by the APBN")

    static let payLevels = ScenarioKey("tracks[].pay_levels", unit: "list of `{name, multiplier, share}`", "a list of pay levels",
                                       default: "one level, the salary scale itself",
                                       "pay levels within the track (model 2.4): each a share of the track's members and entrants paid multiplier × the salary scale over the whole career; shares sum to 1 and the share-weighted multipliers average 1 (the scale stays the track's mean)")
    static let payLevelName = ScenarioKey("tracks[].pay_levels[].name", unit: "text", "a name", "the level's name, unique within the track")
    static let payLevelMultiplier = ScenarioKey("tracks[].pay_levels[].multiplier", unit: "multiple", "a multiple of the salary scale",
                                                .numbers(.closed(0.05, 20)), "m_l: the level's salary ÷ the track's salary scale")
    static let payLevelShare = ScenarioKey("tracks[].pay_levels[].share", unit: "fraction", "a share", .numbers(.openClosed(0, 1)),
                                           "s_l: the level's share of the track's members and entrants")

    static let actives = ScenarioKey("population.actives", unit: "CSV `sex,track,age,service,count`", "a CSV file with sex,track,age,service,count",
                                     "actives at the start of y0 (counts may be fractional)")
    static let activeAge = ScenarioKey("population.actives", column: "age", unit: "age", "an age", .integers(14...100), "age at the start of y0")
    static let activeCount = ScenarioKey("population.actives", column: "count", unit: "members", "a count",
                                         .numbers(.closed(0, Bound.members)), "members in the cell")
    static let pensioners = ScenarioKey("population.pensioners", unit: "CSV `sex,age,count,pension[,survivor_pension]`",
                                        "a CSV file with sex,age,count,pension",
                                        "retired members; `survivor_pension` (optional, may be empty) the average contingent survivor pension, by default σ_r/cap × pension, floored")
    static let disabledFile = ScenarioKey("population.disabled", unit: "CSV, as `pensioners`", "a CSV file with sex,age,count,pension",
                                          default: "none", "disabled pensioners")
    static let survivorsFile = ScenarioKey("population.survivors", unit: "CSV `sex,age,count,pension`", "a CSV file with sex,age,count,pension",
                                           default: "none", "survivor pensioners")
    static let beneficiaryAge = ScenarioKey("population.<beneficiaries>", column: "age", unit: "age", "an age",
                                            .integers(Bound.age), "age at the start of y0 (all three files)")
    static let beneficiaryCount = ScenarioKey("population.<beneficiaries>", column: "count", unit: "members", "a count",
                                              .numbers(.closed(0, Bound.members)), "beneficiaries in the cell")
    static let beneficiaryPension = ScenarioKey("population.<beneficiaries>", column: "pension", unit: "currency a month",
                                                "an average monthly pension", .numbers(.closed(0, Bound.money)),
                                                "the average monthly pension per beneficiary")
    static let beneficiarySurvivorPension = ScenarioKey("population.<beneficiaries>", column: "survivor_pension", unit: "currency a month",
                                                        "an average monthly survivor pension", .numbers(.closed(0, Bound.money)),
                                                        "the average contingent survivor pension")

    static let entrantTarget = ScenarioKey("entrants.target", unit: "", "constant, {growth: RATE} or {series: {YEAR: COUNT}}",
                                           "`constant` (the y0 headcount), `{growth: g}` (N_y0 (1+g)^{y−y0}) or `{series: by year}`")
    static let entrantGrowth = ScenarioKey("entrants.target.growth", unit: "rate", "an annual growth rate", .numbers(Bound.compoundedRate), "g")
    static let entrantSeries = ScenarioKey("entrants.target.series", unit: "members, by year", "a headcount",
                                           .numbers(.closed(0, Bound.headcount)), "the headcount target of each year")
    static let entrantProfile = ScenarioKey("entrants.profile", unit: "CSV `sex,track,age,share`", "a CSV file with sex,track,age,share",
                                            "entrants at the start of each year = max(0, target − surviving actives), spread by these shares (summing to 1)")
    static let entrantAge = ScenarioKey("entrants.profile", column: "age", unit: "age", "an entry age", .integers(Bound.entryAge), "age at entry")
    static let entrantShare = ScenarioKey("entrants.profile", column: "share", unit: "fraction", "a share", .numbers(Bound.fraction),
                                          "the share of entrants in the cell")

    static let demographyKeys: [ScenarioKey] = [
        mortality, decrements, survivors, tracks, population, entrants,
        basis, baseYear, improvement, kappaVolatility, kappaSensitivity, mortalityFactor,
        disability, disabilityFactor, disabilityRate, withdrawal, earlyRetirement, earlyAge, earlyService, earlyRates, processRisk,
        survivorProbability, ageGap,
        trackName, trackRetirementAge, salaryScale, salaryScaleFile, salaryScaleColumn, salary, takeHomeMultiplier, regionalShare,
        payLevels, payLevelName, payLevelMultiplier, payLevelShare,
        actives, activeAge, activeCount, pensioners, disabledFile, survivorsFile,
        beneficiaryAge, beneficiaryCount, beneficiaryPension, beneficiarySurvivorPension,
        entrantTarget, entrantGrowth, entrantSeries, entrantProfile, entrantAge, entrantShare,
    ]
}
