import Foundation
import PensiunEngine
import PensiunInputs

/// The valuations beyond the window of one set of assumptions (``BeyondHorizon``): the base case,
/// or a deterministic alternative, with the inputs they were valued on.
public struct BeyondHorizonRow: Sendable {
    /// "base" or the alternative's name.
    public let name: String
    public let inputs: ProjectionInputs
    public let value: BeyondHorizon
    /// The accrual view (``AccrualView``), of the base case only.
    public let accrual: AccrualView?

    /// The basis of the extended projection's present values, over y0 … E on its deterministic
    /// path (the run's discount rate).
    public let extendedBasis: DiscountBasis?
    /// The basis of the accrued liability (the implicit debt's discount rate) over the same years.
    public let liabilityBasis: DiscountBasis?

    public init(name: String, inputs: ProjectionInputs, value: BeyondHorizon, accrual: AccrualView? = nil) {
        self.name = name
        self.inputs = inputs
        self.value = value
        self.accrual = accrual
        // One deterministic path to E for both bases, generated once.
        let extended = ExtendedProjection.inputs(inputs)
        let path = DiscountBasis.deterministicPath(extended)
        extendedBasis = path.map { DiscountBasis(inputs: extended, path: $0, fixedRate: inputs.valuation.discountRate) }
        liabilityBasis = path.map { DiscountBasis(inputs: extended, path: $0, fixedRate: inputs.valuation.debtDiscountRate) }
    }
}

/// The printed block and the `summary.json` entries of the valuations beyond the window
/// (docs/model.md Part II, "Beyond the horizon"): `accrued_liability_at_horizon`,
/// `extended_pv_difference`, `general_average_premium`.
enum BeyondHorizonReport {
    /// The summary's blocks, each opened by a blank line, under the header of its table (current,
    /// reform, reform − current); empty when the run valued nothing beyond the window (a shard).
    static func lines(_ report: RunReport, money: (Double) -> String, unit: String) -> [String] {
        guard let base = report.beyond.first else { return [] }
        var lines: [String] = []
        func row(_ label: String, _ current: String, _ reform: String, _ difference: String) {
            lines.append(SummaryText.row(label, current, reform, difference))
        }
        let hasReform = report.scenario.hasReform
        let f = report.figures, v = base.value
        func liability(_ l: HorizonLiability?) -> String {
            l.map { "\(money($0.atHorizon)) (\(Format.percent($0.pctGDP, decimals: 1)))" } ?? "n/a"
        }
        func difference(_ a: HorizonLiability?, _ b: HorizonLiability?) -> String {
            guard let a, let b, hasReform else { return "" }
            return money(b.atHorizon - a.atHorizon)
        }
        lines += ["", "Accrued liability at the start of \(v.horizonYear) (\(unit), % of that year's GDP; deterministic)",
                  "  the rights of the members of \(v.horizonYear), run to extinction, as the implicit debt:",
                  "  \(f.debtBasisWords)"]
        if let basis = base.liabilityBasis {
            lines += SummaryText.wrap("discounting: " + basis.line + " (r and g over \(f.firstYear)–\(v.extended.endYear))",
                                      first: "  ", indent: "    ")
        }
        for r in report.beyond {
            let l = r.value.liability
            row("  \(r.name)", liability(l[0]), hasReform ? liability(l[1]) : "", difference(l[0], l[1]))
        }
        let l = v.liability
        row("  \(base.name), PV at the start of \(f.firstYear)", l[0].map { money($0.presentValue) } ?? "n/a",
            hasReform ? l[1].map { money($0.presentValue) } ?? "n/a" : "",
            hasReform ? (l[0].flatMap { c in l[1].map { money($0.presentValue - c.presentValue) } } ?? "") : "")
        if hasReform && report.beyond.contains(where: { $0.value.liability[1] == nil }) {
            lines.append("  n/a: DB members still in service at the horizon beside the reform's DC (rights not frozen)")
        }
        let e = v.extended
        lines += ["", "Extended projection to \(e.endYear), entrants continuing (deterministic; PV at the start of \(f.firstYear))"]
        if let basis = base.extendedBasis { lines.append("  discounting: " + basis.line) }
        let gaps = report.beyond.map { ($0.name, $0.extendedBasis) }
        if gaps.count > 1 {
            lines += SummaryText.wrap("r − g: " + gaps.map { "\($0) " + ($1.map { Format.signed(Format.grouped($0.gap * 100, decimals: 1)) + " pp" } ?? "n/a") }
                .joined(separator: ", "), first: "  ", indent: "    ")
        }
        if let warning = gaps.lazy.compactMap({ $0.1?.warning }).first {
            let names = gaps.filter { $0.1?.warning != nil }.map(\.0).joined(separator: ", ")
            lines += SummaryText.wrap("\(names): " + warning, first: "  ", indent: "    ")
        }
        for r in report.beyond {
            let x = r.value.extended
            row("  \(r.name)", money(x.pvCurrent), hasReform ? money(x.pvReform) : "", hasReform ? money(x.pvDifference) : "")
        }
        if hasReform {
            row("  difference, share of the PV of GDP", "", "", Format.percent(e.differencePctPVGDP, decimals: 2))
            row("  difference \(f.firstYear)–\(f.lastYear), same path", "", "", money(e.pvDifferenceWindow))
        }
        lines += ["", "General average premium \(f.firstYear)–\(f.lastYear) (PV of burden ÷ PV of payroll; deterministic)"]
        if let basis = f.discountBasis { lines.append("  discounting: " + basis.line) }
        func pct(_ x: Double?) -> String { x.map { Format.percent($0, decimals: 1) } ?? "n/a" }
        func gap(_ a: Double?, _ b: Double?) -> String {
            guard hasReform, let a, let b else { return "" }
            return Format.signed(Format.grouped((b - a) * 100, decimals: 1)) + " pp"
        }
        lines.append("  closed group: the members of \(f.firstYear), actives and pensioners, no entrant")
        for r in report.beyond {
            let p = r.value.premium
            row("    \(r.name)", pct(p[0].closedGroup), hasReform ? pct(p[1].closedGroup) : "", gap(p[0].closedGroup, p[1].closedGroup))
        }
        lines.append("  open group: entrants too")
        for r in report.beyond {
            let p = r.value.premium
            row("    \(r.name)", pct(p[0].openGroup), hasReform ? pct(p[1].openGroup) : "", gap(p[0].openGroup, p[1].openGroup))
        }
        if let a = base.accrual { lines += accrualLines(a, hasReform: hasReform, money: money, unit: unit) }
        return lines
    }

