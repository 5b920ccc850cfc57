import Foundation
import Testing
@testable import PensiunActuarial

@Suite("Annuity recursion and the reversionary annuity")
struct AnnuityRecursionTests {
    /// v = 1/1.05 and q = 0.1 give v·p = 0.9/1.05 = 6/7; the values below are worked out by hand
    /// from that (not by restating the recursion's code).
    @Test("One step of ä, ä^(m) and A by hand")
    func steps() {
        let v = 1 / 1.05, q = 0.1
        let vp = AnnuityRecursion.discountedSurvival(discount: v, q: q)
        #expect(abs(vp - 6.0 / 7) < 1e-15)
        // ä = 1 + (6/7)·10 = 67/7
        #expect(abs(AnnuityRecursion.annuityDue(next: 10.0, discountedSurvival: vp) - 67.0 / 7) < 1e-14)
        // ä^(m) step: 0.98 − 0.45·0.1 + (6/7)·9 = 0.935 + 54/7
        #expect(abs(AnnuityRecursion.mthlyAnnuityDue(next: 9.0, discountedSurvival: vp, q: q, instalmentWeight: 0.98,
                                                     deathWeight: 0.45) - 8.649285714285714) < 1e-14)
        // A step: 0.1/1.05 + (6/7)·0.3 = 2/21 + 5.4/21 = 7.4/21
        #expect(abs(AnnuityRecursion.assurance(next: 0.3, discountedSurvival: vp, discount: v, q: q) - 7.4 / 21) < 1e-15)
        // From the discounted uncapped rate u·v·f: v·(1 − min(1, u·f)); u·f = 0.1 gives 6/7 again,
        // u·f = 2 is capped at 1: nobody survives.
        #expect(abs(AnnuityRecursion.discountedSurvival(discount: v, discountedUncapped: 0.1 * v) - 6.0 / 7) < 1e-15)
        #expect(AnnuityRecursion.discountedSurvival(discount: v, discountedUncapped: 2 * v) == 0)
        // Three steps back from a closing age (ä = 1 there) with q = 0.1 throughout:
        // 1 + 6/7·(1 + 6/7·1) = 1 + 6/7 + 36/49 = 127/49.
        var a = 1.0
        for _ in 0..<2 { a = AnnuityRecursion.annuityDue(next: a, discountedSurvival: vp) }
        #expect(abs(a - 127.0 / 49) < 1e-14)
    }

    @Test("ä_{x|y} on constant survival probabilities, three years, by hand")
    func reversionaryByHand() {
        let v = 1 / 1.05, pm = 0.9, ps = 0.95
        let value = ReversionaryAnnuity.annuityDue(discount: v, years: 3, member: { _ in pm }, survivor: { _ in ps })
        // Σ_{k<3} vᵏ·psᵏ·(1 − pmᵏ) = 0.095·v + 0.171475·v²
        #expect(abs(value - 0.24600907029478503) < 1e-14)
        // The survivor dead after one year: nothing is paid after the first payment date.
        #expect(ReversionaryAnnuity.annuityDue(discount: v, years: 10, member: { _ in pm }, survivor: { _ in 0 }) == 0)
    }

    /// A three-age table, q = 0.1, 0.2, 1 at ages 0, 1, 2, at 5%: ä₁ = 1 + 0.8v, ä₀₁ = 1 + 0.9·0.8·v,
    /// so ä_{0|1} = ä₁ − ä₀₁ = 0.08·v.
    @Test("JointLife's reversionary annuity by hand on a three-age table, and against ä_y − ä_xy")
    func jointLifeByHand() throws {
        let table = LifeTable(try MortalityTable(firstAge: 0, rates: [0.1, 0.2, 1], basis: "hand"))
        let i = try InterestRate(0.05)
        #expect(abs(table.annuityDue(1, rate: i) - 1.7619047619047619) < 1e-14)
        #expect(abs(table.annuityDue(0, rate: i) - 2.510204081632653) < 1e-14)              // 1 + 0.9v + 0.72v²
        #expect(abs(JointLife.annuityDue(table, age: 0, table, age: 1, rate: i) - 1.6857142857142855) < 1e-14)
        #expect(abs(JointLife.reversionaryAnnuityDue(member: table, age: 0, survivor: table, age: 1, rate: i)
                    - 0.07619047619047618) < 1e-14)

        // On a full table: the reversionary recursion against LifeTable's single-life annuity and
        // JointLife's joint-life annuity, computed by other code.
        let law = MortalityLaw.gompertz(b: 3e-5, c: 1.1)
        let gompertz = LifeTable(try law.table())
        let j = try InterestRate(0.04)
        let reversionary = JointLife.reversionaryAnnuityDue(member: gompertz, age: 60, survivor: gompertz, age: 57, rate: j)
        let difference = gompertz.annuityDue(57, rate: j) - JointLife.annuityDue(gompertz, age: 60, gompertz, age: 57, rate: j)
        #expect(reversionary > 0.5)
        #expect(abs(reversionary - difference) < 1e-12)
    }

    @Test("Woolhouse's correction (m − 1)/(2m) by hand")
    func woolhouseByHand() {
        #expect(LifeTable.woolhouseCorrection(paymentsPerYear: 1) == 0)
        #expect(LifeTable.woolhouseCorrection(paymentsPerYear: 2) == 0.25)
        #expect(LifeTable.woolhouseCorrection(paymentsPerYear: 4) == 0.375)
        #expect(abs(LifeTable.woolhouseCorrection(paymentsPerYear: 12) - 11.0 / 24) < 1e-16)
    }
}
