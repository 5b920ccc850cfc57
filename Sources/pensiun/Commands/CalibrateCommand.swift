import ArgumentParser
import Foundation
import PensiunRuns
import PensiunReporting

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
        let paths = pathCount.paths ?? CalibrationPaths.value
        let report = try Calibration.run(scenario: input.scenario, overrides: input.overrides, paths: paths, seed: master.seed,
                                         threads: threading.resolved, version: PensiunVersion.string)
        print(SummaryText.calibrationTable(report), terminator: "")
        let verdict = Calibration.verdict(report)
        print(verdict.line)
        if !verdict.allMet { throw ExitCode(1) }
    }
}
