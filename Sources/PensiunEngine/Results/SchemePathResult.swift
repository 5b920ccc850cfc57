/// What one scheme produces on one path: every metric by year, plus the flow ledgers the exact
/// checks of docs/model.md §10 need.
public struct SchemePathResult: Sendable {
    public let horizon: Int
    /// K, the scenario's tracks (the rates by track).
    public let trackCount: Int
    /// The pay groups the engines project (``PayGroups``; K when no track has pay levels).
    public let payGroupCount: Int
    /// Metric m in year index t at `values[m.rawValue * (H+1) + t]`; flows leave index H at 0.
    /// Replacement rates are NaN in years when nobody retires.
    public var values: [Double]
    /// Replacement rates by track: rate r (the position of its metric in ``Metric/rates``), track
    /// and year index t at `byTrack[(r · K + track) · H + t]`, NaN when not applicable.
    public var byTrack: [Double]
    /// The year's retirements as the engines accumulate them, by ``ReplacementKind``, pay group g
    /// (G of them) and t: Σ n·rate (the model-2.2 rate of each retiree) at
    /// `awardSums[((kind · 2) · G + g) · H + t]` and Σ n at `awardSums[((kind · 2 + 1) · G + g) · H + t]`;
    /// every rate is computed from them by ``fillRates(_:groups:takeHome:indexation:drivers:)``.
    public var awardSums: [Double]
    /// The same sums by sex s (0 male, 1 female), every pay group added: Σ n·rate at
    /// `awardSumsBySex[((kind · 2) · 2 + s) · H + t]` and Σ n at `awardSumsBySex[((kind · 2 + 1) · 2 + s) · H + t]`;
    /// accumulated apart from ``awardSums`` (which they leave as they are), for the rates by sex.
    public var awardSumsBySex: [Double]
    /// The employer DC contributions C^r_{k,t} by scenario track k (K of them) and year index t at
    /// `employerDCByTrack[k · H + t]`: the pay groups' contributions added to their track
    /// (``PensiunInputs/PayGroups/track``); accumulated apart from `contributions_employer`, which
    /// they add up to (within rounding), for ``BudgetSharing``.
    public var employerDCByTrack: [Double]
    /// Population flows by year (docs/model.md §10): entries and exits of each population.
    public var ledger: [PopulationLedger]
    /// DC money flows by year.
    public var dcFlows: [DCMoneyFlows]

    /// The result of a scenario with `trackCount` tracks projected as `payGroupCount` pay groups
    /// (default: one per track).
    public init(horizon: Int, trackCount: Int, payGroupCount: Int? = nil) {
        self.horizon = horizon
        self.trackCount = trackCount
        self.payGroupCount = payGroupCount ?? trackCount
        values = [Double](repeating: 0, count: Metric.allCases.count * (horizon + 1))
        byTrack = [Double](repeating: .nan, count: Metric.rates.count * trackCount * horizon)
        awardSums = [Double](repeating: 0, count: 2 * ReplacementKind.allCases.count * self.payGroupCount * horizon)
        awardSumsBySex = [Double](repeating: 0, count: 2 * ReplacementKind.allCases.count * 2 * horizon)
        employerDCByTrack = [Double](repeating: 0, count: trackCount * horizon)
        ledger = Array(repeating: PopulationLedger(), count: horizon)
        dcFlows = Array(repeating: DCMoneyFlows(), count: horizon)
    }

    @inlinable public subscript(metric: Metric, t: Int) -> Double {
        get { values[Self.valueIndex(metric, t, horizon: horizon)] }
        set { values[Self.valueIndex(metric, t, horizon: horizon)] = newValue }
    }

    /// The employer DC contributions of scenario track k in year index t (``employerDCByTrack``).
    @inlinable public subscript(employerDC track: Int, t: Int) -> Double {
        get { employerDCByTrack[track * horizon + t] }
        set { employerDCByTrack[track * horizon + t] = newValue }
    }

