import ArgumentParser
import Foundation
import PensiunRuns

/// `pensiun validate`: checks a scenario and prints every problem at once.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file and list every problem, one per line.",
        discussion: """
        Exit status 0 when the scenario is valid (warnings are printed), 2 otherwise. Nothing is \
        run or written, but everything `run` checks before it projects is checked, with the same \
        message: the economic paths of the run (the scenario's simulation.paths and seed, or \
        --paths and --seed) must keep every rate and DC portfolio return above −100%. A scenario         without the projection sections is refused, as run refuses it, unless --economy-only is         given (what pensiun esg needs).
        """
    )

    @OptionGroup var input: ScenarioArguments

    @OptionGroup var monteCarlo: MonteCarloOptions

    @Flag(name: .customLong("economy-only"), help: "Check only what pensiun esg needs (simulation and economy sections).")
    var economyOnly = false

    func run() throws {
        let loaded = try RunChecks.validate(scenario: input.scenario, overrides: input.overrides, paths: monteCarlo.paths,
                                            seed: monteCarlo.seed, threads: monteCarlo.resolvedThreads, economyOnly: economyOnly)
        for warning in loaded.warnings { print("warning: \(warning)") }
        let parts = loaded.projection == nil ? "economy only" : "complete"
        print("\(input.scenario): valid (\(parts); \(loaded.warnings.count) warning\(loaded.warnings.count == 1 ? "" : "s"))")
    }
}
