import ArgumentParser
import Foundation
import PensiunScenario

/// The scenario file and its `--set` overrides, shared by every command that reads a scenario.
struct ScenarioArguments: ParsableArguments {
    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(name: .customLong("set"), help: "Override a scenario value: key.path=value (repeatable).")
    var overrides: [String] = []

    /// Reads the scenario; every problem becomes the located messages and exit status 2.
    func load() throws -> Scenario { try loadScenario(scenario, overrides: overrides) }
}

/// Loads a scenario, turning every problem into the located messages and exit status 2.
func loadScenario(_ path: String, overrides: [String]) throws -> Scenario {
    do {
        return try ScenarioLoader.load(path: path, overrides: overrides)
    } catch {
        throw failInput(error.description)
    }
}
