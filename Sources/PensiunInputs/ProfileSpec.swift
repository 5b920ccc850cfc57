import PensiunActuarial

/// A representative member for individual profiles (docs/model.md §9).
public struct ProfileSpec: Sendable, Equatable {
    public var sex: Sex
    public var track: Int
    public var entryAge: Int
    public var entryYear: Int
    public init(sex: Sex, track: Int, entryAge: Int, entryYear: Int) {
        self.sex = sex
        self.track = track
        self.entryAge = entryAge
        self.entryYear = entryYear
    }
}
