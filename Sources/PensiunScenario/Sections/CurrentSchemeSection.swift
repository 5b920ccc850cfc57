import PensiunInputs

/// Reads the `current_scheme` section into the DB scheme's ``DBRules`` (docs/model.md §5). The
/// same reader reads `reform.db`, laid over `current_scheme` (see ``ReformSection``).
enum CurrentSchemeSection {
    static let keys = ["accrual_rate", "cap", "floor", "minimum_service", "months_paid", "survivor", "indexation",
                       "employee_contribution", "allowances"]
    static let survivorKeys = ["pensioner", "pensioner_floor", "active", "active_floor", "duty", "duty_floor", "duty_share"]

    static func read(_ cursor: YAMLCursor) -> DBRules? {
        guard let s = cursor.mapping(allowed: keys) else { return nil }
        let accrual = s.required(.accrualRate)?.number(.accrualRate)
        let cap = s.required(.cap)?.number(.cap)
        let floor = s.required(.floor)?.number(.floor)
        let minService = s.required(.minimumService)?.integer(.minimumService)
        let months = s.required(.monthsPaid)?.number(.monthsPaid)
        var survivor: [String: Double]?
        if let node = s.required("survivor", expected: "survivor pension rates"), let sv = node.mapping(allowed: survivorKeys) {
            var values: [String: Double] = [:]
            for key in survivorKeys {
                if let v = sv.required(.survivorRate, as: key)?.number(.survivorRate) { values[key] = v }
            }
            if values.count == survivorKeys.count { survivor = values }
        }
        let indexation = s.required(.indexation)?.byYear { readIndexation($0) }
        var rate: ByYear<Double>?, destination: ContributionDestination?
        if let node = s.required("employee_contribution", expected: "{rate: RATE, destination: budget|reserve}"),
           let c = node.mapping(allowed: ["rate", "destination"]) {
            rate = c.required(.employeeContributionRate)?.byYear { $0.number(.employeeContributionRate) }
            destination = c.required(.contributionDestination)?.choice(.contributionDestination, [ContributionDestination.budget, .reserve])
        }
        var allowances: (Double, Double)? = (0, 0)
        if let node = s["allowances"] {
            allowances = nil
            if let a = node.mapping(allowed: ["pension", "survivor"]) {
                let check: (YAMLCursor) -> Double? = { $0.number(.allowance) }
                let pension = a["pension"].map(check) ?? 0
                let survivor = a["survivor"].map(check) ?? 0
                if let pension, let survivor { allowances = (pension, survivor) }
            }
        }
        guard let accrual, let cap, let floor, let minService, let months, let survivor, let indexation, let rate,
              let destination, let allowances,
              let sp = survivor["pensioner"], let spf = survivor["pensioner_floor"], let sa = survivor["active"],
              let saf = survivor["active_floor"], let sd = survivor["duty"], let sdf = survivor["duty_floor"],
              let share = survivor["duty_share"] else { return nil }
        var rules = DBRules(accrualRate: accrual, cap: cap, floor: floor, minimumService: minService, monthsPaid: months,
                       survivorOfPensioner: sp, survivorOfPensionerFloor: spf, survivorOfActive: sa, survivorOfActiveFloor: saf,
                       survivorOfDuty: sd, survivorOfDutyFloor: sdf,
                       dutyShare: share, indexation: indexation, employeeRate: rate, destination: destination)
        rules.pensionAllowance = allowances.0
        rules.survivorAllowance = allowances.1
        return rules
    }

    /// An indexation rule (`prices`, `wages`, `none` or `{fixed: RATE}`); `key` checks the rate of
    /// `{fixed: RATE}`. Also read by `reporting.implicit_debt.indexation`.
    static func readIndexation(_ cursor: YAMLCursor, fixed key: ScenarioKey = .fixedIndexation) -> IndexationRule? {
        if case let .mapping(entries, _) = cursor.node, entries.contains(where: { $0.key == "fixed" }) {
            guard let m = cursor.mapping(allowed: ["fixed"]) else { return nil }
            return m.required(key, as: "fixed")?.number(key).map { .fixed($0) }
        }
        return cursor.choice([("prices", IndexationRule.prices), ("wages", .wages), ("none", .none)])
    }
}
