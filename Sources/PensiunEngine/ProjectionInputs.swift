import PensiunActuarial
import PensiunEconomy
import PensiunRandom

/// The resolved inputs the engine runs on: everything a projection needs, as typed values
/// (PensiunScenario's `Scenario` reads them from a scenario file, with its settings and
/// provenance). Money is in currency units; salaries and pensions are monthly amounts; rates are
/// annual fractions.
public struct ProjectionInputs: Sendable {
    public var calendar: Calendar
    public var economy: EconomyParameters
    public var mortality: MortalityInputs
    public var decrements: DecrementInputs
    public var survivors: SurvivorInputs
    public var tracks: [Track]
    public var population: InitialPopulation
    public var entrants: EntrantInputs
    public var current: SchemeRules
    public var reform: SchemeRules
    public var valuation: ValuationInputs
    public var profiles: [ProfileSpec]

    public init(calendar: Calendar, economy: EconomyParameters, mortality: MortalityInputs,
                decrements: DecrementInputs, survivors: SurvivorInputs, tracks: [Track],
                population: InitialPopulation, entrants: EntrantInputs, current: SchemeRules,
                reform: SchemeRules, valuation: ValuationInputs, profiles: [ProfileSpec] = []) {
        self.calendar = calendar
        self.economy = economy
        self.mortality = mortality
        self.decrements = decrements
        self.survivors = survivors
        self.tracks = tracks
        self.population = population
        self.entrants = entrants
        self.current = current
        self.reform = reform
        self.valuation = valuation
        self.profiles = profiles
    }
}

/// Calendar and randomness.
public struct Calendar: Sendable, Equatable {
    /// y0, the first projected year.
    public var startYear: Int
    /// H, the number of projected years.
    public var horizon: Int
    /// The last age of every age grid ω: q = 1 there (from the mortality table or 130 for laws).
    public var maximumAge: Int
    /// The GSL generator algorithm.
    public var generator: GeneratorKind

    public init(startYear: Int, horizon: Int, maximumAge: Int, generator: GeneratorKind = .mt19937) {
        self.startYear = startYear
        self.horizon = horizon
        self.maximumAge = maximumAge
        self.generator = generator
    }
}

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
public struct MortalityInputs: Sendable {
    /// The base table by sex, q_base(x, s), closed at ``Calendar/maximumAge``.
    public var base: [Sex: MortalityTable]
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

    public init(base: [Sex: MortalityTable], factors: [MortalityBasisKind: [Sex: Double]] = [:],
                improvement: [Double] = [0], baseYear: Int, kappaSensitivity: [Double] = [1],
                kappaVolatility: Double = 0) {
        self.base = base
        self.factors = factors
        self.improvement = improvement
        self.baseYear = baseYear
        self.kappaSensitivity = kappaSensitivity
        self.kappaVolatility = kappaVolatility
    }

    public func factor(_ basis: MortalityBasisKind, _ sex: Sex) -> Double { factors[basis]?[sex] ?? 1 }
    public func improvementRate(age: Int) -> Double { improvement[min(age, improvement.count - 1)] }
    public func beta(age: Int) -> Double { kappaSensitivity[min(age, kappaSensitivity.count - 1)] }
}

/// Disability incidence: a table by age and sex, or a factor times q_base (no improvement, no κ).
public enum DisabilityIncidence: Sendable {
    case none
    case factorOfBaseMortality(Double)
    /// Rates by sex, index = age (missing ages take the last value).
    case table([Sex: [Double]])
}

/// Active decrements other than death (docs/model.md §4).
public struct DecrementInputs: Sendable {
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

    public func withdrawalRate(service n: Int) -> Double { withdrawal[min(n, withdrawal.count - 1)] }
    public func earlyRate(age x: Int) -> Double { earlyRetirement[min(x, earlyRetirement.count - 1)] }
}

/// Survivors (docs/model.md §4): a member aged x at the start of the year of death leaves, with
/// probability m_s(x), a spouse of the other sex aged x + 1 + Δ_s at the start of y+1.
public struct SurvivorInputs: Sendable {
    /// m_s(x) by sex of the member, index = age (beyond the list, the last value).
    public var probability: [Sex: [Double]]
    /// Δ_s: spouse's age minus the member's, by sex of the member.
    public var ageGap: [Sex: Int]

    public init(probability: [Sex: [Double]], ageGap: [Sex: Int]) {
        self.probability = probability
        self.ageGap = ageGap
    }

