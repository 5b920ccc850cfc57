import PensiunEconomy
import PensiunRandom

/// The keys of the top level, `simulation` and `economy` (docs/model.md §3).
extension ScenarioKey {
    static let extends = ScenarioKey("extends", unit: "path", "the path of the base scenario file",
                                     "base scenario, relative to this file (see Composition)")
    static let name = ScenarioKey("name", unit: "text", "a name", default: "the file name",
                                  "scenario name; outputs go to `Outputs/<name>/` (see Names)")
    static let description = ScenarioKey("description", unit: "text", "a description", "free text")
    static let simulation = ScenarioKey("simulation", unit: "mapping", "a simulation section", "calendar, paths, seed (below)")
    static let economy = ScenarioKey("economy", unit: "mapping", "an economy section", "the economic scenario generator (below)")

    static let startYear = ScenarioKey("simulation.start_year", unit: "calendar year", "a calendar year",
                                       .integers(Bound.calendarYear), "y0, the first projected year")
    static let horizon = ScenarioKey("simulation.horizon", unit: "years", "a number of years", .integers(Bound.horizon),
                                     "H; years y0 … y0+H−1 are projected")
    package static let paths = ScenarioKey("simulation.paths", unit: "count", "a number of paths",
                                   .integers(1...Int(PathSeeds.maximumPaths - 1)),
                                   "default number of Monte Carlo paths (`--paths` overrides)")
    package static let seed = ScenarioKey("simulation.seed", unit: "integer", "a whole number", .integers(0...Int.max),
                                  "master seed (`--seed` overrides)")
    static let generator = ScenarioKey("simulation.generator", unit: "word", "a generator",
                                       .words(GeneratorKind.allCases.map(\.rawValue)), default: "mt19937",
                                       "GSL's random number generator")

