import Foundation
import PensiunActuarial
import PensiunInputs
import Testing
@testable import PensiunEngine

/// The composition of the budget burden (issue 21, item 4; docs/model.md §8 "Cash flows in
/// money"): `db_benefits_frozen` and `contributions_employee_db_budget` in both engines (the
/// reference comparison of ``ReferenceEngineTests`` and ``MembershipTests`` checks them against the
/// per-member reference too), their identity with `budget_burden`, and one switcher by hand.
@Suite struct BurdenCompositionTests {
    static let cases: [(String, DCRules?, Bool)] = [
        ("current scheme only", nil, false),
        ("new entrants, frozen DB", Fixture.dc(), false),
        ("switch under 40, frozen DB", Fixture.dc(transition: .switchUnderAge(40)), true),
        ("all, frozen on final salary, lump sums", Fixture.dc(transition: .all, rights: .frozenDB(finalSalary: true), payout: .lumpSum), true),
        ("switch under 40, bonds", Fixture.dc(transition: .switchUnderAge(40), rights: .recognitionBond(rate: 0.05)), false),
        ("supplementary", Fixture.dc(transition: .supplementary), false),
    ]

    /// legacy DB + frozen DB + employer DC + top-ups + bonds − employee DB to the budget =
    /// budget_burden, with legacy DB = db_benefits − db_benefits_frozen; frozen DB only where
    /// switchers hold frozen rights, and never in the current scheme.
    @Test(arguments: [MonteCarloProjection.Engine.lanes, .general])
    func theCompositionAddsUpToTheBurden(engine: MonteCarloProjection.Engine) throws {
        for (name, dc, hasFrozen) in Self.cases {
            for destination in [ContributionDestination.budget, .reserve] {
                var inputs = Fixture.inputs(horizon: 40, volatility: 0.02, kappaVolatility: 0.03, dc: dc)
                inputs.current.db.destination = destination
                inputs.reform.db.destination = destination
                let block = try MonteCarloProjection(inputs: inputs, engine: engine).runBlock(0..<5, seeds: .init(master: 11))
                var frozenTotal = [0.0, 0.0]
                for j in 0..<5 {
                    for scheme in Scheme.allCases {
                        let r = block.results[j][scheme.rawValue]
                        for t in 0..<40 {
                            let db = r[.dbBenefits, t], frozen = r[.dbBenefitsFrozen, t]
                            let employeeDB = r[.contributionsEmployeeDBBudget, t]
                            let parts = (db - frozen) + frozen + r[.contributionsEmployer, t] + r[.guaranteeTopups, t]
                                + r[.bondRedemptions, t] - employeeDB
                            let burden = r[.budgetBurden, t]
                            #expect(abs(parts - burden) <= 1e-12 * max(abs(db), abs(burden), 1),
                                    "\(name), \(engine), \(scheme.name) \(2020 + t): parts \(parts) vs burden \(burden)")
                            #expect(frozen >= 0 && frozen <= db * (1 + 1e-12), "\(name) \(scheme.name) \(2020 + t): frozen \(frozen) of \(db)")
                            #expect(employeeDB >= 0 && employeeDB <= r[.contributionsEmployee, t] * (1 + 1e-12))
                            if destination != .budget { #expect(employeeDB == 0) }
                            frozenTotal[scheme.rawValue] += frozen
                        }
                    }
                }
                #expect(frozenTotal[Scheme.current.rawValue] == 0, "\(name): the current scheme has no frozen rights")
                #expect((frozenTotal[Scheme.reform.rawValue] > 0) == hasFrozen, "\(name), \(engine): frozen DB \(frozenTotal[1])")
            }
        }
    }

    /// A table with q = 1 at `deathAge` for men and no other deaths: every death is known.
    static func oneDeath(at deathAge: Int) throws -> MortalityInputs {
        let zero = try MortalityTable(firstAge: 0, rates: Array(repeating: 0, count: 111), basis: "no deaths")
        var rates = Array(repeating: 0.0, count: 111)
        rates[deathAge] = 1
        return MortalityInputs(male: try MortalityTable(firstAge: 0, rates: rates, basis: "one death"), female: zero, baseYear: 2030)
    }

