import PensiunEconomy

/// Reads the `economy` section into ``EconomyParameters`` (docs/model.md §3).
enum EconomySection {
    static let keys = ["gdp_start", "inflation", "real_wage_growth", "real_gdp_growth", "bond_yield",
                       "equity", "bond_duration", "cash_spread", "wage_index", "correlation"]
    static let processKeys = ["mean", "persistence", "volatility", "start", "interpolation", "history"]
    static let productivityKeys = ["labour_force_growth", "gap"]
    static let mixtureKeys = ["crash_probability", "crash_mean_shift", "crash_volatility_ratio"]
    static let equityKeys = ["log_mean", "log_volatility", "shocks", "degrees_of_freedom"] + mixtureKeys

    /// `startYear`: `simulation.start_year`, against which pinned history is checked (nil when
    /// the simulation section is unreadable: its own message is enough).
    static func read(_ cursor: YAMLCursor, startYear: Int?) -> EconomyParameters? {
        guard let section = cursor.mapping(allowed: keys) else { return nil }
        let gdp = section.required(.gdpStart)?.number(.gdpStart)
        var link: ProductivityLink?? = .some(nil)
        let processes = EconomicVariable.allCases.dropLast().map { variable in
            section.required(.process, as: variable.key).flatMap { cursor in
                readProcess(cursor, wage: variable == .realWageGrowth, startYear: startYear, link: &link)
            }
        }
        let equity = section.required("equity", expected: "a mapping with \(equityKeys.prefix(2).joined(separator: ", "))")
            .flatMap(readEquity)
        let duration = section.required(.bondDuration)?.number(.bondDuration)
        let spread = section.required(.cashSpread)?.number(.cashSpread)
        var lump: Int? = 1
        if let wage = section["wage_index"] {
            lump = nil
            if let w = wage.mapping(allowed: ["lump_period"]) {
                lump = w.required(.lumpPeriod)?.integer(.lumpPeriod)
            }
        }
        let correlation = section.required(.correlation).flatMap(readCorrelation)
        guard let gdp, let inflation = processes[0], let wage = processes[1], let growth = processes[2],
              let yield = processes[3], let equity, let duration, let spread, let lump, let correlation, let link
        else { return nil }
        return EconomyParameters(
            inflation: inflation, realWageGrowth: wage, realGDPGrowth: growth, bondYield: yield,
            equityLogMean: equity.mean, equityLogVolatility: equity.volatility, equityShocks: equity.shocks,
            bondDuration: duration, cashSpread: spread, correlation: correlation,
            wageLumpPeriod: lump, gdpStart: gdp, productivity: link)
    }

    /// One AR(1) process; for the salary table's (`wage`), `productivity` instead of `mean` sets
    /// `link` (nil inside when it reads `mean`, nil outside when the link is unreadable).
    static func readProcess(_ cursor: YAMLCursor, wage: Bool, startYear: Int?, link: inout ProductivityLink??) -> AR1Process? {
        guard let s = cursor.mapping(allowed: processKeys + (wage ? ["productivity"] : [])) else { return nil }
        var interpolation: Dated.Interpolation? = .step
        if let entry = s["interpolation"] {
            interpolation = entry.choice(.processInterpolation, Dated.Interpolation.allCases)
        }
        let step = interpolation ?? .step
        var mean: Dated?
        if wage, let entry = s["productivity"] {
            if let extra = s["mean"] {
                extra.fail("give either mean or productivity for real_wage_growth, not both (expected no mean, got \(extra.shown))")
            }
            link = readProductivity(entry, interpolation: step).map { .some($0) } ?? .none
            mean = Dated(0)
        } else {
            mean = s.required(.processMean).flatMap { dated($0, .processMean, step) }
        }
        let persistence = s.required(.processPersistence).flatMap { dated($0, .processPersistence, step) }
        let volatility = s.required(.processVolatility).flatMap { dated($0, .processVolatility, step) }
        let start = s.required(.processStart)?.number(.processStart)
        var history: [Dated.Point]? = []
        if let entry = s["history"] {
            history = entry.byYear { $0.number(.processHistory) }.flatMap { byYear in
                guard byYear.steps.allSatisfy({ $0.year != Int.min }) else {
                    entry.fail("expected observed values by year ({2019: 0.028, 2020: 0.017}), got \(entry.shown)")
                    return nil
                }
                if let startYear, let problem = AR1Process.historyProblem(years: byYear.steps.map(\.year), startYear: startYear) {
                    entry.fail(problem)
                    return nil
                }
                return byYear.steps.map { Dated.Point(year: $0.year, value: $0.value) }
            }
        }
        guard interpolation != nil, let mean, let persistence, let volatility, let start, let history else { return nil }
        return AR1Process(mean: mean, persistence: persistence, volatility: volatility, start: start, history: history)
    }

