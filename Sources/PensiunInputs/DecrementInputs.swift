import PensiunActuarial

/// Disability incidence: a table by age and sex, or a factor times q_base (no improvement, no κ).
public enum DisabilityIncidence: Sendable, Equatable {
    case none
    case factorOfBaseMortality(Double)
    /// Rates by sex, index = age (missing ages take the last value).
    case table([Sex: [Double]])
}

/// Active decrements other than death (docs/model.md §4).
public struct DecrementInputs: Sendable, Equatable {
    public var disability: DisabilityIncidence
    /// w(n): withdrawal rate by completed service n (index = n; beyond the list, the last value).
    public var withdrawal: [Double]
    /// r(x): early-retirement rate by age (index = age; missing ages take 0 below the list's
    /// start… the list is dense from age 0; beyond it, the last value).
    public var earlyRetirement: [Double]
    /// Early retirement is possible when x+1 ≥ earlyAge and n+1 ≥ earlyService.
    public var earlyAge: Int
    public var earlyService: Int
    /// Active decrements drawn Binomial(N, q) and entrants by a multinomial (small schemes).
    public var processRisk: Bool

    public init(disability: DisabilityIncidence = .none, withdrawal: [Double] = [0], earlyRetirement: [Double] = [0],
                earlyAge: Int = 200, earlyService: Int = 200, processRisk: Bool = false) {
        self.disability = disability
        self.withdrawal = withdrawal
        self.earlyRetirement = earlyRetirement
        self.earlyAge = earlyAge
        self.earlyService = earlyService
        self.processRisk = processRisk
    }

    @inlinable public func withdrawalRate(service n: Int) -> Double { withdrawal[min(n, withdrawal.count - 1)] }
    @inlinable public func earlyRate(age x: Int) -> Double { earlyRetirement[min(x, earlyRetirement.count - 1)] }
}

/// Survivors (docs/model.md §4): a member aged x at the start of the year of death leaves, with
/// probability m_s(x), a spouse of the other sex aged x + 1 + Δ_s at the start of y+1.
public struct SurvivorInputs: Sendable, Equatable {
    /// m_s(x) by sex of the member, index = age (beyond the list, the last value).
    public var probability: [Sex: [Double]]
    /// Δ_s: spouse's age minus the member's, by sex of the member.
    public var ageGap: [Sex: Int]

    public init(probability: [Sex: [Double]], ageGap: [Sex: Int]) {
        self.probability = probability
        self.ageGap = ageGap
    }

    @inlinable public func leaveProbability(_ sex: Sex, age: Int) -> Double {
        guard let list = probability[sex], !list.isEmpty else { return 0 }
        return list[min(age, list.count - 1)]
    }
}
