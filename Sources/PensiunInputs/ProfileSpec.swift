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
    /// The member's pay level within the track (an index into its ``Track/payLevels``; nil: paid
    /// the track's salary scale itself, multiplier 1). Model 2.4.
    public var payLevel: Int?
    public init(sex: Sex, track: Int, entryAge: Int, entryYear: Int, exitAge: Int? = nil, payLevel: Int? = nil) {
        self.sex = sex
        self.track = track
        self.entryAge = entryAge
        self.entryYear = entryYear
        self.exitAge = exitAge
        self.payLevel = payLevel
    }

    /// The member's salary ÷ the track's salary scale: its pay level's multiplier m_l, or 1.
    public func payMultiplier(_ tracks: [Track]) -> Double {
        payLevel.map { tracks[track].payLevels[$0].multiplier } ?? 1
    }

    /// The year at whose end the member withdraws, aged exit age − 1 at its start and exit age at
    /// its end (as a member retires at the end of the year in which it reaches the BUP, §4): entry
    /// year + exit age − 1 − entry age; nil without an exit age.
    public var exitYear: Int? { exitAge.map { entryYear + $0 - 1 - entryAge } }
}
