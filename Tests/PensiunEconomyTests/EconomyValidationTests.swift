import Testing
@testable import PensiunEconomy

@Suite struct EconomyValidationTests {
    @Test func aValidEconomyHasNoProblems() {
        #expect(testEconomy().problems().isEmpty)
    }

    @Test func negativeVolatilityIsNamedByItsKey() {
        var p = testEconomy()
        p.bondYield.volatility = -0.01
        #expect(p.problems() == [ParameterProblem(
            key: "economy.bond_yield.volatility", message: "must be ≥ 0 (expected a volatility, got -0.01)")])
    }

    @Test func aCorrelationMatrixThatIsNotPositiveDefiniteIsRejected() {
        var p = testEconomy()
        p.correlation[0][1] = 0.99; p.correlation[1][0] = 0.99
        p.correlation[0][2] = 0.99; p.correlation[2][0] = 0.99
        p.correlation[1][2] = -0.99; p.correlation[2][1] = -0.99
        let problems = p.problems()
        #expect(problems.count == 1)
        #expect(problems.first?.key == "economy.correlation")
        #expect(problems.first?.message.hasPrefix("must be symmetric positive definite") == true)
        #expect(throws: EconomyParametersError.self) {
            _ = try EconomicScenarioGenerator(parameters: p, startYear: 2019, horizon: 5)
        }
    }

    @Test func otherCorrelationShapesAreRejected() {
        #expect(CorrelationCheck.problem([[1]])?.hasPrefix("must be a 5×5 matrix") == true)
        var m = EconomyParameters.uncorrelated
        m[2][2] = 0.9
        #expect(CorrelationCheck.problem(m) == "diagonal entries must be 1 (expected 1, got 0.9 in row 3)")
        m = EconomyParameters.uncorrelated
        m[0][1] = 0.3
        #expect(CorrelationCheck.problem(m)?.contains("not symmetric") == true)
    }

    @Test func studentTNeedsMoreThanTwoDegreesOfFreedom() {
        var p = testEconomy()
        p.equityShocks = .studentT(degreesOfFreedom: 2)
        #expect(p.problems().map(\.key) == ["economy.equity.degrees_of_freedom"])
    }
}
