import Foundation
import PensiunInputs

/// Reads `reform.dc` into the DC scheme's ``DCRules`` (docs/model.md §6): its start year,
/// transition, accrued rights, contributions, fee, portfolio, payout, withdrawal and guarantee.
enum ReformDCSection {
    struct Result {
        let rules: DCRules
        /// Notes on parameters that have no effect under the section's other values.
        let warnings: [String]
    }

    static let keys = ["year", "transition", "accrued_rights", "contribution_base", "employee_rate", "employer_rate",
                       "fee", "portfolio", "payout", "withdrawal", "guarantee"]

    /// `simulation` bounds the start year to the projection (unchecked when it failed).
    static func read(_ cursor: YAMLCursor, simulation: SimulationSettings?) -> Result? {
        guard let s = cursor.mapping(allowed: keys) else { return nil }
        let log = cursor.log
        var warnings: [String] = []
        let year = s.required(.dcYear)?.integer(.dcYear) {
            guard let sim = simulation else { return true }
            return $0 >= sim.startYear && $0 < sim.startYear + sim.horizon
        }
        var transition: TransitionPolicy?
        if let node = s.required(.transition) {
            if case .mapping = node.node {
                if let m = node.mapping(allowed: ["switch_under_age"]) {
                    transition = m.required(.switchUnderAge)?.integer(.switchUnderAge).map { .switchUnderAge($0) }
                }
            } else {
                transition = node.choice([("new_entrants", TransitionPolicy.newEntrants), ("all", .all), ("supplementary", .supplementary)])
            }
        }
        var rights: AccruedRights? = .frozenDB(finalSalary: false)
        if let node = s["accrued_rights"] {
            rights = readAccruedRights(node)
            if transition == .newEntrants || transition == .supplementary {
                warnings.append("\(node.node.location): reform.dc.accrued_rights has no effect: under transition \(transition == .newEntrants ? "new_entrants" : "supplementary") nobody switches")
            }
        } else { log.noteDefault(.accruedRights) }
        var takeHome: Bool? = true
        if let node = s["contribution_base"] {
            takeHome = node.choice(.contributionBase, [true, false])
        } else { log.noteDefault(.contributionBase) }
        let ee = s.required(.dcEmployeeRate)?.byYear { $0.number(.dcEmployeeRate) }
        let er = s.required(.dcEmployerRate)?.byYear { $0.number(.dcEmployerRate) }
        var fee: Double? = 0
        if let node = s["fee"] { fee = node.number(.fee) } else { log.noteDefault(.fee) }
        let glide = s.required(.portfolio).flatMap(readPortfolio)
        var payout: (PayoutForm, Double, Double, Double)? = (.annuity, 0, 0, 12)
        var survivorFraction: Double? = 0
        if let node = s["payout"], let p = node.mapping(allowed: ["form", "margin", "escalation", "months_paid", "survivor_fraction"]) {
            var form: PayoutForm? = .annuity
            if let f = p["form"] { form = f.choice(.payoutForm, [PayoutForm.annuity, .lumpSum]) }
            var margin: Double? = 0, escalation: Double? = 0, months: Double? = 12
            if let m = p["margin"] { margin = m.number(.payoutMargin) }
            if let e = p["escalation"] { escalation = e.number(.payoutEscalation) }
            if let mp = p["months_paid"] { months = mp.number(.payoutMonths) }
            if let f = p["survivor_fraction"] {
                survivorFraction = f.number(.payoutSurvivorFraction)
                if form == .lumpSum { warnings.append("\(f.node.location): reform.dc.payout.survivor_fraction has no effect with lump sums") }
                else if let v = survivorFraction, v > 0 {
                    warnings.append("\(f.node.location): note: joint-and-survivor DC annuities are paid by the general engine only (the lane engine does not pay them yet): the run takes about 35 times as long")
                }
            }
            if form == .lumpSum, let m = p["margin"] { warnings.append("\(m.node.location): reform.dc.payout.margin has no effect with lump sums") }
            if let form, let margin, let escalation, let months { payout = (form, margin, escalation, months) } else { payout = nil }
        } else if s["payout"] != nil { payout = nil }
        var withdrawal: WithdrawalOption? = .deferred
        if let node = s["withdrawal"] { withdrawal = node.choice(.dcWithdrawal, [WithdrawalOption.deferred, .cash]) }
        var guarantee: Guarantee?? = .some(nil)
        if let node = s["guarantee"] {
            if case let .scalar(text, _) = node.node, text == "none" {
                guarantee = .some(nil)
            } else if let g = node.mapping(allowed: ["level", "minimum_service"]) {
                let level = g.required(.guaranteeLevel)?.number(.guaranteeLevel)
                let service = g.required(.guaranteeService)?.integer(.guaranteeService)
                guarantee = level.flatMap { l in service.map { .some(Guarantee(level: l, minimumService: $0)) } }
                if payout?.0 == .lumpSum { warnings.append("\(node.node.location): reform.dc.guarantee has no effect with lump sums") }
            } else { guarantee = nil }
        }
        guard let year, let transition, let rights, let takeHome, let ee, let er, let fee, let glide, let payout,
              let withdrawal, let guarantee, let survivorFraction else { return nil }
        var rules = DCRules(year: year, transition: transition, accruedRights: rights, employeeRate: ee, employerRate: er,
                            fee: fee, glidePath: glide, payout: payout.0, annuityMargin: payout.1, annuityEscalation: payout.2,
                            monthsPaidDC: payout.3, withdrawal: withdrawal, guarantee: guarantee)
        rules.onTakeHomePay = takeHome
        rules.survivorFraction = payout.0 == .annuity ? survivorFraction : 0
        return Result(rules: rules, warnings: warnings)
    }

