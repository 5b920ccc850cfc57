import Foundation
import Testing
@testable import PensiunActuarial

@Suite("Batch pricing")
struct AnnuityPricerTests {
    @Test("The backward pass equals the per-age functions, m-thly and escalating included",
          arguments: [(0.05, 0.0, 12), (0.07, 0.03, 12), (0.0, 0.0, 4), (-0.01, 0.02, 1)])
    func batchEqualsScalar(_ i: Double, _ g: Double, _ m: Int) throws {
        let mortality = try sultLaw.table(firstAge: 20)
        let table = LifeTable(mortality)
        let rate = try InterestRate(i).netOfEscalation(g)
        let factors = try AnnuityPricer(rate: rate, paymentsPerYear: m).priceAllAges(mortality)
        #expect(factors.firstAge == 20 && factors.annuityDue.count == 111)
        for x in 20...130 {
            #expect(close(factors.annuityDue[x - 20], table.annuityDue(x, rate: rate)), "ä at \(x)")
            #expect(close(factors.mthlyAnnuityDue[x - 20], table.annuityDue(x, paymentsPerYear: m, rate: rate), 1e-11), "ä(m) at \(x)")
            #expect(close(factors.assurance[x - 20], table.wholeLifeAssurance(x, rate: rate)), "A at \(x)")
        }
        let first = mortality.rates.withUnsafeBufferPointer {
            (try? AnnuityPricer(rate: rate, paymentsPerYear: m))?.mthlyAnnuityDue(atFirstAgeOf: $0)
        }
        #expect(first == factors.mthlyAnnuityDue[0])
    }

    @Test("The closing entry is priced as q = 1 whatever the buffer says; m must be ≥ 1")
    func closingEntry() throws {
        let pricer = try AnnuityPricer(rate: try InterestRate(0.05), paymentsPerYear: 12)
        var due = [0.0, 0.0], mthly = [0.0, 0.0], assurance = [0.0, 0.0]
        let q = [0.1, 0.3]  // not closed
        q.withUnsafeBufferPointer { qb in
            due.withUnsafeMutableBufferPointer { a in
                mthly.withUnsafeMutableBufferPointer { am in
                    assurance.withUnsafeMutableBufferPointer { ins in
                        pricer.priceAllAges(q: qb, annuityDue: a, mthlyAnnuityDue: am, assurance: ins)
                    }
                }
            }
        }
        #expect(due == [1 + 0.9 / 1.05, 1])
        #expect(close(assurance[1], 1 / 1.05) && close(assurance[0], 0.1 / 1.05 + 0.9 / 1.05 / 1.05))
        #expect(close(mthly[1], pricer.instalmentWeight - pricer.deathWeight))
        #expect(errorMessage { _ = try AnnuityPricer(rate: try InterestRate(0.05), paymentsPerYear: 0) }
                == "payments per year must be at least 1, got 0")
        #expect(errorMessage { _ = try AnnuityPricer(rate: try InterestRate(0.05), method: .woolhouse3) }
                == "the batch pricer values m-thly annuities exactly under UDD or by two-term Woolhouse; three-term Woolhouse is available per age")
    }

    @Test("Two-term Woolhouse in the batch: ä^(12) = ä − 11/24 (docs/model.md §6), at every age and at the first age")
    func woolhouseBatch() throws {
        let mortality = try MortalityTable.loadCSV(path: tmiPath, sex: .female)
        let table = LifeTable(mortality)
        let rate = try InterestRate(0.06)
        let pricer = try AnnuityPricer(rate: rate, paymentsPerYear: 12, method: .woolhouse2)
        let factors = pricer.priceAllAges(mortality)
        for x in 0...111 {
            #expect(close(factors.mthlyAnnuityDue[x], table.annuityDue(x, paymentsPerYear: 12, rate: rate, method: .woolhouse2)))
            #expect(close(factors.mthlyAnnuityDue[x], table.annuityDue(x, rate: rate) - 11.0 / 24))
        }
        let fromAge58 = Array(mortality.rates[58...])
        #expect(close(fromAge58.withUnsafeBufferPointer { pricer.mthlyAnnuityDue(atFirstAgeOf: $0) }, factors.mthlyAnnuityDue[58]))
    }
}
