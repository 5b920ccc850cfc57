import Foundation
import PensiunActuarial
import PensiunEconomy
import PensiunEngine

/// Reads the projection sections (mortality … reporting) into ``ProjectionInputs``.
struct ProjectionSections {
    let log: DiagnosticLog
    var files: [String] = []
    var warnings: [String] = []
    var calibration: [CalibrationTarget] = []
    var presentation = Presentation()

    init(log: DiagnosticLog) { self.log = log }

    mutating func read(_ top: Section, simulation: SimulationSettings?, economy: EconomyParameters?) -> ProjectionInputs? {
        let mortality = top.required("mortality", expected: "a mortality section").flatMap { readMortality($0) }
        let decrements = top.required("decrements", expected: "a decrements section").flatMap { readDecrements($0) }
        let survivors = top.required("survivors", expected: "a survivors section").flatMap { readSurvivors($0) }
        let tracks = top.required("tracks", expected: "a list of career tracks").flatMap { readTracks($0) }
        let population = top.required("population", expected: "a population section").flatMap { readPopulation($0, tracks: tracks?.tracks) }
        let entrants = top.required("entrants", expected: "an entrants section").flatMap { readEntrants($0, tracks: tracks?.tracks) }
        let currentNode = top["current_scheme"]
        let current = top.required("current_scheme", expected: "the current scheme's rules").flatMap { readDB($0) }
        var reform: SchemeRules?
        var reformOK = true
        if let current, let tracks {
            let base = SchemeRules(db: current, retirementAges: tracks.retirementAges)
            if let node = top["reform"] {
                reform = readReform(node, base: base, currentNode: currentNode!, tracks: tracks.tracks, simulation: simulation)
                reformOK = reform != nil
            } else {
                reform = base
            }
        }
        var valuation = ValuationInputs()
        var profiles: [ProfileSpec] = []
        if let node = top["reporting"] {
            if let r = readReporting(node, tracks: tracks?.tracks ?? []) { (valuation, profiles) = r } else { reformOK = false }
        } else {
            log.noteDefault("reporting", "defaults (threshold 1% of GDP, path yields)")
        }
        guard let simulation, let economy, let mortality, let decrements, let survivors, var tracks, let population,
              let entrants, let current, let reform, reformOK else { return nil }
        if reform.dc == nil || multiplierOverride, tracks.tracks.contains(where: { $0.dcBaseMultiplier != 1 }) {
            warnings.append("tracks[].dc_base_multiplier has no effect: " + (reform.dc == nil
                ? "the scenario has no DC reform" : "the DC contributes on basic salary (reform.dc.contribution_base)"))
            if multiplierOverride {
                tracks = TracksResult(tracks: tracks.tracks.map { Track(name: $0.name, salaryScale: $0.salaryScale, dcBaseMultiplier: 1) },
                                      retirementAges: tracks.retirementAges)
            }
        }
        let inputs = ProjectionInputs(
            calendar: Calendar(startYear: simulation.startYear, horizon: simulation.horizon,
                               maximumAge: mortality.maximumAge, generator: simulation.generator),
            economy: economy, mortality: mortality.inputs, decrements: decrements, survivors: survivors,
            tracks: tracks.tracks, population: population, entrants: entrants,
            current: SchemeRules(db: current, retirementAges: tracks.retirementAges), reform: reform,
            valuation: valuation, profiles: profiles)
        crossChecks(inputs, top: top)
        return inputs
    }

    // MARK: mortality

    struct MortalityResult { let inputs: MortalityInputs; let maximumAge: Int }

