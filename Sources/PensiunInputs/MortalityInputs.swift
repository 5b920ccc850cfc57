import PensiunActuarial

/// The mortality bases of docs/model.md §4.
public enum MortalityBasisKind: Int, CaseIterable, Sendable {
    case actives, pensioners, disabled, survivors, deferred, annuitants

    public var key: String {
        switch self {
        case .actives: return "actives"
        case .pensioners: return "pensioners"
        case .disabled: return "disabled"
        case .survivors: return "survivors"
        case .deferred: return "deferred"
        case .annuitants: return "annuitants"
        }
    }
}

/// q_b(x, s, y) = min(1, f_{b,s} · q_base(x, s) · (1 − imp_x)^{y − y_base} · exp(−β_x κ_y)).
public struct MortalityInputs: Sendable, Equatable {
    /// The base tables q_base(x, s) of each sex, closed at ``ProjectionCalendar/maximumAge``
    /// (two stored tables, so that no sex can be missing).
    public var male: MortalityTable
    public var female: MortalityTable
    /// f_{b,s}: a scaling factor per basis and sex (default 1).
    public var factors: [MortalityBasisKind: [Sex: Double]]
    /// Annual improvement rate imp_x by age (index = age; missing ages take the last value).
    public var improvement: [Double]
    /// y_base, the calendar year of the base table.
    public var baseYear: Int
    /// β_x by age (index = age; missing ages take the last value); default 1.
    public var kappaSensitivity: [Double]
    /// σ_κ, the volatility of the period index's annual step.
    public var kappaVolatility: Double

    public init(male: MortalityTable, female: MortalityTable, factors: [MortalityBasisKind: [Sex: Double]] = [:],
                improvement: [Double] = [0], baseYear: Int, kappaSensitivity: [Double] = [1],
                kappaVolatility: Double = 0) {
        self.male = male
        self.female = female
        self.factors = factors
        self.improvement = improvement
        self.baseYear = baseYear
        self.kappaSensitivity = kappaSensitivity
        self.kappaVolatility = kappaVolatility
    }

    /// The base table of a sex.
    public func base(_ sex: Sex) -> MortalityTable { sex == .male ? male : female }
    public func factor(_ basis: MortalityBasisKind, _ sex: Sex) -> Double { factors[basis]?[sex] ?? 1 }
    public func improvementRate(age: Int) -> Double { improvement[min(age, improvement.count - 1)] }
    public func beta(age: Int) -> Double { kappaSensitivity[min(age, kappaSensitivity.count - 1)] }
}
