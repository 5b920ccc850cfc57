import Foundation
import Testing
@testable import PensiunActuarial

/// Exact identities of the life-table functions, checked at every age of TMI IV 2019 (both sexes)
/// at several rates. Each identity compares two different computations.
@Suite("TMI IV identities")
struct TMIIdentityTests {
    static let cases: [(Sex, Double)] = Sex.allCases.flatMap { sex in [0.0, 0.03, 0.07, -0.01].map { (sex, $0) } }

    @Test("The shipped table loads exactly: ages 0-111, q = 1 at 111, spot values")
    func shippedTable() throws {
        let male = try MortalityTable.loadCSV(path: tmiPath, sex: .male)
        let female = try MortalityTable.loadCSV(path: tmiPath, sex: .female)
        for table in [male, female] {
            #expect(table.firstAge == 0)
            #expect(table.lastAge == 111)
            #expect(table.rates.count == 112)
            #expect(table.q(111) == 1)
        }
        #expect(male.q(0) == 0.00524 && female.q(0) == 0.00266)
        #expect(male.q(65) == 0.01146 && female.q(65) == 0.00883)
        #expect(male.q(110) == 0.59244 && female.q(110) == 0.58702)
        #expect(male.basis.hasSuffix("tmi-iv-2019.csv (qx_male)"))
    }

    @Test("Aₓ = 1 − d·äₓ, äₓ = 1 + v·pₓ·ä_{x+1}, aₓ = ä_x − 1 = v·pₓ·ä_{x+1}", arguments: cases)
    func annualIdentities(_ sex: Sex, _ i: Double) throws {
        let table = LifeTable(try MortalityTable.loadCSV(path: tmiPath, sex: sex))
        let rate = try InterestRate(i)
        for x in table.firstAge...table.lastAge {
            let due = table.annuityDue(x, rate: rate)
            let next = x < table.lastAge ? table.annuityDue(x + 1, rate: rate) : 0
            #expect(close(table.wholeLifeAssurance(x, rate: rate), 1 - rate.d * due), "A = 1 − dä at \(x)")
            #expect(close(due, 1 + rate.v * table.p(x) * next), "ä recursion at \(x)")
            #expect(close(table.annuityImmediate(x, rate: rate), rate.v * table.p(x) * next), "a = v p ä' at \(x)")
            #expect(close(table.annuityImmediate(x, rate: rate), due - 1), "a = ä − 1 at \(x)")
        }
    }

    @Test("ä^(m) under UDD: the fractional-survival sum equals α(m)·äₓ − β(m) and the batch pass", arguments: cases)
    func mthlyUDD(_ sex: Sex, _ i: Double) throws {
        let mortality = try MortalityTable.loadCSV(path: tmiPath, sex: sex)
        let table = LifeTable(mortality)
        let rate = try InterestRate(i)
        for m in [2, 4, 12] {
            let batch = try AnnuityPricer(rate: rate, paymentsPerYear: m).priceAllAges(mortality)
            for x in table.firstAge...table.lastAge {
                let sum = table.annuityDue(x, paymentsPerYear: m, rate: rate, method: .uddExact)
                let closedForm = rate.uddAlpha(m) * table.annuityDue(x, rate: rate) - rate.uddBeta(m)
                #expect(close(sum, closedForm, 1e-11), "m=\(m) x=\(x): sum \(sum) vs α ä − β \(closedForm)")
                #expect(close(batch.mthlyAnnuityDue[x], sum, 1e-11), "m=\(m) x=\(x): batch vs sum")
                #expect(close(table.annuityDue(x, paymentsPerYear: m, rate: rate, method: .uddClosedForm), closedForm))
            }
        }
    }

    @Test("The batch pass equals the per-age functions: äₓ, Aₓ at every age", arguments: cases)
    func batchEqualsScalar(_ sex: Sex, _ i: Double) throws {
        let mortality = try MortalityTable.loadCSV(path: tmiPath, sex: sex)
        let table = LifeTable(mortality)
        let rate = try InterestRate(i)
        let batch = try AnnuityPricer(rate: rate, paymentsPerYear: 12).priceAllAges(mortality)
        for x in table.firstAge...table.lastAge {
            #expect(close(batch.annuityDue[x], table.annuityDue(x, rate: rate)))
            #expect(close(batch.assurance[x], table.wholeLifeAssurance(x, rate: rate)))
        }
    }

    /// The project's fact sheet (shared/data/indonesia-asn-facts.md §7) derives from this table
    /// e₀ = 78.9 (M) / 82.9 (F), e₅₈ = 25.1 / 27.9, e₆₀ = 23.6 / 26.2, e₆₅ = 19.7 / 22.1: the
    /// complete expectation of life, e̊ₓ = eₓ + 1/2, to one decimal.
    @Test("Complete expectation of life agrees with the fact sheet's derived figures")
    func lifeExpectancy() throws {
        let expected: [(Sex, Int, Double)] = [
            (.male, 0, 78.9), (.male, 58, 25.1), (.male, 60, 23.6), (.male, 65, 19.7),
            (.female, 0, 82.9), (.female, 58, 27.9), (.female, 60, 26.2), (.female, 65, 22.1),
        ]
        for (sex, x, value) in expected {
            let table = LifeTable(try MortalityTable.loadCSV(path: tmiPath, sex: sex))
            expectPublished(table.completeExpectation(x), value, decimals: 1, "e̊_\(x) \(sex)")
            // e_x = Σ_{k≥1} ₖpₓ computed independently from l: Σ l_{x+k} / l_x.
            let fromL = (1...(table.lastAge + 1 - x)).reduce(0.0) { $0 + table.l(x + $1) } / table.l(x)
            #expect(close(table.curtateExpectation(x), fromL, 1e-12))
        }
    }
}
