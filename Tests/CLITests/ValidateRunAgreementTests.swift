import Foundation
import Testing

/// `validate` refuses what `run` refuses before writing, with the same first line; both accept
/// the rest. Each case is a broken copy of a shipped scenario: the fuzzer's "accepted by validate,
/// refused by run" findings (economic paths with a rate or a DC portfolio return at or below
/// −100%) and loader errors of every kind.
@Suite struct ValidateRunAgreementTests {
    /// One broken scenario: the synthetic scenario with `edits` (old → new text) and extra files,
    /// or a shipped scenario as it is; `overrides` go to both commands.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        var scenario = "synthetic-small/scenario.yaml"
        var edits: [(String, String)] = []
        var extra: [String: [UInt8]] = [:]
        /// Edits of data/actives.csv.
        var activesEdits: [(String, String)] = []
        var overrides: [String] = []
        /// Whether the refusal has a place in a file (FILE:LINE:COL), or names the scenario and a path.
        var located = true
        /// The horizon (default: 5, or 10 for the Indonesian scenarios, whose reforms start in
        /// 2027), the paths and the threads given to both commands.
        var horizon: Int?
        var paths = 4
        var threads = 1
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // The fuzzer's findings (fuzz-findings.md, "Accepted by validate, refused by run"): the
        // durations and spreads they used are now outside the keys' ranges, so both commands
        // refuse them where they are written.
        Case(name: "s1-t00153", edits: [("bond_duration: 6 ", "bond_duration: 200 "), ("  process_risk: false\n", "")]),
        Case(name: "s1-t00353", edits: [("bond_duration: 6 ", "bond_duration: 1000000 ")]),
        Case(name: "s1-t01560", scenario: "indonesia-asn-2019/baseline.yaml", overrides: ["economy.cash_spread=130"]),
        Case(name: "s1-t01868", edits: [("cash_spread: 0.01 ", "cash_spread: 1e15 ")]),
        Case(name: "s2-t00894", edits: [("bond_duration: 6 ", "bond_duration: 201 ")]),
        Case(name: "s2-t01003", edits: [("cash_spread: 0.01 ", "cash_spread: 99 ")]),
        Case(name: "s2-t01960", scenario: "indonesia-asn-2019/reform-dc-take-home-supplementary.yaml",
             overrides: ["economy.cash_spread=!!int 3.5"]),
        // Within the ranges, a long duration still gives bond returns at or below −100% on some
        // paths: refused by run's engine and by validate's check of the same paths.
        Case(name: "bond duration 100", edits: [("bond_duration: 6 ", "bond_duration: 100 ")], located: false),
        Case(name: "bond duration 100, flagship", scenario: "indonesia-asn-2019/baseline.yaml",
             overrides: ["economy.bond_duration=100"], located: false),
        // The same on the general engine (process risk on), which meets the errors path by path.
        Case(name: "bond duration 100 with process risk",
             edits: [("bond_duration: 6 ", "bond_duration: 100 "), ("  process_risk: false", "  process_risk: true")], located: false),
        // A failure on a later path (37), in the second of two blocks run on two threads.
        Case(name: "path 37 of 40", overrides: ["economy.bond_duration=80", "simulation.seed=1"], located: false,
             horizon: 8, paths: 40, threads: 2),
        Case(name: "path 37 of 40 with process risk",
             overrides: ["economy.bond_duration=80", "simulation.seed=1", "decrements.process_risk=true"],
             located: false, horizon: 8, paths: 40, threads: 2),
        // Loader errors.
        Case(name: "unknown key", edits: [("  withdrawal: {0: 0.03", "  withdrawl: {0: 0.03")]),
        Case(name: "missing key", edits: [("  cap: 0.70 ", "  # cap: 0.70 ")]),
        Case(name: "wrong shape", edits: [("  process_risk: false", "  process_risk: [false]")]),
        Case(name: "reform year outside the horizon", edits: [("    year: 2027 ", "    year: 2070 ")]),
        Case(name: "YAML syntax", edits: [("  horizon: 40 ", "  horizon: [40 ")]),
        Case(name: "NUL character", edits: [("  seed: 42 ", "  seed: 4\u{0}2 ")]),
        Case(name: "negative volatility", edits: [("volatility: 0.005,", "volatility: -0.005,")]),
        Case(name: "unknown shock law", edits: [("shocks: normal}", "shocks: studentt}")]),
        Case(name: "extends a folder", edits: [("name: synthetic-small\n", "name: synthetic-small\nextends: data\n")]),
        Case(name: "extends a missing base", edits: [("name: synthetic-small\n", "name: synthetic-small\nextends: nowhere.yaml\n")]),
        Case(name: "extends a list", edits: [("name: synthetic-small\n", "name: synthetic-small\nextends: list.yaml\n")],
             extra: ["list.yaml": Array("- a\n- b\n".utf8)]),
        Case(name: "extends invalid UTF-8", edits: [("name: synthetic-small\n", "name: synthetic-small\nextends: bad.yaml\n")],
             extra: ["bad.yaml": Array("name: x\n".utf8) + [0xC3, 0x28]]),
        Case(name: "process risk on a cell above 2^32 members", edits: [("  process_risk: false", "  process_risk: true")],
             activesEdits: [("\nmale,clerical,22,0,10\n", "\n" + String(repeating: "male,clerical,22,0,1e9\n", count: 5))]),
        // Found by the 2,000-case fuzz run: a cap of 0 made a pensioner's survivor pension
        // σ_r / cap × pension infinite; the cap's range is now (0, 2].
        Case(name: "cap 0", edits: [("  cap: 0.70 ", "  cap: 0 ")]),
        Case(name: "unknown top-level key", edits: [("name: synthetic-small\n", "name: synthetic-small\ncolour: blue\n")]),
        // A deterministic alternative's overrides, checked as --set would check them, before anything is written.
        Case(name: "alternative with an unknown key",
             edits: [("reporting:\n", "reporting:\n  alternatives:\n    - {name: low, set: {economy.inflation.meen: 0.1}}\n")]),
        Case(name: "alternative with a value out of range",
             edits: [("reporting:\n", "reporting:\n  alternatives:\n    - name: high\n      set:\n        economy.cash_spread: 99\n")]),
    ]

    /// The first line of standard error, the temporary folder replaced by `DIR`.
    func firstLine(_ result: CLI.Result, _ folder: URL) -> String {
        String(result.stderr.split(separator: "\n").first ?? "").replacingOccurrences(of: folder.path, with: "DIR")
    }

    @Test(arguments: cases)
    func validateAndRunAgree(_ c: Case) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var scenario = "Scenarios/\(c.scenario)"
        if !c.edits.isEmpty || !c.extra.isEmpty || !c.activesEdits.isEmpty {
            let copy = folder.appendingPathComponent("synthetic-small")
            try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Scenarios/synthetic-small"), to: copy)
            let file = copy.appendingPathComponent("scenario.yaml")
            var text = try String(contentsOf: file, encoding: .utf8)
            for (old, new) in c.edits {
                #expect(text.contains(old), "the fixture no longer contains \(old)")
                text = text.replacingOccurrences(of: old, with: new)
            }
            try text.write(to: file, atomically: true, encoding: .utf8)
            for (name, bytes) in c.extra { try Data(bytes).write(to: copy.appendingPathComponent(name)) }
            let actives = copy.appendingPathComponent("data/actives.csv")
            var rows = try String(contentsOf: actives, encoding: .utf8)
            for (old, new) in c.activesEdits {
                #expect(rows.contains(old), "the fixture no longer contains \(old)")
                rows = rows.replacingOccurrences(of: old, with: new)
            }
            try rows.write(to: actives, atomically: true, encoding: .utf8)
            scenario = file.path
        }
        let horizon = c.horizon ?? (c.scenario.hasPrefix("indonesia") ? 10 : 5)
        let common = ["--set", "simulation.horizon=\(horizon)"] + c.overrides.flatMap { ["--set", $0] }
            + ["--paths", "\(c.paths)", "--threads", "\(c.threads)"]
        let validate = try CLI.run(["validate", scenario] + common)
        let run = try CLI.run(["run", scenario, "--out", folder.appendingPathComponent("out").path, "--quiet"] + common)
        #expect(validate.status == 2, "validate: \(validate.stdout)\(validate.stderr)")
        #expect(run.status == 2, "run: \(run.stderr)")
        #expect(firstLine(validate, folder) == firstLine(run, folder))
        // No message quotes a file that is not a scenario: no variable of the environment shows.
        for value in ProcessInfo.processInfo.environment.values where value.count >= 8 {
            #expect(!validate.stderr.contains(value) && !run.stderr.contains(value), "an environment value was echoed")
        }
        let line = firstLine(validate, folder)
        if c.located {
            // FILE:LINE:COL, or the --set flag that gave the value.
            #expect(line.range(of: #"^([^:]+:[0-9]+:[0-9]+|--set): "#, options: .regularExpression) != nil, "not located: \(line)")
        } else {
            #expect(line.hasPrefix(scenario.replacingOccurrences(of: folder.path, with: "DIR") + ": path "), "\(line)")
        }
    }

    /// Each process reads its own environment, so the place of the first NUL may differ between
    /// the two commands: both refuse at the extends key and neither shows a variable's value.
    @Test func theProcessEnvironmentAsABaseIsRefusedUnread() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("scenario.yaml")
        try "extends: /proc/self/environ\n".write(to: scenario, atomically: true, encoding: .utf8)
        for command in [["validate", scenario.path], ["run", scenario.path, "--out", folder.appendingPathComponent("out").path]] {
            let result = try CLI.run(command)
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("\(scenario.path):1:10: extends: the base scenario '/proc/self/environ' is not YAML text (control character U+0000 at line 1, column "))
            #expect(result.stderr.split(separator: "\n").count == 1)
            for value in ProcessInfo.processInfo.environment.values where value.count >= 8 {
                #expect(!result.stderr.contains(value), "an environment value was echoed")
            }
        }
    }

    @Test func aValidScenarioPassesBoth() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let common = ["--set", "simulation.horizon=5", "--paths", "4", "--threads", "1"]
        let validate = try CLI.run(["validate", "Scenarios/synthetic-small/scenario.yaml"] + common)
        let run = try CLI.run(["run", "Scenarios/synthetic-small/scenario.yaml", "--out", folder.appendingPathComponent("out").path, "--quiet"] + common)
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(run.status == 0, "\(run.stderr)")
    }
}
