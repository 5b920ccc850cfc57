import PensiunEngine
import PensiunInputs
import PensiunScenario

/// The printed comparison for policymakers (also `summary.md`): current scheme and reform side by
/// side, units on every number, fitting 100 columns.
public enum SummaryText {
    static let width = 100

    public static func render(_ report: RunReport, markdown: Bool = false) -> String {
        let f = report.figures
        let unit = report.scenario.presentation
        let scale = unit.unit.scale
        func money(_ v: Double) -> String { Format.grouped(v / scale) }
        func band(_ b: SummaryFigures.Band, _ show: (Double) -> String) -> String { "\(show(b.p5)) – \(show(b.p95))" }
        var lines: [String] = []
        func row(_ label: String, _ current: String, _ reform: String, _ difference: String = "") {
            lines.append(Self.row(label, current, reform, difference))
        }
        func section(_ title: String) { lines.append(""); lines.append(title) }
        // The deterministic alternatives (base case first) beside the bands above them: one row
        // each, under a label; nothing when the scenario names none.
        func alternativeRows(_ cells: (PathSummary) -> (String, String, String)) {
            guard !report.alternatives.isEmpty else { return }
            row("  deterministic alternatives (σ = 0)", "", "")
            for a in report.alternatives {
                let (current, reform, difference) = cells(a.summary)
                row("    \(a.name)", current, reform, difference)
            }
        }
        let title = "Pensiun \(report.metadata.version) · \(report.scenario.name)"
        lines.append(title)
        let hasReform = report.scenario.hasReform
        lines.append(hasReform ? reformDescription(report.inputs) : "No reform defined: the current scheme alone (reforms extend this scenario)")
        if let scope = unit.scope { lines += wrap("Scope: " + scope, first: "", indent: "  ") }
        lines.append(String(repeating: "─", count: width))
        row("", "Current scheme", hasReform ? "Reform" : "", hasReform ? "Reform − current" : "")
        section("PV of the budget burden \(f.firstYear)–\(f.lastYear) (\(unit.label), at the start of \(f.firstYear))")
        if let basis = f.discountBasis {
            lines.append("  discounting: " + basis.line)
            if let warning = basis.warning { lines.append("  " + warning) }
        }
        if hasReform {
            row("  median", money(f.pvCurrent.median), money(f.pvReform.median), money(f.pvDifference.median))
            row("  90% band", band(f.pvCurrent, money), band(f.pvReform, money), band(f.pvDifference, money))
            alternativeRows { s in (money(s.pvBurdenCurrent), money(s.pvBurdenReform), money(s.pvDifference)) }
            row("P(reform cheaper in PV)", "", Format.percent(f.probabilityReformCheaper, decimals: 1))
        } else {
            row("  median", money(f.pvCurrent.median), "")
            row("  90% band", band(f.pvCurrent, money), "")
            alternativeRows { s in (money(s.pvBurdenCurrent), "", "") }
        }
        row("Peak annual burden (% of GDP), median",
            "\(Format.percent(f.peakBurdenCurrent.median)) in \(f.peakBurdenYearCurrent)",
            hasReform ? "\(Format.percent(f.peakBurdenReform.median)) in \(f.peakBurdenYearReform)" : "")
        alternativeRows { s in
            ("\(Format.percent(s.peakBurdenPctGDPCurrent)) in \(s.peakBurdenYearCurrent)",
             hasReform ? "\(Format.percent(s.peakBurdenPctGDPReform)) in \(s.peakBurdenYearReform)" : "", "")
        }
        row(f.thresholdIsStartLevel ? "P(burden above its \(f.firstYear) level, mean \(Format.percent(f.threshold, decimals: 2)))"
                                    : "P(burden > \(Format.percent(f.threshold, decimals: 2)) of GDP in any year)",
            Format.percent(f.probabilityAboveThresholdCurrent, decimals: 1),
            hasReform ? Format.percent(f.probabilityAboveThresholdReform, decimals: 1) : "")
        if hasReform, SummaryFigures.neverCostsMore(report.statistics) {
            let start = report.inputs.reformStartYear ?? f.firstYear
            row("Peak transition cost (% of GDP)", "", "none from \(start)")
            row("Breakeven year", "", "n/a")
            lines.append("  the reform costs no more than the current scheme in any year from its start, \(start), on every path")
        } else if hasReform {
            row("Peak transition cost (% of GDP), median", "",
                "\(Format.percent(f.peakTransitionCost.median)) in \(f.peakTransitionYear)")
            row("  90% band", "", band(f.peakTransitionCost) { Format.percent($0) })
            if let b = f.breakeven {
                row("Breakeven year (median, 90% band)", "", "\(Int(b.median.rounded()))",
                    "\(Int(b.p5.rounded()))–\(Int(b.p95.rounded()))")
            } else {
                row("Breakeven year", "", "none by \(f.lastYear)")
            }
            row("  paths that never break even", "", Format.percent(f.shareNeverBreakingEven, decimals: 1))
            let payback = SummaryFigures.payback(report.statistics)
            if let p = payback.years {
                row("PV payback year (median, 90% band)", "", "\(Int(p.median.rounded()))",
                    "\(Int(p.p5.rounded()))–\(Int(p.p95.rounded()))")
            } else {
                row("PV payback year", "", "none by \(f.lastYear)")
            }
            row("  paths that never pay back", "", Format.percent(payback.shareNever, decimals: 1))
            lines.append("  payback: the first year from which the cumulative discounted difference stays ≤ 0;")
            lines.append("  breakeven: the first year from which the annual burden is never higher")
            alternativeRows { s in ("", s.breakevenYear.map { "\($0)" } ?? "none by \(f.lastYear)", "") }
        }
        if report.inputs.reform.dc != nil {
            row("DC fund assets at \(f.lastYear + 1) (% of GDP)", "", Format.percent(f.dcAssetsAtHorizon.median, decimals: 1),
                band(f.dcAssetsAtHorizon) { Format.percent($0, decimals: 1) })
            // Rows about guarantees and bonds only where the reform has them (issue 21).
            if report.inputs.reform.dc?.guarantee != nil {
                row("PV of guarantee top-ups (\(unit.label))", "", money(f.pvGuaranteeTopups.median), band(f.pvGuaranteeTopups, money))
            }
            if SummaryFigures.issuesBonds(report.inputs) {
                row("PV of bond redemptions (\(unit.label))", "", money(f.pvBondRedemptions.median), band(f.pvBondRedemptions, money))
                row("Recognition bonds outstanding, peak", "", f.peakBondsOutstanding > 0
                    ? "\(money(f.peakBondsOutstanding)) in \(f.peakBondsYear)" : "none")
            }
        }
        lines += financingLines(report)
        let survivorsEnd = SummaryFigures.survivorsAtEnd(report.statistics)
        if hasReform, survivorsEnd.allSatisfy(\.isFinite) {
            let current = survivorsEnd[0], reform = survivorsEnd[1]
            row("Survivors drawing a benefit, \(f.lastYear) (mean)", Format.grouped(current, decimals: 0),
                Format.grouped(reform, decimals: 0), Format.grouped(reform - current, decimals: 0))
            for words in SummaryFigures.survivorRightsWords(report.inputs) { lines.append("  " + words) }
        }
        if let origins = SurvivorOrigins(report.statistics, inputs: report.inputs, hasReform: hasReform) {
            let c = origins.schemes[0], r = origins.schemes[1], d = origins.difference
            func count(_ v: Double) -> String { Format.grouped(v, decimals: 0) }
            func share(_ v: Double) -> String { Format.percent(v, decimals: 3) }
            row("New survivor pensions \(origins.years.lowerBound)–\(origins.years.upperBound)", "", "")
            row("  after deaths in service (expected)", count(c.inService), count(r.inService), count(d.inService))
            row("  after deaths of pensioners (expected)", count(c.afterAward), count(r.afterAward), count(d.afterAward))
            row("  survivor pensions, % of GDP a year", share(c.benefitsPctGDP), share(r.benefitsPctGDP), share(d.benefitsPctGDP))
            if let sentence = origins.sentence { lines += wrap(sentence, first: "  ", indent: "  ") }
        }
        if let change = SpendingChange(report.statistics) { lines += change.lines(hasReform: hasReform, row: Self.row) }
        lines += CashFlowDecades.summaryLines(report)
        lines += BudgetShares.summaryLines(report)
        if let start = f.payrollPctGDPStart, let end = f.payrollPctGDPEnd {
            section("Scale of the current scheme")
            lines.append("  payroll / GDP \(Format.percent(start.median)) in \(f.firstYear) → \(Format.percent(end.median)) in \(f.lastYear)"
                         + " (median; 90% band \(band(end) { Format.percent($0) }))")
            lines.append("  actives \(Format.grouped(f.activesStart, decimals: 0)) at the start of \(f.firstYear) → "
                         + "\(Format.grouped(f.activesEnd, decimals: 0)) at the start of \(f.lastYear)")
            if let lf = f.labourForce {
                lines.append("  labour force ×\(String(format: "%.2f", lf.factor)) (growth \(Format.percent(lf.first, decimals: 1)) → "
                             + "\(Format.percent(lf.last, decimals: 1)) a year); pay follows GDP per worker")
            }
        }
        func rate(_ v: (median: Double, p10: Double)?) -> String {
            guard let v else { return "n/a" }
            return "\(Format.percent(v.median, decimals: 1)) / \(Format.percent(v.p10, decimals: 1))"
        }
        section("Replacement rates, like for like, \(f.replacementYears.lowerBound)–\(f.replacementYears.upperBound): annual pension ÷ annual pay (median / 10th pct)")
        lines.append("  basis: \(f.likeForLikeBasis)")
        row("  track, scheme", "of basic pay", "of take-home pay", "after 20 years")
        for t in f.likeForLike {
            for scheme in hasReform ? Scheme.allCases : [.current] {
                let r = t.rates[scheme.rawValue]
                row("  \(t.track), \(scheme.name)", rate(r.basic), rate(r.takeHome), rate(r.after20))
            }
        }
        lines.append("  after 20 years: the pension in payment of those who retired 20 years earlier ÷ the basic pay of")
        lines.append("  the same position that year (DB indexed, DC annuity level unless it escalates)")
        lines.append("  reference: ILO Convention 102 sets a minimum of 40% of the reference wage at award for a")
        lines.append("  standard beneficiary after 30 years of contributions")
        let sexes = SexRates(report.statistics, years: f.replacementYears)
        func pair(_ v: (female: Double?, male: Double?)) -> String {
            "women \(v.female.map { Format.percent($0, decimals: 1) } ?? "n/a"), men \(v.male.map { Format.percent($0, decimals: 1) } ?? "n/a")"
        }
        lines.append("  by sex, mean across paths (annuities are priced by sex):")
        for scheme in hasReform ? Scheme.allCases : [.current] {
            let dc = report.inputs.reform.dc != nil && scheme == .reform ? "; DC part \(pair(sexes.dc[scheme.rawValue]))" : ""
            lines.append("    \(scheme.name): of basic pay \(pair(sexes.total[scheme.rawValue]))\(dc)")
        }
        let members = MemberRates(report.statistics, inputs: report.inputs)
        if members.isEmpty {
            lines.append("  pay levels: none; every member of a track is paid its salary scale, so the percentiles above are")
            lines.append("  across economic paths, not across members")
        } else {
            section("Replacement rates across members, \(f.replacementYears.lowerBound)–\(f.replacementYears.upperBound): rr_basic_total of pay levels within a track")
            row("  track, scheme (median path)", "p10 member", "median member", "p90 member")
            for m in members.rows {
                let schemes = hasReform ? Scheme.allCases : [.current]
                for scheme in schemes {
                    let r = m.rates[scheme.rawValue]
                    func cell(_ v: Double?) -> String { v.map { Format.percent($0, decimals: 1) } ?? "n/a" }
                    row("  \(m.track), \(scheme.name)", cell(r?.p10), cell(r?.p50), cell(r?.p90))
                }
                let bad = schemes.map { "\($0.name) \(m.rates[$0.rawValue].map { Format.percent($0.medianOnP10Path, decimals: 1) } ?? "n/a")" }
                lines.append("  \(m.track), median member on the 10th-percentile path: \(bad.joined(separator: ", "))")
                lines.append("  \(m.track) pay levels: \(m.levels)")
            }
            lines.append("  members ranked by their rate, not their pay: each pay level at its own rate, weighted by its")
            lines.append("  retirements; median path: the median across paths of each path's decade average. Rates are")
            // The guarantee only where the reform has one (issue 21).
            lines.append("  shares of each member's own pay, so the levels differ only where "
                         + (hasReform && report.inputs.reform.dc?.guarantee != nil ? "a floor or the guarantee binds" : "a floor binds"))
        }
        let cohorts = CohortRates(report.statistics)
        if !cohorts.rows.isEmpty {
            section("Replacement rates by retirement cohort, every track (rr_basic_total at award / 20 years later, median)")
            row("  cohort retiring in", "current, award/+20y", hasReform ? "reform, award/+20y" : "")
            func cell(_ v: Double?) -> String { Format.percent(v ?? .nan, decimals: 1) }
            for c in cohorts.rows {
                row("  \(c.year)", "\(cell(c.atAward[0])) / \(cell(c.after20[0]))",
                    hasReform ? "\(cell(c.atAward[1])) / \(cell(c.after20[1]))" : "")
            }
        }
        section("Replacement rates at retirement, \(f.replacementYears.lowerBound)–\(f.replacementYears.upperBound) (replacement_rate_*: monthly pension ÷ final monthly basic salary)")
        if hasReform {
            row("  track", "DB (current)", report.inputs.reform.dc != nil ? "DC (reform)" : "DB (reform)", "total (reform)")
            for t in f.replacement {
                row("  \(t.track)", rate(t.db), rate(report.inputs.reform.dc != nil ? t.dc : t.total), rate(t.total))
            }
        } else {
            row("  track", "DB (current)", "")
            for t in f.replacement { row("  \(t.track)", rate(t.db), "") }
        }
        if let debt = f.debt {
            section("Implicit pension debt at the start of \(f.firstYear) (\(unit.label)): \(money(debt.total))")
            lines.append("  pensioners and disabled \(money(debt.pensioners)) · survivors \(money(debt.survivors)) · actives \(money(debt.actives))")
            lines.append("  basis: accrued rights, \(f.debtBasisWords)")
            if let basis = f.debtBasis { lines.append("  discounting: " + basis.line) }
        }
        lines += BeyondHorizonReport.lines(report, money: money, unit: unit.label)
        if !unit.notes.isEmpty {
            section("Notes")
            for note in unit.notes { lines.append(contentsOf: wrap(note, first: "  - ", indent: "    ")) }
        }
        if !report.calibration.isEmpty {
            lines.append("")
            lines.append(contentsOf: calibrationTable(report).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
        }
        lines.append(String(repeating: "─", count: width))
        let m = report.metadata
        lines.append("Scenario \(report.scenario.file) · seed \(m.seed) · \(Format.grouped(Double(m.paths.count), decimals: 0)) paths"
                     + (m.paths.count != m.totalPaths ? " (\(m.paths.lowerBound)..<\(m.paths.upperBound) of \(m.totalPaths))" : "")
                     + " · Pensiun \(m.version)")
        if let alpha = report.statistics.quantileAccuracy {
            lines.append("Streamed: the yearly percentiles are estimates within \(Format.percent(alpha, decimals: 1)) of each value;"
                         + " means and every per-path figure are exact.")
        }
        let text = lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n") + "\n"
        return markdown ? "```text\n" + text + "```\n" : text
    }

    /// One row of the summary's table: a label in 40 columns, then current, reform and reform −
    /// current in 20 each.
    static func row(_ label: String, _ current: String, _ reform: String, _ difference: String = "") -> String {
        Format.left(label, 40) + Format.right(current, 20) + Format.right(reform, 20) + Format.right(difference, 20)
    }

    /// The calibration table: each target with the model's value, the tolerance and its source.
    public static func calibrationTable(_ report: RunReport) -> String {
        let unit = report.scenario.presentation
        var lines = ["Calibration (model: mean over paths; current scheme)"]
        lines.append(Format.left("  target", 40) + Format.right("model", 12) + Format.right("actual", 20) + Format.right("tolerance", 10) + Format.right("", 5))
        for c in report.calibration {
            let v = c.model.isFinite ? value(c.target.measure, c.model, unit: unit) : "—"
            var actual = value(c.target.measure, c.target.target, unit: unit)
            if let upper = c.target.upper { actual += "–" + value(c.target.measure, upper, unit: unit) }
            let years = c.target.baseYear.map { "\($0)→\(c.target.year)" } ?? "\(c.target.year)"
            lines.append(Format.left("  \(c.target.name) \(years)", 40) + Format.right(v, 12) + Format.right(actual, 20)
                         + Format.right(c.toleranceText, 10) + Format.right(c.status, 5))
            lines.append("      source: " + c.target.source)
            if let note = c.target.note { lines.append(contentsOf: wrap(note, first: "      note: ", indent: "            ")) }
        }
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n") + "\n"
    }

    /// `text` after `first`, broken at spaces into lines of at most ``width`` characters,
    /// continued with `indent`.
    static func wrap(_ text: String, first: String, indent: String) -> [String] {
        var lines: [String] = [], line = first, fresh = true
        for word in text.split(separator: " ") {
            if !fresh && line.count + 1 + word.count > width {
                lines.append(line)
                line = indent + word
            } else {
                line += (fresh ? "" : " ") + word
            }
            fresh = false
        }
        lines.append(line)
        return lines
    }

    static func value(_ measure: CalibrationTarget.Measure, _ v: Double, unit: Presentation) -> String {
        switch measure {
        case .actives, .recipients, .retirements: return Format.grouped(v, decimals: 0)
        case .dbBenefits, .implicitDebt, .gdp: return Format.grouped(v / unit.unit.scale)
        case .dbBenefitsPctGDP: return Format.percent(v)
        case .dbBenefitsGrowth: return Format.signed(Format.percent(v, decimals: 1))
        }
    }

    static func reformDescription(_ inputs: ProjectionInputs) -> String {
        guard let dc = inputs.reform.dc else {
            return "Reform: parametric changes to the DB scheme" + (inputs.reformStartYear.map { " from \($0)" } ?? "") + " (no DC)"
        }
        let who: String
        switch dc.transition {
        case .newEntrants: who = "entrants from \(dc.year) join a DC scheme"
        case let .switchUnderAge(a): who = "entrants from \(dc.year) and actives under \(a) move to a DC scheme"
        case .all: who = "all actives move to a DC scheme in \(dc.year)"
        case .supplementary: who = "a supplementary DC from \(dc.year) (entrants: DC only)"
        }
        let rights: String
        switch dc.accruedRights {
        case .frozenDB: rights = "accrued DB rights frozen"
        case let .recognitionBond(rho): rights = "accrued rights as recognition bonds at \(Format.percent(rho, decimals: 1))"
        }
        let rates = "employee \(Format.percent(dc.employeeRate(dc.year), decimals: 1)) + employer \(Format.percent(dc.employerRate(dc.year), decimals: 1))"
        let switches: Bool
        switch dc.transition {
        case .all, .switchUnderAge: switches = true
        case .newEntrants, .supplementary: switches = false
        }
        return "Reform: \(who); \(rates)" + (switches ? "; \(rights)" : "")
    }
}
