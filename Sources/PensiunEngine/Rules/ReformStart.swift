import PensiunInputs

/// When a reform starts (docs/model.md Part II, "When a reform starts"; issue 21).
public enum ReformStart {
    /// y_s, the reform's first year within the horizon y0 ≤ y < y0 + H: the earlier of its DC year
    /// and the first year in which any of its DB rules or retirement ages differs from the current
    /// scheme's, y_s = min(y_DC, min{ y : rules^R(y) ≠ rules^C(y) }) (a rule that is not dated
    /// differs from y0); nil when neither happens within the horizon (no reform there).
    /// Transition cost, breakeven and payback are measured from y_s.
    public static func year(current: SchemeRules, reform: SchemeRules, calendar: ProjectionCalendar) -> Int? {
        let dcYear = reform.dc.map(\.year).flatMap { $0 < calendar.startYear + calendar.horizon ? max($0, calendar.startYear) : nil }
        let rules = firstDifference(current: current, reform: reform, calendar: calendar)
        switch (dcYear, rules) {
        case let (d?, r?): return min(d, r)
        case let (d, r): return d ?? r
        }
    }

    /// The first year within the horizon in which the reform's DB rules or retirement ages differ
    /// from the current scheme's (y0 for a rule that is not dated); nil when they never do.
    static func firstDifference(current: SchemeRules, reform: SchemeRules, calendar: ProjectionCalendar) -> Int? {
        let y0 = calendar.startYear, h = calendar.horizon
        // The rules that are not dated: the reform's DB with the current scheme's dated rules.
        var undated = reform.db
        undated.indexation = current.db.indexation
        undated.employeeRate = current.db.employeeRate
        if undated != current.db || reform.retirementAges.count != current.retirementAges.count { return h > 0 ? y0 : nil }
        func dense<V>(_ series: ByYear<V>) -> [V] { series.dense(from: y0, count: h) }
        let differs: [[Bool]] = [
            zip(dense(reform.db.indexation), dense(current.db.indexation)).map { $0 != $1 },
            zip(dense(reform.db.employeeRate), dense(current.db.employeeRate)).map { $0 != $1 },
        ] + zip(reform.retirementAges, current.retirementAges).map { r, c in zip(dense(r), dense(c)).map { $0 != $1 } }
        let first = (0..<h).first { t in differs.contains { $0[t] } }
        return first.map { y0 + $0 }
    }
}

extension ProjectionInputs {
    /// y_s of these inputs' reform (``ReformStart/year(current:reform:calendar:)``).
    public var reformStartYear: Int? { ReformStart.year(current: current, reform: reform, calendar: calendar) }
}
