import PensiunEconomy

/// Reads the `economy` section into ``EconomyParameters`` (MODEL.md §3).
enum EconomySection {
    static let keys = ["gdp_start", "inflation", "real_wage_growth", "real_gdp_growth", "bond_yield",
                       "equity", "bond_duration", "cash_spread", "wage_index", "correlation"]
    static let processKeys = ["mean", "persistence", "volatility", "start"]
    static let equityKeys = ["log_mean", "log_volatility", "shocks", "degrees_of_freedom"]

    static func read(_ cursor: YAMLCursor) -> EconomyParameters? {
        guard let section = cursor.mapping(allowed: keys) else { return nil }
        let gdp = section.required("gdp_start", expected: "nominal GDP of the start year, in currency units")?
            .number(expected: "a GDP > 0 in currency units") { $0 > 0 }
        let processes = EconomicVariable.allCases.dropLast().map { variable in
            section.required(variable.key, expected: "a mapping with mean, persistence, volatility, start")
                .flatMap(readProcess)
        }
        let equity = section.required("equity", expected: "a mapping with log_mean, log_volatility")
            .flatMap(readEquity)
        let duration = section.required("bond_duration", expected: "a modified duration in years")?
            .number(expected: "a duration ≥ 0 years") { $0 >= 0 }
        let spread = section.required("cash_spread", expected: "a spread of cash below the long yield")?
            .number(expected: "an annual rate")
        var lump: Int? = 1
        if let wage = section["wage_index"] {
            lump = nil
            if let w = wage.mapping(allowed: ["lump_period"]) {
                lump = w.required("lump_period", expected: "years between salary-table changes")?
                    .integer(expected: "a period ≥ 1 year") { $0 >= 1 }
            }
        }
        let correlation = section.required("correlation", expected: "a 5×5 correlation matrix").flatMap(readCorrelation)
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
        let mean = s.required("mean", expected: "the long-run mean, an annual rate")?
            .number(expected: "an annual rate > −100%") { $0 > -1 }
        let persistence = s.required("persistence", expected: "the AR(1) coefficient φ")?
            .number(expected: "a persistence φ in [−1, 1]") { (-1...1).contains($0) }
        let volatility = s.required("volatility", expected: "the annual shock volatility σ")?
            .number(expected: "a volatility ≥ 0") { $0 >= 0 }
        let start = s.required("start", expected: "the value in the year before the start year")?
            .number(expected: "an annual rate > −100%") { $0 > -1 }
        guard let mean, let persistence, let volatility, let start else { return nil }
        return AR1Process(mean: mean, persistence: persistence, volatility: volatility, start: start)
    }

    static func readEquity(_ cursor: YAMLCursor) -> (mean: Double, volatility: Double, shocks: EquityShocks)? {
        guard let s = cursor.mapping(allowed: equityKeys) else { return nil }
        let mean = s.required("log_mean", expected: "μ_e, the mean of ln(1 + equity return)")?.number()
        let volatility = s.required("log_volatility", expected: "σ_e, the volatility of ln(1 + equity return)")?
            .number(expected: "a volatility ≥ 0") { $0 >= 0 }
        enum Kind { case normal, studentT }
        var kind: Kind? = .normal
        if let entry = s["shocks"] { kind = entry.choice([("normal", Kind.normal), ("student_t", Kind.studentT)]) }
        var shocks: EquityShocks?
        switch kind {
        case .normal?:
            shocks = .normal
            if let extra = s["degrees_of_freedom"] {
                extra.fail("only used when shocks is student_t (expected no value, got \(extra.shown))")
            }
        case .studentT?:
            shocks = s.required("degrees_of_freedom", expected: "ν > 2 for student_t shocks")?
                .number(expected: "degrees of freedom ν > 2") { $0 > 2 }
                .map { EquityShocks.studentT(degreesOfFreedom: $0) }
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
            let values = items.map { $0.number(expected: "a correlation in [−1, 1]") { abs($0) <= 1 } }
            guard values.allSatisfy({ $0 != nil }) else { return nil }
            matrix.append(values.map { $0! })
        }
        if let problem = CorrelationCheck.problem(matrix) {
            cursor.fail(problem)
            return nil
        }
        return matrix
    }
}