    mutating func readMortality(_ cursor: YAMLCursor) -> MortalityResult? {
        let keys = ["basis", "base_year", "improvement", "kappa_volatility", "kappa_sensitivity", "factors"]
        guard let s = cursor.mapping(allowed: keys) else { return nil }
        var tables: [Sex: MortalityTable]?
        if let basis = s.required("basis", expected: "a mortality table (CSV path) or a law (makeham:A=…,B=…,c=…)"),
           let text = basis.string(expected: "a mortality table (CSV path) or a law (makeham:A=…,B=…,c=…)") {
            // A table's path follows DataPath's rule; a law ("makeham:…") is not a path.
            let resolved = text.contains(":") ? text
                : (DataPath.resolve(text, writtenAt: basis.node.location) as NSString).standardizingPath
            do {
                let spec = try MortalityBasisSpec(parsing: resolved)
                if case .table = spec { files.append(resolved) }
                let male = try spec.load(sex: .male), female = try spec.load(sex: .female)
                if male.lastAge != female.lastAge || male.firstAge != female.firstAge {
                    basis.fail("the male and female tables must cover the same ages (got \(male.firstAge)-\(male.lastAge) and \(female.firstAge)-\(female.lastAge))")
                } else {
                    tables = [.male: male, .female: female]
                }
            } catch {
                basis.fail(error.description)
            }
        }
        let baseYear = s.required("base_year", expected: "the calendar year of the base table")?
            .integer(expected: "a calendar year between 1900 and 2200") { (1900...2200).contains($0) }
        var improvement: [Double]? = [0]
        if let node = s["improvement"] {
            improvement = node.steps(expected: "an annual improvement rate in (−1, 1)") { $0 > -1 && $0 < 1 }
        } else { log.noteDefault("mortality.improvement", "0") }
        var kappaVolatility: Double? = 0
        if let node = s["kappa_volatility"] {
            kappaVolatility = node.number(expected: "a volatility ≥ 0") { $0 >= 0 }
        } else { log.noteDefault("mortality.kappa_volatility", "0") }
        var beta: [Double]? = [1]
        if let node = s["kappa_sensitivity"] {
            beta = node.steps(expected: "a sensitivity β (a number)") { $0.isFinite }
            if kappaVolatility == 0 {
                warnings.append("\(node.node.location): mortality.kappa_sensitivity has no effect while mortality.kappa_volatility is 0")
            }
        } else { log.noteDefault("mortality.kappa_sensitivity", "1") }
        var factors: [MortalityBasisKind: [Sex: Double]] = [:]
        var factorsOK = true
        if let node = s["factors"] {
            if let f = node.mapping(allowed: MortalityBasisKind.allCases.map(\.key)) {
                for basis in MortalityBasisKind.allCases {
                    guard let entry = f[basis.key] else { continue }
                    if let values = entry.bySex({ $0.number(expected: "a scaling factor ≥ 0") { $0 >= 0 } }) {
                        factors[basis] = values
                    } else { factorsOK = false }
                }
            } else { factorsOK = false }
        }
        guard let tables, let baseYear, let improvement, let kappaVolatility, let beta, factorsOK else { return nil }
        return MortalityResult(
            inputs: MortalityInputs(base: tables, factors: factors, improvement: improvement, baseYear: baseYear,
                                    kappaSensitivity: beta, kappaVolatility: kappaVolatility),
            maximumAge: tables[.male]!.lastAge)
    }

    // MARK: decrements and survivors

    mutating func readDecrements(_ cursor: YAMLCursor) -> DecrementInputs? {
        guard let s = cursor.mapping(allowed: ["disability", "withdrawal", "early_retirement", "process_risk"]) else { return nil }
        var disability: DisabilityIncidence? = DisabilityIncidence.none
        if let node = s["disability"] {
            if case let .scalar(text, _) = node.node, text == "none" {
                disability = DisabilityIncidence.none
            } else if let d = node.mapping(allowed: ["factor_of_mortality", "table"]) {
                switch d.exactlyOne(of: ["factor_of_mortality", "table"], expected: "factor_of_mortality or table") {
                case let ("factor_of_mortality", f)?:
                    disability = f.number(expected: "a factor ≥ 0 of the base mortality") { $0 >= 0 }.map { .factorOfBaseMortality($0) }
                case let (_, t)?:
                    disability = readByAgeAndSex(t, expected: "a disability rate in [0, 1]").map { .table($0) }
                case nil:
                    disability = nil
                }
            } else { disability = nil }
        } else { log.noteDefault("decrements.disability", "none") }
        var withdrawal: [Double]? = [0]
        if let node = s["withdrawal"] {
            withdrawal = node.steps(expected: "a withdrawal rate in [0, 1]") { (0...1).contains($0) }
        } else { log.noteDefault("decrements.withdrawal", "0") }
        var early: (Int, Int, [Double])? = (200, 200, [0])
        if let node = s["early_retirement"] {
            if case let .scalar(text, _) = node.node, text == "none" {
                early = (200, 200, [0])
            } else if let e = node.mapping(allowed: ["age", "service", "rates"]) {
                let age = e.required("age", expected: "the minimum age (x+1) for early retirement")?.integer(expected: "an age from 0 to 120") { (0...120).contains($0) }
                let service = e.required("service", expected: "the minimum service (n+1) for early retirement")?.integer(expected: "years of service from 0 to 80") { (0...80).contains($0) }
                let rates = e.required("rates", expected: "early-retirement rates by age")?.steps(expected: "a rate in [0, 1]") { (0...1).contains($0) }
                if let age, let service, let rates { early = (age, service, rates) } else { early = nil }
            } else { early = nil }
        } else { log.noteDefault("decrements.early_retirement", "none") }
        var risk: Bool? = false
        if let node = s["process_risk"] { risk = node.boolean() } else { log.noteDefault("decrements.process_risk", "false") }
        guard let disability, let withdrawal, let early, let risk else { return nil }
        return DecrementInputs(disability: disability, withdrawal: withdrawal, earlyRetirement: early.2,
                               earlyAge: early.0, earlyService: early.1, processRisk: risk)
    }