    /// The accrual view's table: per scheme and interval, the liability at its start, the service
    /// cost, the interest, the benefits and the liability at its end (nominal).
    static func accrualLines(_ a: AccrualView, hasReform: Bool, money: (Double) -> String, unit: String) -> [String] {
        func cell(_ v: Double, _ width: Int) -> String { Format.right(money(v), width) }
        var lines = ["", "Accrual view: accrued liability and its change (\(unit), nominal; deterministic, base)",
                     Format.left("  scheme, years", 28) + Format.right("opening", 14) + Format.right("+ service", 14)
                        + Format.right("+ interest", 14) + Format.right("− benefits", 14) + Format.right("= closing", 14)]
        for s in hasReform ? Scheme.allCases : [.current] {
            for (k, i) in a.intervals[s.rawValue].enumerated() {
                let label = "  \(s.name), \(a.years[k])–\(a.years[k + 1] - 1)"
                guard let i else { lines.append(Format.left(label, 28) + Format.right("n/a", 14)); continue }
                lines.append(Format.left(label, 28) + cell(i.opening, 14) + cell(i.serviceCost, 14) + cell(i.interest, 14)
                             + cell(i.benefits, 14) + cell(i.closing, 14))
            }
        }
        lines.append("  service: rights earned (new entrants too) and experience, the residual; n/a: DB members in service")
        lines.append("  beside a switch's DC cannot be frozen")
        return lines
    }