    public func leaveProbability(_ sex: Sex, age: Int) -> Double {
        guard let list = probability[sex], !list.isEmpty else { return 0 }
        return list[min(age, list.count - 1)]
    }
}

/// A career track: its salary scale and DC contribution base (retirement ages are scheme rules).
public struct Track: Sendable {
    public var name: String
    /// scale_k(n): monthly pensionable salary at completed service n, in currency of year y0
    /// (index = n; beyond the list, the last value).
    public var salaryScale: [Double]
    /// m_DC: the DC contribution base as a multiple of the pensionable salary (take-home pay /
    /// basic salary); 1 when contributions are on basic salary.
    public var dcBaseMultiplier: Double

    public init(name: String, salaryScale: [Double], dcBaseMultiplier: Double = 1) {
        self.name = name
        self.salaryScale = salaryScale
        self.dcBaseMultiplier = dcBaseMultiplier
    }

    @inlinable public func scale(service n: Int) -> Double { salaryScale[min(n, salaryScale.count - 1)] }
}

/// One cell of actives at y0: N members of (sex, track, age, service).
public struct ActiveCell: Sendable, Equatable {
    public var sex: Sex
    public var track: Int
    public var age: Int
    public var service: Int
    public var count: Double
    public init(sex: Sex, track: Int, age: Int, service: Int, count: Double) {
        self.sex = sex
        self.track = track
        self.age = age
        self.service = service
        self.count = count
    }
}

/// One cell of beneficiaries at y0: count and the monthly amounts of the whole cell.
public struct BeneficiaryCell: Sendable, Equatable {
    public var sex: Sex
    public var age: Int
    public var count: Double
    /// Total monthly pension of the cell.
    public var monthlyPension: Double
    /// Total monthly contingent survivor pension (pensioners and disabled only); nil = default
    /// σ_r/cap × pension, floored at f_sr × floor per member.
    public var monthlySurvivorPension: Double?
    public init(sex: Sex, age: Int, count: Double, monthlyPension: Double, monthlySurvivorPension: Double? = nil) {
        self.sex = sex
        self.age = age
        self.count = count
        self.monthlyPension = monthlyPension
        self.monthlySurvivorPension = monthlySurvivorPension
    }
}

/// The population at the start of y0.
public struct InitialPopulation: Sendable {
    public var actives: [ActiveCell]
    public var pensioners: [BeneficiaryCell]
    public var disabled: [BeneficiaryCell]
    public var survivors: [BeneficiaryCell]
    public init(actives: [ActiveCell], pensioners: [BeneficiaryCell] = [], disabled: [BeneficiaryCell] = [],
                survivors: [BeneficiaryCell] = []) {
        self.actives = actives
        self.pensioners = pensioners
        self.disabled = disabled
        self.survivors = survivors
    }
}

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
public struct EntrantInputs: Sendable {
    public var target: HeadcountTarget
    /// Shares by (sex, track, entry age); normalised to sum 1.
    public var profile: [EntrantShare]
    public init(target: HeadcountTarget, profile: [EntrantShare]) {
        self.target = target
        self.profile = profile
    }
}

/// How DB-type amounts are indexed at the end of each year (docs/model.md §5).
public enum IndexationRule: Sendable, Equatable {
    case prices
    case wages
    case fixed(Double)
    case none

    /// The factor applied at the end of a year with inflation i whose wage index goes from W_y to
    /// W_{y+1} (docs/model.md §5): 1 + i, W_{y+1}/W_y, 1 + r or 1.
    @inlinable public func factor(inflation: Double, wage: Double, nextWage: Double) -> Double {
        switch self {
        case .prices: return 1 + inflation
        case .wages: return nextWage / wage
        case let .fixed(r): return 1 + r
        case .none: return 1
        }
    }
}

/// Where employee DB contributions go.
public enum ContributionDestination: Sendable, Equatable {
    /// They offset the budget burden.
    case budget
    /// They accumulate in a reserve earning the bond return, which pays no benefits.
    case reserve
}