    /// A CSV file `age,male,female` read into dense rates by sex.
    mutating func readByAgeAndSex(_ cursor: YAMLCursor, expected: String) -> [Sex: [Double]]? {
        guard let table = CSVTable.read(cursor, required: ["age", "male", "female"]) else { return nil }
        files.append(table.file)
        var male: [Double] = [], female: [Double] = []
        var ok = true
        for row in table.rows {
            guard let age = table.integer(row, "age", expected: "consecutive ages from 0", where: { $0 == male.count }),
                  let m = table.number(row, "male", expected: expected, where: { (0...1).contains($0) }),
                  let f = table.number(row, "female", expected: expected, where: { (0...1).contains($0) }) else { ok = false; break }
            _ = age
            male.append(m)
            female.append(f)
        }
        if table.rows.isEmpty {
            table.fail(line: 1, column: nil, "no rows (expected one row per age from 0 with \(expected) for each sex)")
            return nil
        }
        return ok ? [.male: male, .female: female] : nil
    }

    func readSurvivors(_ cursor: YAMLCursor) -> SurvivorInputs? {
        guard let s = cursor.mapping(allowed: ["probability", "age_gap"]) else { return nil }
        let probability = s.required("probability", expected: "the probability of leaving a spouse, by sex")?
            .bySex { $0.steps(expected: "a probability in [0, 1]") { (0...1).contains($0) } }
        let gap = s.required("age_gap", expected: "the spouse's age minus the member's, by sex")?
            .bySex { $0.integer(expected: "an age difference from −30 to 30 years") { (-30...30).contains($0) } }
        guard let probability, let gap else { return nil }
        return SurvivorInputs(probability: probability, ageGap: gap)
    }

    // MARK: tracks

    struct TracksResult { let tracks: [Track]; let retirementAges: [ByYear<Int>] }

    mutating func readTracks(_ cursor: YAMLCursor) -> TracksResult? {
        guard let items = cursor.sequence() else { return nil }
        guard !items.isEmpty else {
            cursor.fail("expected at least one career track")
            return nil
        }
        var tracks: [Track] = [], ages: [ByYear<Int>] = []
        var ok = true
        var scaleFiles: [String: CSVTable] = [:]
        var failedScaleFiles = Set<String>()
        for item in items {
            guard let t = item.mapping(allowed: ["name", "retirement_age", "salary_scale", "dc_base_multiplier"]) else { ok = false; continue }
            let name = t.required("name", expected: "the track's name")?.string(expected: "a name")
            if let name, tracks.contains(where: { $0.name == name }) {
                t["name"]!.fail("duplicate track name '\(name)' (each track needs its own name)")
                ok = false
            }
            let bup = t.required("retirement_age", expected: "the normal retirement age (BUP), or a mapping by year")?
                .byYear { $0.integer(expected: "a retirement age from 40 to 80") { (40...80).contains($0) } }
            var scale: [Double]?
            if let node = t.required("salary_scale", expected: "{file: CSV, column: NAME} with the monthly salary by service"),
               let sc = node.mapping(allowed: ["file", "column"]) {
                let column = sc.required("column", expected: "the column of this track")?.string(expected: "a column name")
                if let fileNode = sc.required("file", expected: "the CSV of salary scales (service plus one column per track)"),
                   let column {
                    let key = fileNode.node.location.file + "|" + (fileNode.string() ?? "")
                    let table = scaleFiles[key] ?? CSVTable.read(fileNode, required: ["service", column])
                    if let table, !failedScaleFiles.contains(key) {
                        scaleFiles[key] = table
                        if !files.contains(table.file) { files.append(table.file) }
                        scale = readScale(table, column: column, cursor: fileNode)
                        if scale == nil { failedScaleFiles.insert(key) }
                    } else if scaleFiles[key] == nil {
                        failedScaleFiles.insert(key)
                    }
                }
            }
            var multiplier: Double? = 1
            if let node = t["dc_base_multiplier"] {
                multiplier = node.number(expected: "a multiple ≥ 1 of the pensionable salary") { $0 >= 1 }
            }
            if let name, let bup, let scale, let multiplier {
                tracks.append(Track(name: name, salaryScale: scale, dcBaseMultiplier: multiplier))
                ages.append(bup)
            } else { ok = false }
        }
        return ok ? TracksResult(tracks: tracks, retirementAges: ages) : nil
    }

    func readScale(_ table: CSVTable, column: String, cursor: YAMLCursor) -> [Double]? {
        guard table.header.contains(column) else {
            table.fail(line: 1, column: nil, "missing column '\(column)' (expected a column per track, got \(table.header.joined(separator: ",")))")
            return nil
        }
        var values: [Double] = []
        for row in table.rows {
            guard table.integer(row, "service", expected: "consecutive years of service from 0", where: { $0 == values.count }) != nil,
                  let v = table.number(row, column, expected: "a monthly salary > 0", where: { $0 > 0 }) else { return nil }
            values.append(v)
        }
        if values.isEmpty { table.fail(line: 1, column: nil, "no rows (expected one row per year of service from 0)") }
        return values.isEmpty ? nil : values
    }

    // MARK: population and entrants