    static func readProductivity(_ cursor: YAMLCursor, interpolation: Dated.Interpolation) -> ProductivityLink? {
        guard let s = cursor.mapping(allowed: productivityKeys) else { return nil }
        let n = s.required(.labourForceGrowth).flatMap { dated($0, .labourForceGrowth, interpolation) }
        var gap: Dated? = Dated(0)
        if let entry = s["gap"] { gap = dated(entry, .productivityGap, interpolation) }
        guard let n, let gap else { return nil }
        return ProductivityLink(labourForceGrowth: n, gap: gap)
    }

    /// A number or a by-year mapping of numbers (`{2019: 0.05, 2040: 0.03}`) as a ``Dated``.
    static func dated(_ cursor: YAMLCursor, _ key: ScenarioKey, _ interpolation: Dated.Interpolation) -> Dated? {
        guard let byYear = cursor.byYear({ $0.number(key) }) else { return nil }
        if byYear.steps.count == 1 && byYear.steps[0].year == Int.min { return Dated(byYear.steps[0].value) }
        return Dated(points: byYear.steps.map { Dated.Point(year: $0.year, value: $0.value) }, interpolation: interpolation)
    }

    static func readEquity(_ cursor: YAMLCursor) -> (mean: Double, volatility: Double, shocks: EquityShocks)? {
        guard let s = cursor.mapping(allowed: equityKeys) else { return nil }
        let mean = s.required(.equityLogMean)?.number(.equityLogMean)
        let volatility = s.required(.equityLogVolatility)?.number(.equityLogVolatility)
        enum Kind { case normal, studentT, mixture }
        var kind: Kind? = .normal
        if let entry = s["shocks"] { kind = entry.choice(.equityShocks, [Kind.normal, .studentT, .mixture]) }
        /// Keys of the other shock distributions, refused where they would be ignored.
        func refuse(_ keys: [String], unless word: String) {
            for key in keys {
                if let extra = s[key] { extra.fail("only used when shocks is \(word) (expected no value, got \(extra.shown))") }
            }
        }
        var shocks: EquityShocks?
        switch kind {
        case .normal?:
            shocks = .normal
            refuse(["degrees_of_freedom"], unless: "student_t")
            refuse(mixtureKeys, unless: "mixture")
        case .studentT?:
            shocks = s.required(.equityDegreesOfFreedom)?.number(.equityDegreesOfFreedom)
                .map { EquityShocks.studentT(degreesOfFreedom: $0) }
            refuse(mixtureKeys, unless: "mixture")
        case .mixture?:
            refuse(["degrees_of_freedom"], unless: "student_t")
            let shiftEntry = s.required(.equityCrashMeanShift)
            let p = s.required(.equityCrashProbability)?.number(.equityCrashProbability)
            let shift = shiftEntry?.number(.equityCrashMeanShift)
            let ratio = s.required(.equityCrashVolatilityRatio)?.number(.equityCrashVolatilityRatio)
            if let p, let shift, let ratio {
                let mixture = EquityMixture(crashProbability: p, meanShift: shift, volatilityRatio: ratio)
                if let volatility, let problem = mixture.calmVarianceProblem(logVolatility: volatility) {
                    shiftEntry?.fail(problem)
                } else {
                    shocks = .mixture(mixture)
                }
            }
        case nil:
            shocks = nil
        }
        guard let mean, let volatility, let shocks else { return nil }
        return (mean, volatility, shocks)
    }

    static func readCorrelation(_ cursor: YAMLCursor) -> [[Double]]? {
        let order = EconomicVariable.allCases.map(\.key).joined(separator: ", ")
        guard let rows = cursor.sequence() else { return nil }
        guard rows.count == 5 else {
            cursor.fail("expected 5 rows in the order \(order), got \(rows.count)")
            return nil
        }
        var matrix: [[Double]] = []
        for row in rows {
            guard let items = row.sequence() else { return nil }
            guard items.count == 5 else {
                row.fail("expected 5 entries in the order \(order), got \(items.count)")
                return nil
            }
            let values = items.compactMap { $0.number(.correlation) }
            guard values.count == items.count else { return nil }
            matrix.append(values)
        }
        if let problem = CorrelationCheck.problem(matrix) {
            cursor.fail(problem)
            return nil
        }
        return matrix
    }
}
