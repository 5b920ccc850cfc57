import ArgumentParser
import PensiunReporting

/// `pensiun explain`: the resolved scenario, every value with where it came from.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print the resolved scenario with the source of every value (file:line, --set, or default)."
    )

    @OptionGroup var input: ScenarioArguments

    func run() throws {
        print(ScenarioExplanation.render(try input.load()), terminator: "")
    }
}