/// The current scheme's rules (DB, pay-as-you-go), docs/model.md §5.
public struct DBRules: Sendable, Equatable {
    /// a: accrual rate per year of service.
    public var accrualRate: Double
    /// The cap on a·(n+1).
    public var cap: Double
    /// floor_base: the minimum monthly pension at y0, moving with the wage index (floor_y = floor_base · W_y).
    public var floor: Double
    /// Minimum service (n+1) for a pension at BUP.
    public var minimumService: Int
    /// Payments a year (Indonesia: 14).
    public var monthsPaid: Double
    /// σ_r: survivor pension of a pensioner's spouse, fraction of B; f_sr: its floor as a multiple of floor_y.
    public var survivorOfPensioner: Double
    public var survivorOfPensionerFloor: Double
    /// σ_a and f_sa after a death in service.
    public var survivorOfActive: Double
    public var survivorOfActiveFloor: Double
    /// σ_duty and f_duty after a death in service caused by duty; d, the share of such deaths.
    public var survivorOfDuty: Double
    public var survivorOfDutyFloor: Double
    public var dutyShare: Double
    /// Indexation of DB-type amounts, by year of the indexation (end of y).
    public var indexation: ByYear<IndexationRule>
    /// c_DB: employee contribution rate on pensionable salary, by year.
    public var employeeRate: ByYear<Double>
    public var destination: ContributionDestination
    /// Allowances paid with every DB pension awarded (Indonesia: family and food allowances, UU
    /// 11/1969 Pasal 8), as a fraction of the pension: the amount paid is (1 + allowance) × the
    /// pension of the formula. Replacement rates exclude them. Default 0 (an addition to the specification, docs/model.md Part II).
    public var pensionAllowance: Double = 0
    /// The same for survivor pensions.
    public var survivorAllowance: Double = 0

    public init(accrualRate: Double, cap: Double, floor: Double, minimumService: Int, monthsPaid: Double,
                survivorOfPensioner: Double, survivorOfPensionerFloor: Double,
                survivorOfActive: Double, survivorOfActiveFloor: Double,
                survivorOfDuty: Double, survivorOfDutyFloor: Double, dutyShare: Double,
                indexation: ByYear<IndexationRule>, employeeRate: ByYear<Double>, destination: ContributionDestination) {
        self.accrualRate = accrualRate
        self.cap = cap
        self.floor = floor
        self.minimumService = minimumService
        self.monthsPaid = monthsPaid
        self.survivorOfPensioner = survivorOfPensioner
        self.survivorOfPensionerFloor = survivorOfPensionerFloor
        self.survivorOfActive = survivorOfActive
        self.survivorOfActiveFloor = survivorOfActiveFloor
        self.survivorOfDuty = survivorOfDuty
        self.survivorOfDutyFloor = survivorOfDutyFloor
        self.dutyShare = dutyShare
        self.indexation = indexation
        self.employeeRate = employeeRate
        self.destination = destination
    }
}

/// Who moves to the DC (docs/model.md §6).
public enum TransitionPolicy: Sendable, Equatable {
    case newEntrants
    case switchUnderAge(Int)
    case all
    case supplementary

    /// Whether an active aged `age` at the start of the reform year leaves the DB with accrued
    /// rights (supplementary members stay in the DB and add a DC account; docs/model.md §6).
    public func switches(age: Int) -> Bool {
        switch self {
        case .newEntrants, .supplementary: return false
        case let .switchUnderAge(limit): return age < limit
        case .all: return true
        }
    }
}

/// What happens to DB rights already earned by a switcher.
public enum AccruedRights: Sendable, Equatable {
    /// Frozen DB pension on B_f (revalued with DB indexation, or the final salary when `finalSalary`).
    case frozenDB(finalSalary: Bool)
    /// A recognition bond accruing at ρ.
    case recognitionBond(rate: Double)
}

/// DC portfolio weights at one age: equity, bonds, cash (summing to 1).
public struct PortfolioWeights: Sendable, Equatable {
    public var equity: Double
    public var bonds: Double
    public var cash: Double
    public init(equity: Double, bonds: Double, cash: Double) {
        self.equity = equity
        self.bonds = bonds
        self.cash = cash
    }
}

/// The form of the DC payout at retirement or disability.
public enum PayoutForm: Sendable, Equatable { case annuity, lumpSum }

/// What a DC member who withdraws does with the balance.
public enum WithdrawalOption: Sendable, Equatable { case deferred, cash }

/// The minimum pension guarantee: top-up to months_paid · level · floor_y for a DC member retiring
/// with n+1 ≥ minimumService.
public struct Guarantee: Sendable, Equatable {
    public var level: Double
    public var minimumService: Int
    public init(level: Double, minimumService: Int) {
        self.level = level
        self.minimumService = minimumService
    }
}

