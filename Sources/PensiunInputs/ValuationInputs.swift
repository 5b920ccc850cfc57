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
