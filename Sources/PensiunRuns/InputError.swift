/// Bad input the user can fix: one line naming the file (with its line and key when there are
/// ones) or the flag, and what is wrong. The command line prints it on standard error and exits
/// with status 2, having written nothing (docs/reliability.md).
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
