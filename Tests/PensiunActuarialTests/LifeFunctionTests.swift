import Foundation
import Testing
@testable import PensiunActuarial

/// The remaining life-table functions, each against a different computation.
@Suite("Life-table functions")
struct LifeFunctionTests {
    @Test("l, d, q, p, ₜpₓ, survival under UDD")
    func survivalFunctions() throws {
        let table = try sultTable()
        #expect(table.l(20) == 100_000)
        #expect(close(table.d(60), table.l(60) - table.l(61), 1e-12))
        #expect(close(table.survival(10, from: 60), table.l(70) / table.l(60), 1e-13))
        // The closed-form Makeham survival.
        #expect(close(table.survival(25, from: 45), sultLaw.survival(from: 45, over: 25), 1e-12))
        #expect(close(table.deathProbability(1, from: 70), table.q(70)))
        #expect(close(table.survivalUDD(10.25, from: 60), table.survival(10, from: 60) * (1 - 0.25 * table.q(70))))
        #expect(table.l(131) == 0 && table.l(200) == 0 && table.q(131) == 1 && table.survival(200, from: 20) == 0)
    }

    @Test("Temporary, deferred, immediate and escalating annuities; term assurance")
    func annuityVariants() throws {
        let table = try sultTable()
        let i = try InterestRate(0.05)
        let x = 60
        let explicit = { (n: Int, g: Double) -> Double in
            (0..<n).reduce(0.0) { $0 + pow(1.05, -Double($1)) * pow(1 + g, Double($1)) * table.survival($1, from: x) }
        }
        #expect(close(table.temporaryAnnuityDue(x, years: 15, rate: i), explicit(15, 0), 1e-12))
        #expect(close(table.annuityDue(x, rate: i),
                      table.temporaryAnnuityDue(x, years: 15, rate: i) + table.deferredAnnuityDue(x, deferredYears: 15, rate: i), 1e-12))
        #expect(close(table.temporaryAnnuityImmediate(x, years: 15, rate: i),
                      (1...15).reduce(0.0) { $0 + pow(1.05, -Double($1)) * table.survival($1, from: x) }, 1e-12))
        #expect(close(try table.escalatingAnnuityDue(x, escalation: 0.03, rate: i), explicit(71, 0.03), 1e-12))
        #expect(close(try table.escalatingAnnuityDue(x, escalation: 0, rate: i), table.annuityDue(x, rate: i), 1e-12))
        // A¹ = A − ₙE·A_{x+n}.
        #expect(close(table.termAssurance(x, years: 10, rate: i),
                      table.wholeLifeAssurance(x, rate: i) - table.pureEndowment(x, years: 10, rate: i) * table.wholeLifeAssurance(x + 10, rate: i), 1e-12))
        #expect(table.deferredAnnuityDue(x, deferredYears: 200, rate: i) == 0)
    }

    @Test("Woolhouse: three terms with the exact μ approach the exact continuous-Makeham ä^(12)")
    func woolhouse() throws {
        let table = try sultTable()
        let i = try InterestRate(0.05)
        for x in [20, 40, 60, 65, 80] {
            // Exact without UDD: monthly payments with the Makeham survival function.
            var exact = 0.0
            for j in 0..<(12 * (131 - x)) {
                let t = Double(j) / 12
                exact += pow(1.05, -t) * sultLaw.survival(from: Double(x), over: t) / 12
            }
            let due = table.annuityDue(x, rate: i)
            let w3 = LifeTable.woolhouse(annuityDue: due, paymentsPerYear: 12, delta: i.delta, force: sultLaw.force(at: Double(x)))
            let w2 = table.annuityDue(x, paymentsPerYear: 12, rate: i, method: .woolhouse2)
            #expect(close(w2, due - 11.0 / 24))
            #expect(abs(w3 - exact) < 1e-4, "x = \(x): Woolhouse-3 \(w3) vs exact \(exact)")
            #expect(abs(w3 - exact) < abs(w2 - exact))
            // With μ estimated from the table the three-term value stays close to the exact one.
            let w3table = table.annuityDue(x, paymentsPerYear: 12, rate: i, method: .woolhouse3)
            #expect(abs(w3table - w3) < 2e-4, "x = \(x): μ from the table")
            // The estimate averages μ over (x−1, x+1): for B·cˣ its relative error is about
            // (ln c)²/6 = 0.23%. At the first age (20) it averages over (x, x+1) only: about (ln c)/2.
            let tolerance = x == table.firstAge ? 0.06 : 3e-3
            #expect(abs(table.forceOfMortalityEstimate(x) / sultLaw.force(at: Double(x)) - 1) < tolerance, "μ at \(x)")
            // UDD and Woolhouse-3 agree to about 10⁻³.
            #expect(abs(table.annuityDue(x, paymentsPerYear: 12, rate: i) - w3) < 2e-3)
        }
        #expect(close(table.annuityImmediate(60, paymentsPerYear: 12, rate: i), table.annuityDue(60, paymentsPerYear: 12, rate: i) - 1.0 / 12))
        #expect(close(table.annuityDue(60, paymentsPerYear: 1, rate: i), table.annuityDue(60, rate: i)))
    }
}
