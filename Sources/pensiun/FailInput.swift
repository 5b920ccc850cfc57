import ArgumentParser
import Foundation

/// Prints `message` on standard error and ends the command with exit status 2 (bad input).
func failInput(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    return ExitCode(2)
}
