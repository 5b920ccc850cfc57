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
    /// E, the last year of the extended projection beyond the window (nil: the year in which the
    /// last member recruited within the window reaches ω; ``ExtendedProjection``).
    public var extendedEndYear: Int? = nil
    /// Whether `run` and `merge` value the schemes beyond the window (``BeyondHorizon`` and the
    /// accrual view: about 22 deterministic projections to extinction); `reporting.beyond_window`.
    public var beyondWindow: Bool = true
    /// Threshold of burden / GDP for P(burden > threshold in any year).
    public var burdenThreshold: BurdenThreshold
    /// How the reform's extra burden is financed (`reform.financing`; ``TransitionFinancing``):
    /// read with the reform, kept here with the other analysis choices since no scheme rule uses it.
    public var financing: TransitionFinancing = .none

    public init(discountRate: Double? = nil, debtDiscountRate: Double? = nil, debtProjectedSalary: Bool = true,
                burdenThreshold: BurdenThreshold = .share(0.01)) {
        self.discountRate = discountRate
        self.debtDiscountRate = debtDiscountRate
        self.debtProjectedSalary = debtProjectedSalary
        self.burdenThreshold = burdenThreshold
    }
}

/// The level of burden / GDP above which a year counts in P(burden above the threshold in any year).
public enum BurdenThreshold: Sendable, Equatable {
    /// A fixed share of GDP (e.g. a fiscal rule).
    case share(Double)
    /// The current scheme's own burden / GDP in the first projected year y0, on each path: P(burden
    /// above its y0 level in some year), for a scenario without a sourced threshold.
    case startYearLevel
}
