import PensiunActuarial
import PensiunInputs

/// Reads the `reporting` section: how money is shown, the valuation settings (burden threshold,
/// discount rate, implicit debt), the individual profiles and the calibration targets.
enum ReportingSection {
    struct Result {
        var valuation = ValuationInputs()
        var profiles: [ProfileSpec] = []
        /// Each profile's `entry_year`, where ``checkProfiles(_:entryYears:exitAges:)`` locates a problem.
        var profileEntryYears: [YAMLCursor] = []
        /// Each profile's `exit_age` (nil without one), where ``checkProfiles(_:entryYears:exitAges:)`` locates a problem.
        var profileExitAges: [YAMLCursor?] = []
        var calibration: [CalibrationTarget] = []
        var presentation = Presentation()
        var alternatives: [ScenarioAlternative] = []
    }

    static let keys = ["burden_threshold", "discount_rate", "implicit_debt", "extended_projection", "beyond_window", "profiles", "calibration",
                       "currency", "money_unit", "alternatives", "notes", "scope"]

    /// `tracks` are the scenario's tracks, which profiles name (empty when the tracks section
    /// failed: the name is then not checked); `simulation` bounds the extended projection's end
    /// year (unchecked when it failed).
    static func read(_ cursor: YAMLCursor, tracks: [Track], simulation: SimulationSettings?) -> Result? {
        guard let s = cursor.mapping(allowed: keys) else { return nil }
        let log = cursor.log
        var result = Result()
        var ok = true
        if let node = s["currency"] {
            if let c = node.string(expected: ScenarioKey.currency.expected) { result.presentation.currency = c } else { ok = false }
        }
        if let node = s["notes"] {
            let notes = node.sequence()?.map { $0.string(expected: ScenarioKey.notes.expected) }
            if let notes, notes.allSatisfy({ $0 != nil }) { result.presentation.notes = notes.compactMap { $0 } } else { ok = false }
        }
        if let node = s["scope"] {
            if let text = node.string(expected: ScenarioKey.scope.expected) { result.presentation.scope = text } else { ok = false }
        }
        if let node = s["money_unit"] {
            if let u = node.choice(MoneyUnit.allCases.map { ($0.rawValue, $0) }) { result.presentation.unit = u } else { ok = false }
        }
        if let node = s["burden_threshold"] {
            if case let .scalar(text, _) = node.node, text == "start_year" {
                result.valuation.burdenThreshold = .startYearLevel
            } else if let v = node.number(.burdenThreshold) { result.valuation.burdenThreshold = .share(v) } else { ok = false }
        } else { log.noteDefault(.burdenThreshold) }
        if let node = s["discount_rate"] {
            if let r = rate(node, .discountRate) { result.valuation.discountRate = r } else { ok = false }
        } else { log.noteDefault(.discountRate) }
        if let node = s["implicit_debt"] {
            if !readImplicitDebt(node, into: &result.valuation) { ok = false }
        }
        if let node = s["extended_projection"] {
            if let e = node.mapping(allowed: ["end_year"]), let year = e.required(.extendedEndYear)?.integer(.extendedEndYear, where: {
                guard let sim = simulation else { return true }
                return $0 >= sim.startYear + sim.horizon - 1
            }) {
                result.valuation.extendedEndYear = year
            } else { ok = false }
        } else { log.noteDefault(.extendedEndYear) }
        if let node = s["beyond_window"] {
            if let v = node.boolean() { result.valuation.beyondWindow = v } else { ok = false }
        } else { log.noteDefault(.beyondWindow) }
        if let node = s["profiles"] {
            if let (profiles, entryYears, exitAges) = readProfiles(node, tracks: tracks) {
                result.profiles = profiles
                result.profileEntryYears = entryYears
                result.profileExitAges = exitAges
            } else { ok = false }
        }
        if let node = s["calibration"] {
            if let targets = readCalibration(node) { result.calibration = targets } else { ok = false }
        }
        if let node = s["alternatives"] {
            if let alternatives = readAlternatives(node) { result.alternatives = alternatives } else { ok = false }
        }
        return ok ? result : nil
    }

