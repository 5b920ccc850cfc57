import Testing
import PensiunScenario
@testable import PensiunSweep

@Suite struct LeverSolverTests {
    func exact(_ value: Double) -> EstimatedStatistic { EstimatedStatistic(value: value, standardError: 0, count: 1) }

    @Test func bisectionFindsTheRootOfAMonotoneStatistic() throws {
        // Statistic 3x + 1 ≥ 1.5 holds from x = 1/6 on.
        let target = try Target.parse("mean(pv_difference) >= 1.5")
        let s = try LeverSolver.solve(target: target, low: 0, high: 1, tolerance: 1e-9) { exact(3 * $0 + 1) }
        #expect(abs(s.value - 1.0 / 6) < 1e-9)
        #expect(s.value >= 1.0 / 6 && s.failing.lever < 1.0 / 6)
        #expect(s.converged)
        #expect(s.evaluations.count == 2 + 30)
    }

    @Test func aDecreasingStatisticKeepsTheMeetingEnd() throws {
        // P(...) = 1 − x ≤ 0.25 holds from x = 0.75 on.
        let target = try Target.parse("P(burden_pct_gdp > 0.01 any year) <= 0.25")
        let s = try LeverSolver.solve(target: target, low: 0, high: 1, tolerance: 1e-6) { exact(1 - $0) }
        #expect(abs(s.value - 0.75) <= 1e-6 && s.atValue.met && !s.failing.met)
    }

    @Test func integerLeversStopAtNeighbours() throws {
        let target = try Target.parse("median replacement_rate_dc >= 0.4")
        let s = try LeverSolver.solve(target: target, low: 55, high: 70, tolerance: 0.5, integer: true) { exact(($0 - 50) / 20) }
        #expect(s.value == 58 && s.failing.lever == 57)
        #expect(s.evaluations.allSatisfy { $0.lever == $0.lever.rounded() })
    }

    @Test func aTargetNoValueMeetsIsAFailureNotAGuess() throws {
        let target = try Target.parse("mean(pv_difference) < -5")
        #expect(throws: LeverSolver.Failure.self) {
            try LeverSolver.solve(target: target, low: 0, high: 1, tolerance: 1e-3) { exact($0) }
        }
        let always = try Target.parse("mean(pv_difference) > -5")
        do {
            _ = try LeverSolver.solve(target: always, low: 0, high: 1, tolerance: 1e-3) { exact($0) }
            Issue.record("expected a failure")
        } catch let LeverSolver.Failure.alwaysMet(a, b) {
            #expect(a.lever == 0 && b.lever == 1)
        }
    }

    @Test func maxRunsStopsTheSearch() throws {
        let target = try Target.parse("mean(pv_difference) >= 0.5")
        let s = try LeverSolver.solve(target: target, low: 0, high: 1, tolerance: 1e-12, maxRuns: 5) { exact($0) }
        #expect(s.evaluations.count == 5 && !s.converged)
    }
}
