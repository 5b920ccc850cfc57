import ArgumentParser
import Foundation
import PensiunActuarial
import PensiunReporting
import PensiunRuns
import PensiunScenario
import PensiunSweep

/// The one place that turns an error into what the user sees and the exit status
/// (docs/reliability.md): 2 with one line naming the file, line and key (or the flag) when the
/// input is to blame, 1 with one line for a failure that is not the input's (a full disk, a
/// failed sbatch, a defect). Commands throw; only `Pensiun.main` calls this.
enum Failure {
    /// The message and exit status of `error`; nil when ArgumentParser reports it itself (help,
    /// `--version`, an `ExitCode` such as calibrate's 1 for a missed target).
    static func report(_ error: any Error) -> (message: String, status: Int32)? {
        switch error {
        case let error as InputError: return (error.message, 2)
        case let error as ScenarioError: return (error.description, 2)
        case let error as SweepError: return (error.message, 2)
        case let error as ActuarialError: return (error.description, 2)
        case let error as RunVerification.Problem: return (error.description, 2)
        case let error as OutputError: return (error.description, error.isEnvironmentFailure ? 1 : 2)
        case let error as NonFiniteOutput: return (error.description, 1)
        case let error as SlurmSubmissionError: return (error.message, 1)
        default: break
        }
        let code = Pensiun.exitCode(for: error)
        if code == .validationFailure { return (Pensiun.fullMessage(for: error), 2) }
        if error is ExitCode || code == .success { return nil }
        let full = Pensiun.fullMessage(for: error)
        let text = full.isEmpty ? "\(error)" : full
        return ("pensiun: internal error: " + text.split(separator: "\n").joined(separator: " "), 1)
    }
}