    /// `accrued_rights`: `frozen_db`, `{frozen_db: {salary: revalued|final}}` or
    /// `{recognition_bond: {rate: RATE}}`.
    static func readAccruedRights(_ node: YAMLCursor) -> AccruedRights? {
        guard case .mapping = node.node else {
            return node.choice([("frozen_db", AccruedRights.frozenDB(finalSalary: false))])
        }
        guard let m = node.mapping(allowed: ["frozen_db", "recognition_bond"]) else { return nil }
        switch m.exactlyOne(of: ["frozen_db", "recognition_bond"], expected: ScenarioKey.accruedRights.expected) {
        case let ("frozen_db", f)?:
            return f.mapping(allowed: ["salary"])?.required("salary", expected: "revalued or final")?
                .choice([("revalued", false), ("final", true)]).map { .frozenDB(finalSalary: $0) }
        case let (_, b)?:
            return b.mapping(allowed: ["rate"])?.required(.recognitionBondRate)?
                .number(.recognitionBondRate).map { .recognitionBond(rate: $0) }
        case nil:
            return nil
        }
    }

    /// `portfolio`: weights `{equity, bonds, cash}` summing to 1, or a mapping from age to
    /// weights (each holding from its age to the next), made dense by age.
    static func readPortfolio(_ cursor: YAMLCursor) -> [PortfolioWeights]? {
        func weights(_ c: YAMLCursor) -> PortfolioWeights? {
            guard let m = c.mapping(allowed: ["equity", "bonds", "cash"]) else { return nil }
            let check: (YAMLCursor) -> Double? = { $0.number(.portfolioWeight) }
            let e = m.required(.portfolioWeight, as: "equity").flatMap(check)
            let b = m.required(.portfolioWeight, as: "bonds").flatMap(check)
            let k = m.required(.portfolioWeight, as: "cash").flatMap(check)
            guard let e, let b, let k else { return nil }
            if abs(e + b + k - 1) > 1e-9 {
                c.fail("the weights must sum to 1 (expected 1, got \(String(format: "%.6g", e + b + k)))")
                return nil
            }
            return PortfolioWeights(equity: e, bonds: b, cash: k)
        }
        guard case let .mapping(entries, _) = cursor.node else { return weights(cursor).map { [$0] } }
        if entries.isEmpty {
            cursor.fail("expected weights {equity, bonds, cash} or a mapping from age to weights, got an empty mapping")
            return nil
        }
        if entries.allSatisfy({ Int($0.key) != nil }) {
            var points: [(Int, PortfolioWeights)] = []
            var ok = true
            for entry in entries {
                let path = "\(cursor.keyPath).\(entry.key)"
                guard let age = Int(entry.key), Bound.age.contains(age) else {
                    YAMLCursor(node: .scalar(entry.key, entry.keyLocation), keyPath: path, log: cursor.log)
                        .fail("expected an age from \(Bound.age.lowerBound) to \(Bound.age.upperBound), got '\(entry.key)'")
                    ok = false
                    continue
                }
                if let w = weights(cursor.child(entry.value, path: path)) { points.append((age, w)) } else { ok = false }
            }
            points.sort { $0.0 < $1.0 }
            // Entries is not empty and every entry gave a point (ok), so first and last exist.
            guard ok, let first = points.first, let last = points.last else { return nil }
            var dense = [PortfolioWeights](repeating: first.1, count: last.0 + 1)
            for (i, p) in points.enumerated() {
                let end = i + 1 < points.count ? points[i + 1].0 : dense.count
                for k in p.0..<end { dense[k] = p.1 }
            }
            return dense
        }
        return weights(cursor).map { [$0] }
    }
}