    static let gdpStart = ScenarioKey("economy.gdp_start", unit: "currency", "a GDP", .numbers(.openClosed(0, Bound.money)),
                                      "nominal GDP of year y0")
    static let process = ScenarioKey("economy.<process>", unit: "AR(1)", "a mapping with mean, persistence, volatility, start",
                                     "an AR(1) process x_y = μ_y + φ_y (x_{y−1} − μ_{y−1}) + σ_y ε_y (constant parameters: μ + φ (x_{y−1} − μ) + σ ε_y; pinned `history` in the first years) for each of `inflation` (π), `real_wage_growth` (g of the salary table; its mean may follow `productivity`), `real_gdp_growth` (γ) and `bond_yield` (the nominal long yield i at the end of each year)")
    static let processMean = ScenarioKey("economy.<process>.mean", unit: "rate, by year", "an annual rate", .numbers(Bound.compoundedRate),
                                         "μ_y, the mean (the long-run mean when constant); for `real_wage_growth`, either this or `productivity`")
    static let processPersistence = ScenarioKey("economy.<process>.persistence", unit: "number, by year", "a persistence φ",
                                                .numbers(.closed(-1, 1)), "φ_y, the AR(1) coefficient")
    static let processVolatility = ScenarioKey("economy.<process>.volatility", unit: "rate, by year", "a volatility",
                                               .numbers(Bound.volatility), "σ_y, the volatility of the yearly shock")
    static let processInterpolation = ScenarioKey("economy.<process>.interpolation", unit: "word", "an interpolation",
                                                  .words(Dated.Interpolation.allCases.map(\.rawValue)), default: "step",
                                                  "how the process's by-year values (mean, persistence, volatility and the productivity link's) are read between the years given: `step` (each value from its year on) or `linear` (straight lines between the years given; the first value before them, the last after)")
    static let processHistory = ScenarioKey("economy.<process>.history", unit: "rate, by year", "observed values by year",
                                            .numbers(Bound.compoundedRate),
                                            "observed values pinned for the first projected years, consecutive from `simulation.start_year`: every path takes them (their shocks are still drawn and discarded)")
    static let productivity = ScenarioKey("economy.real_wage_growth.productivity", unit: "mapping",
                                          "a mapping with labour_force_growth and gap",
                                          "instead of `mean`: μ_g,y = (1 + μ_γ,y)/(1 + n_y) − 1 + gap_y, pay growth tied to real GDP growth per worker")
    static let labourForceGrowth = ScenarioKey("economy.real_wage_growth.productivity.labour_force_growth", unit: "rate, by year",
                                               "an annual rate", .numbers(Bound.compoundedRate), "n_y, the growth of the labour force")
    static let productivityGap = ScenarioKey("economy.real_wage_growth.productivity.gap", unit: "rate, by year", "an annual rate",
                                             .numbers(Bound.compoundedRate), default: "0",
                                             "gap_y, pay growth minus productivity growth (negative when pay lags)")
    static let processStart = ScenarioKey("economy.<process>.start", unit: "rate", "an annual rate", .numbers(Bound.compoundedRate),
                                          "x_{y0−1}, the value in the year before y0")
    static let equityLogMean = ScenarioKey("economy.equity.log_mean", unit: "rate", "a log mean", .numbers(.closed(-1, 1)),
                                           "μ_e, the mean of ln(1 + equity return); E[1+e] = exp(μ_e + σ_e²/2) under normal shocks, infinite under `student_t`, docs/model.md §3 under `mixture`")
    static let equityLogVolatility = ScenarioKey("economy.equity.log_volatility", unit: "rate", "a volatility",
                                                 .numbers(Bound.volatility), "σ_e, the volatility (standard deviation) of ln(1 + equity return), under every `shocks`")
    static let equityShocks = ScenarioKey("economy.equity.shocks", unit: "word", "a shock distribution",
                                          .words(["normal", "student_t", "mixture"]), default: "normal",
                                          "the distribution of the equity shocks; `mixture`: ln(1 + equity return) a mixture of a calm and a stress regime, each normal, with overall mean μ_e and volatility σ_e: fat tails with a finite E[1+e] (docs/model.md §3)")
    static let equityDegreesOfFreedom = ScenarioKey("economy.equity.degrees_of_freedom", unit: "number", "degrees of freedom ν",
                                                    .numbers(.openClosed(2, 1e6)), "ν, with `student_t` only")
    static let equityCrashProbability = ScenarioKey("economy.equity.crash_probability", unit: "fraction", "a probability",
                                                    .numbers(.open(0, 1)), "p, the probability that a year is a stress year, with `mixture` only")
    static let equityCrashMeanShift = ScenarioKey("economy.equity.crash_mean_shift", unit: "rate", "a log-return shift",
                                                  .numbers(.closed(-1, 1)),
                                                  "δ, the stress regime's mean of ln(1 + equity return) less the calm regime's, with `mixture` only; |δ| < σ_e/√(p(1 − p))")
    static let equityCrashVolatilityRatio = ScenarioKey("economy.equity.crash_volatility_ratio", unit: "number", "a volatility ratio",
                                                        .numbers(.openClosed(0, 100)),
                                                        "r, the stress regime's volatility of ln(1 + equity return) over the calm regime's, with `mixture` only")
    static let bondDuration = ScenarioKey("economy.bond_duration", unit: "years", "a modified duration (years)",
                                          .numbers(.closed(0, 100)), "D, modified duration: bond return b_y = i_{y−1} − D (i_y − i_{y−1})")
    static let cashSpread = ScenarioKey("economy.cash_spread", unit: "rate", "a spread", .numbers(.closed(-1, 1)),
                                        "s_c: cash return c_y = i_{y−1} − s_c")
    static let lumpPeriod = ScenarioKey("economy.wage_index.lump_period", unit: "years", "a period",
                                        .integers(Bound.horizon), default: "1",
                                        "k: the salary table changes every k years (1 = every year)")
    static let correlation = ScenarioKey("economy.correlation", unit: "5×5 list", "a correlation", .numbers(.closed(-1, 1)),
                                         "correlations of the shocks in the order inflation, real_wage_growth, real_gdp_growth, bond_yield, equity; symmetric positive definite, unit diagonal")

    static let economyKeys: [ScenarioKey] = [
        extends, name, description, simulation, economy,
        startYear, horizon, paths, seed, generator,
        gdpStart, process, processMean, processPersistence, processVolatility, processStart,
        processInterpolation, processHistory, productivity, labourForceGrowth, productivityGap,
        equityLogMean, equityLogVolatility, equityShocks, equityDegreesOfFreedom,
        equityCrashProbability, equityCrashMeanShift, equityCrashVolatilityRatio,
        bondDuration, cashSpread, lumpPeriod, correlation,
    ]
}
