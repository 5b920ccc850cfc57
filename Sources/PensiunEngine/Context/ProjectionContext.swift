import Foundation
import PensiunActuarial
import PensiunInputs

/// What does not depend on the path, computed once per run: the mortality grid, dense per-year
/// parameters, the initial cohorts and the entrant profile.
public struct ProjectionContext: Sendable {
    /// The inputs the engines run on: the scenario's, with one track per pay group
    /// (``ProjectionInputs/byPayGroup()``).
    public let inputs: ProjectionInputs
    /// The pay groups of the scenario's tracks; `payGroups.tracks` are the scenario's tracks.
    public let payGroups: PayGroups
    /// ρ_k of each scenario track (``PensiunInputs/Track/regionalShare``), for ``BudgetSharing``.
    public var regionalShares: [Double] { payGroups.tracks.map(\.regionalShare) }
    public let grid: MortalityGrid
    public let horizon: Int
    public let startYear: Int
    public let maximumAge: Int
    /// The y0 headcount of actives.
    public let initialHeadcount: Double
    /// The initial actives merged by (sex, track, age, service), in that order.
    public let initialActives: [ActiveCell]
    /// The entrant profile, normalised to sum 1, zero shares dropped.
    public let entrantProfile: [EntrantShare]
    /// Per scheme, the dense per-year rules.
    public let schemes: [SchemeYearRules]
    /// Dense lookup tables for the engine's inner loops (no dictionaries, no nested arrays).
    public let tables: DenseTables
    /// The headcount target of actives at the start of each year index t = 0 … H.
    let targets: [Double]

    public init(inputs scenarioInputs: ProjectionInputs) {
        let inputs = scenarioInputs.byPayGroup()
        self.inputs = inputs
        payGroups = scenarioInputs.payGroups
        let calendar = inputs.calendar
        horizon = calendar.horizon
        startYear = calendar.startYear
        maximumAge = calendar.maximumAge
        grid = MortalityGrid(mortality: inputs.mortality, disability: inputs.decrements.disability, calendar: calendar)
        initialActives = InitialPopulation.mergedActives(inputs.population.actives)
        initialHeadcount = initialActives.reduce(0) { $0 + $1.count }
        let total = inputs.entrants.profile.reduce(0) { $0 + $1.share }
        entrantProfile = total > 0
            ? inputs.entrants.profile.filter { $0.share > 0 }.map { var s = $0; s.share /= total; return s }
            : []
        schemes = [inputs.current, inputs.reform].map { SchemeYearRules(rules: $0, calendar: calendar) }
        reformStartYear = inputs.reformStartYear
        tables = DenseTables(inputs: inputs)
        let headcount = initialHeadcount, startYear = startYear
        targets = (0...max(0, horizon)).map { t in
            switch inputs.entrants.target {
            case .constant: return headcount
            case let .growth(g): return headcount * pow(1 + g, Double(t))
            case let .series(series): return series(startYear + t)
            }
        }
    }

    /// The context of `inputs` with the tables of `earlier`, a context built from the same
    /// ``DemographyInputs`` (everything but the economy, the valuation and the profiles, which no
    /// table reads): the grid, cohorts, entrant profile, dense tables and targets are `earlier`'s,
    /// and each scheme's dense rules too when its rules are equal. The same numbers as
    /// ``init(inputs:)``, without building them again (``ProjectionCache``).
    init(inputs scenarioInputs: ProjectionInputs, reusing earlier: ProjectionContext) {
        let inputs = scenarioInputs.byPayGroup()
        assert(DemographyInputs(inputs) == DemographyInputs(earlier.inputs), "a context reused for other demography inputs")
        self.inputs = inputs
        payGroups = earlier.payGroups
        horizon = earlier.horizon
        startYear = earlier.startYear
        maximumAge = earlier.maximumAge
        grid = earlier.grid
        initialActives = earlier.initialActives
        initialHeadcount = earlier.initialHeadcount
        entrantProfile = earlier.entrantProfile
        schemes = zip([inputs.current, inputs.reform], earlier.schemes).map { rules, built in
            built.rules == rules ? built : SchemeYearRules(rules: rules, calendar: inputs.calendar)
        }
        tables = earlier.tables
        targets = earlier.targets
        reformStartYear = inputs.reformStartYear
    }

    /// y_s, the reform's first year (``ReformStart/year(current:reform:calendar:)``); nil when the
    /// reform is the current scheme.
    public let reformStartYear: Int?

    /// The basis of each scheme's like-for-like replacement rates, ``LikeForLikeBasis/schemes(_:)``.
    public var rateBasis: [LikeForLikeBasis] { LikeForLikeBasis.schemes(inputs) }

