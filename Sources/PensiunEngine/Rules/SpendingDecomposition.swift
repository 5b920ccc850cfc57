import Foundation

/// Where the change in spending comes from (docs/model.md Part II, "Where the change in spending
/// comes from", issue 21): a scheme's burden / GDP in year y written as the product of four factors,
///
///     burden/GDP = N/A × (D/N)/(W/A) × W/GDP × burden/D
///                = dependency × benefit ratio × payroll share × other budget flows
///
/// with A the actives and N = pensioners + survivors the beneficiaries, both at the start of y (the
/// people the year's flows are paid to: `pensioners` counts the retired and the disabled, `survivors`
/// the spouses), W the payroll, D the DB-type benefits (`db_benefits`: retirement, disability,
/// survivor and frozen DB pensions, the only benefits the budget pays as pensions) and GDP of y. The
/// dependency factor and the benefit ratio use the same N, so the identity is exact; the last
/// factor, burden / D, holds what the budget pays besides DB-type pensions: employer DC
/// contributions, guarantee top-ups and bond redemptions, less employee DB contributions paid to
/// the budget (1 when the burden is the DB benefits alone).
///
/// The change from the start year y0 to y is split by the log-mean Divisia index (LMDI-I):
///
///     effect_f(y) = L(V_y, V_0) · ln(f_y / f_0),   L(a, b) = (a − b) / ln(a / b),  L(a, a) = a,
///
/// V = burden/GDP; since Σ_f ln(f_y/f_0) = ln(V_y/V_0), the four effects add up to V_y − V_0. The
/// log change of the last factor is computed as ln(V_y/V_0) minus the three others' (the same
/// number in exact arithmetic, V being the engines' `burden_pct_gdp`), so the effects add up to the
/// change to rounding. Not applicable (NaN, every effect) in a year where, in that year or in y0,
/// a count, the payroll, the DB benefits or GDP is not positive, or the burden is zero or of the
/// other sign than in y0 (a factor's logarithm has no value).
public struct SpendingDecomposition: Sendable, Equatable {
    /// The four factors of one year; their product is burden / GDP.
    public struct Factors: Sendable, Equatable {
        public let dependency: Double, benefitRatio: Double, payrollShare: Double, otherFlows: Double
        /// burden / GDP as the engines record it (V).
        public let burdenPctGDP: Double

        /// The factors of a year from the engines' metrics: actives A, pensioners and survivors
        /// (N = their sum), payroll W, DB benefits D, the budget burden, GDP and burden / GDP; nil
        /// when one has no logarithm (see ``SpendingDecomposition``).
        public init?(actives: Double, pensioners: Double, survivors: Double, payroll: Double, dbBenefits: Double,
                     burden: Double, gdp: Double, burdenPctGDP: Double) {
            let n = pensioners + survivors
            guard actives > 0, n > 0, payroll > 0, dbBenefits > 0, gdp > 0, burden != 0, burdenPctGDP != 0,
                  burden.isFinite, burdenPctGDP.isFinite else { return nil }
            dependency = n / actives
            benefitRatio = (dbBenefits / n) / (payroll / actives)
            payrollShare = payroll / gdp
            otherFlows = burden / dbBenefits
            self.burdenPctGDP = burdenPctGDP
        }
    }

    /// The effects of the four factors on burden / GDP between the two years, in shares of GDP.
    public let dependency: Double, benefitRatio: Double, payrollShare: Double, otherFlows: Double

    /// The four effects as a list, in the order of the factors.
    public var effects: [Double] { [dependency, benefitRatio, payrollShare, otherFlows] }

    /// Not applicable: every effect NaN.
    public static let notApplicable = SpendingDecomposition(dependency: .nan, benefitRatio: .nan, payrollShare: .nan, otherFlows: .nan)

    public init(dependency: Double, benefitRatio: Double, payrollShare: Double, otherFlows: Double) {
        (self.dependency, self.benefitRatio, self.payrollShare, self.otherFlows) = (dependency, benefitRatio, payrollShare, otherFlows)
    }

    /// The logarithmic mean L(a, b) = (a − b) / ln(a / b), L(a, a) = a, of two numbers of the same
    /// sign (ln(a/b) as log1p((a − b)/b), accurate when a is close to b).
    public static func logarithmicMean(_ a: Double, _ b: Double) -> Double {
        a == b ? a : (a - b) / log1p((a - b) / b)
    }

    /// The LMDI-I split of V_y − V_0 between year y's factors and y0's (nil factors, or a burden
    /// that changes sign: not applicable).
    public init(from start: Factors?, to year: Factors?) {
        guard let s = start, let y = year, (s.burdenPctGDP > 0) == (y.burdenPctGDP > 0),
              (s.otherFlows > 0) == (y.otherFlows > 0) else { self = .notApplicable; return }
        let v0 = s.burdenPctGDP, v = y.burdenPctGDP
        let weight = Self.logarithmicMean(v, v0)
        let total = log1p((v - v0) / v0)
        let d = log(y.dependency / s.dependency), b = log(y.benefitRatio / s.benefitRatio)
        let p = log(y.payrollShare / s.payrollShare)
        let o = total - (d + b + p)
        self.init(dependency: weight * d, benefitRatio: weight * b, payrollShare: weight * p, otherFlows: weight * o)
    }
}

extension Metric {
    /// The metrics of ``SpendingDecomposition``'s effects, in the order of its factors.
    public static let spendingChange: [Metric] = [
        .spendingChangeDependency, .spendingChangeBenefitRatio, .spendingChangePayrollShare, .spendingChangeOther,
    ]
}

extension SchemePathResult {
    /// The spending decomposition of every year against y0 (``SpendingDecomposition``), from the
    /// metrics the engines recorded and the path's GDP by year.
    mutating func setSpendingChange(gdp: [Double]) {
        func factors(_ t: Int) -> SpendingDecomposition.Factors? {
            .init(actives: self[.actives, t], pensioners: self[.pensioners, t], survivors: self[.survivors, t],
                  payroll: self[.payroll, t], dbBenefits: self[.dbBenefits, t], burden: self[.budgetBurden, t],
                  gdp: gdp[t], burdenPctGDP: self[.burdenPctGDP, t])
        }
        guard horizon > 0 else { return }
        let start = factors(0)
        for t in 0..<horizon {
            let split = SpendingDecomposition(from: start, to: factors(t))
            for (metric, effect) in zip(Metric.spendingChange, split.effects) { self[metric, t] = effect }
        }
    }
}
