import Foundation
import PensiunRandom
import Testing
@testable import PensiunActuarial

/// Lifetimes drawn with GSL: the mean present value of a life annuity-due agrees with äₓ.
@Suite("Monte Carlo lifetimes")
struct MonteCarloLifetimeTests {
    @Test("Mean PV of an annuity-due over 20,000 simulated lives is within 4 standard errors of äₓ",
          arguments: [(Sex.male, 58), (Sex.female, 65), (Sex.male, 30)])
    func annuityDueMean(_ sex: Sex, _ age: Int) throws {
        let table = LifeTable(try MortalityTable.loadCSV(path: tmiPath, sex: sex))
        let rate = try InterestRate(0.07)
        var generator = try RandomGenerator(kind: .mt19937, seed: 20_190_101)
        let lives = 20_000
        var sum = 0.0, sumSquares = 0.0
        for _ in 0..<lives {
            // K whole years survived: payments at 0, 1, …, K, worth ä_{K+1⌉} = (1 − v^{K+1})/d.
            let k = table.curtateFutureLifetime(from: age, uniform: generator.uniform())
            let pv = rate.annuityCertainDue(k + 1)
            sum += pv
            sumSquares += pv * pv
        }
        let mean = sum / Double(lives)
        let variance = (sumSquares - Double(lives) * mean * mean) / Double(lives - 1)
        let standardError = (variance / Double(lives)).squareRoot()
        let exact = table.annuityDue(age, rate: rate)
        #expect(abs(mean - exact) <= 4 * standardError, "mean \(mean), ä \(exact), s.e. \(standardError)")
        // The variance of the PV is (²Aₓ − Aₓ²)/d²; the sample variance must be near it.
        let A = table.wholeLifeAssurance(age, rate: rate)
        let A2 = try table.secondMomentWholeLifeAssurance(age, rate: rate)
        let theoretical = (A2 - A * A) / (rate.d * rate.d)
        #expect(abs(variance / theoretical - 1) < 0.05, "variance \(variance) vs \(theoretical)")
    }

    @Test("The inverse survival draw has P(K ≥ k) = ₖpₓ at the boundaries")
    func inverseBoundaries() throws {
        let table = LifeTable(try MortalityTable.loadCSV(path: tmiPath, sex: .male))
        #expect(table.curtateFutureLifetime(from: 60, uniform: 0) == 111 - 60)  // u = 0: survives to the closing age
        let p = table.p(60)
        #expect(table.curtateFutureLifetime(from: 60, uniform: p) == 0)  // ₁p₆₀ = u is not > u: dies in the first year
        #expect(table.curtateFutureLifetime(from: 60, uniform: p.nextDown) >= 1)
        #expect(table.curtateFutureLifetime(from: 111, uniform: 0) == 0)  // q = 1 at the closing age
    }
}