    /// A discount rate: a number, or `path_yields` (nil: each path's bond yields).
    static func rate(_ node: YAMLCursor, _ key: ScenarioKey) -> Double?? {
        if case let .scalar(text, _) = node.node, text == "path_yields" { return .some(nil) }
        return node.number(key).map { .some($0) }
    }

    /// `implicit_debt`: its indexation, discount rate and salary basis, set in `valuation`;
    /// false when a value is wrong.
    static func readImplicitDebt(_ node: YAMLCursor, into valuation: inout ValuationInputs) -> Bool {
        guard let d = node.mapping(allowed: ["discount_rate", "salary", "indexation"]) else { return false }
        var ok = true
        if let ix = d["indexation"] {
            if case let .scalar(text, _) = ix.node, text == "scheme" {
                valuation.debtIndexation = nil
            } else if let rule = CurrentSchemeSection.readIndexation(ix, fixed: .debtFixedIndexation) {
                valuation.debtIndexation = rule
            } else { ok = false }
        }
        if let r = d["discount_rate"] { if let v = rate(r, .debtDiscountRate) { valuation.debtDiscountRate = v } else { ok = false } }
        if let sal = d["salary"] {
            if let v = sal.choice(.debtSalary, [true, false]) { valuation.debtProjectedSalary = v } else { ok = false }
        }
        return ok
    }

    /// `profiles`: a list of {sex, track, entry_age, entry_year, exit_age (optional)}, with each
    /// profile's `entry_year` and `exit_age` nodes.
    static func readProfiles(_ node: YAMLCursor, tracks: [Track]) -> ([ProfileSpec], [YAMLCursor], [YAMLCursor?])? {
        guard let items = node.sequence() else { return nil }
        var profiles: [ProfileSpec] = []
        var entryYears: [YAMLCursor] = []
        var exitAges: [YAMLCursor?] = []
        var ok = true
        for item in items {
            guard let p = item.mapping(allowed: ["sex", "track", "entry_age", "entry_year", "exit_age", "pay_level"]) else { ok = false; continue }
            let sex = p.required(.profileSex)?.choice(.profileSex, [Sex.male, .female])
            let trackNode = p.required(.profileTrack)
            let track = tracks.isEmpty ? 0 : trackNode?.choice(TracksSection.names(tracks))
            let age = p.required(.profileEntryAge)?.integer(.profileEntryAge)
            let year = p.required(.profileEntryYear)?.integer(.profileEntryYear)
            let exitNode = p["exit_age"]
            let exit: Int?? = exitNode.map { $0.integer(.profileExitAge).map { .some($0) } ?? .none } ?? .some(nil)
            // A pay level is named among the track's own levels.
            let level: Int?? = p["pay_level"].map { node in
                guard let track, tracks.indices.contains(track) else { return .none }
                return node.choice(tracks[track].payLevels.enumerated().map { ($0.element.name, $0.offset) }).map { .some($0) } ?? .none
            } ?? .some(nil)
            if let sex, let track, let age, let year, let yearNode = p["entry_year"], let exit, let level {
                profiles.append(ProfileSpec(sex: sex, track: track, entryAge: age, entryYear: year, exitAge: exit, payLevel: level))
                entryYears.append(yearNode)
                exitAges.append(exitNode)
            } else { ok = false }
        }
        return ok ? (profiles, entryYears, exitAges) : nil
    }

