/// One problem in a scenario file, located as `FILE:LINE:COLUMN: key.path: message`.
public struct ScenarioDiagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based line, or nil when the problem has no place in the file (a missing key is located at
    /// its parent mapping; a missing file at line 1).
    public let line: Int?
    public let column: Int?
    public let keyPath: String
    public let message: String

    public init(file: String, line: Int?, column: Int?, keyPath: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return keyPath.isEmpty ? "\(place): \(message)" : "\(place): \(keyPath): \(message)"
    }
}

/// Every problem found while reading a scenario: reading goes on after the first, so that an
/// analyst sees them all at once.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [ScenarioDiagnostic]
    public init(_ diagnostics: [ScenarioDiagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics during one read of a scenario.
package final class DiagnosticLog {
    package private(set) var diagnostics: [ScenarioDiagnostic] = []
    /// Keys left out and the default values they took.
    private(set) var defaults: [(key: String, value: String)] = []
    package init() {}
    package func add(_ diagnostic: ScenarioDiagnostic) { diagnostics.append(diagnostic) }
    func noteDefault(_ key: String, _ value: String) { defaults.append((key, value)) }
    /// Notes that `key` was left out and took the table's default.
    func noteDefault(_ key: ScenarioKey) { noteDefault(key.path, key.defaultValue ?? "none") }
    package var isEmpty: Bool { diagnostics.isEmpty }
}
