import Foundation
import Testing
import PensiunScenario
@testable import PensiunSweep

/// Sweep files: each problem a user can meet, with its wording and location (FILE:LINE:COLUMN).
@Suite struct SweepFileTests {
    /// Writes `text` (with BASE standing for the synthetic scenario) as DIR/sweep.yaml and returns
    /// the problems reading it (and building and checking its variants) reports, DIR for the folder.
    func problems(_ text: String) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pensiun-sweepfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("sweep.yaml").path
        try text.replacingOccurrences(of: "BASE", with: Fixtures.synthetic).write(toFile: file, atomically: true, encoding: .utf8)
        try "name: economy-only\nsimulation: {start_year: 2025, horizon: 5, paths: 1, seed: 1}\n"
            .appending(try economySection()).write(to: folder.appendingPathComponent("economy.yaml"), atomically: true, encoding: .utf8)
        do {
            let spec = try SweepLoader.load(path: file)
            try SweepPlan(spec: spec).validate()
            return []
        } catch let error as ScenarioError {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: folder.path, with: "DIR") }
        }
    }

    func economySection() throws -> String {
        let text = try String(contentsOfFile: Fixtures.synthetic, encoding: .utf8)
        let start = text.range(of: "economy:\n")!.lowerBound, end = text.range(of: "\nmortality:")!.lowerBound
        return String(text[start..<end]) + "\n"
    }

    static let head = "base: BASE\nset: {simulation.horizon: 10}\n"
    static let parameter = "parameters:\n  - key: reform.dc.employer_rate\n    values: [0.04, 0.08]\n"

    @Test func aValidFileReads() throws {
        #expect(try problems(Self.head + Self.parameter) == [])
    }

    @Test func shippedSweepFilesRead() throws {
        let folder = Fixtures.root.appendingPathComponent("Scenarios/sweeps")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 3)
        for name in files {
            let spec = try SweepLoader.load(path: folder.appendingPathComponent(name).path)
            let plan = spec.design == .grid || spec.samples != nil ? try SweepPlan(spec: spec) : nil
            try plan?.validate()
            if spec.sensitivity.samples != nil { _ = try SensitivityStudy.plan(spec) }
        }
    }

    @Test(arguments: [
        // The file and its top level.
        ("parameter:\n  - key: x\n", [
            "DIR/sweep.yaml:1:1: parameter: unknown key 'parameter' (did you mean 'parameters'?)",
            "DIR/sweep.yaml:1:1: base: missing key (expected the path of the base scenario file, relative to the sweep file)",
            "DIR/sweep.yaml:1:1: parameters: missing key (expected a list of parameters, each with a key and values, a range or a distribution)",
        ]),
        ("base: nowhere.yaml\n" + parameter, ["DIR/sweep.yaml:1:7: base: cannot read the base scenario 'nowhere.yaml' (no such file)"]),
        ("base: economy.yaml\n" + parameter, ["DIR/sweep.yaml:1:7: base: the base scenario has no projection sections (expected mortality, decrements, survivors, tracks, population, entrants and current_scheme)"]),
        ("base: BASE\nset: [simulation.horizon]\n" + parameter, ["DIR/sweep.yaml:2:6: set: expected a mapping from scenario key paths to values (such as simulation.horizon: 20), got a list"]),
        ("base: BASE\nset: {simulation..horizon: 10}\n" + parameter, ["DIR/sweep.yaml:2:7: set.simulation..horizon: expected a scenario key path such as reform.dc.employer_rate, got 'simulation..horizon'"]),
        ("base: BASE\nset: {simulation.paths: 10}\n" + parameter, ["DIR/sweep.yaml:2:7: set.simulation.paths: paths and seed are keys of the sweep itself (write paths: or seed: at the top of the sweep file)"]),
        ("base: BASE\nset: {simulation.horizon: 0}\n" + parameter, ["DIR/sweep.yaml:2:27: simulation.horizon: out of range (expected a number of years between 1 and 200, got 0)"]),
        (head + "parameters: []\n", ["DIR/sweep.yaml:3:13: parameters: expected at least one parameter, got an empty list"]),
        (head + parameter + "paths: 0\nseed: -1\n", [
            "DIR/sweep.yaml:6:8: paths: out of range (expected a number of paths between 1 and 4294967294, got 0)",
            "DIR/sweep.yaml:7:7: seed: out of range (expected a whole number ≥ 0, got -1)",
        ]),
        // Parameters.
        (head + "parameters:\n  - key: simulation.horizon\n    values: [10, 20]\n", ["DIR/sweep.yaml:4:10: parameters[0].key: a sweep cannot vary simulation settings: every variant shares the calendar and the paths (use set: for a common value)"]),
        (head + "parameters:\n  - key: reform.dc.employer_rate\n    keys: [reform.dc.employee_rate]\n    values: [0.04]\n", ["DIR/sweep.yaml:4:10: parameters[0].key: give key or keys, not both"]),
        (head + "parameters:\n  - keys: []\n    values: [0.04]\n", ["DIR/sweep.yaml:4:11: parameters[0].keys: expected a list of scenario key paths, got an empty list"]),
        (head + "parameters:\n  - values: [0.04]\n", ["DIR/sweep.yaml:4:5: parameters[0].key: missing key (expected the scenario key path to vary, such as reform.dc.employer_rate)"]),
        (head + parameter + "  - keys: [reform.dc.employee_rate, reform.dc.employer_rate]\n    values: [0.05]\n", ["DIR/sweep.yaml:6:11: parameters[1].keys: reform.dc.employer_rate is already varied by parameters[0] (each key may be swept by one parameter)"]),
        (head + "parameters:\n  - key: reform.dc.employer_rate\n", ["DIR/sweep.yaml:4:5: parameters[0]: expected values, range or distribution (got none)"]),
        (head + parameter + "    range: {from: 0, to: 1, steps: 3}\n", ["DIR/sweep.yaml:6:12: parameters[0].range: give one of values, range or distribution (got values and range)"]),
        (head + "parameters:\n  - key: reform.dc.employer_rate\n    values: []\n", ["DIR/sweep.yaml:5:13: parameters[0].values: expected a list of values, got an empty list"]),
        (head + "parameters:\n  - key: reform.dc.employer_rate\n    values: [{a: 1}]\n", ["DIR/sweep.yaml:5:14: parameters[0].values[0]: expected a value (a number or a word), got a mapping"]),
        (head + "parameters:\n  - key: reform.dc.employer_rate\n    range: {from: 0.05, to: 0.05, steps: 3}\n", ["DIR/sweep.yaml:5:29: parameters[0].range.to: expected a last value different from the first (got 0.05 twice)"]),
        (head + "parameters:\n  - key: reform.dc.employer_rate\n    range: {from: 0.05, to: 0.1, steps: 1}\n", ["DIR/sweep.yaml:5:41: parameters[0].range.steps: out of range (expected a number of values ≥ 2, got 1)"]),
        (head + "parameters:\n  - key: reform.dc.employer_rate\n    distribution: {}\n", ["DIR/sweep.yaml:5:19: parameters[0].distribution: expected one distribution, uniform: [a, b] or normal: {mean: …, sd: …} (got none)"]),
        (head + "parameters:\n  - key: reform.dc.employer_rate\n    distribution: {beta: [1, 2]}\n", ["DIR/sweep.yaml:5:20: parameters[0].distribution.beta: unknown key 'beta' (expected one of uniform, normal)"]),
        (head + "parameters:\n  - key: reform.dc.employer_rate\n    distribution: {uniform: [0.1, 0.05]}\n", ["DIR/sweep.yaml:5:29: parameters[0].distribution.uniform: expected [a, b] with a < b, got [0.1, 0.05]"]),
        (head + "parameters:\n  - key: reform.dc.employer_rate\n    distribution: {normal: {mean: 0.08, sd: 0}}\n", ["DIR/sweep.yaml:5:45: parameters[0].distribution.normal.sd: out of range (expected a standard deviation > 0, got 0)"]),
        (head + "parameters:\n  - key: reform.dc.employer_rate\n    distribution: {normal: {mean: 0.08, sd: 0.01, min: 0.1, max: 0.05}}\n", ["DIR/sweep.yaml:5:66: parameters[0].distribution.normal.max: out of range (expected a maximum above the minimum 0.1, got 0.05)"]),
        (head + parameter + "    integer: true\n", ["DIR/sweep.yaml:6:14: parameters[0].integer: integer applies to a range or a distribution (values are used as written)"]),
        (head + parameter + "  - key: reform.dc.employee_rate\n    name: reform.dc.employer_rate\n    values: [0.05]\n", ["DIR/sweep.yaml:7:11: parameters[1].name: duplicate parameter name 'reform.dc.employer_rate' (also parameters[0]; give each parameter a distinct name)"]),
        // Values the scenario rejects, located where the sweep file wrote them.
        (head + "parameters:\n  - key: reform.dc.employer_rate\n    values: [0.04, 2]\n", ["DIR/sweep.yaml:5:20: reform.dc.employer_rate: out of range (expected a rate in [0, 1], got 2)"]),
        (head + "parameters:\n  - key: reform.dc.employer_rat\n    values: [0.04]\n", ["DIR/sweep.yaml:4:10: reform.dc.employer_rat: unknown key 'employer_rat' (did you mean 'employer_rate'?)"]),
        // Designs.
        (head + parameter + "design: sobel\n", ["DIR/sweep.yaml:6:9: design: expected one of grid, random, sobol, halton, latin_hypercube, got 'sobel' (did you mean 'sobol'?)"]),
        (head + parameter + "samples: 10\n", ["DIR/sweep.yaml:6:10: samples: samples applies to a random, sobol, halton or latin_hypercube design (a grid runs every combination)"]),
        (head + parameter + "design: sobol\n", ["DIR/sweep.yaml:1:1: samples: missing key (expected the number of variants of a sobol design)"]),
        (head + "parameters:\n  - key: reform.dc.employer_rate\n    distribution: {uniform: [0.04, 0.12]}\n", ["DIR/sweep.yaml:5:19: parameters[0].distribution: a grid needs values or a range (use design: random, sobol, halton or latin_hypercube to sample a distribution)"]),
        (head + "parameters:\n  - key: reform.dc.employer_rate\n    range: {from: 0, to: 0.1, steps: 1001}\n  - key: reform.dc.employee_rate\n    range: {from: 0, to: 0.1, steps: 1000}\n", ["DIR/sweep.yaml: parameters: the grid has more than 1000000 variants (reduce the values, or sample it with design: sobol)"]),
        // Outputs.
        (head + parameter + "outputs: {schemes: []}\n", ["DIR/sweep.yaml:6:20: outputs.schemes: expected current, reform or both, got an empty list"]),
        (head + parameter + "outputs:\n  metrics: {budget_burdn: all}\n", ["DIR/sweep.yaml:7:13: outputs.metrics.budget_burdn: unknown key 'budget_burdn' (did you mean 'budget_burden'?)"]),
        (head + parameter + "outputs:\n  metrics: {budget_burden: [2030, 2035]}\n", ["DIR/sweep.yaml:7:35: outputs.metrics.budget_burden[1]: out of range (expected all, or a year from 2025 to 2034, got 2035)"]),
        (head + parameter + "outputs:\n  metrics: {actives: []}\n", ["DIR/sweep.yaml:7:22: outputs.metrics.actives: expected all, or a year from 2025 to 2035, or a list of years, got an empty list"]),
        (head + parameter + "outputs:\n  summaries: [pv_diference]\n", ["DIR/sweep.yaml:7:15: outputs.summaries[0]: expected one of pv_burden_current, pv_burden_reform, pv_difference, pv_guarantee_topups, pv_bond_redemptions, peak_burden_pct_gdp_current, peak_burden_year_current, peak_burden_pct_gdp_reform, peak_burden_year_reform, peak_transition_cost_pct_gdp, peak_transition_cost_year, breakeven_year, breaks_even, exceeds_threshold_current, exceeds_threshold_reform, pv_payback_year, pays_back, replacement_rate_db, replacement_rate_dc, replacement_rate_total, rr_basic_db, rr_basic_dc, rr_basic_total, rr_takehome_db, rr_takehome_dc, rr_takehome_total, rr_basic_db_after10, rr_basic_dc_after10, rr_basic_total_after10, rr_basic_db_after20, rr_basic_dc_after20, rr_basic_total_after20, rr_basic_total_member_p10, rr_basic_total_member_p50, rr_basic_total_member_p90, rr_basic_dc_male, rr_basic_dc_female, rr_basic_total_male, rr_basic_total_female, got 'pv_diference' (did you mean 'pv_difference'?)"]),
        (head + parameter + "outputs:\n  statistics: []\n", ["DIR/sweep.yaml:7:15: outputs.statistics: expected at least one statistic, got an empty list"]),
        (head + parameter + "outputs:\n  statistics: [mean, 'P(pv_difference)']\n", ["DIR/sweep.yaml:7:22: outputs.statistics[1]: expected a comparison inside P(…), such as P(pv_difference < 0), got 'P(pv_difference)'"]),
        (head + parameter + "outputs:\n  statistics: ['mean(budget_burden@2040)']\n", ["DIR/sweep.yaml:7:16: outputs.statistics[0]: budget_burden has values for 2025–2034 (got 2040)"]),
        // Sensitivity.
        (head + parameter + "sensitivity: {outputs: []}\n", ["DIR/sweep.yaml:6:24: sensitivity.outputs: expected at least one output, got an empty list"]),
        (head + parameter + "sensitivity: {outputs: [mean]}\n", ["DIR/sweep.yaml:6:25: sensitivity.outputs[0]: expected a statistic of a named output, such as mean(pv_difference) (got 'mean')"]),
        (head + parameter + "sensitivity: {samples: 1, bootstrap: 0, confidence: 1}\n", [
            "DIR/sweep.yaml:6:24: sensitivity.samples: out of range (expected a base sample size ≥ 2, got 1)",
            "DIR/sweep.yaml:6:38: sensitivity.bootstrap: out of range (expected a number of bootstrap replicates from 1 to 100000, got 0)",
            "DIR/sweep.yaml:6:53: sensitivity.confidence: out of range (expected a confidence level in (0, 1), got 1)",
        ]),
        (head + parameter + "sensitivity: {design: grid}\n", ["DIR/sweep.yaml:6:23: sensitivity.design: expected one of random, sobol, halton, latin_hypercube, got 'grid'"]),
    ])
    func problemsAreLocatedAndWorded(text: String, expected: [String]) throws {
        let actual = try problems(text)
        #expect(actual == expected)
    }

    @Test func sobolLimitsTheNumberOfParameters() throws {
        let keys = (0..<41).map { "  - key: reform.retirement_age.x\($0)\n    values: [60]\n" }.joined()
        let result = try problems(Self.head + "parameters:\n" + keys + "design: sobol\nsamples: 4\n")
        #expect(result == ["DIR/sweep.yaml:86:9: design: sobol supports at most 40 parameters (got 41)"])
        let sensitivity = (0..<21).map { "  - key: economy.x\($0)\n    values: [1]\n" }.joined()
        #expect(try problems(Self.head + "parameters:\n" + sensitivity + "sensitivity: {design: sobol}\n")
            == ["DIR/sweep.yaml:46:23: sensitivity.design: sobol supports at most 20 parameters in a sensitivity study (A and B take 2 coordinates each; got 21)"])
    }

    @Test func aSensitivityStudyNeedsItsSampleSize() throws {
        let spec = try SweepLoader.load(path: try write(Self.head + Self.parameter))
        #expect(throws: SweepError.self) { try SensitivityStudy.plan(spec) }
        do { _ = try SensitivityStudy.plan(spec) } catch let error as SweepError {
            #expect(error.message.hasSuffix(".yaml: sensitivity.samples: missing key (expected N, the base sample size: the study runs N(d + 2) variants)"))
        }
    }

    func write(_ text: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pensiun-sweep-\(UUID().uuidString).yaml").path
        try text.replacingOccurrences(of: "BASE", with: Fixtures.synthetic).write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}
