import Foundation
import PensiunEngine
import PensiunInputs
import PensiunScenario

/// `report.html`: one self-contained page (inline CSS and SVG, no script, no network, no web
/// fonts) with the printed summary's figures as tables and the charts of the run.
///
/// The same report gives the same bytes: numbers are written with fixed decimals, nothing depends
/// on the machine, the clock or the thread count.
public enum HTMLReport {
    /// Scheme colours: dark blue and orange stay apart in greyscale (dark vs mid grey); the
    /// medians also differ by dash pattern.
    static let currentColor = "#1f4e9c"
    static let reformColor = "#d95f02"

    public static func render(_ report: RunReport) -> String {
        let f = report.figures
        let title = "Pensiun · \(report.scenario.name)"
        var body: [String] = []
        body.append("<header>")
        body.append("<h1>\(HTML.escape(title))</h1>")
        let lead = report.scenario.hasReform ? SummaryText.reformDescription(report.inputs)
            : "No reform defined: the current scheme alone (reforms extend this scenario)"
        body.append(#"<p class="lead">\#(HTML.escape(lead))</p>"#)
        if let scope = report.scenario.presentation.scope { body.append(#"<p class="lead">Scope: \#(HTML.escape(scope))</p>"#) }
        body.append(#"<p class="meta">\#(HTML.escape(runLine(report)))</p>"#)
        body.append("</header>")

        body.append(#"<section id="figures">"#)
        body.append("<h2>Headline figures, \(f.firstYear)–\(f.lastYear)</h2>")
        body.append(figuresTable(report))
        if !report.alternatives.isEmpty { body.append(alternativesTable(report)) }
        body.append("</section>")

        body.append(#"<section id="budget">"#)
        body.append("<h2>The state budget</h2>")
        body.append(contentsOf: budgetCharts(report))
        if let change = SpendingChange(report.statistics) { body.append(change.html(hasReform: report.scenario.hasReform)) }
        body.append("</section>")

        body.append(#"<section id="adequacy">"#)
        body.append("<h2>Replacement rates at retirement, \(f.replacementYears.lowerBound)–\(f.replacementYears.upperBound)</h2>")
        body.append(replacementTable(report))
        body.append(contentsOf: replacementCharts(report))
        body.append("</section>")

        if let origins = SurvivorOrigins(report.statistics, inputs: report.inputs, hasReform: report.scenario.hasReform) {
            body.append(#"<section id="survivors">"#)
            body.append("<h2>Survivor pensions, \(origins.years.lowerBound)–\(origins.years.upperBound)</h2>")
            body.append(survivorTable(origins, report: report))
            body.append("</section>")
        }

        if let debt = f.debt {
            body.append(#"<section id="debt">"#)
            body.append("<h2>Implicit pension debt at the start of \(f.firstYear)</h2>")
            body.append(debtTable(debt, report: report))
            body.append("</section>")
        }
        if !report.scenario.presentation.notes.isEmpty {
            body.append(#"<section id="notes">"#)
            body.append("<h2>Notes</h2>")
            body.append("<ul>" + report.scenario.presentation.notes.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>")
            body.append("</section>")
        }
        if !report.calibration.isEmpty {
            body.append(#"<section id="calibration">"#)
            body.append("<h2>Calibration</h2>")
            body.append(calibrationTable(report))
            body.append("</section>")
        }
        body.append("<footer>")
        body.append(#"<p class="meta">\#(HTML.escape(footnote(report)))</p>"#)
        body.append("</footer>")

        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Pensiun \(HTML.escape(report.metadata.version))">
        <title>\(HTML.escape(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    // MARK: text helpers

    /// Money in the scenario's presentation unit: "Rp 1,234.5 trillion", "1,234.5 million".
    static func money(_ v: Double, _ report: RunReport) -> String {
        let p = report.scenario.presentation
        let number = Format.grouped(v / p.unit.scale)
        return p.currency.isEmpty ? "\(number) \(p.unit.rawValue)" : "\(p.currency) \(number) \(p.unit.rawValue)"
    }

    static func moneyBand(_ b: SummaryFigures.Band, _ report: RunReport) -> String {
        let p = report.scenario.presentation
        let range = "\(Format.grouped(b.p5 / p.unit.scale)) – \(Format.grouped(b.p95 / p.unit.scale))"
        return p.currency.isEmpty ? "\(range) \(p.unit.rawValue)" : "\(p.currency) \(range) \(p.unit.rawValue)"
    }

    static func pctGDP(_ v: Double, decimals: Int = 2) -> String { "\(Format.percent(v, decimals: decimals)) of GDP" }

    static func runLine(_ report: RunReport) -> String {
        let m = report.metadata, f = report.figures
        var text = "Years \(f.firstYear)–\(f.lastYear) · \(Format.grouped(Double(m.paths.count), decimals: 0)) Monte Carlo paths"
        if m.paths.count != m.totalPaths { text += " (paths \(m.paths.lowerBound)..<\(m.paths.upperBound) of \(m.totalPaths))" }
        return text + " · seed \(m.seed) · money in \(report.scenario.presentation.label), nominal"
    }

    static func footnote(_ report: RunReport) -> String {
        let m = report.metadata
        // The git commit is in manifest.json only: the page depends on the numbers, not on the commit.
        let text = "Scenario \(report.scenario.file) · seed \(m.seed) · \(Format.grouped(Double(m.paths.count), decimals: 0)) paths · Pensiun \(m.version)"
        return text + ". Both schemes are projected on the same random paths. Bands are across paths: 50% = 25th–75th percentile, 90% = 5th–95th."
    }

    // MARK: tables

    /// A table row: a label and cells; `sub` indents the label (a detail of the row above).
    struct Row {
        var label: String
        var cells: [String]
        var sub = false
    }

    static func table(header: [String], rows: [Row], caption: String? = nil, numericFrom: Int = 1) -> String {
        var out = ["<table>"]
        if let caption { out.append("<caption>\(HTML.escape(caption))</caption>") }
        out.append("<thead><tr>" + header.enumerated().map { i, h in
            i >= numericFrom ? #"<th class="num" scope="col">\#(HTML.escape(h))</th>"# : #"<th scope="col">\#(HTML.escape(h))</th>"#
        }.joined() + "</tr></thead>")
        out.append("<tbody>")
        for row in rows {
            let cells = row.cells.enumerated().map { i, c in
                i + 1 >= numericFrom ? #"<td class="num">\#(HTML.escape(c))</td>"# : "<td>\(HTML.escape(c))</td>"
            }.joined()
            out.append((row.sub ? #"<tr class="sub">"# : "<tr>") + #"<th scope="row">\#(HTML.escape(row.label))</th>"# + cells + "</tr>")
        }
        out.append("</tbody></table>")
        return out.joined(separator: "\n")
    }

    /// The deterministic alternatives (`reporting.alternatives`), base case first: each on its
    /// one path with every σ zero (docs/model.md, "Deterministic alternatives beside the fan").
    static func alternativesTable(_ report: RunReport) -> String {
        let hasReform = report.scenario.hasReform
        let last = report.figures.lastYear
        let rows = report.alternatives.map { a -> Row in
            let s = a.summary
            var cells = [a.alternative.description, money(s.pvBurdenCurrent, report),
                         "\(pctGDP(s.peakBurdenPctGDPCurrent)) in \(s.peakBurdenYearCurrent)"]
            if hasReform {
                cells += [money(s.pvBurdenReform, report), money(s.pvDifference, report),
                          "\(pctGDP(s.peakBurdenPctGDPReform)) in \(s.peakBurdenYearReform)",
                          s.breakevenYear.map { "\($0)" } ?? "none by \(last)"]
            }
            return Row(label: a.name, cells: cells)
        }
        let header = ["Alternative", "Assumes", "PV of the burden, current", "Peak burden, current"]
            + (hasReform ? ["PV of the burden, reform", "Reform − current", "Peak burden, reform", "Breakeven year"] : [])
        return table(header: header, rows: rows, caption: "Deterministic alternatives: each on one path with every volatility zero and no process risk (σ = 0); base is the scenario itself.",
                     numericFrom: 2)
    }

    /// The printed summary's comparison, current scheme and reform side by side.
    static func figuresTable(_ report: RunReport) -> String {
        let f = report.figures
        guard report.scenario.hasReform else { return currentOnlyTable(report) }
        let hasDC = report.inputs.reform.dc != nil
        var rows: [Row] = []
        rows.append(Row(label: "PV of the budget burden at the start of \(f.firstYear), median",
                        cells: [money(f.pvCurrent.median, report), money(f.pvReform.median, report), money(f.pvDifference.median, report)]))
        rows.append(Row(label: "90% band", cells: [moneyBand(f.pvCurrent, report), moneyBand(f.pvReform, report), moneyBand(f.pvDifference, report)], sub: true))
        rows.append(Row(label: "Probability that the reform is cheaper in PV", cells: ["", Format.percent(f.probabilityReformCheaper, decimals: 1), ""]))
        rows.append(Row(label: "Peak annual burden, median",
                        cells: ["\(pctGDP(f.peakBurdenCurrent.median)) in \(f.peakBurdenYearCurrent)",
                                "\(pctGDP(f.peakBurdenReform.median)) in \(f.peakBurdenYearReform)", ""]))
        rows.append(Row(label: "90% band", cells: ["\(Format.percent(f.peakBurdenCurrent.p5)) – \(pctGDP(f.peakBurdenCurrent.p95))",
                                                  "\(Format.percent(f.peakBurdenReform.p5)) – \(pctGDP(f.peakBurdenReform.p95))", ""], sub: true))
        rows.append(Row(label: thresholdLabel(f),
                        cells: [Format.percent(f.probabilityAboveThresholdCurrent, decimals: 1), Format.percent(f.probabilityAboveThresholdReform, decimals: 1), ""]))
        if SummaryFigures.neverCostsMore(report.statistics) {
            let start = report.inputs.reformStartYear ?? f.firstYear
            rows.append(Row(label: "Peak transition cost (reform − current)", cells: ["", "", "none from \(start)"]))
            rows.append(Row(label: "Breakeven year", cells: ["", "n/a: never costs more from \(start)", ""]))
        } else {
        rows.append(Row(label: "Peak transition cost (reform − current), median",
                        cells: ["", "", "\(pctGDP(f.peakTransitionCost.median)) in \(f.peakTransitionYear)"]))
        rows.append(Row(label: "90% band", cells: ["", "", "\(Format.percent(f.peakTransitionCost.p5)) – \(pctGDP(f.peakTransitionCost.p95))"], sub: true))
        if let b = f.breakeven {
            rows.append(Row(label: "Breakeven year (paths that break even), median", cells: ["", "\(Int(b.median.rounded()))", ""]))
            rows.append(Row(label: "90% band", cells: ["", "\(Int(b.p5.rounded()))–\(Int(b.p95.rounded()))", ""], sub: true))
        } else {
            rows.append(Row(label: "Breakeven year", cells: ["", "none by \(f.lastYear)", ""]))
        }
        rows.append(Row(label: "Paths that never break even", cells: ["", Format.percent(f.shareNeverBreakingEven, decimals: 1), ""], sub: true))
        }
        if hasDC {
            rows.append(Row(label: "DC fund assets at \(f.lastYear + 1), median", cells: ["", pctGDP(f.dcAssetsAtHorizon.median, decimals: 1), ""]))
            rows.append(Row(label: "90% band", cells: ["", "\(Format.percent(f.dcAssetsAtHorizon.p5, decimals: 1)) – \(pctGDP(f.dcAssetsAtHorizon.p95, decimals: 1))", ""], sub: true))
            if report.inputs.reform.dc?.guarantee != nil {
                rows.append(Row(label: "PV of guarantee top-ups, median", cells: ["", money(f.pvGuaranteeTopups.median, report), ""]))
                rows.append(Row(label: "90% band", cells: ["", moneyBand(f.pvGuaranteeTopups, report), ""], sub: true))
            }
            if SummaryFigures.issuesBonds(report.inputs) {
                rows.append(Row(label: "PV of recognition bond redemptions, median", cells: ["", money(f.pvBondRedemptions.median, report), ""]))
                rows.append(Row(label: "90% band", cells: ["", moneyBand(f.pvBondRedemptions, report), ""], sub: true))
                rows.append(Row(label: "Recognition bonds outstanding, peak of the mean",
                                cells: ["", f.peakBondsOutstanding > 0 ? "\(money(f.peakBondsOutstanding, report)) in \(f.peakBondsYear)" : "none", ""]))
            }
        }
        return table(header: ["", "Current scheme", "Reform", "Reform − current"], rows: rows,
                     caption: pvCaption(f))
    }

    /// What the PV rows mean, with the discount basis and r − g.
    static func pvCaption(_ f: SummaryFigures) -> String {
        "PV: present value of the budget burden \(f.firstYear)–\(f.lastYear), discounted to the start of \(f.firstYear)"
            + (f.discountBasis.map { " at \($0.line)" + ($0.warning.map { ". \($0)" } ?? "") } ?? "") + ". Medians and bands across paths."
    }

    /// "Probability of a burden above 0.75% of GDP in any year", or above the current scheme's y0
    /// level (``BurdenThreshold/startYearLevel``).
    static func thresholdLabel(_ f: SummaryFigures) -> String {
        f.thresholdIsStartLevel ? "Probability of a burden above the current scheme's \(f.firstYear) level on its path (mean \(pctGDP(f.threshold))) in a later year"
                                : "Probability of a burden above \(pctGDP(f.threshold)) in any year"
    }

    /// The figures of a scenario without a reform: the current scheme alone.
    static func currentOnlyTable(_ report: RunReport) -> String {
        let f = report.figures
        let rows = [
            Row(label: "PV of the budget burden at the start of \(f.firstYear), median", cells: [money(f.pvCurrent.median, report)]),
            Row(label: "90% band", cells: [moneyBand(f.pvCurrent, report)], sub: true),
            Row(label: "Peak annual burden, median", cells: ["\(pctGDP(f.peakBurdenCurrent.median)) in \(f.peakBurdenYearCurrent)"]),
            Row(label: "90% band", cells: ["\(Format.percent(f.peakBurdenCurrent.p5)) – \(pctGDP(f.peakBurdenCurrent.p95))"], sub: true),
            Row(label: thresholdLabel(f),
                cells: [Format.percent(f.probabilityAboveThresholdCurrent, decimals: 1)]),
        ]
        return table(header: ["", "Current scheme"], rows: rows,
                     caption: pvCaption(f))
    }

    static func replacementTable(_ report: RunReport) -> String {
        let f = report.figures
        let hasDC = report.inputs.reform.dc != nil
        func rate(_ v: (median: Double, p10: Double)?) -> String {
            guard let v else { return "no retirements" }
            return "\(Format.percent(v.median, decimals: 1)) / \(Format.percent(v.p10, decimals: 1))"
        }
        let hasReform = report.scenario.hasReform
        let rows = f.replacement.map { t in
            Row(label: t.track, cells: hasReform ? [rate(t.db), rate(hasDC ? t.dc : t.total), rate(t.total)] : [rate(t.db)])
        }
        let header = hasReform ? ["Track", "DB (current)", hasDC ? "DC (reform)" : "DB (reform)", "Total (reform)"] : ["Track", "DB (current)"]
        let schemes = hasReform ? Scheme.allCases : [.current]
        let like = f.likeForLike.flatMap { t in
            schemes.map { scheme in
                let r = t.rates[scheme.rawValue]
                return Row(label: "\(t.track), \(scheme.name)", cells: [rate(r.basic), rate(r.takeHome), rate(r.after20)])
            }
        }
        let years = "\(f.replacementYears.lowerBound)–\(f.replacementYears.upperBound)"
        return table(header: ["Track, scheme", "Of basic pay", "Of take-home pay", "After 20 years, of basic pay"], rows: like,
                     caption: "Like for like: every benefit the retiree draws in a year ÷ annual pay, averaged over \(years) on each path: median / 10th percentile across paths. Basis: \(f.likeForLikeBasis). After 20 years: the pension in payment of those who retired 20 years earlier ÷ the basic pay of the same position that year. Reference: ILO Convention 102 sets a minimum of 40% of the reference wage at award for a standard beneficiary after 30 years of contributions.")
            + sexTable(report)
            + memberTable(report)
            + cohortTable(report)
            + table(header: header, rows: rows,
                     caption: "Model 2.2 rates: pension at award as a share of the final monthly salary, averaged over \(years) on each path: median / 10th percentile across paths.")
    }

    /// ``SexRates``: women's and men's rates, each scheme.
    static func sexTable(_ report: RunReport) -> String {
        let f = report.figures
        let sexes = SexRates(report.statistics, years: f.replacementYears)
        let schemes = report.scenario.hasReform ? Scheme.allCases : [.current]
        func cell(_ v: Double?) -> String { v.map { Format.percent($0, decimals: 1) } ?? "n/a" }
        let rows = schemes.map { scheme in
            let dc = report.inputs.reform.dc != nil && scheme == .reform
            return Row(label: scheme.name, cells: [cell(sexes.total[scheme.rawValue].female), cell(sexes.total[scheme.rawValue].male),
                                                   dc ? cell(sexes.dc[scheme.rawValue].female) : "n/a", dc ? cell(sexes.dc[scheme.rawValue].male) : "n/a"])
        }
        return table(header: ["Scheme", "Women, of basic pay", "Men, of basic pay", "Women, DC part", "Men, DC part"], rows: rows,
                     caption: "By sex: rr_basic_total and its DC part (rr_basic_dc), mean across paths averaged over \(f.replacementYears.lowerBound)–\(f.replacementYears.upperBound). DC annuities are priced by sex, so the same balance buys a woman a smaller annuity.")
    }

    /// ``MemberRates``: the tracks with pay levels, members' percentiles beside paths'.
    static func memberTable(_ report: RunReport) -> String {
        let members = MemberRates(report.statistics, inputs: report.inputs)
        guard !members.isEmpty else { return "" }
        let schemes = report.scenario.hasReform ? Scheme.allCases : [.current]
        func cell(_ v: Double) -> String { Format.percent(v, decimals: 1) }
        let rows = members.rows.flatMap { m in
            schemes.map { scheme in
                Row(label: "\(m.track), \(scheme.name)", cells: m.rates[scheme.rawValue].map {
                    [cell($0.p10), cell($0.p50), cell($0.p90), cell($0.medianOnP10Path)]
                } ?? ["n/a", "n/a", "n/a", "n/a"])
            }
        }
        let levels = members.rows.map { "\($0.track): \($0.levels)" }.joined(separator: "; ")
        return table(header: ["Track, scheme", "10th-percentile member", "Median member", "90th-percentile member", "Median member, 10th-percentile path"],
                     rows: rows,
                     caption: "Across members, ranked by their rate (not their pay): rr_basic_total of each pay level within the track (its retirees weighted by number), averaged over the last decade on each path; the first three columns on the median path, the last on the 10th-percentile path. Rates are shares of each member's own pay, so the levels differ only where \(report.scenario.hasReform && report.inputs.reform.dc?.guarantee != nil ? "a floor or the guarantee (amounts, not shares of pay) binds" : "a floor (an amount, not a share of pay) binds"). Pay levels (share, multiplier of the salary scale): \(levels).")
    }

    /// ``SurvivorOrigins``: new survivor pensions by the death that starts them, and the survivor
    /// pensions paid, under each scheme; the removals the reform makes, in words.
    static func survivorTable(_ o: SurvivorOrigins, report: RunReport) -> String {
        let c = o.schemes[0], r = o.schemes[1], d = o.difference
        func count(_ v: Double) -> String { Format.grouped(v, decimals: 0) }
        func share(_ v: Double) -> String { pctGDP(v, decimals: 3) }
        let rows = [
            Row(label: "New survivor pensions after deaths in service (expected)", cells: [count(c.inService), count(r.inService), count(d.inService)]),
            Row(label: "New survivor pensions after deaths of pensioners (expected)", cells: [count(c.afterAward), count(r.afterAward), count(d.afterAward)]),
            Row(label: "Survivor pensions paid by the budget, average a year", cells: [share(c.benefitsPctGDP), share(r.benefitsPctGDP), share(d.benefitsPctGDP)]),
            Row(label: "Budget burden, average a year", cells: [share(c.burdenPctGDP), share(r.burdenPctGDP), share(d.burdenPctGDP)]),
        ]
        var caption = "Expected counts: the sums over the years of the means across paths; averages: of the yearly means."
        if let sentence = o.sentence { caption += " " + sentence }
        let words = SummaryFigures.survivorRightsWords(report.inputs)
        if !words.isEmpty { caption += " Under the reform: " + words.joined(separator: "; ") + "." }
        return table(header: ["", "Current scheme", "Reform", "Reform − current"], rows: rows, caption: caption)
    }

    /// ``CohortRates``: every retirement cohort of a decade year, at award and 20 years on.
    static func cohortTable(_ report: RunReport) -> String {
        let cohorts = CohortRates(report.statistics)
        guard !cohorts.rows.isEmpty else { return "" }
        let hasReform = report.scenario.hasReform
        func cell(_ v: Double?) -> String { Format.percent(v ?? .nan, decimals: 1) }
        let rows = cohorts.rows.map { c in
            Row(label: "\(c.year)", cells: hasReform
                ? [cell(c.atAward[0]), cell(c.atAward[1]), cell(c.after20[0]), cell(c.after20[1])]
                : [cell(c.atAward[0]), cell(c.after20[0])])
        }
        let header = hasReform
            ? ["Cohort retiring in", "Current, at award", "Reform, at award", "Current, 20 years later", "Reform, 20 years later"]
            : ["Cohort retiring in", "At award", "20 years later"]
        return table(header: header, rows: rows,
                     caption: "Like for like by retirement cohort, every track: rr_basic_total at award and rr_basic_total_after20 twenty years later, median across paths (yearly.csv has every year, overall and by track).")
    }

    static func debtTable(_ debt: ImplicitPensionDebt, report: RunReport) -> String {
        let rows = [
            Row(label: "Pensioners and disabled", cells: [money(debt.pensioners, report)]),
            Row(label: "Survivors", cells: [money(debt.survivors, report)]),
            Row(label: "Actives (rights earned to date)", cells: [money(debt.actives, report)]),
            Row(label: "Total", cells: [money(debt.total, report)]),
        ]
        return table(header: ["Component", "PV at the start of \(report.figures.firstYear)"], rows: rows,
                     caption: "DB-type payments to the closed group on the deterministic path: accrued rights, \(report.figures.debtBasisWords)"
                        + (report.figures.debtBasis.map { "; \($0.line)" } ?? "") + ".")
    }

    static func calibrationTable(_ report: RunReport) -> String {
        func value(_ measure: CalibrationTarget.Measure, _ v: Double, upper: Double? = nil) -> String {
            let p = report.scenario.presentation
            switch measure {
            case .actives, .recipients, .retirements:
                return Format.grouped(v, decimals: 0) + (upper.map { "–" + Format.grouped($0, decimals: 0) } ?? "") + " people"
            case .dbBenefits, .implicitDebt, .gdp:
                guard let upper else { return money(v, report) }
                let range = Format.grouped(v / p.unit.scale) + "–" + Format.grouped(upper / p.unit.scale)
                return p.currency.isEmpty ? "\(range) \(p.unit.rawValue)" : "\(p.currency) \(range) \(p.unit.rawValue)"
            case .dbBenefitsPctGDP:
                return Format.percent(v) + (upper.map { "–" + Format.percent($0) } ?? "") + " of GDP"
            case .dbBenefitsGrowth:
                return Format.percent(v, decimals: 1) + (upper.map { "–" + Format.percent($0, decimals: 1) } ?? "") + " growth"
            }
        }
        var out = [#"<table class="calibration">"#, #"<colgroup><col style="width: 24%"><col><col><col><col><col><col style="width: 28%"></colgroup>"#, "<caption>Model: mean over paths, current scheme. A target passes when the model is within the tolerance of the actual value (or range).</caption>"]
        out.append(#"<thead><tr><th scope="col">Target</th><th class="num" scope="col">Year</th><th class="num" scope="col">Model</th><th class="num" scope="col">Actual</th><th class="num" scope="col">Tolerance</th><th scope="col">Status</th><th scope="col">Source</th></tr></thead>"#)
        out.append("<tbody>")
        for c in report.calibration {
            let actual = value(c.target.measure, c.target.target, upper: c.target.upper)
            let status = c.status
            out.append("<tr" + (c.passes ? "" : #" class="miss""#) + #"><th scope="row">\#(HTML.escape(c.target.name))</th>"#
                       + #"<td class="num">\#(c.target.baseYear.map { "\($0)–" } ?? "")\#(c.target.year)</td><td class="num">\#(HTML.escape(c.model.isFinite ? value(c.target.measure, c.model) : "—"))</td>"#
                       + #"<td class="num">\#(HTML.escape(actual))</td><td class="num">\#(HTML.escape(c.toleranceText))</td>"#
                       + "<td>\(status)</td><td>\(HTML.escape(c.target.source))"
                       + (c.target.note.map { "<br><em>\(HTML.escape($0))</em>" } ?? "") + "</td></tr>")
        }
        out.append("</tbody></table>")
        return out.joined(separator: "\n")
    }

    // MARK: style

    static let css = """
    :root { color-scheme: light; }
    body { font-family: "DejaVu Sans", Verdana, Helvetica, Arial, sans-serif; color: #000; background: #fff;
           max-width: 880px; margin: 24px auto; padding: 0 18px; font-size: 15px; line-height: 1.45; }
    h1 { font-size: 25px; margin: 0 0 6px; }
    h2 { font-size: 19px; margin: 34px 0 10px; padding-bottom: 3px; border-bottom: 1.5px solid #000; }
    h3 { font-size: 16px; margin: 0 0 4px; }
    p { margin: 4px 0; }
    .lead { font-size: 16px; }
    .meta { font-size: 13.5px; color: #222; }
    table { border-collapse: collapse; width: 100%; margin: 8px 0 18px; font-size: 14px; }
    caption { caption-side: bottom; text-align: left; font-size: 13px; color: #222; padding-top: 5px; }
    th, td { padding: 4px 8px; border-bottom: 1px solid #b8b8b8; vertical-align: top; text-align: left; }
    thead th { border-bottom: 1.5px solid #000; }
    tbody th { font-weight: normal; }
    .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    tr.sub th { padding-left: 26px; color: #222; }
    tr.miss td, tr.miss th { font-weight: bold; }
    table.calibration .num { white-space: normal; }
    table.calibration td:last-child { font-size: 13px; }
    figure { margin: 22px 0 30px; break-inside: avoid; page-break-inside: avoid; }
    figcaption { font-size: 13.5px; margin-top: 2px; }
    svg.chart { display: block; width: 100%; height: auto; }
    footer { margin-top: 34px; border-top: 1px solid #000; padding-top: 6px; }
    @media print {
      @page { size: A4; margin: 14mm 14mm 16mm; }
      body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
      table { font-size: 9.5pt; }
      h2 { break-after: avoid; page-break-after: avoid; }
      table, figure { break-inside: avoid; page-break-inside: avoid; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}
