import Foundation
import PensiunEngine
import PensiunMonteCarlo

/// The charts of `report.html`: fan charts of yearly statistics and histograms across paths.
extension HTMLReport {
    /// How the values of an axis read.
    enum ValueKind {
        /// A fraction shown as a percentage (0.0123 → "1.23%").
        case percent
        /// A plain number.
        case number
    }

    /// The yearly statistics of one (scheme, metric), in year order.
    struct Series {
        var years: [Double]
        var summaries: [SampleSummary?]
    }

    static func series(_ report: RunReport, _ scheme: Scheme, _ metric: Metric) -> Series {
        let rows = report.yearly.filter { $0.scheme == scheme && $0.metric == metric.name }
        return Series(years: rows.map { Double($0.year) }, summaries: rows.map(\.summary))
    }

    static func schemeName(_ s: Scheme) -> String { s == .current ? "Current scheme" : "Reform" }
    static func color(_ s: Scheme) -> String { s == .current ? currentColor : reformColor }
    static func dash(_ s: Scheme) -> String? { s == .current ? nil : "7 4" }

    /// Tick labels for values of `kind` spaced `step` apart.
    static func tickLabel(_ v: Double, kind: ValueKind, step: Double) -> String {
        switch kind {
        case .percent:
            let text = SVGChart.n(v * 100, NiceScale.decimals(for: step * 100)) + "%"
            return text.hasPrefix("-") ? "−" + text.dropFirst() : text
        case .number:
            return Format.grouped(v, decimals: NiceScale.decimals(for: step))
        }
    }

    /// Ticks on whole years, at most about nine of them.
    static func yearTicks(_ from: Int, _ to: Int) -> [SVGChart.Tick] {
        let span = max(1, to - from)
        let step = [1, 2, 5, 10, 20, 25, 50, 100].first { span / $0 <= 8 } ?? 100
        let first = Int((Double(from) / Double(step)).rounded(.up)) * step
        return stride(from: first, through: to, by: step).map { SVGChart.Tick(value: Double($0), label: "\($0)") }
    }

    static func value(_ v: Double, _ kind: ValueKind, decimals: Int = 2) -> String {
        switch kind {
        case .percent: return Format.percent(v, decimals: decimals)
        case .number: return Format.grouped(v, decimals: decimals)
        }
    }

    /// A `<figure>` with a heading, the chart and a caption.
    static func figure(id: String, heading: String, chart: SVGChart, caption: String) -> String {
        """
        <figure id="\(id)">
        <h3>\(HTML.escape(heading))</h3>
        \(chart.render(id: "\(id)-chart"))
        <figcaption>\(HTML.escape(caption))</figcaption>
        </figure>
        """
    }

    // MARK: fan charts

    /// The budget section: burden, transition cost, DC assets and the dependency ratio.
    static func budgetCharts(_ report: RunReport) -> [String] {
        let paths = Format.grouped(Double(report.statistics.paths.count), decimals: 0)
        let bands = "Lines: medians; shaded: the middle 50% (25th–75th percentile, darker) and 90% (5th–95th, lighter) of \(paths) paths."
        let hasReform = report.scenario.hasReform
        let schemes: [Scheme] = hasReform ? [.current, .reform] : [.current]
        var out: [String] = []
        out.append(fanFigure(report, id: "fig-burden", heading: hasReform ? "Budget burden of each scheme (% of GDP)" : "Budget burden (% of GDP)",
                             metric: .burdenPctGDP, schemes: schemes, kind: .percent, yLabel: "Budget burden (% of GDP)", intro: bands))
        if hasReform {
            out.append(fanFigure(report, id: "fig-transition", heading: "Transition cost: reform − current burden (% of GDP)",
                                 metric: .transitionCostPctGDP, schemes: [.reform], kind: .percent,
                                 yLabel: "Reform − current burden (% of GDP)", intro: bands + " Above zero the reform costs the budget more."))
        }
        if hasReform && report.inputs.valuation.financing == .borrowing {
            out.append(fanFigure(report, id: "fig-transition-debt", heading: "Transition debt under the reform (% of GDP)",
                                 metric: .transitionDebtPctGDP, schemes: [.reform], kind: .percent, yLabel: "Transition debt (% of GDP)",
                                 intro: bands + " The extra burden borrowed at the path's bond yield, surpluses repaying it (an assumption)."))
        }
        if hasReform && report.inputs.reform.dc != nil {
            out.append(fanFigure(report, id: "fig-dc-assets", heading: "DC fund assets under the reform (% of GDP)", metric: .dcAssetsPctGDP,
                                 schemes: [.reform], kind: .percent, yLabel: "DC fund assets (% of GDP)",
                                 intro: bands + " Balances of active and deferred members at the start of each year."))
        }
        out.append(fanFigure(report, id: "fig-dependency", heading: "Dependency ratio: retired and disabled per active member",
                             metric: .dependencyRatio, schemes: schemes, kind: .number,
                             yLabel: "Retired and disabled per active", intro: bands))
        return out
    }

