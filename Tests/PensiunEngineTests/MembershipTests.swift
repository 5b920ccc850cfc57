import Foundation
import PensiunInputs
import Testing
@testable import PensiunEngine

/// Membership at the reform is decided by the entry year y − n (docs/model.md §6, §11): a member
/// who entered in y_r or later is a DC member from entry (no DB accrual, no frozen rights, not in
/// the denominator of `replacement_rate_db`); one who entered earlier is a switcher under
/// `switch_under_age`/`all`, or keeps the DB and adds the DC under `supplementary`. The
/// reference (``ReferenceEngine/applyTransition(_:dc:year:wage:)``) implements the rule; both
/// engines must match it.
@Suite struct MembershipTests {
    /// (a) Members who join in a future reform year, under `all` and `switch_under_age` with
    /// frozen DB rights, are DC members from entry: no frozen rights, and not in
    /// `replacement_rate_db`. (Before issue 16 both engines made them switchers with zero frozen
    /// rights, so `replacement_rate_db` counted their retirements with a rate of 0.)
    @Test
    func membershipReformYearJoiners() throws {
        let cases = [
            ReferenceEngineTests.Case(name: "all, frozen on final salary, lump sums, joiners in 2022",
                                      dc: Fixture.dc(transition: .all, rights: .frozenDB(finalSalary: true), payout: .lumpSum), kappa: 0.03),
            ReferenceEngineTests.Case(name: "switch under 40, frozen DB, joiners in 2022",
                                      dc: Fixture.dc(transition: .switchUnderAge(40), rights: .frozenDB(finalSalary: false)), kappa: 0.02),
        ]
        for c in cases {
            let mismatches = try ReferenceComparison.compare(c.name, ReferenceEngineTests.inputs(c))
            #expect(mismatches.isEmpty, "\(ReferenceComparison.describe(mismatches))")
        }
        // Where (a) showed: in 2022 only members who joined in 2022 retire, and they have no DB rights,
        // so replacement_rate_db is not applicable (NaN, an empty cell), overall and by track.
        let inputs = Self.onlyJoinersRetire()
        let reference = ReferenceEngine(inputs: inputs, rules: inputs.reform).project(try MonteCarloProjection(inputs: inputs).deterministicDrivers())
        #expect(reference[.retirements][2] > 0 && reference[.replacementRateDB][2].isNaN, "the reference's own case")
        #expect(reference[.replacementRateDB][1] == 0, "2021's joiners are DB members, ineligible: a rate of 0")
        for engine in [MonteCarloProjection.Engine.lanes, .general] {
            let reform = try MonteCarloProjection(inputs: inputs, engine: engine).deterministic().reform
            #expect(reform[.retirements, 2] > 0)
            #expect(reform[.replacementRateDB, 2].isNaN, "\(engine): replacement_rate_db 2022 is \(reform[.replacementRateDB, 2]), not empty")
            #expect(reform[rate: .replacementRateDB, track: 0, 2].isNaN, "\(engine): replacement_rate_db.general 2022 is \(reform[rate: .replacementRateDB, track: 0, 2])")
            #expect(reform[.replacementRateDB, 1] == 0)
        }
    }

