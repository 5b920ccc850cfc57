import Foundation
import PensiunEconomy
import PensiunInputs
import Testing
@testable import PensiunEngine

/// The valuations beyond the window (issue 21): the accrued liability at the horizon, the
/// extended projection and the general average premium.
@Suite struct BeyondHorizonTests {
    /// Two members and no deaths before ω = 110, prices and wages flat (no inflation, no real wage
    /// growth), yields of 5%, a window of two years (2030–2031, y_H = 2032): A, aged 59 with 29
    /// years, retires at the end of 2030; B, aged 40 with 10 years, is in service at y_H.
    static func twoCohorts(dc: DCRules?) -> ProjectionInputs {
        var inputs = HandComputedTests.oneMember(age: 59, service: 29, dc: dc)
        inputs.population.actives.append(ActiveCell(sex: .male, track: 0, age: 40, service: 10, count: 1))
        inputs.economy.inflation = AR1Process(mean: 0, persistence: 0, volatility: 0, start: 0)
        inputs.calendar.horizon = 2
        return inputs
    }

    /// Σ_{t=from}^{to} 1.05^{−(t − at + 0.5)} · amount: a yearly amount paid at mid-year in
    /// 2030 + t, valued at the start of 2030 + `at` at 5%.
    static func valued(_ amount: Double, from: Int, to: Int, at: Int = 2) -> Double {
        (from...to).reduce(0) { $0 + amount * pow(1.05, -(Double($1 - at) + 0.5)) }
    }

    @Test func theCurrentSchemeLeavesThePensionInPaymentAndTheFrozenRightsOfTheActive() throws {
        // A: 2.5% × 30 × 1,000 = 750 a month, 14 payments, 2031 (t = 1) to age 110 (t = 51).
        // B: frozen at y_H on 12 years, 2.5% × 12 × 1,000 = 300 a month (no floor on frozen
        // rights), paid from age 60 (t = 20) to age 110 (t = 70).
        let inputs = Self.twoCohorts(dc: nil)
        let l = try #require(try HorizonLiability.value(inputs, scheme: .current))
        let expected = Self.valued(750 * 14, from: 2, to: 51) + Self.valued(300 * 14, from: 20, to: 70)
        #expect(abs(l.atHorizon / expected - 1) < 1e-12)
        #expect(abs(l.presentValue - l.atHorizon / (1.05 * 1.05)) < 1e-9 * l.atHorizon)
    }

    @Test func aReformWhoseEveryActiveSwitchedIsRunOff() throws {
        // Everyone switches in 2030 with rights frozen then: A on 29 years (725 a month), B on 10
        // (250 a month); nobody accrues DB rights after 2030, so the run-off values them exactly.
        let inputs = Self.twoCohorts(dc: HandComputedTests.dc())
        let l = try #require(try HorizonLiability.value(inputs, scheme: .reform))
        let expected = Self.valued(725 * 14, from: 2, to: 51) + Self.valued(250 * 14, from: 20, to: 70)
        #expect(abs(l.atHorizon / expected - 1) < 1e-12)
    }

    @Test func aReformForNewEntrantsLeavesTheRightsOfThoseWhoJoinedBefore() throws {
        // New entrants only from 2030: A and B stay on the DB, valued as under the current scheme.
        var dc = HandComputedTests.dc()
        dc.transition = .newEntrants
        let l = try #require(try HorizonLiability.value(Self.twoCohorts(dc: dc), scheme: .reform))
        let expected = Self.valued(750 * 14, from: 2, to: 51) + Self.valued(300 * 14, from: 20, to: 70)
        #expect(abs(l.atHorizon / expected - 1) < 1e-12)
    }

    @Test func aSwitchIsValuedOnceThoseWhoStayedHaveRetired() throws {
        // Under 50 switch in 2030: B (40) leaves with 2.5% × 10 × 1,000 = 250 a month, paid from
        // age 60 (t = 20); A (59) stays and retires at the end of 2030. In 2032 a member who stayed
        // could be 52 and in service: not valued. In 2045 (50 + 15 > 60) the run-off is exact.
        var dc = HandComputedTests.dc()
        dc.transition = .switchUnderAge(50)
        #expect(try HorizonLiability.value(Self.twoCohorts(dc: dc), scheme: .reform) == nil)
        var later = Self.twoCohorts(dc: dc)
        later.calendar.horizon = 15
        let l = try #require(try HorizonLiability.value(later, scheme: .reform))
        let expected = Self.valued(750 * 14, from: 15, to: 51, at: 15) + Self.valued(250 * 14, from: 20, to: 70, at: 15)
        #expect(abs(l.atHorizon / expected - 1) < 1e-12)
        // At y0 the liability is the implicit pension debt (the same device, at y0).
        let atStart = try #require(try HorizonLiability.value(later, scheme: .current, year: 2030))
        var debtInputs = later
        debtInputs.valuation.debtDiscountRate = nil
        #expect(abs(atStart.atHorizon / (try ImplicitPensionDebt.compute(debtInputs).total) - 1) < 1e-12)
    }

