import PensiunActuarial

/// A representative member for individual profiles (docs/model.md §9).
public struct ProfileSpec: Sendable, Equatable {
    public var sex: Sex
    public var track: Int
    public var entryAge: Int
    public var entryYear: Int
    /// The age at which the member leaves service by withdrawal before the BUP (nil: the member
    /// stays in service to the BUP). Issue 20.
    public var exitAge: Int?
    public init(sex: Sex, track: Int, entryAge: Int, entryYear: Int, exitAge: Int? = nil) {
        self.sex = sex
        self.track = track
        self.entryAge = entryAge
        self.entryYear = entryYear
        self.exitAge = exitAge
    }

    /// The year at whose end the member withdraws, aged exit age − 1 at its start and exit age at
    /// its end (as a member retires at the end of the year in which it reaches the BUP, §4): entry
    /// year + exit age − 1 − entry age; nil without an exit age.
    public var exitYear: Int? { exitAge.map { entryYear + $0 - 1 - entryAge } }
}
