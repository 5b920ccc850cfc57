import Foundation
import PensiunInputs
import Testing
import PensiunActuarial
@testable import PensiunEngine

@Suite struct ProfileTests {
    @Test func aDBCareerAndAZeroReturnDCCareer() throws {
        // Zero volatility, entrant in 2022 at 23 on the general track (BUP 58): 35 years,
        // DB replacement min(75%, 2.5% × 35) = 75% (cap), paid at the end of 2056.
        var inputs = Fixture.inputs(horizon: 40, volatility: 0, dc: Fixture.dc(year: 2022, guarantee: nil))
        inputs.profiles = [ProfileSpec(sex: .male, track: 0, entryAge: 23, entryYear: 2022)]
        let run = try MonteCarloProjection(inputs: inputs)
        let (_, _, drivers) = try run.deterministic()
        let projector = ProfileProjector(context: run.context)
        let current = projector.project(inputs.profiles[0], scheme: .current, drivers: drivers)
        let q = { (o: ProfileOutcome, k: ProfileOutcome.Quantity) in o.values[k.rawValue] }
        #expect(q(current, .retirementYear) == 2056)
        #expect(abs(q(current, .replacementRate) - 0.75) < 1e-12)
        #expect(current.years.first == 2022 && current.years.last == 2056)
        // The DC balance at retirement equals the year-by-year balance series' last value, and the
        // annuity it buys is balance / ä(12) at j = i − margin: the replacement rate follows.
        let reform = projector.project(inputs.profiles[0], scheme: .reform, drivers: drivers)
        #expect(q(reform, .dcBalance) == reform.balance.last)
        let t = 2056 - 2020
        let j = 1 + drivers.bondYield[t] - 0.01 - 1
        let factor = run.context.grid.annuityDueMonthly(.male, age: 58, yearIndex: t + 1, kappa: 0, rate: j)
        let expected = q(reform, .dcBalance) / factor / 12 / q(reform, .finalSalary)
        #expect(abs(q(reform, .replacementRate) - expected) < 1e-12)
        // Employee contributions are a part of the total, and money's worth falls when the
        // employer's share counts as a contribution.
        #expect(q(reform, .employeeContributions) < q(reform, .totalContributions))
        #expect(q(reform, .moneysWorthTotal) < q(reform, .moneysWorthEmployee))
    }

    @Test func profilesSurviveShardingAndMerging() throws {
        // Entering in 2023 at 26 on a track with BUP 60: retires at the end of 2056, within 40 years.
        var inputs = Fixture.inputs(horizon: 40, volatility: 0.02)
        inputs.profiles = [ProfileSpec(sex: .female, track: 1, entryAge: 26, entryYear: 2023)]
        let run = try MonteCarloProjection(inputs: inputs)
        let whole = try run.run(paths: 0..<20, seed: 4, threads: 2)
        let joined = ProjectionResults.concatenating([try run.run(paths: 0..<7, seed: 4, threads: 1), try run.run(paths: 7..<20, seed: 4, threads: 2)])
        #expect(sameBits(whole.profiles, joined.profiles))
        #expect(whole.profile(0, .reform, .replacementRate).allSatisfy { $0 > 0 })
    }
}
