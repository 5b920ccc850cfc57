import Foundation
import PensiunEconomy
import PensiunEngine
import PensiunInputs

/// Who pays (issue 21, docs/model.md Part II "Who pays"): each budget's burden under each scheme
/// over the window, for the summaries. Per scheme s and budget b (central, regional):
///
///     PV_{s,b} = Σ_{t<H} v_t · mean over paths of burden_b^s(t)
///
/// v_t the discount factors of the deterministic path (mid-year flows, ``DiscountBasis``: path
/// yields or `reporting.discount_rate`), so PV_central + PV_regional is the PV of the mean burden
/// on that basis; and the peak over the years of the mean regional burden over GDP under the reform.
/// The sharing rule (``BudgetSharing``) and the tracks' regional shares are printed beside them.
public struct BudgetShares: Sendable {
    /// PV by scheme (current, reform) of the central and the regional burden.
    public let pvCentral: [Double], pvRegional: [Double]
    /// The reform's peak mean `burden_regional_pct_gdp` and its year (nil without a reform; the
    /// year nil when the peak is 0).
    public let peakRegionalPctGDP: Double?, peakYear: Int?
    /// The tracks' names and regional shares ρ_k, and their y0 headcount-weighted average.
    public let tracks: [(name: String, share: Double)]
    public let averageShare: Double
    public let basis: DiscountBasis?

    /// The rule in words, printed beside the figures.
    public static let rule = "current scheme: the APBN pays every PNS pension (sourced, since 2009); reform (an assumption): "
        + "regional governments pay their share of each track's employer DC contributions, the APBN every other part of the "
        + "burden (docs/model.md, \"Who pays\")"

    /// nil when a yearly figure is missing (a horizon of 0 years, or no deterministic path).
    public init?(_ report: RunReport) {
        let r = report.statistics, inputs = report.inputs
        let h = r.horizon, y0 = r.startYear
        guard h > 0, let path = DiscountBasis.deterministicPath(inputs) else { return nil }
        let fixed = inputs.valuation.discountRate
        var factors: [Double] = [], accumulated = 1.0, previous = inputs.economy.bondYield.start
        for t in 0..<h {
            let i = fixed ?? previous
            factors.append(accumulated / (1 + i).squareRoot())
            accumulated /= 1 + i
            previous = path.bondYield[t]
        }
        func pv(_ scheme: Scheme, _ metric: Metric) -> Double? {
            var total = 0.0
            for t in 0..<h {
                guard let s = r.summary(scheme, metric, year: y0 + t) else { return nil }
                total += factors[t] * s.mean
            }
            return total
        }
        var central: [Double] = [], regional: [Double] = []
        for scheme in Scheme.allCases {
            guard let c = pv(scheme, .burdenCentral), let g = pv(scheme, .burdenRegional) else { return nil }
            central.append(c); regional.append(g)
        }
        pvCentral = central
        pvRegional = regional
        if report.scenario.hasReform {
            var best: (Double, Int)?
            for t in 0..<h {
                guard let s = r.summary(.reform, .burdenRegionalPctGDP, year: y0 + t) else { return nil }
                if best == nil || s.mean > best!.0 { best = (s.mean, y0 + t) }
            }
            peakRegionalPctGDP = best?.0
            // No year for a peak of zero (no regional share, or no employer DC contributions).
            peakYear = best.flatMap { $0.0 > 0 ? $0.1 : nil }
        } else {
            peakRegionalPctGDP = nil
            peakYear = nil
        }
        tracks = inputs.tracks.map { ($0.name, $0.regionalShare) }
        var headcounts = [Double](repeating: 0, count: inputs.tracks.count)
        for cell in inputs.population.actives { headcounts[cell.track] += cell.count }
        averageShare = BudgetSharing.averageShare(headcounts: headcounts, regionalShares: inputs.tracks.map(\.regionalShare))
        basis = DiscountBasis(inputs: inputs, path: path, fixedRate: fixed)
    }

    /// "administrative 0.76, teacher 0.92 (y0 headcount-weighted 78.0%)".
    var sharesWords: String {
        tracks.map { "\($0.name) \(String(format: "%.2f", $0.share))" }.joined(separator: ", ")
            + " (\(Format.percent(averageShare, decimals: 1)) weighted by the actives of the start year)"
    }

    /// The block of the printed summary and `summary.md`.
    static func summaryLines(_ report: RunReport) -> [String] {
        guard let b = BudgetShares(report) else { return [] }
        let unit = report.scenario.presentation, hasReform = report.scenario.hasReform
        func money(_ v: Double) -> String { Format.grouped(v / unit.unit.scale) }
        let row = SummaryText.row
        let r = report.statistics
        var lines = ["", "Who pays: PV of each budget's burden \(r.startYear)–\(r.startYear + r.horizon - 1) (\(unit.label); means over paths)"]
        lines.append(row("  central (APBN)", money(b.pvCentral[0]), hasReform ? money(b.pvCentral[1]) : "",
                         hasReform ? Format.signed(money(b.pvCentral[1] - b.pvCentral[0])) : ""))
        lines.append(row("  regional (APBD)", money(b.pvRegional[0]), hasReform ? money(b.pvRegional[1]) : "",
                         hasReform ? Format.signed(money(b.pvRegional[1] - b.pvRegional[0])) : ""))
        if let peak = b.peakRegionalPctGDP {
            let cell = b.peakYear.map { Format.percent(peak, decimals: 3) + " in \($0)" } ?? "none"
            lines.append(row("  regional burden, peak (% of GDP)", "", cell, ""))
        }
        lines += SummaryText.wrap("rule: " + rule, first: "  ", indent: "  ")
        lines += SummaryText.wrap("regional shares by track (an assumption): " + b.sharesWords, first: "  ", indent: "  ")
        if let basis = b.basis {
            lines += SummaryText.wrap("discounting (mean flows on the deterministic path): " + basis.line, first: "  ", indent: "  ")
        }
        return lines
    }

    /// `summary.json`'s `burden_by_budget`.
    static func json(_ report: RunReport) throws(NonFiniteOutput) -> Any {
        guard let b = BudgetShares(report) else { return NSNull() }
        let field = "burden_by_budget", hasReform = report.scenario.hasReform
        func scheme(_ s: Int) throws(NonFiniteOutput) -> [String: Any] {
            ["pv_central": try RunJSON.number(b.pvCentral[s], field), "pv_regional": try RunJSON.number(b.pvRegional[s], field)]
        }
        return [
            "rule": rule,
            "regional_share_by_track": Dictionary(uniqueKeysWithValues: b.tracks.map { ($0.name, $0.share as Any) }),
            "regional_share_weighted": try RunJSON.number(b.averageShare, field),
            "current": try scheme(0),
            "reform": hasReform ? try scheme(1) as Any : NSNull(),
            "peak_regional_pct_gdp": try RunJSON.number(b.peakRegionalPctGDP, field),
            "peak_regional_year": b.peakYear.map { $0 as Any } ?? NSNull(),
            "discount_basis": "deterministic path, mean flows over paths",
        ] as [String: Any]
    }
}
