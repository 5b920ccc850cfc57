import Foundation
import Testing
@testable import PensiunActuarial

@Suite("Annuity recursion and the reversionary annuity")
struct AnnuityRecursionTests {
    @Test("One step of ä, ä^(m) and A by hand")
    func steps() {
        let v = 1 / 1.05, q = 0.1
        let vp = AnnuityRecursion.discountedSurvival(discount: v, q: q)
        #expect(vp == v * (1 - q))
        #expect(AnnuityRecursion.annuityDue(next: 10.0, discountedSurvival: vp) == 1 + vp * 10)
        #expect(AnnuityRecursion.mthlyAnnuityDue(next: 9.0, discountedSurvival: vp, q: q, instalmentWeight: 0.98, deathWeight: 0.45)
                == 0.98 - 0.45 * q + vp * 9)
        #expect(AnnuityRecursion.assurance(next: 0.3, discountedSurvival: vp, discount: v, q: q) == v * q + vp * 0.3)
        #expect(AnnuityRecursion.discountedSurvival(discount: v, discountedUncapped: 2 * v) == 0)   // q capped at 1
    }

    @Test("ä_{x|y} on constant survival probabilities, three years, by hand")
    func reversionaryByHand() {
        let v = 1 / 1.05, pm = 0.9, ps = 0.95
        let value = ReversionaryAnnuity.annuityDue(discount: v, years: 3, member: { _ in pm }, survivor: { _ in ps })
        let single = 1 + v * ps + v * v * ps * ps
        let joint = 1 + v * ps * pm + v * v * ps * ps * pm * pm
        #expect(abs(value - (single - joint)) < 1e-14)
        // The survivor dead after one year: nothing is paid after the first payment date.
        #expect(ReversionaryAnnuity.annuityDue(discount: v, years: 10, member: { _ in pm }, survivor: { _ in 0 }) == 0)
    }

    @Test("JointLife's reversionary annuity is the same implementation on a table's rates")
    func jointLifeIsTheSame() throws {
        let law = MortalityLaw.gompertz(b: 3e-5, c: 1.1)
        let table = LifeTable(try law.table())
        let i = try InterestRate(0.04)
        let direct = ReversionaryAnnuity.annuityDue(discount: i.v, years: max(table.lastAge - 60, table.lastAge - 57) + 1,
                                                    member: { table.p(60 + $0) }, survivor: { table.p(57 + $0) })
        #expect(JointLife.reversionaryAnnuityDue(member: table, age: 60, survivor: table, age: 57, rate: i) == direct)
        #expect(abs(direct - (table.annuityDue(57, rate: i) - JointLife.annuityDue(table, age: 60, table, age: 57, rate: i))) < 1e-12)
    }
}