    /// The three `summary.json` entries (each null when the run valued nothing beyond the window):
    /// the base case's figures at the top, the alternatives' under `by_alternative`.
    static func json(_ report: RunReport) throws(NonFiniteOutput) -> [String: Any] {
        guard let base = report.beyond.first else {
            return ["accrued_liability_at_horizon": NSNull(), "extended_pv_difference": NSNull(), "general_average_premium": NSNull(),
                    "accrual_view": NSNull()]
        }
        func number(_ v: Double, _ field: String) throws(NonFiniteOutput) -> Any { try RunJSON.number(v, field) }
        func liability(_ l: HorizonLiability?) throws(NonFiniteOutput) -> Any {
            guard let l else { return NSNull() }
            let f = "accrued_liability_at_horizon"
            return ["at_horizon": try number(l.atHorizon, f), "pct_gdp": try number(l.pctGDP, f), "present_value": try number(l.presentValue, f)]
        }
        // Without a reform, the reform's figures and the differences are not applicable (null).
        let hasReform = report.scenario.hasReform
        func reformOnly(_ v: Double, _ field: String) throws(NonFiniteOutput) -> Any { hasReform ? try number(v, field) : NSNull() }
        func liabilities(_ v: BeyondHorizon) throws(NonFiniteOutput) -> [String: Any] {
            ["current": try liability(v.liability[0]), "reform": hasReform ? try liability(v.liability[1]) : NSNull()]
        }
        func extended(_ r: BeyondHorizonRow) throws(NonFiniteOutput) -> [String: Any] {
            let e = r.value.extended, f = "extended_pv_difference"
            return ["end_year": e.endYear, "value": try reformOnly(e.pvDifference, f), "pv_current": try number(e.pvCurrent, f),
                    "pv_reform": try reformOnly(e.pvReform, f), "pct_pv_gdp": try reformOnly(e.differencePctPVGDP, f),
                    "window_value": try reformOnly(e.pvDifferenceWindow, f), "discount_basis": try RunJSON.basis(r.extendedBasis)]
        }
        func premiums(_ v: BeyondHorizon) throws(NonFiniteOutput) -> [String: Any] {
            var out: [String: Any] = [:]
            if !hasReform { out["reform"] = NSNull() }
            for s in hasReform ? Scheme.allCases : [.current] {
                let p = v.premium[s.rawValue], f = "general_average_premium"
                out[s.name] = ["closed_group": try RunJSON.number(p.closedGroup, f), "open_group": try RunJSON.number(p.openGroup, f)]
            }
            return out
        }
        var accrued = try liabilities(base.value)
        accrued["year"] = base.value.horizonYear
        accrued["basis"] = report.figures.debtBasisWords
        accrued["discount_basis"] = try RunJSON.basis(base.liabilityBasis)
        var ext = try extended(base)
        var premium = try premiums(base.value)
        premium["years"] = [report.figures.firstYear, report.figures.lastYear]
        if report.beyond.count > 1 {
            var a: [[String: Any]] = [], e: [[String: Any]] = [], p: [[String: Any]] = []
            for r in report.beyond {
                a.append(try liabilities(r.value).merging(["name": r.name]) { x, _ in x })
                e.append(try extended(r).merging(["name": r.name]) { x, _ in x })
                p.append(try premiums(r.value).merging(["name": r.name]) { x, _ in x })
            }
            accrued["by_alternative"] = a
            ext["by_alternative"] = e
            premium["by_alternative"] = p
        }
        var out: [String: Any] = ["accrued_liability_at_horizon": accrued, "extended_pv_difference": ext,
                                  "general_average_premium": premium, "accrual_view": NSNull()]
        if let a = base.accrual {
            var view: [String: Any] = ["years": a.years, "reform": NSNull()]
            for s in hasReform ? Scheme.allCases : [.current] {
                view[s.name] = try a.intervals[s.rawValue].map { i throws(NonFiniteOutput) -> Any in
                    guard let i else { return NSNull() }
                    let f = "accrual_view"
                    return ["from": i.from, "to": i.to, "opening": try number(i.opening, f), "service_cost": try number(i.serviceCost, f),
                            "interest": try number(i.interest, f), "benefits": try number(i.benefits, f), "closing": try number(i.closing, f)]
                }
            }
            out["accrual_view"] = view
        }
        return out
    }
}
