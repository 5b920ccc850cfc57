import PensiunActuarial
import PensiunInputs

/// Reads the `reporting` section: how money is shown, the valuation settings (burden threshold,
/// discount rate, implicit debt), the individual profiles and the calibration targets.
enum ReportingSection {
    struct Result {
        var valuation = ValuationInputs()
        var profiles: [ProfileSpec] = []
        var calibration: [CalibrationTarget] = []
        var presentation = Presentation()
    }

    static let keys = ["burden_threshold", "discount_rate", "implicit_debt", "profiles", "calibration",
                       "currency", "money_unit"]

    /// `tracks` are the scenario's tracks, which profiles name (empty when the tracks section
    /// failed: the name is then not checked).
    static func read(_ cursor: YAMLCursor, tracks: [Track]) -> Result? {
        guard let s = cursor.mapping(allowed: keys) else { return nil }
        let log = cursor.log
        var result = Result()
        var ok = true
        if let node = s["currency"] {
            if let c = node.string(expected: ScenarioKey.currency.expected) { result.presentation.currency = c } else { ok = false }
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
        if let node = s["profiles"] {
            if let profiles = readProfiles(node, tracks: tracks) { result.profiles = profiles } else { ok = false }
        }
        if let node = s["calibration"] {
            if let targets = readCalibration(node) { result.calibration = targets } else { ok = false }
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

    /// `profiles`: a list of {sex, track, entry_age, entry_year}.
    static func readProfiles(_ node: YAMLCursor, tracks: [Track]) -> [ProfileSpec]? {
        guard let items = node.sequence() else { return nil }
        var profiles: [ProfileSpec] = []
        var ok = true
        for item in items {
            guard let p = item.mapping(allowed: ["sex", "track", "entry_age", "entry_year"]) else { ok = false; continue }
            let sex = p.required(.profileSex)?.choice(.profileSex, [Sex.male, .female])
            let trackNode = p.required(.profileTrack)
            let track = tracks.isEmpty ? 0 : trackNode?.choice(TracksSection.names(tracks))
            let age = p.required(.profileEntryAge)?.integer(.profileEntryAge)
            let year = p.required(.profileEntryYear)?.integer(.profileEntryYear)
            if let sex, let track, let age, let year { profiles.append(ProfileSpec(sex: sex, track: track, entryAge: age, entryYear: year)) } else { ok = false }
        }
        return ok ? profiles : nil
    }

    /// `calibration`: a list of targets {name, measure, year, target, upper, tolerance, source}.
    static func readCalibration(_ node: YAMLCursor) -> [CalibrationTarget]? {
        guard let items = node.sequence() else { return nil }
        var targets: [CalibrationTarget] = []
        var ok = true
        for item in items {
            guard let c = item.mapping(allowed: ["name", "measure", "year", "base_year", "target", "upper", "tolerance", "reference",
                                                 "source"]) else { ok = false; continue }
            let name = c.required(.calibrationName)?.string(expected: ScenarioKey.calibrationName.expected)
            let measure = c.required(.calibrationMeasure)?.choice(CalibrationTarget.Measure.allCases.map { ($0.rawValue, $0) })
            let year = c.required(.calibrationYear)?.integer(.calibrationYear)
            let target = c.required(.calibrationTarget)?.number(.calibrationTarget)
            let upper = c["upper"]?.number(.calibrationUpper)
            var reference: Bool? = false
            if let node = c["reference"] { reference = node.choice([("true", true), ("false", false)]) }
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
            } else if let extra = c["base_year"] {
                extra.fail("only a growth measure has a base year (expected no value, got \(extra.shown))")
            }
            let source = c.required(.calibrationSource)?.string(expected: ScenarioKey.calibrationSource.expected)
            if let name, let measure, let year, let target, let tolerance, let source, let reference, let baseYear,
               c["upper"] == nil || upper != nil {
                targets.append(CalibrationTarget(name: name, measure: measure, year: year, target: target, tolerance: tolerance,
                                                 upper: upper, source: source, baseYear: baseYear, reference: reference))
            } else { ok = false }
        }
        return ok ? targets : nil
    }
}
