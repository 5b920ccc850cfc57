import ArgumentParser
import Foundation

/// `--threads N`, declared and validated here only; results never depend on it.
struct ThreadsOption: ParsableArguments {
    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads)).") }
    }

    /// The threads given, or every active core.
    var resolved: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }
}
