import ArgumentParser
import Foundation
import PensiunEngine
import PensiunReporting
import PensiunScenario

/// `pensiun calibrate`: the model against the scenario's calibration targets.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Compare the model with the scenario's calibration targets (reporting.calibration).",
        discussion: "Runs the projection (default 200 paths) and prints the calibration table. Exit status 0 when every target is met, 1 when one is missed, 2 on bad input."
    )

    @OptionGroup var input: ScenarioArguments

    @OptionGroup var pathCount: PathsOption<CalibrationPaths>

    @OptionGroup var master: SeedOption

    @OptionGroup var threading: ThreadsOption

    func run() throws {
        let loaded = try input.load()
        let inputs = try RunChecks.projection(of: loaded)
        guard !loaded.calibration.isEmpty else {
            throw failInput("\(input.scenario): reporting.calibration: the scenario has no calibration targets")
        }
        let paths = pathCount.paths ?? CalibrationPaths.value
        let threads = threading.resolved
        let seed = master.seed ?? loaded.simulation.seed
        let started = Date()
        let results = try MonteCarloProjection(inputs: inputs).run(paths: 0..<paths, seed: seed, threads: threads)
        let debt = loaded.calibration.contains { $0.measure == .implicitDebt } ? try ImplicitPensionDebt.compute(inputs) : nil
        let metadata = RunMetadata(version: PensiunVersion.string, gitCommit: nil, seed: seed, paths: 0..<paths,
                                   totalPaths: paths, threads: threads, wallTime: Date().timeIntervalSince(started),
                                   overrides: input.overrides)
        let report = RunReport(scenario: loaded, inputs: inputs, results: results, debt: debt, metadata: metadata)
        print(SummaryText.calibrationTable(report), terminator: "")
        let missed = report.calibration.filter { !$0.passes }.count
        print(missed == 0 ? "All \(report.calibration.count) targets met (\(paths) paths, seed \(seed))."
                          : "\(missed) of \(report.calibration.count) targets missed (\(paths) paths, seed \(seed)).")
        if missed > 0 { throw ExitCode(1) }
    }
}
