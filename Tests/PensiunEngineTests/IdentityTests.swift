import Foundation
import PensiunInputs
import Testing
@testable import PensiunEngine

/// The exact checks of docs/model.md §10, on stochastic paths.
@Suite struct IdentityTests {
    static let policies: [(String, DCRules?)] = [
        ("no reform", nil),
        ("new entrants, frozen DB", Fixture.dc()),
        ("switch under 40, bonds", Fixture.dc(transition: .switchUnderAge(40), rights: .recognitionBond(rate: 0.05))),
        ("all, frozen final salary, lump sums", Fixture.dc(transition: .all, rights: .frozenDB(finalSalary: true), payout: .lumpSum)),
        ("supplementary, cash withdrawals", Fixture.dc(transition: .supplementary, withdrawal: .cash)),
    ]

    func run(_ dc: DCRules?, kappa: Double = 0.02, processRisk: Bool = false) throws -> [(SchemePathResult, SchemePathResult)] {
        let inputs = Fixture.inputs(horizon: 30, volatility: 0.02, kappaVolatility: kappa, dc: dc, processRisk: processRisk)
        let mc = try MonteCarloProjection(inputs: inputs)
        var out: [(SchemePathResult, SchemePathResult)] = []
        for path in 0..<4 {
            let block = try mc.runBlock(path..<(path + 1), seeds: .init(master: 77))
            out.append((block.results[0][0], block.results[0][1]))
        }
        return out
    }

    @Test(arguments: 0..<5)
    func populationsAddUp(policy index: Int) throws {
        for processRisk in [false, true] {
            for (current, reform) in try run(Self.policies[index].1, processRisk: processRisk) {
                for r in [current, reform] {
                    for t in 0..<30 {
                        let l = r.ledger[t]
                        let tol = 1e-9 * max(1, r[.actives, t])
                        #expect(abs(r[.actives, t + 1] - (r[.actives, t] - l.activeExits + l.activeEntries)) <= tol)
                        #expect(abs(r[.pensioners, t + 1] - (r[.pensioners, t] - l.pensionerExits + l.pensionerEntries)) <= tol)
                        #expect(abs(r[.survivors, t + 1] - (r[.survivors, t] - l.survivorExits + l.survivorEntries)) <= tol)
                        #expect(abs(r[.deferred, t + 1] - (r[.deferred, t] - l.deferredExits + l.deferredEntries)) <= tol)
                    }
                }
            }
        }
    }

    @Test(arguments: 0..<5)
    func dcMoneyAddsUp(policy index: Int) throws {
        for (_, reform) in try run(Self.policies[index].1) {
            for t in 0..<30 {
                let f = reform.dcFlows[t]
                let expected = reform[.dcFundAssets, t] + f.contributions + f.returns + f.bondsRedeemedIntoAccounts
                    - (f.annuityPurchases + f.lumpSums + f.deathBenefits + f.cashWithdrawals)
                #expect(abs(reform[.dcFundAssets, t + 1] - expected) <= 1e-9 * max(1, abs(expected)),
                        "\(Self.policies[index].0), year \(2020 + t)")
            }
        }
    }

    @Test func withoutAReformBothSchemesAreIdentical() throws {
        for (current, reform) in try run(nil) {
            for m in Metric.allCases where !m.isReformOnly {
                for t in 0..<m.length(horizon: 30) {
                    let a = current[m, t], b = reform[m, t]
                    #expect(a == b || (a.isNaN && b.isNaN), "\(m.name) \(t)")
                }
            }
        }
    }
}