    mutating func readPopulation(_ cursor: YAMLCursor, tracks: [Track]?) -> InitialPopulation? {
        guard let s = cursor.mapping(allowed: ["actives", "pensioners", "disabled", "survivors"]) else { return nil }
        var actives: [ActiveCell]?
        let sexes: [(String, Sex)] = [("male", .male), ("female", .female)]
        if let node = s.required("actives", expected: "a CSV file with sex,track,age,service,count"),
           let table = CSVTable.read(node, required: ["sex", "track", "age", "service", "count"]) {
            files.append(table.file)
            var cells: [ActiveCell] = []
            var ok = true
            let names = (tracks ?? []).enumerated().map { ($0.element.name, $0.offset) }
            for row in table.rows {
                let sex = table.choice(row, "sex", sexes)
                let track = tracks == nil ? 0 : table.choice(row, "track", names)
                let age = table.integer(row, "age", expected: "an age from 14 to 100") { (14...100).contains($0) }
                let service = table.integer(row, "service", expected: "years of service ≥ 0 and below the age") { $0 >= 0 && $0 <= (age ?? 100) }
                let count = table.number(row, "count", expected: "a count ≥ 0") { $0 >= 0 }
                if let sex, let track, let age, let service, let count {
                    cells.append(ActiveCell(sex: sex, track: track, age: age, service: service, count: count))
                } else { ok = false }
            }
            if ok { actives = cells }
        }
        func beneficiaries(_ key: String, required: Bool) -> [BeneficiaryCell]? {
            guard let node = required ? s.required(key, expected: "a CSV file with sex,age,count,pension") : s[key] else {
                if !required { log.noteDefault("population.\(key)", "none") }
                return required ? nil : []
            }
            guard let table = CSVTable.read(node, required: ["sex", "age", "count", "pension"]) else { return nil }
            files.append(table.file)
            let hasSurvivor = table.header.contains("survivor_pension")
            var cells: [BeneficiaryCell] = []
            var ok = true
            for row in table.rows {
                let sex = table.choice(row, "sex", sexes)
                let age = table.integer(row, "age", expected: "an age from 0 to 130") { (0...130).contains($0) }
                let count = table.number(row, "count", expected: "a count ≥ 0") { $0 >= 0 }
                let pension = table.number(row, "pension", expected: "an average monthly pension ≥ 0") { $0 >= 0 }
                var survivor: Double?? = .some(nil)
                if hasSurvivor, !row.fields[table.index("survivor_pension")].isEmpty {
                    survivor = table.number(row, "survivor_pension", expected: "an average monthly survivor pension ≥ 0") { $0 >= 0 }.map { .some($0) }
                }
                if let sex, let age, let count, let pension, let survivor {
                    cells.append(BeneficiaryCell(sex: sex, age: age, count: count, monthlyPension: pension * count,
                                                 monthlySurvivorPension: survivor.map { $0 * count }))
                } else { ok = false }
            }
            return ok ? cells : nil
        }
        let pensioners = beneficiaries("pensioners", required: true)
        let disabled = beneficiaries("disabled", required: false)
        let survivors = beneficiaries("survivors", required: false)
        guard let actives, let pensioners, let disabled, let survivors else { return nil }
        return InitialPopulation(actives: actives, pensioners: pensioners, disabled: disabled, survivors: survivors)
    }

    mutating func readEntrants(_ cursor: YAMLCursor, tracks: [Track]?) -> EntrantInputs? {
        guard let s = cursor.mapping(allowed: ["target", "profile"]) else { return nil }
        var target: HeadcountTarget?
        if let node = s.required("target", expected: "constant, {growth: RATE} or {series: {YEAR: COUNT}}") {
            if case let .scalar(text, _) = node.node, text == "constant" {
                target = .constant
            } else if let t = node.mapping(allowed: ["growth", "series"]) {
                switch t.exactlyOne(of: ["growth", "series"], expected: "constant, {growth: RATE} or {series: {YEAR: COUNT}}") {
                case let ("growth", g)?:
                    target = g.number(expected: "an annual growth rate > −100%") { $0 > -1 }.map { .growth($0) }
                case let (_, series)?:
                    target = series.byYear { $0.number(expected: "a headcount ≥ 0") { $0 >= 0 } }.map { .series($0) }
                case nil:
                    break
                }
            }
        }
        var profile: [EntrantShare]?
        if let node = s.required("profile", expected: "a CSV file with sex,track,age,share"),
           let table = CSVTable.read(node, required: ["sex", "track", "age", "share"]) {
            files.append(table.file)
            var shares: [EntrantShare] = []
            var ok = true
            let names = (tracks ?? []).enumerated().map { ($0.element.name, $0.offset) }
            for row in table.rows {
                let sex = table.choice(row, "sex", [("male", Sex.male), ("female", Sex.female)])
                let track = tracks == nil ? 0 : table.choice(row, "track", names)
                let age = table.integer(row, "age", expected: "an entry age from 14 to 70") { (14...70).contains($0) }
                let share = table.number(row, "share", expected: "a share ≥ 0") { $0 >= 0 }
                if let sex, let track, let age, let share { shares.append(EntrantShare(sex: sex, track: track, age: age, share: share)) } else { ok = false }
            }
            let total = shares.reduce(0) { $0 + $1.share }
            if ok && abs(total - 1) > 1e-6 {
                table.fail(line: 1, column: nil, "column 'share': the shares must sum to 1 (expected 1, got \(String(format: "%.6g", total)))")
                ok = false
            }
            if ok { profile = shares }
        }
        guard let target, let profile else { return nil }
        return EntrantInputs(target: target, profile: profile)
    }

