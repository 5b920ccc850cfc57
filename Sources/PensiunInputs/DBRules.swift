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
