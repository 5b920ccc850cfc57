/// The retirement probability of an active at the end of year y (docs/model.md §4): certain at
/// the normal retirement age, the early-retirement rate once eligible for it, zero before.
public struct RetirementChance: Sendable, Equatable {
    /// r: the probability of retiring at the end of the year among those still in service.
    public var rate: Double
    /// Whether this is an early retirement (before BUP).
    public var isEarly: Bool

    /// For a member aged x with n years of service at the start of y:
    ///
    ///     r = 1                 if x + 1 ≥ BUP
    ///     r = r(x)              if x + 1 ≥ early age and n + 1 ≥ early service (early)
    ///     r = 0                 otherwise
    @inlinable public init(age x: Int, service n: Int, normalAge bup: Int, earlyAge: Int, earlyService: Int,
                           earlyRate: @autoclosure () -> Double) {
        if Self.reachesNormalAge(age: x, normalAge: bup) {
            self.rate = 1; self.isEarly = false
        } else if x + 1 >= earlyAge && n + 1 >= earlyService {
            self.rate = earlyRate(); self.isEarly = true
        } else {
            self.rate = 0; self.isEarly = false
        }
    }

    /// Whether a member aged x at the start of y reaches the normal retirement age at its end
    /// (docs/model.md §4): x + 1 ≥ BUP. A profile's member retires exactly then (§9).
    @inlinable public static func reachesNormalAge(age x: Int, normalAge bup: Int) -> Bool { x + 1 >= bup }
}
