import PensiunActuarial

/// A career track: its salary scale, take-home pay multiplier and pay levels (retirement ages are
/// scheme rules).
public struct Track: Sendable, Equatable {
    public var name: String
    /// scale_k(n): monthly pensionable salary at completed service n, in currency of year y0
    /// (index = n; beyond the list, the last value).
    public var salaryScale: [Double]
    /// θ_{k,y}: take-home pay ÷ basic (pensionable) salary by year (docs/model.md Part II, "Pay").
    /// The DC contribution base when the DC contributes on take-home pay (m_DC = θ), and the
    /// denominator of the `rr_takehome_*` rates; 1 when not given.
    public var takeHomeMultiplier: ByYear<Double>
    /// The pay levels of the track's members around its salary path (``PayLevel``): one level
    /// paid the path itself when not given.
    public var payLevels: [PayLevel]
    /// ρ_k: the share of the track's members employed by regional governments, in [0, 1] (0 when
    /// not given): the share of the track's employer DC contributions the regional budgets pay under
    /// the reform (``BudgetSharing``, docs/model.md Part II "Who pays"). An analysis assumption.
    public var regionalShare: Double

    public init(name: String, salaryScale: [Double], takeHomeMultiplier: ByYear<Double> = ByYear(1),
                payLevels: [PayLevel] = [.path], regionalShare: Double = 0) {
        self.name = name
        self.salaryScale = salaryScale
        self.takeHomeMultiplier = takeHomeMultiplier
        self.payLevels = payLevels
        self.regionalShare = regionalShare
    }

    @inlinable public func scale(service n: Int) -> Double { salaryScale[min(n, salaryScale.count - 1)] }
}

/// What members are paid besides the monthly basic salary, the denominators of the like-for-like
/// replacement rates (docs/model.md Part II, "Pay"): an addition to the specification.
public struct PayInputs: Sendable, Equatable {
    /// p_s, the basic salary's payments a year (Indonesia: 12 + THR + the 13th salary).
    public var salaryPaymentsPerYear: Double
    /// a_act, the allowances paid with an active's basic salary as a fraction of it (family and
    /// food allowances); in the denominator whenever the scheme's pensions carry allowances.
    public var allowances: Double

    /// The defaults of code (12 payments, no allowances); a scenario without a `pay` section takes
    /// `current_scheme.allowances.pension` for `allowances` instead (docs/scenario-format.md).
    public init(salaryPaymentsPerYear: Double = 12, allowances: Double = 0) {
        self.salaryPaymentsPerYear = salaryPaymentsPerYear
        self.allowances = allowances
    }
}
