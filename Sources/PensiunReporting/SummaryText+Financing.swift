extension SummaryText {
    /// The financing lines of the printed summary and `summary.md` (docs/model.md Part II,
    /// "Financing the transition"): the transition debt's peak, the debt and the reserve at the
    /// end of the horizon, and the explicit debt beside the DC fund's government bonds; none
    /// without a reform financed by borrowing.
    static func financingLines(_ report: RunReport) -> [String] {
        guard let f = FinancingFigures(statistics: report.statistics, inputs: report.inputs, hasReform: report.scenario.hasReform,
                                       debt: report.figures.debt) else { return [] }
        let unit = report.scenario.presentation
        let end = report.figures.lastYear + 1
        func money(_ v: Double) -> String { Format.grouped(v / unit.unit.scale) }
        func percent(_ v: Double) -> String { Format.percent(v) }
        func band(_ b: SummaryFigures.Band, _ show: (Double) -> String) -> String { "\(show(b.p5)) – \(show(b.p95))" }
        var lines: [String] = []
        func row(_ label: String, _ reform: String, _ band: String = "") {
            lines.append(Self.row(label, "", reform, band))
        }
        row("Transition debt, peak (% of GDP), median", percent(f.peak.median) + (f.peakYear.map { " in \($0)" } ?? ""),
            band(f.peak, percent))
        row("  paths in debt at the start of some year", Format.percent(f.shareBorrowing, decimals: 1))
        row("Transition debt at \(end) (% of GDP)", percent(f.debtAtHorizonPctGDP.median), band(f.debtAtHorizonPctGDP, percent))
        row("  in \(unit.label)", money(f.debtAtHorizon.median), band(f.debtAtHorizon, money))
        row("Transition reserve at \(end) (% of GDP)", percent(f.reserveAtHorizonPctGDP.median), band(f.reserveAtHorizonPctGDP, percent))
        row("  paths ending with a reserve", Format.percent(f.shareWithReserve, decimals: 1))
        lines.append("  financing (an assumption): the extra burden is borrowed at the path's bond yield, surpluses")
        lines.append("  repay it, and a surplus beyond the debt builds a reserve at the same yield (never at")
        lines.append("  reporting.discount_rate, a discounting choice)")
        lines.append("")
        lines.append("Implicit and explicit debt of the reform, beside the DC fund's government bonds (% of GDP, start")
        lines.append("of year; implicit: the reform's accrued DB rights under its own rules, deterministic base; the")
        lines.append("others: medians across paths)")
        let widths = [8, 15, 15, 15, 15, 16, 16]
        func table(_ cells: [String]) {
            lines.append(zip(cells, widths).enumerated().map { i, c in i == 0 ? Format.left(c.0, c.1) : Format.right(c.0, c.1) }.joined())
        }
        func implicit(_ year: Int) -> String {
            guard let value = FinancingFigures.implicitPctGDP(report, year: year) else { return "" }
            return value.map(percent) ?? "n/a"
        }
        table(["  year", "implicit", "transition", "recogn. bonds", "explicit", "fund govt bonds", "explicit − fund"])
        for r in f.rows {
            table(["  \(r.year)", implicit(r.year), percent(r.transition), percent(r.recognition), percent(r.explicit),
                   percent(r.fundBonds), percent(r.net)])
        }
        if let implicit = f.implicitDebtPctGDPStart {
            lines.append("  implicit pension debt at the start of \(report.figures.firstYear): \(percent(implicit)) of GDP (the current scheme's rights);")
            lines.append("  the reform swaps part of it for explicit debt, part of which its DC fund holds")
        }
        lines.append("  the glide path's bond sleeve is taken as government bonds (an assumption)")
        return lines
    }
}
