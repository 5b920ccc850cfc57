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
public struct DCRules: Sendable, Equatable {
    /// y_r ≥ y0, the reform year.
    public var year: Int
    public var transition: TransitionPolicy
    public var accruedRights: AccruedRights
    /// c_e and c_r by year, on S_DC = m_DC · S (m_DC: ``onTakeHomePay``).
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
    /// Whether the DC contributes on take-home pay (m_DC = the tracks' θ_{k,y}) rather than on
    /// basic salary (m_DC = 1): `reform.dc.contribution_base`.
    public var onTakeHomePay: Bool = true
    /// f, the fraction of a DC annuity paid for life to the spouse an annuitant leaves at death
    /// (`reform.dc.payout.survivor_fraction`, issue 20): 0 buys a single-life annuity (the
    /// default, docs/model.md §6), f > 0 a joint-and-survivor annuity priced on the projection's
    /// spouse model. 0 ≤ f ≤ 1.
    public var survivorFraction: Double = 0

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

    @inlinable public func weights(age: Int) -> PortfolioWeights { glidePath[min(age, glidePath.count - 1)] }

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