    @Test func theWindowIsUnchangedByTheValuation() throws {
        // Stopping recruitment after the window and freezing at y_H leave y0 … y0+H−1 as they were.
        let inputs = Fixture.inputs(horizon: 15, volatility: 0, dc: nil)
        let (plain, _, _) = try MonteCarloProjection(inputs: inputs.deterministicOnly).deterministic()
        var closed = inputs.deterministicOnly.recruiting(until: 2034)
        closed.calendar.horizon = 40
        let (extended, _, _) = try MonteCarloProjection(inputs: closed).deterministic()
        for t in 0..<15 { #expect(extended[.budgetBurden, t] == plain[.budgetBurden, t]) }
        #expect(extended[.actives, 15] == plain[.actives, 15])
    }

    @Test func theExtendedProjectionIsTheRunWithTheLongerHorizon() throws {
        var inputs = Fixture.inputs(horizon: 20)
        inputs.valuation.extendedEndYear = 2079
        let extended = try ExtendedProjection.project(inputs)
        #expect(extended.endYear == 2079)
        var longer = inputs
        longer.calendar.horizon = 60
        let run = try MonteCarloProjection(inputs: longer.deterministicOnly).run(paths: 0..<1, seed: 7, threads: 1)
        #expect(abs(extended.pvDifference - run.summaries[0].pvDifference) <= 1e-12 * abs(run.summaries[0].pvBurdenCurrent))
        let window = try MonteCarloProjection(inputs: inputs.deterministicOnly).run(paths: 0..<1, seed: 7, threads: 1)
        #expect(abs(extended.pvDifferenceWindow - window.summaries[0].pvDifference) <= 1e-12 * abs(window.summaries[0].pvBurdenCurrent))
    }

    @Test func theDefaultEndYearIsWhenTheLastRecruitReachesOmega() {
        // Window 2020–2059; the youngest entry age is 23, ω = 110: 2059 + 87.
        #expect(ExtendedProjection.endYear(Fixture.inputs(horizon: 40)) == 2059 + 87)
    }

    @Test func theClosedGroupPremiumIsTheBurdenOverThePayOfTodaysMembers() throws {
        // One member, no deaths, no entrants: the window 2030–2033 at 5%, pay 12,000 in 2030 with
        // a 5% DB contribution to the budget, then 750 × 14 a year (2% indexation) from 2031.
        var inputs = HandComputedTests.oneMember(age: 59, service: 29, dc: nil)
        inputs.valuation.extendedEndYear = 2033
        let premiums = try BeyondHorizon.compute(inputs, threads: 2).premium
        #expect(try BeyondHorizon.compute(inputs, threads: 1) == BeyondHorizon.compute(inputs, threads: 2))
        let v = { (t: Int) in pow(1.05, -(Double(t) + 0.5)) }
        let burden = -600 * v(0) + (1...3).reduce(0) { $0 + v($1) * 10_500 * pow(1.02, Double($1)) }
        let closed = try #require(premiums[0].closedGroup), open = try #require(premiums[0].openGroup)
        #expect(abs(closed - burden / (12_000 * v(0))) < 1e-12)
        #expect(abs(open - closed) < 1e-12)
        // Without actives there is no pay to spread the burden over: no premium.
        var retired = inputs
        retired.population = InitialPopulation(actives: [], pensioners: [BeneficiaryCell(sex: .male, age: 65, count: 1, monthlyPension: 1_000)])
        let none = try BeyondHorizon.compute(retired).premium
        #expect(none[0].closedGroup == nil && none[0].openGroup == nil)
    }

    @Test func eachSchemesOpenGroupPremiumIsOverItsOwnPayroll() throws {
        let inputs = Fixture.inputs(horizon: 20, volatility: 0)
        let v = try BeyondHorizon.compute(inputs)
        for s in Scheme.allCases {
            #expect(v.premium[s.rawValue].openGroup == v.extended.pvBurdenWindow[s.rawValue] / v.extended.pvPayrollWindow[s.rawValue])
        }
    }

    @Test func oncePensionersTheGroupEarnsNoServiceCost() throws {
        // A alone: in service in 2030 on 29 years (rights of 725 a month at its start), retired
        // from the end of 2030 on 750. The first interval earns the last year's 25 a month, paid
        // 14 times from 2031 to 2081 (valued at the start of 2040); from 2040 the liability moves
        // by interest less benefits only.
        var inputs = Self.twoCohorts(dc: nil)
        inputs.population.actives.removeLast()
        inputs.calendar.horizon = 15
        let view = try AccrualView.compute(inputs, threads: 2)
        #expect(view.years == [2030, 2040, 2045])
        let first = try #require(view.intervals[0][0]), second = try #require(view.intervals[0][1])
        #expect(abs(first.opening / Self.valued(725 * 14, from: 1, to: 51, at: 0) - 1) < 1e-12)
        #expect(first.benefits == 9 * 750 * 14)
        #expect(abs(first.serviceCost / Self.valued(25 * 14, from: 1, to: 51, at: 10) - 1) < 1e-12)
        #expect(abs(second.serviceCost) < 1e-9 * second.opening)
        for i in [first, second] {
            #expect(abs(i.closing - (i.opening + i.serviceCost + i.interest - i.benefits)) < 1e-9 * i.opening)
        }
        // One thread or two: the same numbers.
        #expect(try AccrualView.compute(inputs, threads: 1) == view)
    }

    @Test func anActiveMemberEarnsServiceCost() throws {
        // B in service from 2030 to 2049 earns 2.5% a year of 1,000: in 2030–2039 the rights grow
        // from 10 to 20 years, 10 × 25 × 14 a year from 2050, valued at the start of 2040.
        var inputs = Self.twoCohorts(dc: nil)
        inputs.population.actives.removeFirst()
        inputs.calendar.horizon = 15
        let view = try AccrualView.compute(inputs, threads: 1)
        let first = try #require(view.intervals[0][0])
        #expect(first.benefits == 0)
        #expect(abs(first.serviceCost / Self.valued(10 * 25 * 14, from: 20, to: 70, at: 10) - 1) < 1e-12)
    }
}