    // MARK: schemes

    static let dbKeys = ["accrual_rate", "cap", "floor", "minimum_service", "months_paid", "survivor", "indexation",
                         "employee_contribution", "allowances"]
    static let survivorKeys = ["pensioner", "pensioner_floor", "active", "active_floor", "duty", "duty_floor", "duty_share"]

    func readDB(_ cursor: YAMLCursor) -> DBRules? {
        guard let s = cursor.mapping(allowed: Self.dbKeys) else { return nil }
        let accrual = s.required("accrual_rate", expected: "the accrual rate a per year of service")?.number(expected: "a rate in [0, 1]") { (0...1).contains($0) }
        let cap = s.required("cap", expected: "the maximum of a·(n+1)")?.number(expected: "a fraction in [0, 2]") { (0...2).contains($0) }
        let floor = s.required("floor", expected: "the minimum monthly pension at the start year")?.number(expected: "an amount ≥ 0") { $0 >= 0 }
        let minService = s.required("minimum_service", expected: "the service (n+1) needed for a pension at BUP")?.integer(expected: "years from 0 to 60") { (0...60).contains($0) }
        let months = s.required("months_paid", expected: "payments a year (Indonesia: 14)")?.number(expected: "a number of payments from 1 to 20") { (1...20).contains($0) }
        var survivor: [String: Double]?
        if let node = s.required("survivor", expected: "survivor pension rates"), let sv = node.mapping(allowed: Self.survivorKeys) {
            var values: [String: Double] = [:]
            for key in Self.survivorKeys {
                if let v = sv.required(key, expected: "a fraction")?.number(expected: "a fraction in [0, 2]", where: { (0...2).contains($0) }) { values[key] = v }
            }
            if values.count == Self.survivorKeys.count { survivor = values }
        }
        let indexation = s.required("indexation", expected: "prices, wages, none or {fixed: RATE}, or a mapping by year")?.byYear(readIndexation)
        var rate: ByYear<Double>?, destination: ContributionDestination?
        if let node = s.required("employee_contribution", expected: "{rate: RATE, destination: budget|reserve}"),
           let c = node.mapping(allowed: ["rate", "destination"]) {
            rate = c.required("rate", expected: "the employee contribution rate on pensionable salary")?.byYear { $0.number(expected: "a rate in [0, 1]") { (0...1).contains($0) } }
            destination = c.required("destination", expected: "budget or reserve")?.choice([("budget", ContributionDestination.budget), ("reserve", .reserve)])
        }
        var allowances: (Double, Double)? = (0, 0)
        if let node = s["allowances"] {
            allowances = nil
            if let a = node.mapping(allowed: ["pension", "survivor"]) {
                let check: (YAMLCursor) -> Double? = { $0.number(expected: "an allowance as a fraction of the pension, in [0, 2]") { (0...2).contains($0) } }
                let pension = a["pension"].map(check) ?? 0
                let survivor = a["survivor"].map(check) ?? 0
                if let pension, let survivor { allowances = (pension, survivor) }
            }
        }
        guard let accrual, let cap, let floor, let minService, let months, let survivor, let indexation, let rate,
              let destination, let allowances else { return nil }
        var rules = DBRules(accrualRate: accrual, cap: cap, floor: floor, minimumService: minService, monthsPaid: months,
                       survivorOfPensioner: survivor["pensioner"]!, survivorOfPensionerFloor: survivor["pensioner_floor"]!,
                       survivorOfActive: survivor["active"]!, survivorOfActiveFloor: survivor["active_floor"]!,
                       survivorOfDuty: survivor["duty"]!, survivorOfDutyFloor: survivor["duty_floor"]!,
                       dutyShare: survivor["duty_share"]!, indexation: indexation, employeeRate: rate, destination: destination)
        rules.pensionAllowance = allowances.0
        rules.survivorAllowance = allowances.1
        return rules
    }

    func readIndexation(_ cursor: YAMLCursor) -> IndexationRule? {
        if case let .mapping(entries, _) = cursor.node, entries.contains(where: { $0.key == "fixed" }) {
            guard let m = cursor.mapping(allowed: ["fixed"]) else { return nil }
            return m["fixed"]!.number(expected: "an annual rate > −100%") { $0 > -1 }.map { .fixed($0) }
        }
        return cursor.choice([("prices", IndexationRule.prices), ("wages", .wages), ("none", .none)])
    }

    static let reformKeys = ["db", "retirement_age", "dc"]
    static let dcKeys = ["year", "transition", "accrued_rights", "contribution_base", "employee_rate", "employer_rate",
                         "fee", "portfolio", "payout", "withdrawal", "guarantee"]