    /// (b) A reform in the start year: the y0 actives with service 0 entered in y0 = y_r, so they
    /// are DC members from entry, DC-only under `supplementary`. (Before issue 16 both engines
    /// kept them in the DB.)
    @Test
    func membershipStartYearReform() throws {
        let cases = [
            ReferenceEngineTests.Case(name: "all at y0, frozen DB", dc: Fixture.dc(transition: .all, rights: .frozenDB(finalSalary: false), year: 2020), kappa: 0.02),
            ReferenceEngineTests.Case(name: "new entrants at y0", dc: Fixture.dc(year: 2020), kappa: 0.02),
            ReferenceEngineTests.Case(name: "supplementary at y0", dc: Fixture.dc(transition: .supplementary, year: 2020), kappa: 0.02),
        ]
        for c in cases {
            let mismatches = try ReferenceComparison.compare(c.name, ReferenceEngineTests.inputs(c))
            #expect(mismatches.isEmpty, "\(ReferenceComparison.describe(mismatches))")
        }
        // A member who joins at 45 in y0 = y_r under switch_under_age(40) is not a switcher (too
        // old) but a DC member from entry, not kept in the DB.
        var late = ReferenceEngineTests.inputs(.init(name: "", dc: Fixture.dc(transition: .switchUnderAge(40), year: 2020), kappa: 0.02))
        late.population.actives.append(ActiveCell(sex: .male, track: 1, age: 45, service: 0, count: 12))
        let mismatches = try ReferenceComparison.compare("switch under 40 at y0, a service-0 member aged 45", late)
        #expect(mismatches.isEmpty, "\(ReferenceComparison.describe(mismatches))")
        // Where (b) showed: the service-0 cohort of 2020 pays no DB contribution and pays the DC's.
        for transition in [TransitionPolicy.newEntrants, .supplementary] {
            let inputs = Fixture.inputs(horizon: 3, dc: Fixture.dc(transition: transition, year: 2020))
            let expected = Self.startYearContributions(inputs)
            #expect(expected.newcomerDC > 0)
            for engine in [MonteCarloProjection.Engine.lanes, .general] {
                let reform = try MonteCarloProjection(inputs: inputs, engine: engine).deterministic().reform
                let employee = reform[.contributionsEmployee, 0], employer = reform[.contributionsEmployer, 0]
                #expect(abs(employee - expected.employee) <= 1e-9 * expected.employee,
                        "\(transition), \(engine): employee contributions 2020 \(employee), expected \(expected.employee) (DB of the service-0 cohort \(expected.newcomerDB) must not be paid)")
                #expect(abs(employer - expected.employer) <= 1e-9 * expected.employer,
                        "\(transition), \(engine): employer contributions 2020 \(employer), expected \(expected.employer)")
            }
        }
    }

    /// The reform's contributions in 2020 (W = 1) under a start-year reform, from the y0 cells: the
    /// DB rate on members with service > 0 (who keep the DB), the DC rates on the service-0
    /// cohort and, under `supplementary`, on everyone (docs/model.md §5, §6). Also the DB and DC
    /// employee contributions the service-0 cohort would pay in the DB / pays in the DC.
    static func startYearContributions(_ inputs: ProjectionInputs) -> (employee: Double, employer: Double, newcomerDB: Double, newcomerDC: Double) {
        let db = inputs.reform.db, dc = inputs.reform.dc!
        var employee = 0.0, employer = 0.0, newcomerDB = 0.0, newcomerDC = 0.0
        for cell in inputs.population.actives {
            let track = inputs.tracks[cell.track]
            let pay = cell.count * track.scale(service: cell.service) * 12, dcBase = track.takeHomeMultiplier(2020) * pay
            let newcomer = cell.service == 0
            if newcomer {
                newcomerDB += db.employeeRate(2020) * pay
                newcomerDC += dc.employeeRate(2020) * dcBase
            } else {
                employee += db.employeeRate(2020) * pay
            }
            if newcomer || dc.transition == .supplementary {
                employee += dc.employeeRate(2020) * dcBase
                employer += dc.employerRate(2020) * dcBase
            }
        }
        return (employee, employer, newcomerDB, newcomerDC)
    }

    /// A scheme in which nobody retires in 2022 but members who join in 2022: the y0 actives are
    /// all under 40 (no early retirement within the horizon), and a fifth of the entrants join at
    /// 57 on the track retiring at 58, so they retire at the end of their first year. Reform in
    /// 2022, `all`, frozen DB.
    static func onlyJoinersRetire() -> ProjectionInputs {
        var inputs = Fixture.inputs(horizon: 5, volatility: 0, dc: Fixture.dc(transition: .all, rights: .frozenDB(finalSalary: false)),
                                    target: .growth(0.01))
        inputs.population.actives = inputs.population.actives.filter { $0.age < 40 }
        inputs.entrants.profile.append(EntrantShare(sex: .male, track: 0, age: 57, share: 0.25))
        return inputs
    }
}