    /// A profile of a member in service at y0 (entry year < y0) must be an active at y0: aged
    /// x0 = entry age + (y0 − entry year) below the mortality table's last age and below the
    /// track's retirement age at y0 under each scheme (docs/model.md §9). A problem is recorded
    /// at the profile's `entry_year`. An exit age must be above the entry age, above the age at
    /// y0 of a member in service then, and below the track's retirement age under the current
    /// scheme in the exit year (the year at whose end the member reaches the exit age,
    /// ``ProfileSpec/exitYear``); a problem is recorded at the profile's `exit_age`.
    static func checkProfiles(_ inputs: ProjectionInputs, entryYears: [YAMLCursor], exitAges: [YAMLCursor?]) {
        let y0 = inputs.calendar.startYear, omega = inputs.calendar.maximumAge
        for (spec, node) in zip(inputs.profiles, exitAges) {
            guard let exit = spec.exitAge, let exitYear = spec.exitYear, let node else { continue }
            let track = inputs.tracks[spec.track].name
            let age0 = spec.entryAge + max(0, y0 - spec.entryYear)
            let bup = inputs.current.retirementAges[spec.track](exitYear)
            if exit <= spec.entryAge {
                node.fail("a member who entered in \(spec.entryYear) at \(spec.entryAge) cannot leave at \(exit) (expected an exit age above the entry age \(spec.entryAge))")
            } else if exit <= age0 {
                node.fail("a member who entered in \(spec.entryYear) at \(spec.entryAge) is \(age0) in the start year \(y0) and cannot leave at \(exit) (expected an exit age above \(age0))")
            } else if exit >= bup {
                node.fail("a member who entered in \(spec.entryYear) at \(spec.entryAge) reaches \(exit) at the end of \(exitYear), when track \(track) retires at \(bup) under the current scheme: not an early exit (expected an exit age below \(bup))")
            }
        }
        for (spec, node) in zip(inputs.profiles, entryYears) where spec.entryYear < y0 {
            let age = spec.entryAge + (y0 - spec.entryYear)
            let track = inputs.tracks[spec.track].name
            let bup = min(inputs.current.retirementAges[spec.track](y0), inputs.reform.retirementAges[spec.track](y0))
            if age >= omega {
                node.fail("a member who entered in \(spec.entryYear) at \(spec.entryAge) is \(age) in the start year \(y0), at or beyond the mortality table's last age \(omega) (expected entry age + \(y0) − entry year < \(omega))")
            } else if age >= bup {
                node.fail("a member who entered in \(spec.entryYear) at \(spec.entryAge) is \(age) in the start year \(y0), not in service: track \(track) retires at \(bup) (expected entry age + \(y0) − entry year < \(bup))")
            }
        }
    }

    /// `calibration`: a list of targets {name, measure, year, target, upper, tolerance, source}.
    static func readCalibration(_ node: YAMLCursor) -> [CalibrationTarget]? {
        guard let items = node.sequence() else { return nil }
        var targets: [CalibrationTarget] = []
        var ok = true
        for item in items {
            guard let c = item.mapping(allowed: ["name", "measure", "year", "base_year", "target", "upper", "tolerance", "reference",
                                                 "source", "note"]) else { ok = false; continue }
            let name = c.required(.calibrationName)?.string(expected: ScenarioKey.calibrationName.expected)
            let measure = c.required(.calibrationMeasure)?.choice(CalibrationTarget.Measure.allCases.map { ($0.rawValue, $0) })
            let year = c.required(.calibrationYear)?.integer(.calibrationYear)
            let target = c.required(.calibrationTarget)?.number(.calibrationTarget)
            let upper = c["upper"]?.number(.calibrationUpper)
            var reference: Bool? = false
            if let node = c["reference"] { reference = node.boolean() }
            // A reference is shown, never checked: it has no tolerance; a checked target needs one.
            var tolerance: Double? = 0
            if reference == true {
                if let extra = c["tolerance"] { extra.fail("a reference is not checked (expected no tolerance, got \(extra.shown))") }
            } else {
                tolerance = c.required(.calibrationTolerance)?.number(.calibrationTolerance)
            }
            // A growth measure runs from base_year (before year); no other measure has one.
            var baseYear: Int?? = .some(nil)
            if measure?.isGrowth == true {
                baseYear = c.required(.calibrationBaseYear)?.integer(.calibrationBaseYear).map { .some($0) } ?? .none
                if let b = baseYear ?? nil, let year, b >= year {
                    c["base_year"]?.fail("expected a year before \(year), got \(b)")
                    baseYear = .none
                }
            } else if measure != nil, let extra = c["base_year"] {
                extra.fail("only a growth measure has a base year (expected no value, got \(extra.shown))")
            }
            let source = c.required(.calibrationSource)?.string(expected: ScenarioKey.calibrationSource.expected)
            var note: String?? = .some(nil)
            if let node = c["note"] { note = node.string(expected: ScenarioKey.calibrationNote.expected).map { .some($0) } ?? .none }
            if let name, let note, let measure, let year, let target, let tolerance, let source, let reference, let baseYear,
               c["upper"] == nil || upper != nil {
                targets.append(CalibrationTarget(name: name, measure: measure, year: year, target: target, tolerance: tolerance,
                                                 upper: upper, source: source, baseYear: baseYear, reference: reference, note: note))
            } else { ok = false }
        }
        return ok ? targets : nil
    }

