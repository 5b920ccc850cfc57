import ArgumentParser
import Foundation
import PensiunReporting

@main
struct Pensiun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pensiun",
        abstract: "Monte Carlo projection of a public-sector DB -> DC pension reform.",
        discussion: "Every command reads a scenario file (YAML); see docs/ and Scenarios/.",
        version: PensiunVersion.string,
        subcommands: [RunCommand.self, MergeCommand.self, VerifyCommand.self, CompareCommand.self, ValidateCommand.self, ExplainCommand.self, CalibrateCommand.self, ESGCommand.self, ESGFitCommand.self, LifeTableCommand.self, SweepCommand.self, SensitivityCommand.self, SolveCommand.self, SlurmCommand.self]
    )

    /// Runs the command line. Bad input of any kind (a malformed flag, a malformed scenario, an
    /// output path Pensiun may not write) ends with exit status 2 and one line on standard error;
    /// a failure that is not the input's (a full disk, a defect) with status 1 and one line
    /// (``Failure/report(_:)`` decides which); never a signal (a write past `ulimit -f` fails
    /// with EFBIG instead of raising SIGXFSZ).
    static func main() {
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard let (message, status) = Failure.report(error) else { exit(withError: error) }
            fail(message, status: status)
        }
    }

    /// Prints `message` on standard error and exits with `status`.
    static func fail(_ message: String, status: Int32) -> Never {
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
        Foundation.exit(status)
    }
}
