import ArgumentParser
import PensiunScenario

/// The scenario file and its `--set` overrides, shared by every command that reads a scenario.
struct ScenarioArguments: ParsableArguments {
    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(name: .customLong("set"), help: "Override a scenario value: key.path=value (repeatable).")
    var overrides: [String] = []

    /// Reads the scenario; a problem is the `ScenarioError` with every located message.
    func load() throws(ScenarioError) -> Scenario { try ScenarioLoader.load(path: scenario, overrides: overrides) }
}