    /// A replacement rate (a metric of ``Metric/rates``) of one track in year index t.
    /// (`metric` must be a rate: ``Metric/rateIndex`` not nil.)
    public subscript(rate metric: Metric, track track: Int, t: Int) -> Double {
        get { byTrack[Self.trackIndex(Self.rate(metric), track, t, horizon: horizon, trackCount: trackCount)] }
        set { byTrack[Self.trackIndex(Self.rate(metric), track, t, horizon: horizon, trackCount: trackCount)] = newValue }
    }

    /// The position of a rate in ``Metric/rates``; a metric that is not a rate is a programming error.
    public static func rate(_ metric: Metric) -> Int {
        guard let r = metric.rateIndex else { preconditionFailure("\(metric.name) is not a replacement rate") }
        return r
    }

    /// Σ n·rate (`count` false) or Σ n (`count` true) of the retirements of one kind and pay group
    /// in year index t (``awardSums``).
    @inlinable public subscript(award kind: ReplacementKind, count count: Bool, group group: Int, t: Int) -> Double {
        get { awardSums[Self.trackIndex(kind.rawValue * 2 + (count ? 1 : 0), group, t, horizon: horizon, trackCount: payGroupCount)] }
        set { awardSums[Self.trackIndex(kind.rawValue * 2 + (count ? 1 : 0), group, t, horizon: horizon, trackCount: payGroupCount)] = newValue }
    }

    /// Σ n·rate (`count` false) or Σ n (`count` true) of the retirements of one kind and sex (index
    /// 0 male, 1 female) in year index t, every pay group added (``awardSumsBySex``).
    @inlinable public subscript(award kind: ReplacementKind, count count: Bool, sex sex: Int, t: Int) -> Double {
        get { awardSumsBySex[Self.sexIndex(kind, count: count, sex: sex, t, horizon: horizon)] }
        set { awardSumsBySex[Self.sexIndex(kind, count: count, sex: sex, t, horizon: horizon)] = newValue }
    }

    /// Where (kind, count, sex, t) is in ``awardSumsBySex``.
    @inlinable static func sexIndex(_ kind: ReplacementKind, count: Bool, sex: Int, _ t: Int, horizon: Int) -> Int {
        trackIndex(kind.rawValue * 2 + (count ? 1 : 0), sex, t, horizon: horizon, trackCount: 2)
    }

    /// Where (metric, t) is in `values`, and (kind, track, t) in `byTrack`.
    @inlinable static func valueIndex(_ metric: Metric, _ t: Int, horizon: Int) -> Int { metric.rawValue * (horizon + 1) + t }

    @inlinable static func trackIndex(_ kind: Int, _ track: Int, _ t: Int, horizon: Int, trackCount: Int) -> Int {
        (kind * trackCount + track) * horizon + t
    }

    /// The reform's transition cost in % of GDP, (burden − the current scheme's burden) / GDP, by
    /// year (set on the reform's result).
    mutating func setTransitionCost(current: SchemePathResult, gdp: [Double]) {
        for t in 0..<horizon { self[.transitionCostPctGDP, t] = (self[.budgetBurden, t] - current[.budgetBurden, t]) / gdp[t] }
    }
}

/// Entries and exits of each population in one year (counts).
public struct PopulationLedger: Sendable, Equatable {
    public var activeEntries = 0.0, activeExits = 0.0
    public var pensionerEntries = 0.0, pensionerExits = 0.0
    public var survivorEntries = 0.0, survivorExits = 0.0
    public var deferredEntries = 0.0, deferredExits = 0.0
    public init() {}
}

/// DC money of one year: fund(y+1) = fund(y) + contributions + returns + bonds redeemed −
/// (annuity purchases + lump sums + death benefits + cash withdrawals).
public struct DCMoneyFlows: Sendable, Equatable {
    public var contributions = 0.0
    public var returns = 0.0
    public var bondsRedeemedIntoAccounts = 0.0
    public var annuityPurchases = 0.0
    public var lumpSums = 0.0
    public var deathBenefits = 0.0
    public var cashWithdrawals = 0.0
    public init() {}
}