    /// `alternatives`: a list of at most ``ScenarioAlternative/limit`` {name, description, set}.
    /// Here each entry of `set` is checked as `--set` checks its text (a key path of non-empty
    /// parts, at most ``ScenarioLimits/depth``); its key and value are checked against the
    /// scenario when the alternative is resolved (``ScenarioTemplate/resolve(_:)-(ScenarioAlternative)``),
    /// located where they were written.
    static func readAlternatives(_ node: YAMLCursor) -> [ScenarioAlternative]? {
        guard let items = node.sequence() else { return nil }
        var ok = true
        if items.count > ScenarioAlternative.limit {
            node.fail("names \(items.count) alternatives (expected at most \(ScenarioAlternative.limit))")
            ok = false
        }
        var alternatives: [ScenarioAlternative] = []
        var names = Set<String>()
        for item in items {
            guard let a = item.mapping(allowed: ["name", "description", "set"]) else { ok = false; continue }
            var name = a.required(.alternativeName).flatMap { $0.string(expected: ScenarioKey.alternativeName.expected) }
            if let n = name, let cursor = a["name"] {
                if !ScenarioAlternative.isValidName(n) {
                    cursor.fail("expected \(ScenarioKey.alternativeName.expected), got '\(n)'")
                    name = nil
                } else if n == ScenarioAlternative.baseName {
                    cursor.fail("'\(n)' names the deterministic base case every run reports; choose another name")
                    name = nil
                } else if !names.insert(n).inserted {
                    cursor.fail("duplicate alternative name '\(n)' (each alternative needs its own name)")
                    name = nil
                }
            }
            var description: String? = ""
            if let d = a["description"] { description = d.string(expected: ScenarioKey.alternativeDescription.expected) }
            let overrides = a.required(.alternativeSet).flatMap(readAlternativeSet)
            if let name, let description, let overrides {
                alternatives.append(ScenarioAlternative(name: name, description: description, overrides: overrides))
            } else { ok = false }
        }
        return ok ? alternatives : nil
    }

    /// The `set` of an alternative: a mapping of `--set` key paths to values (any YAML value, as
    /// `--set` reads its value), each an override located at its key and value.
    static func readAlternativeSet(_ node: YAMLCursor) -> [ScenarioOverride]? {
        guard case let .mapping(entries, _) = node.node else {
            node.fail("expected \(ScenarioKey.alternativeSet.expected), got \(node.shown)")
            return nil
        }
        var overrides: [ScenarioOverride] = []
        var seen = Set<String>()
        var ok = true
        for (key, keyLocation, value) in entries {
            let keyCursor = YAMLCursor(node: .scalar(key, keyLocation), keyPath: "\(node.keyPath).\(key)", log: node.log)
            let path = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if path.isEmpty || path.contains(where: \.isEmpty) || key.contains(where: \.isWhitespace) {
                keyCursor.fail("expected a key path such as economy.real_gdp_growth.mean, got '\(key)'")
                ok = false
            } else if path.count > ScenarioLimits.depth {
                keyCursor.fail("the key path has \(path.count) parts (expected at most \(ScenarioLimits.depth))")
                ok = false
            } else if key == "reporting" || key.hasPrefix("reporting.alternatives") {
                keyCursor.fail("an alternative cannot change the alternatives themselves")
                ok = false
            } else if ScenarioAlternative.deterministicKeys.contains(key) {
                keyCursor.fail("has no effect: every alternative runs with \(ScenarioAlternative.deterministicOverrides.joined(separator: ", "))")
                ok = false
            } else if !seen.insert(key).inserted {
                keyCursor.fail("duplicate key '\(key)' (each key may appear once in a mapping)")
                ok = false
            } else {
                overrides.append(ScenarioOverride(keyPath: path, value: value, keyLocation: keyLocation))
            }
        }
        return ok ? overrides : nil
    }
}
