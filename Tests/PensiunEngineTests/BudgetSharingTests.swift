import Foundation
import PensiunInputs
import Testing
@testable import PensiunEngine

/// Who pays (issue 21, docs/model.md Part II "Who pays"): the employer DC contributions by track
/// in both engines, and the split of each scheme's burden between the central and regional budgets.
@Suite struct BudgetSharingTests {
    /// One DC member (aged 40, 10 years of service, no retirement within the horizon) on a track
    /// with regional share 0.6: employer DC = 10% × 2 × 1,000 × 12 = 2,400 in 2030, so the reform's
    /// regional burden is 0.6 × 2,400 = 1,440 and its central burden 2,400 − 1,440 = 960 (the
    /// burden is the employer contribution alone: no DB accrual after the switch, no pensions);
    /// the current scheme's burden, −600 (the employee DB contributions to the budget), is all central.
    @Test(arguments: [MonteCarloProjection.Engine.lanes, .general])
    func oneDCMemberOnARegionalTrack(engine: MonteCarloProjection.Engine) throws {
        var inputs = HandComputedTests.oneMember(age: 40, service: 10, dc: HandComputedTests.dc())
        inputs.tracks[0].regionalShare = 0.6
        let mc = try MonteCarloProjection(inputs: inputs, engine: engine)
        let (current, reform, _) = try mc.deterministic()
        #expect(abs(reform[employerDC: 0, 0] - 2_400) < 1e-9)
        #expect(abs(reform[.budgetBurden, 0] - 2_400) < 1e-9)
        #expect(abs(reform[.burdenRegional, 0] - 1_440) < 1e-9)
        #expect(abs(reform[.burdenCentral, 0] - 960) < 1e-9)
        #expect(abs(reform[.burdenRegionalPctGDP, 0] - 1_440 / 1e9) < 1e-18)
        #expect(abs(reform[.burdenCentralPctGDP, 0] - 960 / 1e9) < 1e-18)
        #expect(abs(current[.burdenCentral, 0] - (-600)) < 1e-9)
        #expect(current[.burdenRegional, 0] == 0)
        // The next years: the same member, pay indexed by 2% a year.
        for t in 1..<4 {
            let employer = 2_400 * pow(1.02, Double(t))
            #expect(abs(reform[.burdenRegional, t] - 0.6 * employer) < 1e-9)
            #expect(abs(reform[.burdenCentral, t] - (reform[.budgetBurden, t] - 0.6 * employer)) < 1e-9)
        }
    }

    /// The sums by track add up to `contributions_employer` and the two budgets to the burden, in
    /// both engines, on two tracks with pay levels on one.
    @Test(arguments: [MonteCarloProjection.Engine.lanes, .general])
    func theTracksAddUpToTheEmployerContributions(engine: MonteCarloProjection.Engine) throws {
        var inputs = Fixture.inputs(horizon: 20, dc: Fixture.dc(transition: .switchUnderAge(40), rights: .recognitionBond(rate: 0.05)))
        inputs.tracks[0].payLevels = ReferenceEngineTests.payLevels
        inputs.tracks[0].regionalShare = 0.9
        inputs.tracks[1].regionalShare = 0.2
        let (current, reform, _) = try MonteCarloProjection(inputs: inputs, engine: engine).deterministic()
        var sawRegional = false
        for t in 0..<20 {
            let total = reform[employerDC: 0, t] + reform[employerDC: 1, t]
            #expect(abs(total - reform[.contributionsEmployer, t]) <= 1e-9 * max(1, total))
            let regional = 0.9 * reform[employerDC: 0, t] + 0.2 * reform[employerDC: 1, t]
            #expect(abs(reform[.burdenRegional, t] - regional) <= 1e-9 * max(1, regional))
            #expect(abs(reform[.burdenCentral, t] + reform[.burdenRegional, t] - reform[.budgetBurden, t])
                    <= 1e-9 * max(1, abs(reform[.budgetBurden, t])))
            #expect(current[.burdenRegional, t] == 0 && current[.burdenCentral, t] == current[.budgetBurden, t])
            if regional > 0 { sawRegional = true }
        }
        #expect(sawRegional)
    }

    /// The rule by hand: tracks with C^r = 100 and 300, ρ = 0.6 and 0.1 → regional 60 + 30 = 90
    /// under the reform, 0 under the current scheme; central = burden − regional.
    @Test func theRuleByHand() {
        #expect(abs(BudgetSharing.regional(scheme: .reform, employerDC: [100, 300], regionalShares: [0.6, 0.1]) - 90) < 1e-12)
        #expect(BudgetSharing.regional(scheme: .current, employerDC: [100, 300], regionalShares: [0.6, 0.1]) == 0)
        #expect(BudgetSharing.central(burden: 500, regional: 90) == 410)
    }

    @Test func theAverageShareIsHeadcountWeighted() {
        #expect(abs(BudgetSharing.averageShare(headcounts: [1, 3], regionalShares: [0.2, 1]) - 0.8) < 1e-15)
        #expect(BudgetSharing.averageShare(headcounts: [0, 0], regionalShares: [0.5, 0.5]) == 0)
    }
}
