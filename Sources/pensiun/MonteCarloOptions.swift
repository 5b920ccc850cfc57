import ArgumentParser
import Foundation
import PensiunRandom
import PensiunReporting

/// Flags shared by every command that simulates paths.
struct MonteCarloOptions: ParsableArguments {
    @Option(help: "Number of Monte Carlo paths (default: the scenario's simulation.paths).")
    var paths: Int?

    @Option(help: "Master seed (default: the scenario's simulation.seed).")
    var seed: UInt64?

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    func validate() throws {
        if let paths, paths < 1 { throw ValidationError("--paths must be at least 1 (got \(paths)).") }
        if let paths, UInt64(paths) >= PathSeeds.maximumPaths {
            throw ValidationError("--paths must be below \(PathSeeds.maximumPaths), the number of distinct path seeds (got \(paths)).")
        }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads)).") }
    }

    var resolvedThreads: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }
}

/// Prints `message` on standard error and ends the command with exit status 2 (bad input).
func failInput(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    return ExitCode(2)
}

/// Runs `body`, which opens an output, naming `--out` in a refusal of its path (`--out PATH: …`),
/// whether the path was given or is the command's default.
func namingOut<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as OutputError {
        throw error.naming("--out")
    }
}

/// Tells the user that the previous output folder was kept (``RunFolderWriter/leftover``).
func warnKept(_ folder: String) {
    FileHandle.standardError.write(Data("warning: the previous output folder held a file that appeared during the run; it was kept as \(folder)\n".utf8))
}
