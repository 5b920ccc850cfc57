import PensiunEconomy

/// Reads the `economy` section into ``EconomyParameters`` (docs/model.md §3).
enum EconomySection {
    static let keys = ["gdp_start", "inflation", "real_wage_growth", "real_gdp_growth", "bond_yield",
                       "equity", "bond_duration", "cash_spread", "wage_index", "correlation"]
    static let processKeys = ["mean", "persistence", "volatility", "start"]
    static let mixtureKeys = ["crash_probability", "crash_mean_shift", "crash_volatility_ratio"]
    static let equityKeys = ["log_mean", "log_volatility", "shocks", "degrees_of_freedom"] + mixtureKeys

    static func read(_ cursor: YAMLCursor) -> EconomyParameters? {
        guard let section = cursor.mapping(allowed: keys) else { return nil }
        let gdp = section.required(.gdpStart)?.number(.gdpStart)
        let processes = EconomicVariable.allCases.dropLast().map { variable in
            section.required(.process, as: variable.key).flatMap(readProcess)
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
              let yield = processes[3], let equity, let duration, let spread, let lump, let correlation
        else { return nil }
        return EconomyParameters(
            inflation: inflation, realWageGrowth: wage, realGDPGrowth: growth, bondYield: yield,
            equityLogMean: equity.mean, equityLogVolatility: equity.volatility, equityShocks: equity.shocks,
            bondDuration: duration, cashSpread: spread, correlation: correlation,
            wageLumpPeriod: lump, gdpStart: gdp)
    }

    static func readProcess(_ cursor: YAMLCursor) -> AR1Process? {
        guard let s = cursor.mapping(allowed: processKeys) else { return nil }
        let mean = s.required(.processMean)?.number(.processMean)
        let persistence = s.required(.processPersistence)?.number(.processPersistence)
        let volatility = s.required(.processVolatility)?.number(.processVolatility)
        let start = s.required(.processStart)?.number(.processStart)
        guard let mean, let persistence, let volatility, let start else { return nil }
        return AR1Process(mean: mean, persistence: persistence, volatility: volatility, start: start)
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
