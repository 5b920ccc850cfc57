import Foundation
import Testing
@testable import PensiunActuarial

/// The projected mortality rate's three factors (docs/model.md §4), by hand.
@Suite("Mortality rate")
struct MortalityRateTests {
    @Test("Improvement, uncapped rate, period factor and cap, by hand")
    func mortalityRateByHand() throws {
        // (1 − 0.02)^10 and, before the base year, (1 − 0.02)^−2.
        #expect(abs(MortalityRate.improvementFactor(rate: 0.02, years: 10) - 0.8170728068875467) < 1e-15)
        #expect(abs(MortalityRate.improvementFactor(rate: 0.02, years: -2) - 1 / (0.98 * 0.98)) < 1e-15)
        #expect(MortalityRate.improvementFactor(rate: 0.02, years: 0) == 1)
        #expect(MortalityRate.uncapped(scaledBase: 0.01, improvementFactor: 0.5) == 0.005)
        // κ = 0 gives exactly 1 whatever β; otherwise exp(−β κ).
        #expect(MortalityRate.periodFactor(beta: 3, kappa: 0) == 1)
        #expect(abs(MortalityRate.periodFactor(beta: 0.5, kappa: 2) - exp(-1.0)) < 1e-16)
        #expect(MortalityRate.capped(uncapped: 0.1, periodFactor: 0.5) == 0.05)
        #expect(MortalityRate.capped(uncapped: 2, periodFactor: 0.9) == 1)
        // MortalityProjection's q is the three factors composed: f = 0.9, q_base = 0.01 at age 60,
        // 1% improvement a year, 5 years after the base year, β = 2, κ = 0.1.
        let base = try MortalityTable(firstAge: 60, rates: [0.01, 0.02, 1], basis: "by hand")
        let projection = try MortalityProjection(base: base, factor: 0.9, baseYear: 2019,
                                                 improvementRates: [0.01, 0.01, 0], kappaLoadings: [2, 2, 2])
        let expected = 0.9 * 0.01 * pow(0.99, 5) * exp(-0.2)
        #expect(abs(projection.q(age: 60, year: 2024, kappa: 0.1) - expected) < 1e-17)
        #expect(projection.q(age: 62, year: 2024, kappa: 0.1) == 1)
    }
}
