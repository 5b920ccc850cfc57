import Foundation
import Testing
@testable import PensiunScenario
import PensiunInputs

/// `pensiun validate`'s checks: one broken copy of the synthetic scenario per kind of error, each
/// message checked for its wording and its location (FILE:LINE:COLUMN).
@Suite struct BrokenScenarioTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let source = root.appendingPathComponent("Scenarios/synthetic-small")

    /// A copy of the synthetic scenario with one edit; returns the problems `load` reports, with
    /// the temporary folder's path replaced by `DIR`.
    func problems(file: String = "scenario.yaml", replacing old: String = "", with new: String = "",
                  append: String = "", extra: [String: String] = [:], overrides: [String] = []) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pensiun-broken-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.source, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent(file)
        var text = try String(contentsOf: target, encoding: .utf8)
        if !old.isEmpty {
            #expect(text.contains(old), "the fixture no longer contains \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        text += append
        try text.write(to: target, atomically: true, encoding: .utf8)
        for (name, content) in extra { try content.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        do {
            _ = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path, overrides: overrides)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: folder.path, with: "DIR") }
        }
    }

    @Test func unknownKeyWithSuggestion() throws {
        let result = try problems(replacing: "  withdrawal: {0: 0.03", with: "  withdrawl: {0: 0.03")
        #expect(result == [
            "DIR/scenario.yaml:41:3: decrements.withdrawl: unknown key 'withdrawl' (did you mean 'withdrawal'?)",
        ])
    }

    @Test func unknownKeyWithoutANearOne() throws {
        let result = try problems(append: "colour: blue\n")
        #expect(result == [
            "DIR/scenario.yaml:100:1: colour: unknown key 'colour' (expected one of name, description, simulation, economy, mortality, decrements, survivors, tracks, population, entrants, current_scheme, pay, reform, reporting)",
        ])
    }

    @Test func missingKey() throws {
        let result = try problems(replacing: "  cap: 0.70                   # assumption\n", with: "")
        #expect(result == [
            "DIR/scenario.yaml:70:3: current_scheme.cap: missing key (expected a fraction in (0, 2])",
        ])
    }

    @Test func wrongShape() throws {
        let result = try problems(replacing: "  process_risk: false", with: "  process_risk: [false]")
        #expect(result == [
            "DIR/scenario.yaml:43:17: decrements.process_risk: expected one of true, false, yes, no, got a list",
        ])
    }

    @Test func notANumber() throws {
        let result = try problems(replacing: "  accrual_rate: 0.02 ", with: "  accrual_rate: two ")
        #expect(result == [
            "DIR/scenario.yaml:70:17: current_scheme.accrual_rate: expected a rate in [0, 1], got 'two'",
        ])
    }

    @Test func negativeVolatility() throws {
        let result = try problems(replacing: "volatility: 0.005, start: 0.05}", with: "volatility: -0.005, start: 0.05}")
        #expect(result == [
            "DIR/scenario.yaml:17:65: economy.bond_yield.volatility: out of range (expected a volatility in [0, 1], got -0.005)",
        ])
    }

    @Test func probabilityAboveOne() throws {
        let result = try problems(replacing: "{male: 0.8, female: 0.5}", with: "{male: 1.8, female: 0.5}")
        #expect(result == [
            "DIR/scenario.yaml:46:23: survivors.probability.male: out of range (expected a probability in [0, 1], got 1.8)",
        ])
    }

    @Test func retirementAgeOutOfRange() throws {
        let result = try problems(replacing: "    retirement_age: 60 ", with: "    retirement_age: 90 ")
        #expect(result == [
            "DIR/scenario.yaml:51:21: tracks[0].retirement_age: out of range (expected a retirement age between 40 and 80, got 90)",
        ])
    }

    @Test func correlationNotPositiveDefinite() throws {
        let result = try problems(replacing: "    - [1.0, 0.0, 0.0, 0.4, 0.0]\n    - [0.0, 1.0, 0.2, 0.0, 0.0]\n    - [0.0, 0.2, 1.0, 0.0, 0.2]", with: "    - [1.0, 0.9, 0.9, 0.4, 0.0]\n    - [0.9, 1.0, -0.9, 0.0, 0.0]\n    - [0.9, -0.9, 1.0, 0.0, 0.2]")
        #expect(result == [
            "DIR/scenario.yaml:23:5: economy.correlation: must be symmetric positive definite (expected a valid correlation matrix): the matrix is not positive definite (GSL's Cholesky factorisation failed)",
        ])
    }

    @Test func correlationOfTheWrongSize() throws {
        let result = try problems(replacing: "    - [0.0, 0.0, 0.2, -0.1, 1.0]\n", with: "")
        #expect(result == [
            "DIR/scenario.yaml:23:5: economy.correlation: expected 5 rows in the order inflation, real_wage_growth, real_gdp_growth, bond_yield, equity, got 4",
        ])
    }

    @Test func portfolioWeightsNotSummingToOne() throws {
        let result = try problems(replacing: "20: {equity: 0.6, bonds: 0.3, cash: 0.1}", with: "20: {equity: 0.6, bonds: 0.3, cash: 0.2}")
        #expect(result == [
            "DIR/scenario.yaml:87:21: reform.dc.portfolio.20: the weights must sum to 1 (expected 1, got 1.1)",
        ])
    }

    @Test func entrantSharesNotSummingToOne() throws {
        let result = try problems(file: "data/entrants.csv", replacing: "female,professional,25,0.2", with: "female,professional,25,0.3")
        #expect(result == [
            "DIR/data/entrants.csv:1:4: entrants.profile: column 'share': the shares must sum to 1 (expected 1, got 1.1)",
        ])
    }

    @Test func entryAgeNotBelowRetirementAge() throws {
        let result = try problems(file: "data/entrants.csv", replacing: "male,clerical,22,0.3\n", with: "male,clerical,61,0.3\n")
        #expect(result == [
            "DIR/scenario.yaml:66:3: entrants: entry age 61 on track clerical is not below its retirement age 60 (expected entry age < retirement age)",
        ])
    }

    @Test func existingMemberProfileNotInServiceAtTheStartYear() throws {
        // A member in service at y0 (entry year < y0) must be below the track's retirement age
        // then; one who is (40 in 2025) is accepted.
        let old = "{sex: female, track: clerical, entry_age: 22, entry_year: 2027}"
        let result = try problems(replacing: old, with: "{sex: female, track: clerical, entry_age: 22, entry_year: 1980}")
        #expect(result == [
            "DIR/scenario.yaml:98:65: reporting.profiles[0].entry_year: a member who entered in 1980 at 22 is 67 in the start year 2025, not in service: track clerical retires at 60 (expected entry age + 2025 − entry year < 60)",
        ])
        #expect(try problems(replacing: old, with: "{sex: female, track: clerical, entry_age: 22, entry_year: 2007}").isEmpty)
    }

    @Test func exitAgeOfAProfileAtTheRetirementAge() throws {
        // An early leaver (issue 20) must leave before the BUP under the current scheme (clerical:
        // 60) and after entry; one leaving at 30 is accepted.
        let old = "{sex: female, track: clerical, entry_age: 22, entry_year: 2027}"
        let leaving = { (age: Int) in "{sex: female, track: clerical, entry_age: 22, entry_year: 2027, exit_age: \(age)}" }
        #expect(try problems(replacing: old, with: leaving(60)) == [
            "DIR/scenario.yaml:98:81: reporting.profiles[0].exit_age: a member who entered in 2027 at 22 reaches 60 at the end of 2064, when track clerical retires at 60 under the current scheme: not an early exit (expected an exit age below 60)",
        ])
        #expect(try problems(replacing: old, with: leaving(22)) == [
            "DIR/scenario.yaml:98:81: reporting.profiles[0].exit_age: a member who entered in 2027 at 22 cannot leave at 22 (expected an exit age above the entry age 22)",
        ])
        #expect(try problems(replacing: old, with: leaving(30)).isEmpty)
    }

    @Test func reformYearOutsideTheHorizon() throws {
        let result = try problems(replacing: "    year: 2027 ", with: "    year: 2070 ")
        #expect(result == [
            "DIR/scenario.yaml:81:11: reform.dc.year: out of range (expected a year within the projection, got 2070)",
        ])
    }

    @Test func extendsCycle() throws {
        let result = try problems(append: "extends: other.yaml\n", extra: ["other.yaml": "extends: scenario.yaml\n"])
        #expect(result == [
            "DIR/other.yaml:1:10: extends: extends forms a cycle (scenario.yaml → other.yaml → scenario.yaml)",
        ])
    }

    @Test func extendsMissingBase() throws {
        let result = try problems(append: "extends: base.yaml\n")
        #expect(result == [
            "DIR/scenario.yaml:100:10: extends: cannot read the base scenario 'base.yaml' (no such file)",
        ])
    }

    @Test func yamlSyntaxError() throws {
        let result = try problems(replacing: "  horizon: 40 ", with: "  horizon: [40 ")
        #expect(result == [
            "DIR/scenario.yaml:8:3: not valid YAML (did not find expected ',' or ']')",
        ])
    }

    @Test func csvMissingColumn() throws {
        let result = try problems(file: "data/actives.csv", replacing: "sex,track,age,service,count", with: "sex,track,age,years,count")
        #expect(result == [
            "DIR/data/actives.csv:1:1: population.actives: missing column 'service' (expected columns sex,track,age,service,count, got sex,track,age,years,count)",
        ])
    }

    @Test func csvRaggedRow() throws {
        let result = try problems(file: "data/pensioners.csv", replacing: "\nmale,60,22,1500,\n", with: "\nmale,60,22,1500\n")
        #expect(result == [
            "DIR/data/pensioners.csv:2:5: population.pensioners: ragged row (expected 5 fields like the header, got 4)",
        ])
    }

    @Test func csvNotANumber() throws {
        let result = try problems(file: "data/pensioners.csv", replacing: "\nmale,61,24,1510,", with: "\nmale,61,twenty-four,1510,")
        #expect(result == [
            "DIR/data/pensioners.csv:4:3: population.pensioners: column 'count': expected a count in [0, 1e9], got 'twenty-four'",
        ])
    }

    @Test func csvNaN() throws {
        let result = try problems(file: "data/disabled.csv", replacing: "male,50,3,1200", with: "male,50,3,nan")
        #expect(result == [
            "DIR/data/disabled.csv:2:4: population.disabled: column 'pension': expected an average monthly pension in [0, 1e18], got NaN",
        ])
    }

    @Test func csvNegativeCount() throws {
        let result = try problems(file: "data/survivors.csv", replacing: "female,60,9,700", with: "female,60,-9,700")
        #expect(result == [
            "DIR/data/survivors.csv:3:3: population.survivors: column 'count': out of range (expected a count in [0, 1e9], got -9)",
        ])
    }

    @Test func csvUnknownTrack() throws {
        let result = try problems(file: "data/actives.csv", replacing: "\nmale,clerical,22,0,", with: "\nmale,clerks,22,0,")
        #expect(result == [
            "DIR/data/actives.csv:2:2: population.actives: column 'track': expected one of clerical, professional, got 'clerks'",
        ])
    }

    @Test func salaryScaleGap() throws {
        let result = try problems(file: "data/salary-scales.csv", replacing: "\n3,", with: "\n4,")
        #expect(result == [
            "DIR/data/salary-scales.csv:5:1: tracks[0].salary_scale.file: column 'service': out of range (expected consecutive years of service from 0, got 4)",
        ])
    }

    @Test func missingCSVFile() throws {
        let result = try problems(replacing: "  survivors: data/survivors.csv", with: "  survivors: data/widows.csv")
        #expect(result == [
            "DIR/scenario.yaml:63:14: population.survivors: cannot read the CSV file 'data/widows.csv': no such file (expected an existing UTF-8 file relative to the scenario file)",
        ])
    }

    @Test func duplicateTrackName() throws {
        let result = try problems(replacing: "  - name: professional", with: "  - name: clerical")
        #expect(result == [
            "DIR/scenario.yaml:54:11: tracks[1].name: duplicate track name 'clerical' (each track needs its own name)",
        ])
    }

    @Test func badMortalityBasis() throws {
        let result = try problems(replacing: "makeham:A=0.00022,B=2.7e-6,c=1.124", with: "makeham:A=0.00022,B=2.7e-6")
        #expect(result == [
            "DIR/scenario.yaml:30:10: mortality.basis: mortality 'makeham:A=0.00022,B=2.7e-6': makeham needs A, B and c; c is missing",
        ])
    }

    @Test func yearKeyNotAYear() throws {
        let result = try problems(replacing: "    employer_rate: 0.08 ", with: "    employer_rate: {2027: 0.08, 1066: 0.09} ")
        #expect(result == [
            "DIR/scenario.yaml:85:33: reform.dc.employer_rate.1066: expected a calendar year as the key, got 1066",
        ])
    }

    @Test func invalidChoice() throws {
        let result = try problems(replacing: "    transition: new_entrants", with: "    transition: new_entrant")
        #expect(result == [
            "DIR/scenario.yaml:82:17: reform.dc.transition: expected one of new_entrants, all, supplementary, got 'new_entrant' (did you mean 'new_entrants'?)",
        ])
    }

    @Test func invalidSetSyntax() throws {
        let result = try problems(overrides: ["reform.dc.year"])
        #expect(result == [
            "--set: expected key.path=value, got 'reform.dc.year'",
        ])
    }

    @Test func setOverrideOutOfRange() throws {
        let result = try problems(overrides: ["reform.dc.fee=0.5"])
        #expect(result == [
            "--set: reform.dc.fee: out of range (expected an annual fee in [0, 0.1], got 0.5)",
        ])
    }

    @Test func alternativesGivenTogether() throws {
        let result = try problems(replacing: "    transition: new_entrants",
                                  with: "    transition: all\n    accrued_rights: {frozen_db: {salary: final}, recognition_bond: {rate: 0.05}}")
        #expect(result == [
            "DIR/scenario.yaml:83:68: reform.dc.accrued_rights.recognition_bond: give one of frozen_db, recognition_bond, not several (got frozen_db and recognition_bond)",
        ])
    }

    @Test func alternativesGivenNone() throws {
        let result = try problems(replacing: "    transition: new_entrants", with: "    transition: all\n    accrued_rights: {}")
        #expect(result == [
            "DIR/scenario.yaml:83:21: reform.dc.accrued_rights: expected frozen_db, {frozen_db: {salary: final}} or {recognition_bond: {rate: RATE}}, got an empty mapping",
        ])
    }

    @Test func emptyGlidePath() throws {
        let result = try problems(replacing: "    portfolio: {20: {equity: 0.6, bonds: 0.3, cash: 0.1}, 50: {equity: 0.3, bonds: 0.6, cash: 0.1}}",
                                  with: "    portfolio: {}")
        #expect(result == [
            "DIR/scenario.yaml:87:16: reform.dc.portfolio: expected weights {equity, bonds, cash} or a mapping from age to weights, got an empty mapping",
        ])
    }

    @Test func glidePathAgeOutOfRange() throws {
        let result = try problems(replacing: "50: {equity: 0.3, bonds: 0.6, cash: 0.1}}", with: "150: {equity: 0.3, bonds: 0.6, cash: 0.1}}")
        #expect(result == [
            "DIR/scenario.yaml:87:59: reform.dc.portfolio.150: expected an age from 0 to 130, got '150'",
        ])
    }

    @Test func ageTableWithoutRows() throws {
        let result = try problems(replacing: "  disability: {factor_of_mortality: 0.2}", with: "  disability: {table: data/no-rates.csv}",
                                  extra: ["data/no-rates.csv": "age,male,female\n"])
        #expect(result == [
            "DIR/data/no-rates.csv:1:1: decrements.disability.table: no rows (expected one row per age from 0 with a disability rate in [0, 1] for each sex)",
        ])
    }
}

