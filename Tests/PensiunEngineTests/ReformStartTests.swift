import Foundation
import PensiunInputs
import Testing
@testable import PensiunEngine

/// When a reform starts (issue 21): its DC year, else the first year a DB rule or retirement age
/// differs; transition cost and breakeven are measured from it.
@Suite struct ReformStartTests {
    static let calendar = ProjectionCalendar(startYear: 2020, horizon: 30, maximumAge: 110)

    @Test func reformStartYear() {
        let inputs = Fixture.inputs(dc: nil)
        #expect(ReformStart.year(current: inputs.current, reform: inputs.reform, calendar: Self.calendar) == nil)
        var dc = inputs
        dc.reform.dc = Fixture.dc(year: 2031)
        #expect(ReformStart.year(current: dc.current, reform: dc.reform, calendar: Self.calendar) == 2031)
        var ages = inputs
        ages.reform.retirementAges[1] = ByYear(steps: [(2020, 60), (2027, 61)])
        #expect(ReformStart.year(current: ages.current, reform: ages.reform, calendar: Self.calendar) == 2027)
        var indexation = inputs
        indexation.reform.db.indexation = ByYear(steps: [(2020, .prices), (2033, .wages)])
        #expect(ReformStart.year(current: indexation.current, reform: indexation.reform, calendar: Self.calendar) == 2033)
        var rate = inputs
        rate.reform.db.employeeRate = ByYear(steps: [(2020, 0.0475), (2040, 0.06)])
        #expect(ReformStart.year(current: rate.current, reform: rate.reform, calendar: Self.calendar) == 2040)
        var accrual = inputs
        accrual.reform.db.accrualRate = 0.02
        #expect(ReformStart.year(current: accrual.current, reform: accrual.reform, calendar: Self.calendar) == 2020)
        // A DC reform that raises a BUP before its DC year starts with that change.
        var early = dc
        early.reform.retirementAges[0] = ByYear(steps: [(2020, 58), (2025, 59)])
        #expect(ReformStart.year(current: early.current, reform: early.reform, calendar: Self.calendar) == 2025)
        // A DC after the horizon, or a change after it, is no reform within it.
        var dcLate = inputs
        dcLate.reform.dc = Fixture.dc(year: 2060)
        #expect(ReformStart.year(current: dcLate.current, reform: dcLate.reform, calendar: Self.calendar) == nil)
        var late = inputs
        late.reform.retirementAges[0] = ByYear(steps: [(2020, 58), (2060, 60)])
        #expect(ReformStart.year(current: late.current, reform: late.reform, calendar: Self.calendar) == nil)
    }

    /// A parametric reform that only saves from 2027 (indexation ends from the end of 2027): no
    /// transition cost (its peak is the largest difference from 2027: 0 in 2027, when the burdens
    /// are still equal, then negative), and breakeven in its start year, not in y0.
    @Test func aParametricReformIsMeasuredFromItsStart() throws {
        var inputs = Fixture.inputs(horizon: 30, volatility: 0, dc: nil)
        inputs.reform.db.indexation = ByYear(steps: [(2020, .prices), (2027, .none)])
        #expect(inputs.reformStartYear == 2027)
        let results = try MonteCarloProjection(inputs: inputs).run(paths: 0..<2, seed: 7, threads: 1)
        for s in results.summaries {
            #expect(s.peakTransitionCostPctGDP <= 0)
            #expect(s.peakTransitionCostYear >= 2027)
            #expect(s.breakevenYear == 2027)
        }
    }
}

/// The PV payback year (issue 21): the first year from which the cumulative discounted difference
/// stays ≤ 0, against breakeven (the first year from which the annual difference does).
@Suite struct PaybackTests {
    static func results(_ current: [Double], _ reform: [Double]) -> (SchemePathResult, SchemePathResult) {
        var c = SchemePathResult(horizon: current.count, trackCount: 1), r = c
        for t in current.indices {
            c[.budgetBurden, t] = current[t]
            r[.budgetBurden, t] = reform[t]
            c[.burdenPctGDP, t] = current[t] / 1000
            r[.burdenPctGDP, t] = reform[t] / 1000
        }
        return (c, r)
    }

    @Test func paybackComesAfterBreakevenWhenTheReformFirstCostsMore() {
        // Differences +2, +1, −1, −2, −2: cumulative 2, 3, 2, 0, −2.
        let (c, r) = Self.results([10, 10, 10, 10, 10], [12, 11, 9, 8, 8])
        let s = PathSummary(path: 0, current: c, reform: r, gdp: Array(repeating: 1000, count: 5), discount: Array(repeating: 1, count: 5),
                            startYear: 2020, reformYear: 2020, threshold: .share(1))
        #expect(s.breakevenYear == 2022)
        #expect(s.pvPaybackYear == 2023)
        // Discounting at 50% a year: 2, 0.667, −0.444, −0.593, −0.395 cumulate to 2, 2.67, 2.22, 1.63, 1.23: never.
        let v = (0..<5).map { pow(1.5, -Double($0)) }
        let d = PathSummary(path: 0, current: c, reform: r, gdp: Array(repeating: 1000, count: 5), discount: v,
                            startYear: 2020, reformYear: 2020, threshold: .share(1))
        #expect(d.pvPaybackYear == nil)
        #expect(d.breakevenYear == 2022)
    }

    @Test func aReformThatNeverCostsMorePaysBackAtItsStart() {
        let (c, r) = Self.results([10, 10, 10, 10], [10, 10, 9, 9])
        let s = PathSummary(path: 0, current: c, reform: r, gdp: Array(repeating: 1000, count: 4), discount: Array(repeating: 1, count: 4),
                            startYear: 2020, reformYear: 2022, threshold: .share(1))
        #expect(s.pvPaybackYear == 2022)
        #expect(s.breakevenYear == 2022)
    }
}