/// The DC component of a scheme and the transition into it, docs/model.md §6.
public struct DCRules: Sendable {
    /// y_r ≥ y0, the reform year.
    public var year: Int
    public var transition: TransitionPolicy
    public var accruedRights: AccruedRights
    /// c_e and c_r by year, on S_DC = m_DC · S.
    public var employeeRate: ByYear<Double>
    public var employerRate: ByYear<Double>
    /// Annual fee deducted from the portfolio return.
    public var fee: Double
    /// Portfolio weights by age (index = age; beyond the list, the last value).
    public var glidePath: [PortfolioWeights]
    public var payout: PayoutForm
    /// Annuity pricing margin below the path's yield, and escalation λ.
    public var annuityMargin: Double
    public var annuityEscalation: Double
    /// DC annuity payments a year (default 12).
    public var monthsPaidDC: Double
    public var withdrawal: WithdrawalOption
    public var guarantee: Guarantee?

    public init(year: Int, transition: TransitionPolicy, accruedRights: AccruedRights, employeeRate: ByYear<Double>,
                employerRate: ByYear<Double>, fee: Double, glidePath: [PortfolioWeights], payout: PayoutForm = .annuity,
                annuityMargin: Double, annuityEscalation: Double = 0, monthsPaidDC: Double = 12,
                withdrawal: WithdrawalOption = .deferred, guarantee: Guarantee? = nil) {
        self.year = year
        self.transition = transition
        self.accruedRights = accruedRights
        self.employeeRate = employeeRate
        self.employerRate = employerRate
        self.fee = fee
        self.glidePath = glidePath
        self.payout = payout
        self.annuityMargin = annuityMargin
        self.annuityEscalation = annuityEscalation
        self.monthsPaidDC = monthsPaidDC
        self.withdrawal = withdrawal
        self.guarantee = guarantee
    }

    public func weights(age: Int) -> PortfolioWeights { glidePath[min(age, glidePath.count - 1)] }

    /// R_y(x) = Σ_j w_j(x) r_{j,y} − fee: the portfolio return of a member aged x (docs/model.md §6).
    @inlinable public func portfolioReturn(age: Int, equity: Double, bond: Double, cash: Double) -> Double {
        let w = weights(age: age)
        return w.equity * equity + w.bonds * bond + w.cash * cash - fee
    }

    /// j = (1 + i − margin)/(1 + escalation) − 1: the rate at which annuities are priced in a year
    /// whose bond yield is i (docs/model.md §6).
    @inlinable public func annuityRate(bondYield i: Double) -> Double {
        (1 + i - annuityMargin) / (1 + annuityEscalation) - 1
    }
}

/// The rules of one scheme: the current scheme has no DC; a reform has a DC, or changes the DB
/// parameters only (a parametric reform).
public struct SchemeRules: Sendable {
    /// DB rules for DB members, legacy pensioners and frozen rights.
    public var db: DBRules
    /// BUP_{k,y} by track under this scheme.
    public var retirementAges: [ByYear<Int>]
    /// The DC and transition, if any.
    public var dc: DCRules?

    public init(db: DBRules, retirementAges: [ByYear<Int>], dc: DCRules? = nil) {
        self.db = db
        self.retirementAges = retirementAges
        self.dc = dc
    }
}

/// Discounting and reporting choices.
public struct ValuationInputs: Sendable {
    /// nil: path yields (docs/model.md §2); otherwise a fixed annual rate r.
    public var discountRate: Double?
    /// The rate for the implicit pension debt on the deterministic path (nil: the deterministic
    /// path's yields).
    public var debtDiscountRate: Double?
    /// Projected final salary (true) or current salary (false) for actives' accrued rights.
    public var debtProjectedSalary: Bool
    /// The indexation assumed in the implicit pension debt (nil: the scheme's own rule; `.none`
    /// values only the amounts the law guarantees when raises are discretionary).
    public var debtIndexation: IndexationRule? = nil
    /// Threshold of burden / GDP for P(burden > threshold in any year).
    public var burdenThreshold: Double

    public init(discountRate: Double? = nil, debtDiscountRate: Double? = nil, debtProjectedSalary: Bool = true,
                burdenThreshold: Double = 0.01) {
        self.discountRate = discountRate
        self.debtDiscountRate = debtDiscountRate
        self.debtProjectedSalary = debtProjectedSalary
        self.burdenThreshold = burdenThreshold
    }
}

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