/// `reform.financing` (issue 21): `none` (the default, noted) or `borrowing`; anything else is
/// one located error.
@Suite struct FinancingKeyTests {
    @Test func aBadFinancingWordIsALocatedError() throws {
        let result = try BrokenScenarioTests().problems(replacing: "reform:\n  dc:\n", with: "reform:\n  financing: lending\n  dc:\n")
        #expect(result == ["DIR/scenario.yaml:80:14: reform.financing: expected one of none, borrowing, got 'lending'"])
    }

    @Test func borrowingIsReadAndNoneIsTheNotedDefault() throws {
        let path = BrokenScenarioTests.source.appendingPathComponent("scenario.yaml").path
        let plain = try ScenarioLoader.load(path: path)
        #expect(plain.projection?.valuation.financing == TransitionFinancing.none)
        #expect(plain.defaults.contains { $0.key == "reform.financing" && $0.value == "none" })
        let borrowing = try ScenarioLoader.load(path: path, overrides: ["reform.financing=borrowing"])
        #expect(borrowing.projection?.valuation.financing == .borrowing)
        #expect(!borrowing.defaults.contains { $0.key == "reform.financing" })
    }
}

/// `tracks[].regional_share` (issue 21, "Who pays"): a share in [0, 1], 0 when not given; anything
/// else is one located error.
@Suite struct RegionalShareKeyTests {
    @Test func aShareAboveOneIsALocatedError() throws {
        let result = try BrokenScenarioTests().problems(replacing: "    take_home_multiplier: 2.0               # assumption\n",
                                                        with: "    take_home_multiplier: 2.0               # assumption\n    regional_share: 1.5\n")
        #expect(result == ["DIR/scenario.yaml:58:21: tracks[1].regional_share: out of range (expected a share in [0, 1], got 1.5)"])
    }

    @Test func theShareIsReadAndZeroByDefault() throws {
        let path = BrokenScenarioTests.source.appendingPathComponent("scenario.yaml").path
        let plain = try ScenarioLoader.load(path: path)
        #expect(plain.projection?.tracks.map(\.regionalShare) == [0, 0])
    }
}
