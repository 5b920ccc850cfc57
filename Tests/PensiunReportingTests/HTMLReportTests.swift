import Foundation
@testable import PensiunScenario
import Testing
@testable import PensiunReporting

@Suite struct HTMLReportTests {
    /// The `<svg>…</svg>` elements of a page.
    static func charts(_ html: String) -> [Substring] {
        var result: [Substring] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest[start.upperBound...].range(of: "</svg>") {
            result.append(rest[start.lowerBound..<end.upperBound])
            rest = rest[end.upperBound...]
        }
        return result
    }

    /// Data marks with non-empty geometry: bands (`path` with a d), lines (`polyline` with at
    /// least two points), bars (`rect` with positive width and height).
    static func dataMarks(_ svg: Substring) -> Int {
        let text = String(svg)
        let patterns = [
            #"<path class="mark[^"]*" d="M[-0-9.]+,[-0-9.]+ L[^"]+""#,
            #"<polyline class="mark[^"]*" points="[-0-9.]+,[-0-9.]+ [-0-9.]+,[-0-9.]+[^"]*""#,
            #"<rect class="mark[^"]*" x="[-0-9.]+" y="[-0-9.]+" width="(?!0\.0")[0-9.]+" height="(?!0\.0")[0-9.]+""#,
        ]
        return patterns.reduce(0) { count, pattern in
            let regex = try! NSRegularExpression(pattern: pattern)
            return count + regex.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
        }
    }

    @Test func renderingTwiceGivesTheSameBytes() throws {
        let report = try Fixture.shared.get()
        #expect(HTMLReport.render(report) == HTMLReport.render(report))
    }

    /// A second run with another thread count gives the same page.
    @Test func theThreadCountDoesNotChangeThePage() throws {
        let a = HTMLReport.render(try Fixture.shared.get())
        let b = HTMLReport.render(try Fixture.report(threads: 1))
        #expect(a == b)
    }

    @Test func everyChartHasData() throws {
        let html = HTMLReport.render(try Fixture.shared.get())
        let charts = Self.charts(html)
        // burden, transition cost, DC assets, dependency ratio, replacement rates per track (2), breakeven.
        #expect(charts.count == 7)
        for chart in charts {
            let id = chart.prefix(60)
            #expect(Self.dataMarks(chart) > 0, "no data marks in \(id)")
            #expect(chart.contains(#"class="axis-label""#), "no axis labels in \(id)")
        }
        for id in ["fig-burden", "fig-transition", "fig-dc-assets", "fig-dependency", "fig-replacement-1", "fig-replacement-2", "fig-breakeven"] {
            #expect(html.contains(#"<figure id="\#(id)">"#), "missing \(id)")
        }
    }

    /// The fan charts carry one 90% and one 50% band and a median line per scheme.
    @Test func fanChartsHaveBandsAndMedians() throws {
        let html = HTMLReport.render(try Fixture.shared.get())
        let burden = try #require(Self.charts(html).first { $0.contains(#"id="fig-burden-chart""#) })
        #expect(burden.components(separatedBy: #"<path class="mark band""#).count - 1 == 4)
        #expect(burden.components(separatedBy: #"<polyline class="mark line""#).count - 1 == 2)
        #expect(burden.contains("Budget burden (% of GDP)"))
        #expect(burden.contains(">0.10%<"))
    }

    @Test func thePageIsSelfContained() throws {
        let html = HTMLReport.render(try Fixture.shared.get())
        #expect(!html.contains("<script"))
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        #expect(!html.contains(" src="))
        #expect(html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").range(of: "http") == nil)
        #expect(html.contains("@media print"))
    }

    /// The headline figures come with their units.
    @Test func tablesCarryUnits() throws {
        let report = try Fixture.shared.get()
        let html = HTMLReport.render(report)
        let pv = HTMLReport.money(report.figures.pvCurrent.median, report)
        #expect(pv.hasSuffix(" million"))
        #expect(html.contains(#"<td class="num">\#(pv)</td>"#))
        #expect(html.contains("% of GDP in \(report.figures.peakBurdenYearCurrent)</td>"))
        #expect(html.contains("Implicit pension debt at the start of 2025"))
        #expect(!html.contains(#"id="calibration""#))
    }