    /// One switcher aged 59 with 29 years at the reform (2030 = y0, `all`, frozen DB on a base of
    /// 1,000, 14 payments, prices +2% a year, DB contributions 5% to the budget), who leaves a
    /// spouse with certainty:
    /// - retiring at the end of 2030 on min(75%, 2.5% × 29) × 1,000 = 725 a month, indexed at
    ///   award: frozen DB 2031 = 725 × 14 × 1.02; the current scheme pays 750 × 14 × 1.02 on the
    ///   same member, all of it legacy DB, and receives 5% × 1,000 × 12 = 600 in 2030;
    /// - dying at 60 at the end of 2031 (q(60) = 1), the spouse's frozen survivor pension
    ///   σ_r·B_f·n_r/(n+1) = 0.36 × 1,000 × 29/30 = 348 a month, indexed twice: frozen DB
    ///   2032 = 348 × 14 × 1.02², all of db_benefits and survivor_benefits.
    @Test(arguments: [MonteCarloProjection.Engine.lanes, .general])
    func aFrozenPensionAndItsSurvivorByHand(engine: MonteCarloProjection.Engine) throws {
        var inputs = HandComputedTests.oneMember(age: 59, service: 29, dc: HandComputedTests.dc())
        inputs.mortality = try Self.oneDeath(at: 60)
        inputs.survivors = SurvivorInputs(probability: [.male: [1], .female: [0]], ageGap: [.male: 0, .female: 0])
        let (current, reform, _) = try MonteCarloProjection(inputs: inputs, engine: engine).deterministic()
        func close(_ a: Double, _ b: Double, _ what: String) {
            #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(engine) \(what): \(a) vs \(b)")
        }
        close(current[.contributionsEmployeeDBBudget, 0], 600, "current employee DB 2030")
        close(reform[.contributionsEmployeeDBBudget, 0], 0, "reform employee DB 2030")
        close(current[.dbBenefits, 1], 750 * 14 * 1.02, "current DB 2031")
        close(current[.dbBenefitsFrozen, 1], 0, "current frozen DB 2031")
        close(reform[.dbBenefits, 1], 725 * 14 * 1.02, "reform DB 2031")
        close(reform[.dbBenefitsFrozen, 1], 725 * 14 * 1.02, "reform frozen DB 2031")
        close(reform[.dbBenefitsFrozen, 2], 348 * 14 * 1.02 * 1.02, "reform frozen survivor 2032")
        close(reform[.survivorBenefits, 2], 348 * 14 * 1.02 * 1.02, "reform survivor 2032")
        close(reform[.dbBenefits, 2], 348 * 14 * 1.02 * 1.02, "reform DB 2032")
        close(reform[.dbBenefitsFrozen, 3], 348 * 14 * pow(1.02, 3), "reform frozen survivor 2033")
        // The current scheme's survivor pension is legacy: max(σ_r·B, f_sr·floor) = max(360, 450).
        close(current[.dbBenefitsFrozen, 2], 0, "current frozen 2032")
        close(current[.dbBenefits, 2], 450 * 14 * 1.02 * 1.02, "current survivor 2032")
    }

    /// A switcher aged 59 dying in service at the end of 2030 (q(59) = 1): the spouse's frozen
    /// survivor pension σ_a·B_f·n_r/(n+1) = 0.36 × 1,000 × 29/30 = 348 a month, frozen DB 2031 =
    /// 348 × 14 × 1.02.
    @Test(arguments: [MonteCarloProjection.Engine.lanes, .general])
    func aDeathInServiceOnFrozenRightsByHand(engine: MonteCarloProjection.Engine) throws {
        var inputs = HandComputedTests.oneMember(age: 59, service: 29, dc: HandComputedTests.dc())
        inputs.mortality = try Self.oneDeath(at: 59)
        inputs.survivors = SurvivorInputs(probability: [.male: [1], .female: [0]], ageGap: [.male: 0, .female: 0])
        let (_, reform, _) = try MonteCarloProjection(inputs: inputs, engine: engine).deterministic()
        #expect(abs(reform[.dbBenefitsFrozen, 1] - 348 * 14 * 1.02) <= 1e-9, "\(engine): \(reform[.dbBenefitsFrozen, 1])")
        #expect(reform[.dbBenefitsFrozen, 1] == reform[.dbBenefits, 1])
    }
}