    static func fanFigure(_ report: RunReport, id: String, heading: String, metric: Metric, schemes: [Scheme],
                          kind: ValueKind, yLabel: String, intro: String) -> String {
        let all = schemes.map { series(report, $0, metric) }
        let years = all.flatMap(\.years)
        let low = all.flatMap { $0.summaries.compactMap { $0?.p5 } }.min() ?? 0
        let high = all.flatMap { $0.summaries.compactMap { $0?.p95 } }.max() ?? 0
        let y = NiceScale.domain(low: low, high: high, includeZero: true, target: 5, flatSpan: kind == .percent ? 0.01 : 1)
        let from = Int(years.min() ?? Double(report.figures.firstYear)), to = Int(years.max() ?? Double(report.figures.lastYear))
        var chart = SVGChart(title: heading, xDomain: Double(from)...Double(max(to, from + 1)), yDomain: y.domain,
                             xTicks: yearTicks(from, to),
                             yTicks: y.ticks.map { SVGChart.Tick(value: $0, label: tickLabel($0, kind: kind, step: y.step)) },
                             xLabel: "Year", yLabel: yLabel)
        for (scheme, s) in zip(schemes, all) {
            chart.band(xs: s.years, low: s.summaries.map { $0?.p5 }, high: s.summaries.map { $0?.p95 }, color: color(scheme), opacity: 0.16)
        }
        for (scheme, s) in zip(schemes, all) {
            chart.band(xs: s.years, low: s.summaries.map { $0?.p25 }, high: s.summaries.map { $0?.p75 }, color: color(scheme), opacity: 0.30)
        }
        if y.domain.lowerBound < 0 { chart.referenceLine(at: 0) }
        for (scheme, s) in zip(schemes, all) {
            chart.line(xs: s.years, ys: s.summaries.map { $0?.p50 }, color: color(scheme), dash: dash(scheme))
        }
        for scheme in schemes {
            chart.addLegend(.line(color: color(scheme), dash: dash(scheme)), "\(schemeName(scheme)), median")
        }
        let keyColor = schemes.count == 1 ? color(schemes[0]) : "#000"
        chart.addLegend(.band(color: keyColor, opacity: schemes.count == 1 ? 0.46 : 0.38), "50% of paths")
        chart.addLegend(.band(color: keyColor, opacity: schemes.count == 1 ? 0.16 : 0.13), "90% of paths")
        if all.allSatisfy({ $0.summaries.allSatisfy { $0 == nil } }) { chart.addNote("No values in this run") }
        var facts: [String] = []
        var lastYear = to
        for (scheme, s) in zip(schemes, all) {
            if let i = s.summaries.lastIndex(where: { $0 != nil }), let last = s.summaries[i] {
                let decimals = kind == .percent ? (max(abs(low), abs(high)) < 0.1 ? 2 : 1) : 2
                lastYear = Int(s.years[i])
                facts.append((schemes.count > 1 ? schemeName(scheme).lowercased() + " " : "")
                             + "\(value(last.p50, kind, decimals: decimals)) (90%: \(value(last.p5, kind, decimals: decimals)) to \(value(last.p95, kind, decimals: decimals)))")
            }
        }
        let caption = intro + (facts.isEmpty ? "" : " Median in \(lastYear): " + facts.joined(separator: "; ") + ".")
        return figure(id: id, heading: heading, chart: chart, caption: caption)
    }

    // MARK: histograms

    /// A histogram's bins: [start + i·width, start + (i+1)·width), the last one closed.
    struct Bins {
        var start: Double
        var width: Double
        var count: Int