    /// Without a reform: the current scheme alone, and no reform-only chart.
    @Test func aScenarioWithoutReformShowsTheCurrentSchemeAlone() throws {
        let report = try Fixture.report(withoutReform: true)
        #expect(!report.scenario.hasReform)
        let html = HTMLReport.render(report)
        #expect(html.contains("No reform defined: the current scheme alone"))
        for id in ["fig-transition", "fig-dc-assets", "fig-breakeven"] { #expect(!html.contains(id), "\(id) shown") }
        #expect(!html.contains("Reform − current"))
        #expect(!html.contains("Reform, median"))
        let charts = Self.charts(html)
        #expect(charts.count == 4)  // burden, dependency ratio, replacement rates of 2 tracks
        for chart in charts { #expect(Self.dataMarks(chart) > 0) }
    }

    @Test func theCalibrationTableAppearsWithTargets() throws {
        let targets = [
            CalibrationTarget(name: "Actives <all>", measure: .actives, year: 2025, target: 4480, tolerance: 0.01, source: "test & check"),
            CalibrationTarget(name: "Recipients", measure: .recipients, year: 2026, target: 1, tolerance: 0.1, source: "made up"),
        ]
        let html = HTMLReport.render(try Fixture.report(calibration: targets))
        #expect(html.contains(#"<section id="calibration">"#))
        #expect(html.contains("Actives &lt;all&gt;"))
        #expect(html.contains("test &amp; check"))
        #expect(html.contains("<td>ok</td>"))
        #expect(html.contains(#"<tr class="miss">"#))
        #expect(html.contains("4,480 people"))
        #expect(html.contains("<col style=\"width: 24%\">"))
    }
}

@Suite struct SVGChartTests {
    @Test(arguments: [
        (0.0, 0.00123, [0.0, 0.00025, 0.0005, 0.00075, 0.001, 0.00125]),
        (0.0, 0.8, [0.0, 0.2, 0.4, 0.6, 0.8]),
        (-0.3, 1.7, [-0.5, 0.0, 0.5, 1.0, 1.5, 2.0]),
        (0.0, 0.0, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
    ])
    func niceTicks(low: Double, high: Double, ticks: [Double]) {
        let d = NiceScale.domain(low: low, high: high, includeZero: true, target: 5)
        #expect(d.ticks.count == ticks.count)
        for (a, b) in zip(d.ticks, ticks) { #expect(abs(a - b) < 1e-12) }
        #expect(d.domain.lowerBound <= low && d.domain.upperBound >= high)
    }

    @Test func coordinatesHaveFixedDecimalsAndNoNegativeZero() {
        #expect(SVGChart.n(-0.04) == "0.0")
        #expect(SVGChart.n(12.345) == "12.3")
        #expect(SVGChart.n(-1.26) == "-1.3")
        #expect(HTMLReport.tickLabel(0.0015, kind: .percent, step: 0.0005) == "0.15%")
        #expect(HTMLReport.tickLabel(-0.001, kind: .percent, step: 0.0005) == "−0.10%")
        #expect(HTMLReport.tickLabel(0.4, kind: .number, step: 0.2) == "0.4")
    }

    @Test func yearTicksStayOnRoundYears() {
        #expect(HTMLReport.yearTicks(2025, 2064).map(\.label) == ["2025", "2030", "2035", "2040", "2045", "2050", "2055", "2060"])
        #expect(HTMLReport.yearTicks(2019, 2093).map(\.value).first == 2020)
    }

    @Test func missingValuesSplitLines() {
        var chart = SVGChart(title: "t", xDomain: 0...4, yDomain: 0...1, xTicks: [], yTicks: [], xLabel: "x", yLabel: "y")
        chart.line(xs: [0, 1, 2, 3, 4], ys: [0.1, 0.2, nil, 0.3, 0.4], color: "#000")
        let svg = chart.render(id: "c")
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
    }

    @Test func textIsEscaped() {
        #expect(HTML.escape(#"a<b & "c">'d'"#) == "a&lt;b &amp; &quot;c&quot;&gt;&#39;d&#39;")
    }
}
