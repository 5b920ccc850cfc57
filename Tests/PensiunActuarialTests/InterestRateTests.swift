import Foundation
import Testing
@testable import PensiunActuarial

@Suite("Interest rates and annuities-certain")
struct InterestRateTests {
    @Test("Rates must be finite and greater than −1")
    func invalidRates() throws {
        let expected = "interest rate -1.0 is not allowed: expected a finite rate greater than -100% (-1), e.g. 0.05 for 5%"
        #expect(errorMessage { _ = try InterestRate(-1) } == expected)
        #expect(errorMessage { _ = try InterestRate(-2.5, name: "--rate") }
                == "--rate -2.5 is not allowed: expected a finite rate greater than -100% (-1), e.g. 0.05 for 5%")
        #expect(errorMessage { _ = try InterestRate(.nan) } != nil)
        #expect(errorMessage { _ = try InterestRate(.infinity) } != nil)
        #expect(errorMessage { _ = try InterestRate(0.05).netOfEscalation(-1) }
                == "escalation rate -1.0 is not allowed: expected a finite rate greater than -100% (-1), e.g. 0.05 for 5%")
        let negative = try InterestRate(-0.02)
        #expect(negative.v > 1 && negative.d < 0)
    }

    @Test("v, d, δ, i^(m), d^(m) and the UDD coefficients at i = 0 and near it")
    func derived() throws {
        let i = try InterestRate(0.05)
        #expect(close(i.v, 1 / 1.05) && close(i.d, 0.05 / 1.05) && close(i.delta, log(1.05)))
        #expect(close(i.nominalInterest(12), 12 * (pow(1.05, 1.0 / 12) - 1)))
        #expect(close(i.nominalDiscount(12), 12 * (1 - pow(1.05, -1.0 / 12))))
        #expect(close(i.uddAlpha(12), i.i * i.d / (i.nominalInterest(12) * i.nominalDiscount(12))))
        #expect(close(i.uddBeta(12), (i.i - i.nominalInterest(12)) / (i.nominalInterest(12) * i.nominalDiscount(12))))
        #expect(i.uddAlpha(1) == 1 && abs(i.uddBeta(1)) < 1e-15)
        let zero = try InterestRate(0)
        #expect(zero.uddAlpha(12) == 1 && zero.uddBeta(12) == 11.0 / 24)
        // Continuity at 0: the series branch.
        let tiny = try InterestRate(1e-7)
        #expect(abs(tiny.uddAlpha(12) - 1) < 1e-8)
        #expect(abs(tiny.uddBeta(12) - 11.0 / 24) < 1e-7)
        let small = try InterestRate(5e-4)  // still the series branch (δ < 1e-3)
        let direct = (small.i - small.nominalInterest(12)) / (small.nominalInterest(12) * small.nominalDiscount(12))
        #expect(abs(small.uddBeta(12) - direct) < 1e-6)
        #expect(close(try i.doubledForce().i, 1.05 * 1.05 - 1))
        #expect(close(try i.netOfEscalation(0.02).i, 1.05 / 1.02 - 1))
    }

    @Test("Annuities-certain: ä_n = (1 − vⁿ)/d and a_n = (1 − vⁿ)/i equal their sums", arguments: [0.0, 0.05, -0.01])
    func annuitiesCertain(_ rate: Double) throws {
        let i = try InterestRate(rate)
        for n in [0, 1, 10, 40] {
            let due = (0..<max(n, 0)).reduce(0.0) { $0 + pow(1 + rate, -Double($1)) }
            let immediate = (0..<max(n, 0)).reduce(0.0) { $0 + pow(1 + rate, -Double($1 + 1)) }
            #expect(close(i.annuityCertainDue(n), due, 1e-12))
            #expect(close(i.annuityCertainImmediate(n), immediate, 1e-12))
        }
    }
}