        /// Bins of a nice width covering `values` (about `target` of them).
        init(covering values: [Double], target: Int) {
            let lo = values.min() ?? 0, hi = values.max() ?? 0
            if hi - lo < 1e-9 {
                width = 0.01
            } else {
                width = NiceScale.step(span: hi - lo, target: target)
            }
            start = (lo / width).rounded(.down) * width
            count = max(1, Int(((hi - start) / width).rounded(.down)) + 1)
        }

        /// How many values fall in each bin.
        func counts(_ values: [Double]) -> [Int] {
            var c = [Int](repeating: 0, count: count)
            for v in values {
                let i = min(count - 1, max(0, Int(((v - start) / width + 1e-9).rounded(.down))))
                c[i] += 1
            }
            return c
        }
    }

    /// Histograms across paths of the decade-average replacement rate, DB under the current scheme
    /// vs DC (or the reformed DB) under the reform, one per track.
    static func replacementCharts(_ report: RunReport) -> [String] {
        let f = report.figures
        let hasDC = report.inputs.reform.dc != nil, hasReform = report.scenario.hasReform
        let decade = "\(f.replacementYears.lowerBound)–\(f.replacementYears.upperBound)"
        var out: [String] = []
        for (k, track) in report.inputs.tracks.enumerated() {
            let db = report.statistics.decadeAverages(.current, rate: .replacementRateDB, track: k)
            let reform = report.statistics.decadeAverages(.reform, rate: hasDC ? .replacementRateDC : .replacementRateTotal, track: k)
            let reformName = hasDC ? "DC (reform)" : "DB (reform)"
            let bins = Bins(covering: db + (hasReform ? reform : []), target: 14)
            let shares = (hasReform ? [db, reform] : [db]).map { values in
                bins.counts(values).map { values.isEmpty ? 0 : Double($0) / Double(values.count) }
            }
            let y = NiceScale.domain(low: 0, high: shares.flatMap { $0 }.max() ?? 1, includeZero: true, target: 5)
            let xLow = bins.start, xHigh = bins.start + Double(bins.count) * bins.width
            let xScale = NiceScale.domain(low: xLow, high: xHigh, includeZero: false, target: 7)
            let heading = hasReform ? "Replacement rates, \(track.name) track: DB (current) and \(reformName)"
                : "Replacement rates, \(track.name) track"
            var chart = SVGChart(title: heading, xDomain: min(xLow, xScale.domain.lowerBound)...max(xHigh, xScale.domain.upperBound),
                                 yDomain: y.domain,
                                 xTicks: xScale.ticks.map { SVGChart.Tick(value: $0, label: tickLabel($0, kind: .percent, step: xScale.step)) },
                                 yTicks: y.ticks.map { SVGChart.Tick(value: $0, label: tickLabel($0, kind: .percent, step: y.step)) },
                                 xLabel: "Pension at award ÷ final salary, \(decade) average on a path (%)", yLabel: "Share of paths (%)")
            let colors = [currentColor, reformColor]
            for (series, values) in shares.enumerated() {
                for (b, share) in values.enumerated() where share > 0 {
                    let lo = bins.start + Double(b) * bins.width
                    let (a, z) = shares.count == 1 ? (lo + bins.width * 0.1, lo + bins.width * 0.9)
                        : (lo + bins.width * (series == 0 ? 0.06 : 0.5), lo + bins.width * (series == 0 ? 0.5 : 0.94))
                    chart.bar(from: a, to: z, height: share, color: colors[series], stroke: "#000",
                              label: "\(series == 0 ? "DB (current)" : reformName) \(Format.percent(lo, decimals: 1))–\(Format.percent(lo + bins.width, decimals: 1)): \(Format.percent(share, decimals: 1)) of paths")
                }
            }
            chart.addLegend(.bar(color: currentColor), "DB (current), \(db.count) paths")
            if hasReform { chart.addLegend(.bar(color: reformColor), "\(reformName), \(reform.count) paths") }
            if db.isEmpty { chart.addNote("No DB retirements on this track in \(decade)") }
            if hasReform && reform.isEmpty { chart.addNote("No \(hasDC ? "DC" : "reform") retirements on this track in \(decade)") }
            func describe(_ name: String, _ values: [Double]) -> String {
                guard !values.isEmpty else { return "\(name): nobody retires in \(decade)" }
                let q = Quantiles.of(values, levels: [0.5, 0.1])
                return "\(name) median \(Format.percent(q[0], decimals: 1)), 10th percentile \(Format.percent(q[1], decimals: 1))"
            }
            let caption = "Average over \(decade) of the replacement rate at retirement (count-weighted over the year's retirements) on each path; bins of \(Format.percent(bins.width, decimals: NiceScale.decimals(for: bins.width * 100))). "
                + describe("DB (current)", db) + (hasReform ? "; " + describe(reformName, reform) : "") + "."
            out.append(figure(id: "fig-replacement-\(k + 1)", heading: heading, chart: chart, caption: caption))
        }
        if hasReform && !SummaryFigures.neverCostsMore(report.statistics) { out.append(breakevenFigure(report)) }
        return out
    }

