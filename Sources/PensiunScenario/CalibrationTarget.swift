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
    }
    public var name: String
    public var measure: Measure
    public var year: Int
    /// The actual value; its tolerance as a fraction of it (0.10 = ±10%).
    public var target: Double
    public var tolerance: Double
    /// An optional second bound for a range target (target … upper).
    public var upper: Double?
    public var source: String
}
