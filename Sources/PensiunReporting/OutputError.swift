/// Why Pensiun will not write an output: the target is not Pensiun's to replace, is being written
/// by another process, or cannot be written. The message is one line that says what was refused
/// and what to do. `internal` marks a failure that is not the user's input (a full disk, a
/// permission the folder lacks): exit status 1 instead of 2.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// True when the environment failed (disk full, I/O error), not the user's choice of path.
    public let isEnvironmentFailure: Bool

    public init(_ message: String, environment: Bool = false) {
        self.message = message
        self.isEnvironmentFailure = environment
    }

    public var description: String { message }

    /// The same refusal naming the option that chose the path (`--out PATH: …`), so the user
    /// sees what to change; an environment failure is left as it is.
    public func naming(_ option: String) -> OutputError {
        isEnvironmentFailure ? self : OutputError("\(option) \(message)")
    }

    /// Runs `body`, which opens or writes an output at a path the user chose with `option` (or
    /// the command's default for it), naming the option in a refusal (``naming(_:)``); other
    /// errors pass through unchanged. Every command that writes to `--out` goes through this.
    public static func naming<T>(_ option: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as OutputError {
            throw error.naming(option)
        }
    }
}
