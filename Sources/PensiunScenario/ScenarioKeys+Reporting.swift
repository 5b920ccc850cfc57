/// The keys of `reporting`.
extension ScenarioKey {
    static let reporting = ScenarioKey("reporting", unit: "mapping", "a reporting section",
                                       "discounting, thresholds, profiles, calibration targets, money units, deterministic alternatives (below)")

    static let burdenThreshold = ScenarioKey("reporting.burden_threshold", unit: "share of GDP, or `start_year`", "start_year or a share of GDP",
                                             .numbers(.open(0, 1)), default: "0.01",
                                             "the threshold of P(burden > threshold in any year): a share of GDP (a sourced fiscal rule), or `start_year`, the current scheme's own burden / GDP in y0 on each path (P(burden above its y0 level))")
    static let discountRate = ScenarioKey("reporting.discount_rate", unit: "rate", "path_yields or a rate", .numbers(Bound.compoundedRate),
                                          default: "path_yields", "`path_yields` or a fixed rate, for present values")
    static let debtDiscountRate = ScenarioKey("reporting.implicit_debt.discount_rate", unit: "rate", "path_yields or a rate",
                                              .numbers(Bound.compoundedRate), default: "path_yields",
                                              "`path_yields` or a fixed rate, for the implicit pension debt")
    static let debtSalary = ScenarioKey("reporting.implicit_debt.salary", unit: "word", "projected or current", .words(["projected", "current"]),
                                        default: "projected", "the salaries of the accrued rights")
    static let debtIndexation = ScenarioKey("reporting.implicit_debt.indexation", unit: "", "scheme, prices, wages, none or {fixed: RATE}",
                                            default: "scheme",
                                            "the rule assumed for pensions in payment and frozen rights; `scheme` is the scheme's own")
    static let debtFixedIndexation = ScenarioKey("reporting.implicit_debt.indexation.fixed", unit: "rate", "an annual rate",
                                                 .numbers(Bound.compoundedRate), "r, a fixed yearly indexation")
    static let extendedEndYear = ScenarioKey("reporting.extended_projection.end_year", unit: "calendar year", "a calendar year",
                                             .integers(Bound.calendarYear),
                                             default: "the year the last member recruited within the window reaches ω",
                                             "E, the last year of the extended projection beyond the window (entrants continuing, on the deterministic path of the base case and of each alternative): from start_year + horizon − 1")
    static let beyondWindow = ScenarioKey("reporting.beyond_window", unit: "true/false", "true or false",
                                          .words(YAMLCursor.booleanWords.map(\.0)), default: "true",
                                          "whether `run` and `merge` value the schemes beyond the window: the accrued liability at the horizon, the extended projection, the general average premium and the accrual view (about 22 deterministic projections to extinction, 1.5 s for the flagship; `false` leaves them out, `null` in `summary.json`)")
    static let profileSex = ScenarioKey("reporting.profiles[].sex", unit: "word", "male or female", .words(["male", "female"]),
                                        "the sex of the profiled member")
    static let profileTrack = ScenarioKey("reporting.profiles[].track", unit: "text", "a track name", "the track (a `tracks[].name`)")
    static let profileEntryAge = ScenarioKey("reporting.profiles[].entry_age", unit: "age", "an age", .integers(Bound.entryAge),
                                             "the age at entry")
    static let profileEntryYear = ScenarioKey("reporting.profiles[].entry_year", unit: "calendar year", "a calendar year",
                                              .integers(Bound.calendarYear),
                                              "the year of entry: from y0 an entrant; before y0 a member in service at y0, followed from y0 (entry age + y0 − entry year below the track's retirement age at y0; contributions from y0 on)")
    static let profilePayLevel = ScenarioKey("reporting.profiles[].pay_level", unit: "text", "the name of one of the track's pay levels",
                                             default: "the track's salary scale (multiplier 1)",
                                             "the member is paid this level's multiplier × the track's salary scale (`tracks[].pay_levels`)")
    static let profileExitAge = ScenarioKey("reporting.profiles[].exit_age", unit: "age", "an age", .integers(Bound.age),
                                            "optional: the age at which the member leaves service by withdrawal (at the end of the year in which it reaches that age), above the entry age (and the age at y0 of a member in service then) and below the track's retirement age in the exit year under the current scheme; nothing from the DB, the DC balance deferred to the BUP (or paid out) as the scheme's `withdrawal` says")
    static let calibrationName = ScenarioKey("reporting.calibration[].name", unit: "text", "a label", "the target's label")
    static let calibrationMeasure = ScenarioKey("reporting.calibration[].measure", unit: "word", "a measure",
                                                .words(CalibrationTarget.Measure.allCases.map(\.rawValue)), "what is compared")
    static let calibrationYear = ScenarioKey("reporting.calibration[].year", unit: "calendar year", "a calendar year",
                                             .integers(Bound.calendarYear), "the calendar year compared")
    static let calibrationTarget = ScenarioKey("reporting.calibration[].target", unit: "as the measure", "a number",
                                               .numbers(.closed(-Bound.money * Bound.members, Bound.money * Bound.members)),
                                               "the actual value")
    static let calibrationUpper = ScenarioKey("reporting.calibration[].upper", unit: "as the measure", "the upper end of the target range",
                                              .numbers(.closed(-Bound.money * Bound.members, Bound.money * Bound.members)),
                                              "optional: a range target … upper")
    static let calibrationTolerance = ScenarioKey("reporting.calibration[].tolerance", unit: "fraction", "a fraction",
                                                  .numbers(Bound.fraction),
                                                  "the tolerance (0.1 = ±10% of the target; for `db_benefits_growth`, points of growth: 0.05 = ±5 pp); none for a reference")
    static let calibrationBaseYear = ScenarioKey("reporting.calibration[].base_year", unit: "calendar year", "a calendar year",
                                                 .integers(Bound.calendarYear),
                                                 "`db_benefits_growth` only: the first year; the measure is mean(year) / mean(base_year) − 1")
    static let calibrationReference = ScenarioKey("reporting.calibration[].reference", unit: "true/false", "true or false",
                                                  .words(YAMLCursor.booleanWords.map(\.0)), default: "false",
                                                  "true: a reference value shown beside the model and not checked (e.g. a figure on another, unpublished basis)")
    static let notes = ScenarioKey("reporting.notes", unit: "list of text", "a list of sentences",
                                   "sentences printed under the summary, `summary.md` and `summary.json` (`notes`): what drives the answer, in the scenario author's words")
    static let scope = ScenarioKey("reporting.scope", unit: "text", "a sentence",
                                   "optional: who the run covers and who it leaves out, printed under the title of the summary, `summary.md` and `report.html`, and in `summary.json` (`scope`, null without one)")
    static let calibrationNote = ScenarioKey("reporting.calibration[].note", unit: "text", "a note",
                                             "optional: what the reader should know beside the comparison (why the model misses, a basis that differs), printed under the row")
    static let calibrationSource = ScenarioKey("reporting.calibration[].source", unit: "text", "a source",
                                               "where the actual value comes from")
    static let currency = ScenarioKey("reporting.currency", unit: "text", "a currency label such as Rp or USD", "the currency label of reports")
    static let moneyUnit = ScenarioKey("reporting.money_unit", unit: "word", "a money unit", .words(MoneyUnit.allCases.map(\.rawValue)),
                                       default: "million", "the unit in which reports show money")