    mutating func readReform(_ cursor: YAMLCursor, base: SchemeRules, currentNode: YAMLCursor, tracks: [Track],
                             simulation: SimulationSettings?) -> SchemeRules? {
        guard let s = cursor.mapping(allowed: Self.reformKeys) else { return nil }
        var db: DBRules? = base.db
        if let node = s["db"] {
            db = readDB(YAMLCursor(node: currentNode.node.merged(with: node.node), keyPath: "reform.db", log: log))
        }
        var ages: [ByYear<Int>]? = base.retirementAges
        if let node = s["retirement_age"], let m = node.mapping(allowed: tracks.map(\.name)) {
            for (i, track) in tracks.enumerated() {
                guard let entry = m[track.name] else { continue }
                if let bup = entry.byYear({ $0.integer(expected: "a retirement age from 40 to 80") { (40...80).contains($0) } }) {
                    ages?[i] = bup
                } else { ages = nil }
            }
        } else if s["retirement_age"] != nil { ages = nil }
        var dc: DCRules?
        var dcOK = true
        if let node = s["dc"] {
            dc = readDC(node, tracks: tracks, simulation: simulation)
            dcOK = dc != nil
        }
        guard let db, let ages, dcOK else { return nil }
        return SchemeRules(db: db, retirementAges: ages, dc: dc)
    }

    mutating func readDC(_ cursor: YAMLCursor, tracks: [Track], simulation: SimulationSettings?) -> DCRules? {
        guard let s = cursor.mapping(allowed: Self.dcKeys) else { return nil }
        let year = s.required("year", expected: "the reform year y_r")?.integer(expected: "a year within the projection") {
            guard let sim = simulation else { return true }
            return $0 >= sim.startYear && $0 < sim.startYear + sim.horizon
        }
        var transition: TransitionPolicy?
        if let node = s.required("transition", expected: "new_entrants, all, supplementary or {switch_under_age: AGE}") {
            if case .mapping = node.node {
                if let m = node.mapping(allowed: ["switch_under_age"]) {
                    transition = m.required("switch_under_age", expected: "an age")?.integer(expected: "an age from 15 to 80") { (15...80).contains($0) }.map { .switchUnderAge($0) }
                }
            } else {
                transition = node.choice([("new_entrants", TransitionPolicy.newEntrants), ("all", .all), ("supplementary", .supplementary)])
            }
        }
        var rights: AccruedRights? = .frozenDB(finalSalary: false)
        if let node = s["accrued_rights"] {
            if case .mapping = node.node {
                if let m = node.mapping(allowed: ["frozen_db", "recognition_bond"]) {
                    switch m.exactlyOne(of: ["frozen_db", "recognition_bond"], expected: "frozen_db, {frozen_db: {salary: final}} or {recognition_bond: {rate: RATE}}") {
                    case let ("frozen_db", f)?:
                        rights = f.mapping(allowed: ["salary"])?.required("salary", expected: "revalued or final")?
                            .choice([("revalued", false), ("final", true)]).map { .frozenDB(finalSalary: $0) }
                    case let (_, b)?:
                        rights = b.mapping(allowed: ["rate"])?.required("rate", expected: "the bond's annual rate ρ")?
                            .number(expected: "a rate > −100%") { $0 > -1 }.map { .recognitionBond(rate: $0) }
                    case nil:
                        rights = nil
                    }
                } else { rights = nil }
            } else {
                rights = node.choice([("frozen_db", AccruedRights.frozenDB(finalSalary: false))])
            }
            if transition == .newEntrants || transition == .supplementary {
                warnings.append("\(node.node.location): reform.dc.accrued_rights has no effect: under transition \(transition == .newEntrants ? "new_entrants" : "supplementary") nobody switches")
            }
        } else { log.noteDefault("reform.dc.accrued_rights", "frozen_db (revalued)") }
        var takeHome: Bool? = true
        if let node = s["contribution_base"] {
            takeHome = node.choice([("basic_salary", false), ("take_home_pay", true)])
        } else { log.noteDefault("reform.dc.contribution_base", "take_home_pay (the tracks' dc_base_multiplier)") }
        let rateCheck: (YAMLCursor) -> Double? = { $0.number(expected: "a rate in [0, 1]") { (0...1).contains($0) } }
        let ee = s.required("employee_rate", expected: "the employee DC rate")?.byYear(rateCheck)
        let er = s.required("employer_rate", expected: "the state's DC rate as employer")?.byYear(rateCheck)
        var fee: Double? = 0
        if let node = s["fee"] { fee = node.number(expected: "an annual fee in [0, 0.1]") { (0...0.1).contains($0) } } else { log.noteDefault("reform.dc.fee", "0") }
        let glide = s.required("portfolio", expected: "weights {equity, bonds, cash}, or a mapping from age to weights").flatMap(readPortfolio)
        var payout: (PayoutForm, Double, Double, Double)? = (.annuity, 0, 0, 12)
        if let node = s["payout"], let p = node.mapping(allowed: ["form", "margin", "escalation", "months_paid"]) {
            var form: PayoutForm? = .annuity
            if let f = p["form"] { form = f.choice([("annuity", PayoutForm.annuity), ("lump_sum", .lumpSum)]) }
            var margin: Double? = 0, escalation: Double? = 0, months: Double? = 12
            if let m = p["margin"] { margin = m.number(expected: "a margin in [−0.1, 0.2]") { (-0.1...0.2).contains($0) } }
            if let e = p["escalation"] { escalation = e.number(expected: "an escalation rate in (−1, 0.2]") { $0 > -1 && $0 <= 0.2 } }
            if let mp = p["months_paid"] { months = mp.number(expected: "payments a year from 1 to 20") { (1...20).contains($0) } }
            if form == .lumpSum, let m = p["margin"] { warnings.append("\(m.node.location): reform.dc.payout.margin has no effect with lump sums") }
            if let form, let margin, let escalation, let months { payout = (form, margin, escalation, months) } else { payout = nil }
        } else if s["payout"] != nil { payout = nil }
        var withdrawal: WithdrawalOption? = .deferred
        if let node = s["withdrawal"] { withdrawal = node.choice([("deferred", WithdrawalOption.deferred), ("cash", .cash)]) }
        var guarantee: Guarantee?? = .some(nil)
        if let node = s["guarantee"] {
            if case let .scalar(text, _) = node.node, text == "none" {
                guarantee = .some(nil)
            } else if let g = node.mapping(allowed: ["level", "minimum_service"]) {
                let level = g.required("level", expected: "the guaranteed pension as a multiple of the floor")?.number(expected: "a multiple ≥ 0") { $0 >= 0 }
                let service = g.required("minimum_service", expected: "the service (n+1) needed")?.integer(expected: "years from 0 to 60") { (0...60).contains($0) }
                guarantee = level.flatMap { l in service.map { .some(Guarantee(level: l, minimumService: $0)) } }
                if payout?.0 == .lumpSum { warnings.append("\(node.node.location): reform.dc.guarantee has no effect with lump sums") }
            } else { guarantee = nil }
        }
        guard let year, let transition, let rights, let takeHome, let ee, let er, let fee, let glide, let payout,
              let withdrawal, let guarantee else { return nil }
        if !takeHome { multiplierOverride = true }
        return DCRules(year: year, transition: transition, accruedRights: rights, employeeRate: ee, employerRate: er,
                       fee: fee, glidePath: glide, payout: payout.0, annuityMargin: payout.1, annuityEscalation: payout.2,
                       monthsPaidDC: payout.3, withdrawal: withdrawal, guarantee: guarantee)
    }

