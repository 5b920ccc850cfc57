import PensiunActuarial

/// The headcount target of actives.
public enum HeadcountTarget: Sendable, Equatable {
    /// Keep the y0 headcount.
    case constant
    /// target_{y} = N_{y0} (1 + g)^{y − y0}.
    case growth(Double)
    /// An explicit target by year (years not listed keep the last listed value).
    case series(ByYear<Double>)
}

/// One share of the entrant profile.
public struct EntrantShare: Sendable, Equatable {
    public var sex: Sex
    public var track: Int
    public var age: Int
    public var share: Double
    public init(sex: Sex, track: Int, age: Int, share: Double) {
        self.sex = sex
        self.track = track
        self.age = age
        self.share = share
    }
}

/// New entrants at the start of y+1: max(0, target_{y+1} − surviving actives), spread by profile.
public struct EntrantInputs: Sendable, Equatable {
    public var target: HeadcountTarget
    /// Shares by (sex, track, entry age); normalised to sum 1.
    public var profile: [EntrantShare]
    public init(target: HeadcountTarget, profile: [EntrantShare]) {
        self.target = target
        self.profile = profile
    }
}