    static let alternativeName = ScenarioKey("reporting.alternatives[].name", unit: "word",
                                             "a lowercase name (letters, digits and _, starting with a letter, at most 32)",
                                             "the alternative's name: lowercase letters, digits and `_`, starting with a letter, at most 32; unique; not `base` (the deterministic base case)")
    static let alternativeDescription = ScenarioKey("reporting.alternatives[].description", unit: "text", "a description",
                                                    "optional: what the alternative assumes")
    static let alternativeSet = ScenarioKey("reporting.alternatives[].set", unit: "mapping", "a mapping of key paths to values",
                                            "overrides as `--set` gives them: `key.path: value`; run on the deterministic path (at most 8 alternatives)")

    static let reportingKeys: [ScenarioKey] = [
        reporting, burdenThreshold, discountRate, debtDiscountRate, debtSalary, debtIndexation, debtFixedIndexation, extendedEndYear, beyondWindow,
        profileSex, profileTrack, profileEntryAge, profileEntryYear, profileExitAge, profilePayLevel,
        calibrationName, calibrationMeasure, calibrationYear, calibrationBaseYear, calibrationTarget, calibrationUpper,
        calibrationTolerance, calibrationReference,
        calibrationSource, calibrationNote, notes, scope, currency, moneyUnit, alternativeName, alternativeDescription, alternativeSet,
    ]

    /// Every key of a scenario, in the order of docs/scenario-format.md.
    public static let all: [ScenarioKey] = economyKeys + demographyKeys + schemeKeys + reportingKeys
}
