import PensiunActuarial

/// What does not depend on the path, computed once per run: the mortality grid, dense per-year
/// parameters, the initial cohorts and the entrant profile.
public struct ProjectionContext: Sendable {
    public let inputs: ProjectionInputs
    public let grid: MortalityGrid
    public let horizon: Int
    public let startYear: Int
    public let maximumAge: Int
    /// The y0 headcount of actives.
    public let initialHeadcount: Double
    /// The initial actives merged by (sex, track, age, service), in that order.
    public let initialActives: [ActiveCell]
    /// The entrant profile, normalised to sum 1, zero shares dropped.
    public let entrantProfile: [EntrantShare]
    /// Per scheme, the dense per-year rules.
    public let schemes: [SchemeYearRules]

    public init(inputs: ProjectionInputs) {
        self.inputs = inputs
        let calendar = inputs.calendar
        horizon = calendar.horizon
        startYear = calendar.startYear
        maximumAge = calendar.maximumAge
        grid = MortalityGrid(mortality: inputs.mortality, disability: inputs.decrements.disability, calendar: calendar)
        var merged: [String: ActiveCell] = [:]
        for cell in inputs.population.actives where cell.count > 0 {
            let key = "\(cell.sex.index)|\(cell.track)|\(cell.age)|\(cell.service)"
            if var existing = merged[key] {
                existing.count += cell.count
                merged[key] = existing
            } else {
                merged[key] = cell
            }
        }
        initialActives = merged.values.sorted {
            ($0.sex.index, $0.track, $0.age, $0.service) < ($1.sex.index, $1.track, $1.age, $1.service)
        }
        initialHeadcount = initialActives.reduce(0) { $0 + $1.count }
        let total = inputs.entrants.profile.reduce(0) { $0 + $1.share }
        entrantProfile = total > 0
            ? inputs.entrants.profile.filter { $0.share > 0 }.map { var s = $0; s.share /= total; return s }
            : []
        schemes = [inputs.current, inputs.reform].map { SchemeYearRules(rules: $0, calendar: calendar) }
    }

    /// The headcount target of actives at the start of year y0 + t.
    public func target(_ t: Int) -> Double {
        switch inputs.entrants.target {
        case .constant: return initialHeadcount
        case let .growth(g): return initialHeadcount * pow(1 + g, Double(t))
        case let .series(series): return series(startYear + t)
        }
    }
}

/// A scheme's rules as dense arrays by year index t (and by track for retirement ages).
public struct SchemeYearRules: Sendable {
    public let rules: SchemeRules
    public let employeeDBRate: [Double]
    public let indexation: [IndexationRule]
    /// BUP[k][t].
    public let retirementAge: [[Int]]
    public let dcEmployeeRate: [Double]
    public let dcEmployerRate: [Double]
    /// The reform year's index t_r, or nil when the scheme has no DC.
    public let reformIndex: Int?

    init(rules: SchemeRules, calendar: Calendar) {
        self.rules = rules
        let h = calendar.horizon, y0 = calendar.startYear
        employeeDBRate = rules.db.employeeRate.dense(from: y0, count: h)
        indexation = rules.db.indexation.dense(from: y0, count: h)
        retirementAge = rules.retirementAges.map { $0.dense(from: y0, count: h + 1) }
        dcEmployeeRate = rules.dc.map { $0.employeeRate.dense(from: y0, count: h) } ?? Array(repeating: 0, count: h)
        dcEmployerRate = rules.dc.map { $0.employerRate.dense(from: y0, count: h) } ?? Array(repeating: 0, count: h)
        reformIndex = rules.dc.map { $0.year - y0 }
    }
}

import Foundation
