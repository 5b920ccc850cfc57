import ArgumentParser
import Foundation

@main
struct Pensiun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pensiun",
        abstract: "Monte Carlo projection of a public-sector DB -> DC pension reform.",
        discussion: "Every command reads a scenario file (YAML); see docs/ and Scenarios/.",
        version: PensiunVersion.string,
        subcommands: [RunCommand.self, MergeCommand.self, CompareCommand.self, ValidateCommand.self, ExplainCommand.self, CalibrateCommand.self, ESGCommand.self, LifeTableCommand.self, SweepCommand.self, SensitivityCommand.self, SolveCommand.self, SlurmCommand.self]
    )

    /// Runs the command line. Bad input of any kind (a malformed flag as well as a malformed
    /// scenario) ends with exit status 2 and a message on standard error.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
