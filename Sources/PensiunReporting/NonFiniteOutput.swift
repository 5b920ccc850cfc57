/// A number that is not finite reached a writer. Writers never write NaN or infinity: a value
/// that is not applicable is `nil` and written as an empty CSV cell, JSON `null` or `n/a` in text
/// (docs/model.md, "Not applicable"). The run-time check on the results
/// (`ProjectionResults.firstNonFinite`) stops a run before this can happen, so this error means
/// a defect in Pensiun: exit status 1.
public struct NonFiniteOutput: Error, Sendable, CustomStringConvertible {
    public let field: String
    public let value: Double?

    public init(field: String, value: Double? = nil) {
        self.field = field
        self.value = value
    }

    public var description: String {
        "internal error: \(field) is \(value.map { "\($0)" } ?? "not a finite number"), which no output file may hold (please report this with the scenario)"
    }
}
