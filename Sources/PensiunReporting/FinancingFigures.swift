import PensiunEngine
import PensiunInputs
import PensiunMonteCarlo

/// The per-path numbers of the transition's financing that the summaries read (docs/model.md
/// Part II, "Financing the transition"), O(paths × a few years): kept from all results in memory,
/// and chunk by chunk when a run is streamed (``RunStatistics/Accumulator``), the same numbers.
/// NaN where the reform has no financing rule (`reform.financing: none`).
public struct FinancingPaths: Sendable {
    /// Per path: the largest `transition_debt_pct_gdp` over y0 … y0+H and its first year index.
    public var peakPctGDP: [Double] = [], peakYear: [Double] = []
    /// Per path at the end of the horizon (y0+H): the debt and the reserve, in money and over GDP.
    public var debtAtHorizon: [Double] = [], debtAtHorizonPctGDP: [Double] = []
    public var reserveAtHorizon: [Double] = [], reserveAtHorizonPctGDP: [Double] = []
    /// The stock year indices of the side-by-side table (``tableYears(horizon:)``), and per table
    /// year and path: the transition debt, the recognition bonds outstanding and the DC fund's
    /// government bonds, each over that year's GDP.
    public var years: [Int] = []
    public var transitionPctGDP: [[Double]] = [], recognitionPctGDP: [[Double]] = [], fundBondsPctGDP: [[Double]] = []

    public init() {}

    /// The numbers kept per path: the six at the peak and the horizon, and three per table year.
    public static func numbersPerPath(horizon: Int) -> Int { 6 + 3 * tableYears(horizon: horizon).count }

    /// y0, every ten years after it, and y0+H (stock year indices): the years of the accrual view
    /// (``AccrualView/years(startYear:horizon:)``), so the implicit debt sits beside the explicit.
    public static func tableYears(horizon: Int) -> [Int] {
        AccrualView.years(startYear: 0, horizon: horizon)
    }

    /// Adds the paths of `r` (in path order, after those added before).
    public mutating func add(_ r: ProjectionResults) {
        let h = r.horizon, n = r.paths.count
        if years.isEmpty {
            years = Self.tableYears(horizon: h)
            transitionPctGDP = Array(repeating: [], count: years.count)
            recognitionPctGDP = transitionPctGDP
            fundBondsPctGDP = transitionPctGDP
        }
        let shares = (0...h).map { Array(r.values(.reform, .transitionDebtPctGDP, $0)) }
        for j in 0..<n {
            var peak = shares[0][j], year = 0
            for t in 0...h where shares[t][j] > peak { peak = shares[t][j]; year = t }
            peakPctGDP.append(peak)
            peakYear.append(peak.isNaN ? .nan : Double(year))
        }
        let gdp = Array(r.gdp(h))
        debtAtHorizon += r.values(.reform, .transitionDebt, h)
        debtAtHorizonPctGDP += shares[h]
        let reserve = Array(r.values(.reform, .transitionReserve, h))
        reserveAtHorizon += reserve
        reserveAtHorizonPctGDP += zip(reserve, gdp).map { $0 / $1 }
        for (k, t) in years.enumerated() {
            let g = Array(r.gdp(t))
            transitionPctGDP[k] += shares[t]
            recognitionPctGDP[k] += zip(r.values(.reform, .bondsOutstanding, t), g).map { $0 / $1 }
            fundBondsPctGDP[k] += zip(r.values(.reform, .dcFundGovernmentBonds, t), g).map { $0 / $1 }
        }
    }
}

/// The financing lines of the summaries (docs/model.md Part II, "Financing the transition"): nil
/// without a reform or without a financing rule. Shares of GDP as fractions, money in currency units.
public struct FinancingFigures: Sendable {
    /// The peak of the transition debt over GDP (median and 90% band across paths); the median
    /// year of the peak among the paths that borrow, nil when the median path never does (a path
    /// without debt has no peak year); the share of paths in debt at the start of some year.
    public let peak: SummaryFigures.Band, peakYear: Int?, shareBorrowing: Double
    /// The debt and the reserve at the end of the horizon, over GDP and in money; the share of
    /// paths that end with a reserve.
    public let debtAtHorizonPctGDP: SummaryFigures.Band, debtAtHorizon: SummaryFigures.Band
    public let reserveAtHorizonPctGDP: SummaryFigures.Band, reserveAtHorizon: SummaryFigures.Band
    public let shareWithReserve: Double
    /// The explicit debt beside the DC fund's government bonds, by year (medians across paths, each
    /// column on its own: a median of a sum is not the sum of the medians).
    public let rows: [Row]
    /// The implicit pension debt at y0 over GDP of y0 (the deterministic path), when valued.
    public let implicitDebtPctGDPStart: Double?

    public struct Row: Sendable {
        public let year: Int
        /// Transition debt, recognition bonds outstanding, their sum (the explicit debt the reform
        /// creates), the DC fund's government bonds, and the explicit debt less those bonds.
        public let transition: Double, recognition: Double, explicit: Double, fundBonds: Double, net: Double
    }

    /// The reform's implicit debt at the start of `year` over that year's GDP: its accrued DB rights
    /// in the accrual view of the deterministic base case (``AccrualView``); nil when the run has no
    /// accrual view or `year` is not one of its years, .some(nil) where the rights cannot be valued.
    public static func implicitPctGDP(_ report: RunReport, year: Int) -> Double?? {
        guard let a = report.beyond.first?.accrual, let k = a.years.firstIndex(of: year) else { return nil }
        return .some(a.liability[Scheme.reform.rawValue][k]?.pctGDP)
    }

    public init?(statistics r: RunStatistics, inputs: ProjectionInputs, hasReform: Bool, debt: ImplicitPensionDebt?) {
        let p = r.financing
        guard hasReform, inputs.valuation.financing == .borrowing, !p.peakPctGDP.isEmpty,
              !p.peakPctGDP.contains(where: \.isNaN) else { return nil }
        peak = SummaryFigures.Band(p.peakPctGDP)
        let years = zip(p.peakPctGDP, p.peakYear).filter { $0.0 > 0 }.map(\.1)
        peakYear = peak.median > 0 && !years.isEmpty ? r.startYear + Int(Quantiles.of(years, levels: [0.5])[0].rounded()) : nil
        shareBorrowing = Double(years.count) / Double(p.peakPctGDP.count)
        debtAtHorizonPctGDP = SummaryFigures.Band(p.debtAtHorizonPctGDP)
        debtAtHorizon = SummaryFigures.Band(p.debtAtHorizon)
        reserveAtHorizonPctGDP = SummaryFigures.Band(p.reserveAtHorizonPctGDP)
        reserveAtHorizon = SummaryFigures.Band(p.reserveAtHorizon)
        shareWithReserve = Double(p.reserveAtHorizon.filter { $0 > 0 }.count) / Double(p.reserveAtHorizon.count)
        func median(_ v: [Double]) -> Double { Quantiles.of(v, levels: [0.5])[0] }
        rows = p.years.enumerated().map { k, t in
            let explicit = zip(p.transitionPctGDP[k], p.recognitionPctGDP[k]).map { $0 + $1 }
            return Row(year: r.startYear + t, transition: median(p.transitionPctGDP[k]), recognition: median(p.recognitionPctGDP[k]),
                       explicit: median(explicit), fundBonds: median(p.fundBondsPctGDP[k]),
                       net: median(zip(explicit, p.fundBondsPctGDP[k]).map { $0 - $1 }))
        }
        implicitDebtPctGDPStart = debt.map { $0.total / inputs.economy.gdpStart }
    }
}
