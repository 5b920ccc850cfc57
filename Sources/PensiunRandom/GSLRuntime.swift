import CGSL

/// A failure reported by the GNU Scientific Library, or a parameter GSL would mishandle.
///
/// GSL's default error handler aborts the process; Pensiun switches it off once (see
/// ``GSLRuntime/configure()``) and turns every non-zero status into this error instead.
public enum GSLError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A GSL call returned a non-zero status code (`GSL_EDOM`, `GSL_ENOMEM`, ...).
    case status(code: Int32, call: String)
    /// A distribution or generator parameter outside its domain.
    case invalidParameter(String)
    /// A matrix that should be symmetric positive definite is not.
    case notPositiveDefinite(String)
    /// GSL could not allocate a generator or workspace.
    case allocationFailed(String)

    public var description: String {
        switch self {
        case let .status(code, call):
            let reason = String(cString: gsl_strerror(code))
            return "\(call) failed: \(reason) (GSL status \(code))"
        case let .invalidParameter(text): return text
        case let .notPositiveDefinite(text): return text
        case let .allocationFailed(what): return "GSL could not allocate \(what)"
        }
    }
}

/// Process-wide GSL set-up, done exactly once before any other GSL call.
public enum GSLRuntime {
    /// Swift initialises a global `let` once, thread-safely, on first use.
    private static let configured: Bool = {
        pensiun_gsl_disable_abort()
        return true
    }()

    /// Switches GSL's abort-on-error handler off. Idempotent and cheap; every entry point that
    /// allocates GSL objects calls it, so callers never need to remember.
    @discardableResult
    public static func configure() -> Bool { configured }

    /// Throws ``GSLError/status(code:call:)`` when `code` is not `GSL_SUCCESS`.
    @inlinable
    public static func check(_ code: Int32, _ call: @autoclosure () -> String) throws(GSLError) {
        if code != 0 { throw GSLError.status(code: code, call: call()) }
    }
}
