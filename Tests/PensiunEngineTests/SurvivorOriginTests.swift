import Foundation
import PensiunInputs
import Testing
@testable import PensiunEngine

/// Survivors by origin (issue 20, docs/model.md §8): in both engines, the survivor entries from
/// deaths in service and after an award add up to the ledger's survivor entries, and the
/// survivors' DB-type pensions are a part of `db_benefits`.
@Suite struct SurvivorOriginTests {
    static let cases: [(String, DCRules?)] = [
        ("current scheme only", nil),
        ("new entrants, frozen DB", Fixture.dc()),
        ("switch under 40, bonds", Fixture.dc(transition: .switchUnderAge(40), rights: .recognitionBond(rate: 0.05))),
        ("switch under 40, bonds, joint and survivor 0.5", ReferenceEngineTests.jointAndSurvivor),
    ]

    @Test(arguments: [MonteCarloProjection.Engine.lanes, .general])
    func entriesAddUpToTheLedgerAndBenefitsArePartOfDB(engine: MonteCarloProjection.Engine) throws {
        for (name, dc) in Self.cases {
            let inputs = Fixture.inputs(horizon: 40, volatility: 0.02, kappaVolatility: 0.03, dc: dc)
            let mc = try MonteCarloProjection(inputs: inputs, engine: engine)
            let block = try mc.runBlock(0..<5, seeds: .init(master: 11))
            var inService = 0.0, afterAward = 0.0, benefits = 0.0
            for j in 0..<5 {
                for scheme in Scheme.allCases {
                    let r = block.results[j][scheme.rawValue]
                    for t in 0..<40 {
                        let a = r[.survivorEntriesInService, t], b = r[.survivorEntriesAfterAward, t]
                        let ledger = r.ledger[t].survivorEntries
                        #expect(abs(a + b - ledger) <= 1e-12 * max(abs(ledger), 1e-300),
                                "\(name), \(engine), path \(j), \(scheme.name) t \(t): \(a) + \(b) vs ledger \(ledger)")
                        #expect(a >= 0 && b >= 0)
                        let s = r[.survivorBenefits, t], db = r[.dbBenefits, t]
                        #expect(s >= 0 && s <= db, "\(name), \(engine), \(scheme.name) t \(t): survivor benefits \(s) vs db \(db)")
                        if r[.budgetBurden, t] != 0 {
                            // GDP = burden / burden_pct_gdp.
                            let pct = s / (r[.budgetBurden, t] / r[.burdenPctGDP, t])
                            #expect(abs(r[.survivorBenefitsPctGDP, t] - pct) <= 1e-12 * pct)
                        }
                        inService += a; afterAward += b; benefits += s
                    }
                }
            }
            // The fixture has deaths in service and of pensioners, and survivors in payment.
            #expect(inService > 0 && afterAward > 0 && benefits > 0, "\(name), \(engine)")
        }
    }
}