    /// The distribution of the breakeven year across paths, with the paths that never break even.
    static func breakevenFigure(_ report: RunReport) -> String {
        let f = report.figures
        let summaries = report.statistics.summaries
        let n = Double(max(1, summaries.count))
        let first = report.inputs.reformStartYear ?? f.firstYear
        let from = max(f.firstYear, min(first, f.lastYear)), to = f.lastYear
        let span = to - from + 1
        let binYears = span <= 45 ? 1 : span <= 90 ? 2 : 5
        let binCount = (span + binYears - 1) / binYears
        var counts = [Int](repeating: 0, count: binCount)
        var never = 0
        for s in summaries {
            if let y = s.breakevenYear { counts[min(binCount - 1, max(0, (y - from) / binYears))] += 1 } else { never += 1 }
        }
        let shares = counts.map { Double($0) / n }
        let neverShare = Double(never) / n
        // "never" sits after a gap, as wide as three years' bins.
        let gap = 2.0 * Double(binYears), neverWidth = 3.0 * Double(binYears)
        let end = Double(from + binCount * binYears)
        let neverStart = end + gap
        let y = NiceScale.domain(low: 0, high: max(shares.max() ?? 0, neverShare), includeZero: true, target: 5)
        var ticks = yearTicks(from, to)
        ticks.append(SVGChart.Tick(value: neverStart + neverWidth / 2, label: "never"))
        let heading = "Breakeven year of the reform across paths"
        var chart = SVGChart(title: heading, xDomain: Double(from)...(neverStart + neverWidth + 0.5 * Double(binYears)), yDomain: y.domain,
                             xTicks: ticks,
                             yTicks: y.ticks.map { SVGChart.Tick(value: $0, label: tickLabel($0, kind: .percent, step: y.step)) },
                             xLabel: "First year from which the reform costs no more than the current scheme, every year to \(to)",
                             yLabel: "Share of paths (%)")
        for (b, share) in shares.enumerated() where share > 0 {
            let lo = Double(from + b * binYears)
            let label = binYears == 1 ? "\(from + b * binYears)" : "\(from + b * binYears)–\(from + (b + 1) * binYears - 1)"
            chart.bar(from: lo + 0.1, to: lo + Double(binYears) - 0.1, height: share, color: reformColor, stroke: "#000",
                      label: "\(label): \(Format.percent(share, decimals: 1)) of paths")
        }
        chart.bar(from: neverStart, to: neverStart + neverWidth, height: neverShare, color: "#595959", stroke: "#000",
                  label: "never by \(to): \(Format.percent(neverShare, decimals: 1)) of paths")
        chart.label(Format.percent(neverShare, decimals: 1), x: neverStart + neverWidth / 2,
                    y: neverShare + (y.domain.upperBound - y.domain.lowerBound) * 0.03)
        chart.addLegend(.bar(color: reformColor), "breaks even in the year" + (binYears == 1 ? "" : " (bins of \(binYears) years)"))
        chart.addLegend(.bar(color: "#595959"), "never by \(to)")
        var caption = "Share of \(Format.grouped(n, decimals: 0)) paths by the first year y ≥ \(first) from which the reform's budget burden is at most the current scheme's in every year to \(to). "
        if let b = f.breakeven {
            caption += "Median among paths that break even: \(Int(b.median.rounded())) (90%: \(Int(b.p5.rounded()))–\(Int(b.p95.rounded()))). "
        }
        caption += "Never by \(to): \(Format.percent(neverShare, decimals: 1)) of paths."
        return figure(id: "fig-breakeven", heading: heading, chart: chart, caption: caption)
    }
}
