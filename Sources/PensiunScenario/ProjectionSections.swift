import Foundation
import PensiunActuarial
import PensiunEconomy
import PensiunInputs

/// Reads the projection sections (mortality … reporting) into ``ProjectionInputs``.
struct ProjectionSections {
    let log: DiagnosticLog
    var files: [String] = []
    var warnings: [String] = []
    var calibration: [CalibrationTarget] = []
    var presentation = Presentation()

    init(log: DiagnosticLog) { self.log = log }

    mutating func read(_ top: Section, simulation: SimulationSettings?, economy: EconomyParameters?) -> ProjectionInputs? {
        let mortality = top.required(.mortality).flatMap { readMortality($0) }
        let decrements = top.required(.decrements).flatMap { readDecrements($0) }
        let survivors = top.required(.survivors).flatMap { readSurvivors($0) }
        let tracks = top.required(.tracks).flatMap { readTracks($0) }
        let population = top.required(.population).flatMap { readPopulation($0, tracks: tracks?.tracks) }
        let entrants = top.required(.entrants).flatMap { readEntrants($0, tracks: tracks?.tracks) }
        let currentNode = top["current_scheme"]
        let current = top.required(.currentScheme).flatMap { readDB($0) }
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
            calendar: ProjectionCalendar(startYear: simulation.startYear, horizon: simulation.horizon,
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
        if let basis = s.required(.basis), let text = basis.string(expected: ScenarioKey.basis.expected) {
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
        let baseYear = s.required(.baseYear)?.integer(.baseYear)
        var improvement: [Double]? = [0]
        if let node = s["improvement"] {
            improvement = node.steps(.improvement)
        } else { log.noteDefault(.improvement) }
        var kappaVolatility: Double? = 0
        if let node = s["kappa_volatility"] {
            kappaVolatility = node.number(.kappaVolatility)
        } else { log.noteDefault(.kappaVolatility) }
        var beta: [Double]? = [1]
        if let node = s["kappa_sensitivity"] {
            beta = node.steps(.kappaSensitivity)
            if kappaVolatility == 0 {
                warnings.append("\(node.node.location): mortality.kappa_sensitivity has no effect while mortality.kappa_volatility is 0")
            }
        } else { log.noteDefault(.kappaSensitivity) }
        var factors: [MortalityBasisKind: [Sex: Double]] = [:]
        var factorsOK = true
        if let node = s["factors"] {
            if let f = node.mapping(allowed: MortalityBasisKind.allCases.map(\.key)) {
                for basis in MortalityBasisKind.allCases {
                    guard let entry = f[basis.key] else { continue }
                    if let values = entry.bySex({ $0.number(.mortalityFactor) }) {
                        factors[basis] = values
                    } else { factorsOK = false }
                }
            } else { factorsOK = false }
        }
        guard let tables, let male = tables[.male], let baseYear, let improvement, let kappaVolatility, let beta,
              factorsOK else { return nil }
        return MortalityResult(
            inputs: MortalityInputs(base: tables, factors: factors, improvement: improvement, baseYear: baseYear,
                                    kappaSensitivity: beta, kappaVolatility: kappaVolatility),
            maximumAge: male.lastAge)
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
                    disability = f.number(.disabilityFactor).map { .factorOfBaseMortality($0) }
                case let (_, t)?:
                    disability = readByAgeAndSex(t, .disabilityRate).map { .table($0) }
                case nil:
                    disability = nil
                }
            } else { disability = nil }
        } else { log.noteDefault(.disability) }
        var withdrawal: [Double]? = [0]
        if let node = s["withdrawal"] {
            withdrawal = node.steps(.withdrawal)
        } else { log.noteDefault(.withdrawal) }
        var early: (Int, Int, [Double])? = (200, 200, [0])
        if let node = s["early_retirement"] {
            if case let .scalar(text, _) = node.node, text == "none" {
                early = (200, 200, [0])
            } else if let e = node.mapping(allowed: ["age", "service", "rates"]) {
                let age = e.required(.earlyAge)?.integer(.earlyAge)
                let service = e.required(.earlyService)?.integer(.earlyService)
                let rates = e.required(.earlyRates)?.steps(.earlyRates)
                if let age, let service, let rates { early = (age, service, rates) } else { early = nil }
            } else { early = nil }
        } else { log.noteDefault(.earlyRetirement) }
        var risk: Bool? = false
        if let node = s["process_risk"] { risk = node.boolean() } else { log.noteDefault(.processRisk) }
        guard let disability, let withdrawal, let early, let risk else { return nil }
        return DecrementInputs(disability: disability, withdrawal: withdrawal, earlyRetirement: early.2,
                               earlyAge: early.0, earlyService: early.1, processRisk: risk)
    }

    /// A CSV file `age,male,female` read into dense rates by sex.
    mutating func readByAgeAndSex(_ cursor: YAMLCursor, _ key: ScenarioKey) -> [Sex: [Double]]? {
        guard let table = CSVTable.read(cursor, required: ["age", "male", "female"]) else { return nil }
        files.append(table.file)
        var male: [Double] = [], female: [Double] = []
        var ok = true
        for row in table.rows {
            guard let age = table.integer(row, "age", expected: "consecutive ages from 0", where: { $0 == male.count }),
                  let m = table.number(row, "male", key), let f = table.number(row, "female", key) else { ok = false; break }
            _ = age
            male.append(m)
            female.append(f)
        }
        if table.rows.isEmpty {
            table.fail(line: 1, column: 1, "no rows (expected one row per age from 0 with \(key.expected) for each sex)")
            return nil
        }
        return ok ? [.male: male, .female: female] : nil
    }

    func readSurvivors(_ cursor: YAMLCursor) -> SurvivorInputs? {
        guard let s = cursor.mapping(allowed: ["probability", "age_gap"]) else { return nil }
        let probability = s.required(.survivorProbability)?.bySex { $0.steps(.survivorProbability) }
        let gap = s.required(.ageGap)?.bySex { $0.integer(.ageGap) }
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
            let name = t.required(.trackName)?.string(expected: ScenarioKey.trackName.expected)
            if let name, tracks.contains(where: { $0.name == name }) {
                (t["name"] ?? item).fail("duplicate track name '\(name)' (each track needs its own name)")
                ok = false
            }
            let bup = t.required(.trackRetirementAge)?.byYear { $0.integer(.trackRetirementAge) }
            var scale: [Double]?
            if let node = t.required(.salaryScale),
               let sc = node.mapping(allowed: ["file", "column"]) {
                let column = sc.required(.salaryScaleColumn)?.string(expected: ScenarioKey.salaryScaleColumn.expected)
                if let fileNode = sc.required(.salaryScaleFile),
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
                multiplier = node.number(.dcBaseMultiplier)
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
            table.fail(line: 1, column: 1, "missing column '\(column)' (expected a column per track, got \(table.header.joined(separator: ",")))")
            return nil
        }
        var values: [Double] = []
        for row in table.rows {
            guard table.integer(row, "service", expected: "consecutive years of service from 0", where: { $0 == values.count }) != nil,
                  let v = table.number(row, column, .salary) else { return nil }
            values.append(v)
        }
        if values.isEmpty { table.fail(line: 1, column: 1, "no rows (expected one row per year of service from 0)") }
        return values.isEmpty ? nil : values
    }

    // MARK: population and entrants

    mutating func readPopulation(_ cursor: YAMLCursor, tracks: [Track]?) -> InitialPopulation? {
        guard let s = cursor.mapping(allowed: ["actives", "pensioners", "disabled", "survivors"]) else { return nil }
        var actives: [ActiveCell]?
        let sexes: [(String, Sex)] = [("male", .male), ("female", .female)]
        if let node = s.required(.actives),
           let table = CSVTable.read(node, required: ["sex", "track", "age", "service", "count"]) {
            files.append(table.file)
            var cells: [ActiveCell] = []
            var ok = true
            let names = (tracks ?? []).enumerated().map { ($0.element.name, $0.offset) }
            for row in table.rows {
                let sex = table.choice(row, "sex", sexes)
                let track = tracks == nil ? 0 : table.choice(row, "track", names)
                let age = table.integer(row, "age", .activeAge)
                let service = table.integer(row, "service", expected: "years of service ≥ 0 and below the age") { $0 >= 0 && $0 <= (age ?? 100) }
                let count = table.number(row, "count", .activeCount)
                if let sex, let track, let age, let service, let count {
                    cells.append(ActiveCell(sex: sex, track: track, age: age, service: service, count: count))
                } else { ok = false }
            }
            if ok { actives = cells }
        }
        func beneficiaries(_ key: String, required: Bool) -> [BeneficiaryCell]? {
            guard let node = required ? s.required(.pensioners, as: key) : s[key] else {
                if !required { log.noteDefault(key == "disabled" ? .disabledFile : .survivorsFile) }
                return required ? nil : []
            }
            guard let table = CSVTable.read(node, required: ["sex", "age", "count", "pension"]) else { return nil }
            files.append(table.file)
            let hasSurvivor = table.header.contains("survivor_pension")
            var cells: [BeneficiaryCell] = []
            var ok = true
            for row in table.rows {
                let sex = table.choice(row, "sex", sexes)
                let age = table.integer(row, "age", .beneficiaryAge)
                let count = table.number(row, "count", .beneficiaryCount)
                let pension = table.number(row, "pension", .beneficiaryPension)
                var survivor: Double?? = .some(nil)
                if hasSurvivor, !row.fields[table.index("survivor_pension")].isEmpty {
                    survivor = table.number(row, "survivor_pension", .beneficiarySurvivorPension).map { .some($0) }
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
        if let node = s.required(.entrantTarget) {
            if case let .scalar(text, _) = node.node, text == "constant" {
                target = .constant
            } else if let t = node.mapping(allowed: ["growth", "series"]) {
                switch t.exactlyOne(of: ["growth", "series"], expected: ScenarioKey.entrantTarget.expected) {
                case let ("growth", g)?:
                    target = g.number(.entrantGrowth).map { .growth($0) }
                case let (_, series)?:
                    target = series.byYear { $0.number(.entrantSeries) }.map { .series($0) }
                case nil:
                    break
                }
            }
        }
        var profile: [EntrantShare]?
        if let node = s.required(.entrantProfile),
           let table = CSVTable.read(node, required: ["sex", "track", "age", "share"]) {
            files.append(table.file)
            var shares: [EntrantShare] = []
            var ok = true
            let names = (tracks ?? []).enumerated().map { ($0.element.name, $0.offset) }
            for row in table.rows {
                let sex = table.choice(row, "sex", [("male", Sex.male), ("female", Sex.female)])
                let track = tracks == nil ? 0 : table.choice(row, "track", names)
                let age = table.integer(row, "age", .entrantAge)
                let share = table.number(row, "share", .entrantShare)
                if let sex, let track, let age, let share { shares.append(EntrantShare(sex: sex, track: track, age: age, share: share)) } else { ok = false }
            }
            let total = shares.reduce(0) { $0 + $1.share }
            if ok && abs(total - 1) > 1e-6 {
                table.fail(line: 1, column: (table.header.firstIndex(of: "share") ?? 0) + 1, "column 'share': the shares must sum to 1 (expected 1, got \(String(format: "%.6g", total)))")
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
        let accrual = s.required(.accrualRate)?.number(.accrualRate)
        let cap = s.required(.cap)?.number(.cap)
        let floor = s.required(.floor)?.number(.floor)
        let minService = s.required(.minimumService)?.integer(.minimumService)
        let months = s.required(.monthsPaid)?.number(.monthsPaid)
        var survivor: [String: Double]?
        if let node = s.required("survivor", expected: "survivor pension rates"), let sv = node.mapping(allowed: Self.survivorKeys) {
            var values: [String: Double] = [:]
            for key in Self.survivorKeys {
                if let v = sv.required(.survivorRate, as: key)?.number(.survivorRate) { values[key] = v }
            }
            if values.count == Self.survivorKeys.count { survivor = values }
        }
        let indexation = s.required(.indexation)?.byYear { readIndexation($0) }
        var rate: ByYear<Double>?, destination: ContributionDestination?
        if let node = s.required("employee_contribution", expected: "{rate: RATE, destination: budget|reserve}"),
           let c = node.mapping(allowed: ["rate", "destination"]) {
            rate = c.required(.employeeContributionRate)?.byYear { $0.number(.employeeContributionRate) }
            destination = c.required(.contributionDestination)?.choice(.contributionDestination, [ContributionDestination.budget, .reserve])
        }
        var allowances: (Double, Double)? = (0, 0)
        if let node = s["allowances"] {
            allowances = nil
            if let a = node.mapping(allowed: ["pension", "survivor"]) {
                let check: (YAMLCursor) -> Double? = { $0.number(.allowance) }
                let pension = a["pension"].map(check) ?? 0
                let survivor = a["survivor"].map(check) ?? 0
                if let pension, let survivor { allowances = (pension, survivor) }
            }
        }
        guard let accrual, let cap, let floor, let minService, let months, let survivor, let indexation, let rate,
              let destination, let allowances,
              let sp = survivor["pensioner"], let spf = survivor["pensioner_floor"], let sa = survivor["active"],
              let saf = survivor["active_floor"], let sd = survivor["duty"], let sdf = survivor["duty_floor"],
              let share = survivor["duty_share"] else { return nil }
        var rules = DBRules(accrualRate: accrual, cap: cap, floor: floor, minimumService: minService, monthsPaid: months,
                       survivorOfPensioner: sp, survivorOfPensionerFloor: spf, survivorOfActive: sa, survivorOfActiveFloor: saf,
                       survivorOfDuty: sd, survivorOfDutyFloor: sdf,
                       dutyShare: share, indexation: indexation, employeeRate: rate, destination: destination)
        rules.pensionAllowance = allowances.0
        rules.survivorAllowance = allowances.1
        return rules
    }

    /// An indexation rule; `key` checks the rate of `{fixed: RATE}`.
    func readIndexation(_ cursor: YAMLCursor, fixed key: ScenarioKey = .fixedIndexation) -> IndexationRule? {
        if case let .mapping(entries, _) = cursor.node, entries.contains(where: { $0.key == "fixed" }) {
            guard let m = cursor.mapping(allowed: ["fixed"]) else { return nil }
            return m.required(key, as: "fixed")?.number(key).map { .fixed($0) }
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
                if let bup = entry.byYear({ $0.integer(.reformRetirementAge) }) {
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
        let year = s.required(.dcYear)?.integer(.dcYear) {
            guard let sim = simulation else { return true }
            return $0 >= sim.startYear && $0 < sim.startYear + sim.horizon
        }
        var transition: TransitionPolicy?
        if let node = s.required(.transition) {
            if case .mapping = node.node {
                if let m = node.mapping(allowed: ["switch_under_age"]) {
                    transition = m.required(.switchUnderAge)?.integer(.switchUnderAge).map { .switchUnderAge($0) }
                }
            } else {
                transition = node.choice([("new_entrants", TransitionPolicy.newEntrants), ("all", .all), ("supplementary", .supplementary)])
            }
        }
        var rights: AccruedRights? = .frozenDB(finalSalary: false)
        if let node = s["accrued_rights"] {
            if case .mapping = node.node {
                if let m = node.mapping(allowed: ["frozen_db", "recognition_bond"]) {
                    switch m.exactlyOne(of: ["frozen_db", "recognition_bond"], expected: ScenarioKey.accruedRights.expected) {
                    case let ("frozen_db", f)?:
                        rights = f.mapping(allowed: ["salary"])?.required("salary", expected: "revalued or final")?
                            .choice([("revalued", false), ("final", true)]).map { .frozenDB(finalSalary: $0) }
                    case let (_, b)?:
                        rights = b.mapping(allowed: ["rate"])?.required(.recognitionBondRate)?
                            .number(.recognitionBondRate).map { .recognitionBond(rate: $0) }
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
        } else { log.noteDefault(.accruedRights) }
        var takeHome: Bool? = true
        if let node = s["contribution_base"] {
            takeHome = node.choice(.contributionBase, [true, false])
        } else { log.noteDefault(.contributionBase) }
        let ee = s.required(.dcEmployeeRate)?.byYear { $0.number(.dcEmployeeRate) }
        let er = s.required(.dcEmployerRate)?.byYear { $0.number(.dcEmployerRate) }
        var fee: Double? = 0
        if let node = s["fee"] { fee = node.number(.fee) } else { log.noteDefault(.fee) }
        let glide = s.required(.portfolio).flatMap(readPortfolio)
        var payout: (PayoutForm, Double, Double, Double)? = (.annuity, 0, 0, 12)
        if let node = s["payout"], let p = node.mapping(allowed: ["form", "margin", "escalation", "months_paid"]) {
            var form: PayoutForm? = .annuity
            if let f = p["form"] { form = f.choice(.payoutForm, [PayoutForm.annuity, .lumpSum]) }
            var margin: Double? = 0, escalation: Double? = 0, months: Double? = 12
            if let m = p["margin"] { margin = m.number(.payoutMargin) }
            if let e = p["escalation"] { escalation = e.number(.payoutEscalation) }
            if let mp = p["months_paid"] { months = mp.number(.payoutMonths) }
            if form == .lumpSum, let m = p["margin"] { warnings.append("\(m.node.location): reform.dc.payout.margin has no effect with lump sums") }
            if let form, let margin, let escalation, let months { payout = (form, margin, escalation, months) } else { payout = nil }
        } else if s["payout"] != nil { payout = nil }
        var withdrawal: WithdrawalOption? = .deferred
        if let node = s["withdrawal"] { withdrawal = node.choice(.dcWithdrawal, [WithdrawalOption.deferred, .cash]) }
        var guarantee: Guarantee?? = .some(nil)
        if let node = s["guarantee"] {
            if case let .scalar(text, _) = node.node, text == "none" {
                guarantee = .some(nil)
            } else if let g = node.mapping(allowed: ["level", "minimum_service"]) {
                let level = g.required(.guaranteeLevel)?.number(.guaranteeLevel)
                let service = g.required(.guaranteeService)?.integer(.guaranteeService)
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
            let check: (YAMLCursor) -> Double? = { $0.number(.portfolioWeight) }
            let e = m.required(.portfolioWeight, as: "equity").flatMap(check)
            let b = m.required(.portfolioWeight, as: "bonds").flatMap(check)
            let k = m.required(.portfolioWeight, as: "cash").flatMap(check)
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
                guard let age = Int(entry.key), Bound.age.contains(age) else {
                    YAMLCursor(node: .scalar(entry.key, entry.keyLocation), keyPath: path, log: cursor.log)
                        .fail("expected an age from \(Bound.age.lowerBound) to \(Bound.age.upperBound), got '\(entry.key)'")
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
            if let c = node.string(expected: ScenarioKey.currency.expected) { presentation.currency = c } else { ok = false }
        }
        if let node = s["money_unit"] {
            if let u = node.choice(MoneyUnit.allCases.map { ($0.rawValue, $0) }) { presentation.unit = u } else { ok = false }
        }
        if let node = s["burden_threshold"] {
            if let v = node.number(.burdenThreshold) { valuation.burdenThreshold = v } else { ok = false }
        } else { log.noteDefault(.burdenThreshold) }
        func rate(_ node: YAMLCursor, _ key: ScenarioKey) -> Double?? {
            if case let .scalar(text, _) = node.node, text == "path_yields" { return .some(nil) }
            return node.number(key).map { .some($0) }
        }
        if let node = s["discount_rate"] {
            if let r = rate(node, .discountRate) { valuation.discountRate = r } else { ok = false }
        } else { log.noteDefault(.discountRate) }
        if let node = s["implicit_debt"], let d = node.mapping(allowed: ["discount_rate", "salary", "indexation"]) {
            if let ix = d["indexation"] {
                if case let .scalar(text, _) = ix.node, text == "scheme" {
                    valuation.debtIndexation = nil
                } else if let rule = readIndexation(ix, fixed: .debtFixedIndexation) { valuation.debtIndexation = rule } else { ok = false }
            }
            if let r = d["discount_rate"] { if let v = rate(r, .debtDiscountRate) { valuation.debtDiscountRate = v } else { ok = false } }
            if let sal = d["salary"] {
                if let v = sal.choice(.debtSalary, [true, false]) { valuation.debtProjectedSalary = v } else { ok = false }
            }
        } else if s["implicit_debt"] != nil { ok = false }
        var profiles: [ProfileSpec] = []
        if let node = s["profiles"], let items = node.sequence() {
            for item in items {
                guard let p = item.mapping(allowed: ["sex", "track", "entry_age", "entry_year"]) else { ok = false; continue }
                let sex = p.required(.profileSex)?.choice(.profileSex, [Sex.male, .female])
                let trackNode = p.required(.profileTrack)
                let track = tracks.isEmpty ? 0 : trackNode?.choice(tracks.enumerated().map { ($0.element.name, $0.offset) })
                let age = p.required(.profileEntryAge)?.integer(.profileEntryAge)
                let year = p.required(.profileEntryYear)?.integer(.profileEntryYear)
                if let sex, let track, let age, let year { profiles.append(ProfileSpec(sex: sex, track: track, entryAge: age, entryYear: year)) } else { ok = false }
            }
        } else if s["profiles"] != nil { ok = false }
        if let node = s["calibration"], let items = node.sequence() {
            for item in items {
                guard let c = item.mapping(allowed: ["name", "measure", "year", "target", "upper", "tolerance", "source"]) else { ok = false; continue }
                let name = c.required(.calibrationName)?.string(expected: ScenarioKey.calibrationName.expected)
                let measure = c.required(.calibrationMeasure)?.choice(CalibrationTarget.Measure.allCases.map { ($0.rawValue, $0) })
                let year = c.required(.calibrationYear)?.integer(.calibrationYear)
                let target = c.required(.calibrationTarget)?.number(.calibrationTarget)
                let upper = c["upper"]?.number(.calibrationUpper)
                let tolerance = c.required(.calibrationTolerance)?.number(.calibrationTolerance)
                let source = c.required(.calibrationSource)?.string(expected: ScenarioKey.calibrationSource.expected)
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