    /// The recognition bond of a switcher aged `age` with `service` years at the start of year
    /// index t, on `base` (monthly salary B_r): ``DBRules/recognitionBond(serviceAtReform:base:annuityFactor:rate:yearsToBUP:)``
    /// with ä^{(12)}_BUP on the annuitant basis at the expected retirement year, κ = 0, rate ρ (docs/model.md §6).
    func recognitionBond(sex: Sex, age: Int, service: Int, bup: Int, t: Int, rho: Double, base: Double, db: DBRules) -> Double {
        let yearsToBUP = max(0, bup - age)
        let factor = grid.annuityDueMonthly(sex, age: bup, yearIndex: t + yearsToBUP, kappa: 0, rate: rho)
        return db.recognitionBond(serviceAtReform: service, base: base, annuityFactor: factor, rate: rho, yearsToBUP: yearsToBUP)
    }

    /// A result to project one scheme on one path into: rates by the scenario's tracks, award sums
    /// by pay group.
    public func emptyResult() -> SchemePathResult {
        SchemePathResult(horizon: horizon, trackCount: payGroups.tracks.count, payGroupCount: payGroups.count)
    }

    /// The headcount target of actives at the start of year y0 + t.
    public func target(_ t: Int) -> Double { targets[t] }
}

/// The inputs the inner loops read, as flat arrays indexed by small integers.
public struct DenseTables: Sendable {
    /// Services tabulated: beyond, the last value applies.
    public static let services = 101
    /// salary[k · services + n] = scale_k(n), monthly, currency of y0.
    public let salary: [Double]
    /// m_DC of the reform's DC by track and year index: takeHome when the DC contributes on
    /// take-home pay, else 1; dcMultiplier[k · H + t].
    public let dcMultipliers: [Double]
    /// θ_{k,y}, take-home pay ÷ basic salary: takeHome[k · H + t].
    public let takeHome: [Double]
    public let horizon: Int
    /// w(n) by completed service.
    public let withdrawal: [Double]
    /// r(x) by age.
    public let early: [Double]
    /// m_s(x): leave[s · ages + x].
    public let leave: [Double]
    /// Δ_s by sex index.
    public let gap: [Int]

    init(inputs: ProjectionInputs) {
        let n = Self.services, omega = inputs.calendar.maximumAge
        salary = inputs.tracks.flatMap { track in (0..<n).map { track.scale(service: $0) } }
        let h = inputs.calendar.horizon, y0 = inputs.calendar.startYear
        horizon = h
        takeHome = inputs.tracks.flatMap { $0.takeHomeMultiplier.dense(from: y0, count: h) }
        dcMultipliers = inputs.reform.dc?.onTakeHomePay == false ? takeHome.map { _ in 1 } : takeHome
        withdrawal = (0..<n).map { inputs.decrements.withdrawalRate(service: $0) }
        early = (0...omega).map { inputs.decrements.earlyRate(age: $0) }
        leave = [Sex.male, .female].flatMap { sex in (0...omega).map { inputs.survivors.leaveProbability(sex, age: $0) } }
        gap = [inputs.survivors.ageGap[.male] ?? 0, inputs.survivors.ageGap[.female] ?? 0]
    }

    @inlinable public func salaryScale(track k: Int, service: Int) -> Double {
        salary[k * Self.services + min(service, Self.services - 1)]
    }
    /// m_DC of track k in year index t (``DCRules/onTakeHomePay``).
    @inlinable public func dcMultiplier(track k: Int, t: Int) -> Double { dcMultipliers[k * horizon + t] }
    /// θ of track k in year index t.
    @inlinable public func takeHomeMultiplier(track k: Int, t: Int) -> Double { takeHome[k * horizon + t] }
    @inlinable public func withdrawalRate(service: Int) -> Double { withdrawal[min(service, Self.services - 1)] }
}

/// A scheme's rules as dense arrays by year index t (and by track for retirement ages).
public struct SchemeYearRules: Sendable {
    public let rules: SchemeRules
    public let employeeDBRate: [Double]
    public let indexation: [IndexationRule]
    /// BUP[k][t].
    public let retirementAge: [[Int]]
    public let dcEmployeeRate: [Double]
    public let dcEmployerRate: [Double]
    /// The reform year's index t_r, or nil when the scheme has no DC.
    public let reformIndex: Int?

    init(rules: SchemeRules, calendar: ProjectionCalendar) {
        self.rules = rules
        let h = calendar.horizon, y0 = calendar.startYear
        employeeDBRate = rules.db.employeeRate.dense(from: y0, count: h)
        indexation = rules.db.indexation.dense(from: y0, count: h)
        retirementAge = rules.retirementAges.map { $0.dense(from: y0, count: h + 1) }
        dcEmployeeRate = rules.dc.map { $0.employeeRate.dense(from: y0, count: h) } ?? Array(repeating: 0, count: h)
        dcEmployerRate = rules.dc.map { $0.employerRate.dense(from: y0, count: h) } ?? Array(repeating: 0, count: h)
        reformIndex = rules.dc.map { $0.year - y0 }
    }
}

