import Foundation
import PensiunInputs
import Testing
@testable import PensiunEngine

/// Pay levels within a track (model 2.4, docs/model.md Part II "Pay levels within a track"): the
/// inputs by pay group, the floor where it binds, and the member percentiles. Both engines are
/// checked against the reference with pay levels in ``ReferenceEngineTests``.
@Suite struct PayLevelTests {
    static func withLevels(_ inputs: ProjectionInputs) -> ProjectionInputs {
        var inputs = inputs
        inputs.tracks[0].payLevels = ReferenceEngineTests.payLevels
        return inputs
    }

    @Test func theInputsByPayGroupSplitCellsEntrantsAndScales() {
        let plain = Fixture.inputs()
        let inputs = Self.withLevels(plain), groups = inputs.byPayGroup()
        #expect(groups.tracks.map(\.name) == ["general/low", "general/mid", "general/high", "teacher/path"])
        #expect(groups.tracks[0].scale(service: 10) == 0.5 * plain.tracks[0].scale(service: 10))
        #expect(groups.tracks[2].scale(service: 10) == 1.5 * plain.tracks[0].scale(service: 10))
        #expect(groups.tracks[3].salaryScale == plain.tracks[1].salaryScale)
        #expect(groups.current.retirementAges.map { $0(2030) } == [58, 58, 58, 60])
        #expect(groups.reform.retirementAges.map { $0(2030) } == [58, 58, 58, 60])
        let first = plain.population.actives[0]
        #expect(first.track == 0)
        #expect(groups.population.actives.prefix(3).map(\.count) == [0.3, 0.4, 0.3].map { first.count * $0 })
        #expect(groups.population.actives.prefix(3).map(\.track) == [0, 1, 2])
        let total = { (cells: [ActiveCell]) in cells.reduce(0) { $0 + $1.count } }
        #expect(abs(total(groups.population.actives) - total(plain.population.actives)) < 1e-9)
        #expect(abs(groups.entrants.profile.reduce(0) { $0 + $1.share } - 1) < 1e-12)
        #expect(groups.entrants.profile.filter { $0.track == 3 }.map(\.share) == [0.2, 0.2])
        #expect(inputs.payGroups.first == [0, 3])
        #expect(inputs.payGroups.track == [0, 0, 0, 1])
    }

    @Test func withoutPayLevelsTheEnginesRunOnTheScenariosTracks() {
        let plain = Fixture.inputs(), groups = plain.byPayGroup()
        #expect(plain.payGroups.areTracks)
        #expect(groups.tracks == plain.tracks)
        #expect(groups.population == plain.population)
        #expect(groups.entrants == plain.entrants)
    }

    /// Under process risk a cell's whole members are apportioned by largest remainder.
    @Test func underProcessRiskEveryGroupHoldsWholeMembers() {
        #expect(PayGroups.apportion(7, shares: [0.3, 0.4, 0.3]) == [2, 3, 2])
        #expect(PayGroups.apportion(10, shares: [0.25, 0.5, 0.25]) == [3, 5, 2])
        #expect(PayGroups.apportion(0, shares: [0.3, 0.7]) == [0, 0])
        let inputs = Self.withLevels(Fixture.inputs(processRisk: true)).byPayGroup()
        #expect(inputs.population.actives.allSatisfy { $0.count == $0.count.rounded() })
        // Cells are merged before they are rounded, as without levels: two cells of 0.4 are 1 member.
        var split = Self.withLevels(Fixture.inputs(processRisk: true))
        split.population.actives = [ActiveCell(sex: .male, track: 0, age: 30, service: 5, count: 0.4),
                                    ActiveCell(sex: .male, track: 0, age: 30, service: 5, count: 0.4)]
        #expect(split.byPayGroup().population.actives.reduce(0) { $0 + $1.count } == 1)
    }

    /// The lower quantile of a discrete distribution of members.
    @Test func theMemberPercentileIsTheLowerQuantile() {
        let groups: [(rate: Double, weight: Double)] = [(0.7, 25), (0.3, 25), (0.5, 50)]
        #expect(SchemePathResult.memberPercentile(groups, 0.1) == 0.3)
        #expect(SchemePathResult.memberPercentile(groups, 0.25) == 0.3)
        #expect(SchemePathResult.memberPercentile(groups, 0.5) == 0.5)
        #expect(SchemePathResult.memberPercentile(groups, 0.75) == 0.5)
        #expect(SchemePathResult.memberPercentile(groups, 0.9) == 0.7)
        #expect(SchemePathResult.memberPercentile([], 0.5).isNaN)
    }