    /// Set when the DC contributes on basic salary: the tracks' multipliers are then ignored.
    var multiplierOverride = false

    func readPortfolio(_ cursor: YAMLCursor) -> [PortfolioWeights]? {
        func weights(_ c: YAMLCursor) -> PortfolioWeights? {
            guard let m = c.mapping(allowed: ["equity", "bonds", "cash"]) else { return nil }
            let check: (YAMLCursor) -> Double? = { $0.number(expected: "a weight in [0, 1]") { (0...1).contains($0) } }
            let e = m.required("equity", expected: "the equity weight").flatMap(check)
            let b = m.required("bonds", expected: "the bond weight").flatMap(check)
            let k = m.required("cash", expected: "the cash weight").flatMap(check)
            guard let e, let b, let k else { return nil }
            if abs(e + b + k - 1) > 1e-9 {
                c.fail("the weights must sum to 1 (expected 1, got \(String(format: "%.6g", e + b + k)))")
                return nil
            }
            return PortfolioWeights(equity: e, bonds: b, cash: k)
        }
        guard case let .mapping(entries, _) = cursor.node else { return weights(cursor).map { [$0] } }
        if entries.isEmpty {
            cursor.fail("expected weights {equity, bonds, cash} or a mapping from age to weights, got an empty mapping")
            return nil
        }
        if entries.allSatisfy({ Int($0.key) != nil }) {
            var points: [(Int, PortfolioWeights)] = []
            var ok = true
            for entry in entries {
                let path = "\(cursor.keyPath).\(entry.key)"
                guard let age = Int(entry.key), (0...130).contains(age) else {
                    YAMLCursor(node: .scalar(entry.key, entry.keyLocation), keyPath: path, log: cursor.log)
                        .fail("expected an age from 0 to 130, got '\(entry.key)'")
                    ok = false
                    continue
                }
                if let w = weights(cursor.child(entry.value, path: path)) { points.append((age, w)) } else { ok = false }
            }
            guard ok else { return nil }
            points.sort { $0.0 < $1.0 }
            var dense = [PortfolioWeights](repeating: points[0].1, count: points.last!.0 + 1)
            for (i, p) in points.enumerated() {
                let end = i + 1 < points.count ? points[i + 1].0 : dense.count
                for k in p.0..<end { dense[k] = p.1 }
            }
            return dense
        }
        return weights(cursor).map { [$0] }
    }

    // MARK: reporting

