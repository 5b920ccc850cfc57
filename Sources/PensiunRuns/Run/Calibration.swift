import Foundation
import PensiunEngine
import PensiunInputs
import PensiunReporting
import PensiunScenario

/// `pensiun calibrate`: the model against the scenario's calibration targets.
public enum Calibration {
    /// Runs `paths` paths of the scenario `scenario` (with `overrides`; `seed`, or the
    /// scenario's) and returns the report whose `calibration` rows compare model and targets. A
    /// scenario without calibration targets is an ``InputError``.
    public static func run(scenario: String, overrides: [String], paths: Int, seed: UInt64?, threads: Int,
                           version: String) throws -> RunReport {
        let loaded = try ScenarioLoader.load(path: scenario, overrides: overrides)
        let inputs = try RunChecks.projection(of: loaded)
        guard !loaded.calibration.isEmpty else {
            throw InputError("\(scenario): reporting.calibration: the scenario has no calibration targets")
        }
        let seed = seed ?? loaded.simulation.seed
        let started = Date()
        // The checks and messages of `run` (``RunChecks``): a scenario `run` refuses, calibrate
        // refuses with the same line.
        let checked = try RunChecks(inputs, scenario: scenario, paths: 0..<paths, seed: seed, threads: threads,
                                    checkingPaths: false)
        let results: ProjectionResults
        do {
            results = try checked.projection.run(paths: 0..<paths, seed: seed, threads: threads)
            try RunChecks.requireFinite(results, scenario: scenario)
        } catch {
            if let refusal = RunChecks.refusal(error, scenario: scenario) { throw refusal }
            throw error
        }
        let debt = loaded.calibration.contains { $0.measure == .implicitDebt } ? checked.debt : nil
        let metadata = RunMetadata(version: version, gitCommit: nil, seed: seed, paths: 0..<paths,
                                   totalPaths: paths, threads: threads, wallTime: Date().timeIntervalSince(started),
                                   overrides: overrides)
        return RunReport(scenario: loaded, inputs: inputs, results: results, debt: debt, metadata: metadata)
    }

    /// The verdict under the calibration table: how many targets the run met, with its paths and
    /// seed, and whether every one was met (calibrate's exit status 0, else 1).
    /// References (not checked) are counted apart; the line names the distinct years in which
    /// every checked target was met.
    public static func verdict(_ report: RunReport) -> (line: String, allMet: Bool) {
        let checked = report.calibration.filter { !$0.target.reference }
        let total = checked.count, missed = checked.filter { !$0.passes }.count
        let paths = report.metadata.paths.count, seed = report.metadata.seed
        let years = Set(checked.map(\.target.year)).filter { year in checked.allSatisfy { $0.target.year != year || $0.passes } }.sorted()
        let references = report.calibration.count - total
        var line = (missed == 0 ? "All \(total) targets met" : "\(missed) of \(total) targets missed") + " (\(paths) paths, seed \(seed))"
        line += "; years with every target met: " + (years.isEmpty ? "none" : years.map(String.init).joined(separator: ", "))
        if references > 0 { line += "; \(references) reference\(references == 1 ? "" : "s") shown, not checked" }
        line += "."
        return (line, missed == 0)
    }
}
