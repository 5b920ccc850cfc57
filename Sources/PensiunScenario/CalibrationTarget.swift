/// A figure the flagship must reproduce (`reporting.calibration`), with its source and tolerance.
public struct CalibrationTarget: Sendable, Equatable {
    /// What is compared.
    public enum Measure: String, Sendable, CaseIterable {
        /// Actives at the start of the year.
        case actives
        /// Pension recipients (retired, disabled and survivors) at the start of the year.
        case recipients
        /// DB benefits paid in the year (currency).
        case dbBenefits = "db_benefits"
        /// DB benefits / GDP.
        case dbBenefitsPctGDP = "db_benefits_pct_gdp"
        /// Retirements (normal and early) at the end of the year.
        case retirements
        /// The implicit pension debt at the start year (currency).
        case implicitDebt = "implicit_debt"
        /// Growth of the DB benefits paid from `base_year` to `year`: mean(year) / mean(base) − 1.
        case dbBenefitsGrowth = "db_benefits_growth"
        /// Nominal GDP of the year (currency): the economy's path against the national accounts.
        case gdp

        /// Whether the measure is a growth between two years (its tolerance then in points).
        public var isGrowth: Bool { self == .dbBenefitsGrowth }
    }
    public var name: String
    public var measure: Measure
    public var year: Int
    /// The actual value; its tolerance as a fraction of it (0.10 = ±10%), or for a growth measure
    /// in points (0.05 = ±5 percentage points of growth).
    public var target: Double
    public var tolerance: Double
    /// An optional second bound for a range target (target … upper).
    public var upper: Double?
    public var source: String
    /// The first year of a growth measure.
    public var baseYear: Int?
    /// A reference value shown beside the model and never checked (its basis may differ from the
    /// model's, e.g. a ministry figure on an unpublished basis).
    public var reference: Bool
    /// What the reader should know beside the comparison (why the model misses, a basis that
    /// differs), printed under the row.
    public var note: String?

    public init(name: String, measure: Measure, year: Int, target: Double, tolerance: Double, upper: Double? = nil,
                source: String, baseYear: Int? = nil, reference: Bool = false, note: String? = nil) {
        self.name = name
        self.measure = measure
        self.year = year
        self.target = target
        self.tolerance = tolerance
        self.upper = upper
        self.source = source
        self.baseYear = baseYear
        self.reference = reference
        self.note = note
    }
}