    mutating func readReporting(_ cursor: YAMLCursor, tracks: [Track]) -> (ValuationInputs, [ProfileSpec])? {
        guard let s = cursor.mapping(allowed: ["burden_threshold", "discount_rate", "implicit_debt", "profiles", "calibration",
                                               "currency", "money_unit"]) else { return nil }
        var valuation = ValuationInputs()
        var ok = true
        if let node = s["currency"] {
            if let c = node.string(expected: "a currency label such as Rp or USD") { presentation.currency = c } else { ok = false }
        }
        if let node = s["money_unit"] {
            if let u = node.choice(MoneyUnit.allCases.map { ($0.rawValue, $0) }) { presentation.unit = u } else { ok = false }
        }
        if let node = s["burden_threshold"] {
            if let v = node.number(expected: "a share of GDP in (0, 1)", where: { $0 > 0 && $0 < 1 }) { valuation.burdenThreshold = v } else { ok = false }
        } else { log.noteDefault("reporting.burden_threshold", "0.01") }
        func rate(_ node: YAMLCursor) -> Double?? {
            if case let .scalar(text, _) = node.node, text == "path_yields" { return .some(nil) }
            return node.number(expected: "path_yields or a rate > −100%") { $0 > -1 }.map { .some($0) }
        }
        if let node = s["discount_rate"] {
            if let r = rate(node) { valuation.discountRate = r } else { ok = false }
        } else { log.noteDefault("reporting.discount_rate", "path_yields") }
        if let node = s["implicit_debt"], let d = node.mapping(allowed: ["discount_rate", "salary", "indexation"]) {
            if let ix = d["indexation"] {
                if case let .scalar(text, _) = ix.node, text == "scheme" {
                    valuation.debtIndexation = nil
                } else if let rule = readIndexation(ix) { valuation.debtIndexation = rule } else { ok = false }
            }
            if let r = d["discount_rate"] { if let v = rate(r) { valuation.debtDiscountRate = v } else { ok = false } }
            if let sal = d["salary"] {
                if let v = sal.choice([("projected", true), ("current", false)]) { valuation.debtProjectedSalary = v } else { ok = false }
            }
        } else if s["implicit_debt"] != nil { ok = false }
        var profiles: [ProfileSpec] = []
        if let node = s["profiles"], let items = node.sequence() {
            for item in items {
                guard let p = item.mapping(allowed: ["sex", "track", "entry_age", "entry_year"]) else { ok = false; continue }
                let sex = p.required("sex", expected: "male or female")?.choice([("male", Sex.male), ("female", Sex.female)])
                let trackNode = p.required("track", expected: "a track name")
                let track = tracks.isEmpty ? 0 : trackNode?.choice(tracks.enumerated().map { ($0.element.name, $0.offset) })
                let age = p.required("entry_age", expected: "an entry age")?.integer(expected: "an age from 14 to 70") { (14...70).contains($0) }
                let year = p.required("entry_year", expected: "the year of entry")?.integer(expected: "a calendar year from 1950 to 2200") { (1950...2200).contains($0) }
                if let sex, let track, let age, let year { profiles.append(ProfileSpec(sex: sex, track: track, entryAge: age, entryYear: year)) } else { ok = false }
            }
        } else if s["profiles"] != nil { ok = false }
        if let node = s["calibration"], let items = node.sequence() {
            for item in items {
                guard let c = item.mapping(allowed: ["name", "measure", "year", "target", "upper", "tolerance", "source"]) else { ok = false; continue }
                let name = c.required("name", expected: "a label")?.string()
                let measure = c.required("measure", expected: "what is compared")?.choice(CalibrationTarget.Measure.allCases.map { ($0.rawValue, $0) })
                let year = c.required("year", expected: "the calendar year")?.integer(expected: "a calendar year from 1900 to 2200") { (1900...2200).contains($0) }
                let target = c.required("target", expected: "the actual value")?.number(expected: "a number")
                let upper = c["upper"]?.number(expected: "the upper end of the target range")
                let tolerance = c.required("tolerance", expected: "the tolerance as a fraction (0.1 = ±10%)")?.number(expected: "a fraction in [0, 1]") { (0...1).contains($0) }
                let source = c.required("source", expected: "where the actual value comes from")?.string()
                if let name, let measure, let year, let target, let tolerance, let source, c["upper"] == nil || upper != nil {
                    calibration.append(CalibrationTarget(name: name, measure: measure, year: year, target: target,
                                                         tolerance: tolerance, upper: upper, source: source))
                } else { ok = false }
            }
        } else if s["calibration"] != nil { ok = false }
        return ok ? (valuation, profiles) : nil
    }

    // MARK: cross-field checks

    func crossChecks(_ inputs: ProjectionInputs, top: Section) {
        let omega = inputs.calendar.maximumAge
        for cell in inputs.population.actives where cell.age >= omega {
            top["population"]?.fail("actives aged \(cell.age) are at or beyond the mortality table's last age \(omega)")
            break
        }
        // Retirement ages above entry ages.
        for share in inputs.entrants.profile {
            let bup = inputs.current.retirementAges[share.track](inputs.calendar.startYear)
            if share.age >= bup {
                top["entrants"]?.fail("entry age \(share.age) on track \(inputs.tracks[share.track].name) is not below its retirement age \(bup) (expected entry age < retirement age)")
                break
            }
        }
    }
}