    /// Pay levels averaging 1 leave the payroll alone, but the DB floor binds for the low level:
    /// the DB costs more than with everyone on the track's path (a convex cost). The DB's rates at
    /// retirement (75% of each member's own pay) do not spread; the DC's do, where the guarantee
    /// tops up the low level's annuity to the floor.
    @Test func theFloorMakesPayLevelsCostMore() throws {
        let plain = try MonteCarloProjection(inputs: Fixture.inputs(volatility: 0, dc: nil)).deterministic().current
        let levels = try MonteCarloProjection(inputs: Self.withLevels(Fixture.inputs(volatility: 0, dc: nil))).deterministic().current
        let h = plain.horizon
        for t in 0..<h {
            #expect(abs(levels[.payroll, t] / plain[.payroll, t] - 1) < 1e-12)
            #expect(levels[.dbBenefits, t] >= plain[.dbBenefits, t] * (1 - 1e-12))
        }
        #expect((0..<h).contains { levels[.dbBenefits, $0] > plain[.dbBenefits, $0] * 1.001 })
        for t in 0..<h where !plain[.rrBasicTotal, t].isNaN {
            // Without levels a track's members are one group: its percentiles are its rate.
            #expect(plain[rate: .rrBasicTotalMemberP10, track: 0, t] == plain[rate: .rrBasicTotal, track: 0, t])
            #expect(plain[rate: .rrBasicTotalMemberP90, track: 1, t] == plain[rate: .rrBasicTotal, track: 1, t])
        }
        let reform = try MonteCarloProjection(inputs: Self.withLevels(Fixture.inputs(horizon: 50, volatility: 0, dc: Fixture.dc())))
            .deterministic().reform
        var spread = 0
        for t in 0..<reform.horizon where !reform[rate: .rrBasicTotalMemberP10, track: 0, t].isNaN {
            let p10 = reform[rate: .rrBasicTotalMemberP10, track: 0, t], p50 = reform[rate: .rrBasicTotalMemberP50, track: 0, t]
            let p90 = reform[rate: .rrBasicTotalMemberP90, track: 0, t]
            #expect(p10 <= p50 && p50 <= p90)
            if p90 > p10 * 1.05 { spread += 1 }
        }
        #expect(spread > 0)
    }
}

/// A profile at a pay level (model 2.4): paid m_l × the track's scale, so every amount scales by
/// m_l where no floor or guarantee binds, and the DB's rate is the same.
@Suite struct ProfilePayLevelTests {
    @Test func aProfileAtAPayLevelIsPaidItsMultiplier() throws {
        var inputs = PayLevelTests.withLevels(Fixture.inputs(horizon: 40, volatility: 0, dc: Fixture.dc(year: 2022, guarantee: nil)))
        inputs.profiles = [ProfileSpec(sex: .male, track: 0, entryAge: 23, entryYear: 2022),
                           ProfileSpec(sex: .male, track: 0, entryAge: 23, entryYear: 2022, payLevel: 2)]
        let run = try MonteCarloProjection(inputs: inputs)
        let drivers = try run.deterministic().drivers
        let projector = ProfileProjector(context: run.context)
        let q = { (o: ProfileOutcome, k: ProfileOutcome.Quantity) in o.values[k.rawValue] }
        for scheme in Scheme.allCases {
            let path = projector.project(inputs.profiles[0], scheme: scheme, drivers: drivers)
            let high = projector.project(inputs.profiles[1], scheme: scheme, drivers: drivers)
            #expect(abs(q(high, .finalSalary) / q(path, .finalSalary) - 1.5) < 1e-12)
            #expect(abs(q(high, .employeeContributions) / q(path, .employeeContributions) - 1.5) < 1e-12)
            #expect(abs(q(high, .monthlyPension) / q(path, .monthlyPension) - 1.5) < 1e-12)
            #expect(abs(q(high, .replacementRate) - q(path, .replacementRate)) < 1e-12)
        }
        // At the low level the DC guarantee binds: its rate is above the path's.
        var guaranteed = inputs
        guaranteed.reform.dc = Fixture.dc(year: 2022)
        guaranteed.profiles = [inputs.profiles[0], ProfileSpec(sex: .male, track: 0, entryAge: 23, entryYear: 2022, payLevel: 0)]
        let g = try MonteCarloProjection(inputs: guaranteed)
        let gp = ProfileProjector(context: g.context), gd = try g.deterministic().drivers
        let path = gp.project(guaranteed.profiles[0], scheme: .reform, drivers: gd)
        let low = gp.project(guaranteed.profiles[1], scheme: .reform, drivers: gd)
        #expect(q(low, .rrBasic) > q(path, .rrBasic) * 1.05)
    }
}
