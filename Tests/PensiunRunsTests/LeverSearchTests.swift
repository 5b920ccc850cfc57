import Foundation
import PensiunRuns
import Testing

/// `LeverSearch`, `pensiun solve`'s entry point: a known root of a statistic linear in the lever,
/// and the refusals when the target lies outside the bracket or does not parse.
@Suite struct LeverSearchTests {
    /// Zero volatility everywhere (every path the deterministic one), a short horizon.
    static let deterministic = [
        "economy.inflation.volatility=0", "economy.real_wage_growth.volatility=0", "economy.real_gdp_growth.volatility=0",
        "economy.bond_yield.volatility=0", "economy.equity.log_volatility=0", "mortality.kappa_volatility=0",
        "simulation.horizon=8",
    ]
    static let lever = "reform.dc.employer_rate"

    func request(target: String, low: Double = 0, high: Double = 0.2, tolerance: Double? = 1e-7, maxRuns: Int = 40)
        -> LeverSearch.Request {
        LeverSearch.Request(scenario: Fixtures.synthetic, overrides: Self.deterministic, lever: Self.lever, target: target,
                            low: low, high: high, tolerance: tolerance, maxRuns: maxRuns, paths: 2, threads: 1)
    }

    /// The reform's mean employer contributions in 2030 per unit of the employer rate: they are
    /// c_r × (the DC members' contribution base), and the base does not depend on c_r. One run,
    /// shared by the tests.
    static let measuredSlope = Result { try measureSlope() }
    func slope() throws -> Double { try Self.measuredSlope.get() }

    static func measureSlope() throws -> Double {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let run = try ScenarioRun.run(ScenarioRun.Request(
            scenario: Fixtures.synthetic, overrides: Self.deterministic + ["\(Self.lever)=0.1"], paths: 2, threads: 1,
            out: base.appendingPathComponent("run").path, version: "test"))
        let row = try #require(run.report.yearly.first { $0.scheme == .reform && $0.year == 2030 && $0.metric == "contributions_employer" })
        let mean = try #require(row.summary?.mean)
        guard mean > 0 else { throw InputError("no employer contributions in 2030 at \(Self.lever) = 0.1") }
        return mean / 0.1
    }

    @Test func findsTheKnownRootOfALinearStatistic() throws {
        let goal = try slope() * 0.0737
        var progress: [String] = []
        let answer = try LeverSearch.solve(request(target: "mean(contributions_employer@2030) >= \(goal)", tolerance: 1e-5)) {
            progress.append($0)
        }
        let s = answer.solution
        #expect(s.value >= 0.0737 - 1e-9 && s.value <= 0.0737 + 1e-5, "\(s.value)")
        #expect(s.failing.lever < 0.0737 && s.value - s.failing.lever <= 1e-5)
        #expect(s.atValue.met && !s.failing.met)
        #expect(s.atValue.statistic.value >= goal && s.atValue.statistic.standardError == 0)
        #expect(s.converged)
        // 2 ends, then halvings of 0.2 down to 1e-5: ⌈log2(0.2 / 1e-5)⌉ = 15.
        #expect(s.evaluations.count == 17)
        #expect(progress.count == 17)
        #expect(progress.first == "solve: run 1: reform.dc.employer_rate = 0: mean(reform.contributions_employer@2030) = 0 ± 0 (fails the target)")
        #expect(progress.last?.hasSuffix("(meets the target)") == true || progress.last?.hasSuffix("(fails the target)") == true)
        #expect(answer.paths == 2 && answer.seed == 42 && answer.tolerance == 1e-5)
        #expect(answer.target.description.hasPrefix("mean(reform.contributions_employer@2030) >= "))
        let lines = answer.text.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("reform.dc.employer_rate = 0.073"))
        #expect(lines[2].contains("Monte Carlo standard error 0; 2 paths, seed 42"))
        #expect(lines[4].hasPrefix("  runs      17 (bracket [0, 0.2]"))
        #expect(lines[4].hasSuffix("; tolerance 1e-05)"))
    }

    /// With too few runs the answer is the best bracket end so far and says it stopped early;
    /// without a tolerance the bracket's width / 10,000 is used.
    @Test func runsOutOfRunsAndDefaultsTheTolerance() throws {
        let goal = try slope() * 0.06
        let answer = try LeverSearch.solve(request(target: "mean(contributions_employer@2030) >= \(goal)", tolerance: nil, maxRuns: 4))
        #expect(answer.tolerance == 0.2 / 10_000)
        #expect(!answer.solution.converged)
        #expect(answer.solution.evaluations.count == 4)
        // Runs at 0 (fails), 0.2 (meets), 0.1 (meets), 0.05 (fails).
        #expect(answer.solution.evaluations.map(\.lever) == [0, 0.2, 0.1, 0.05])
        #expect(answer.solution.value == 0.1 && answer.solution.failing.lever == 0.05)
        #expect(answer.text.hasSuffix("  note      stopped after --max-runs 4 runs before reaching the tolerance\n"))
    }

    @Test func aTargetOutsideTheBracketIsReported() throws {
        var progress: [String] = []
        let never = #expect(throws: InputError.self) {
            try LeverSearch.solve(request(target: "mean(contributions_employer@2030) >= 1e12")) { progress.append($0) }
        }
        #expect(never?.message.hasPrefix("no value of reform.dc.employer_rate in [0, 0.2] meets the target mean(reform.contributions_employer@2030) >= 1000000000000: mean(reform.contributions_employer@2030) = 0 at 0 and ") == true,
                "\(String(describing: never))")
        #expect(never?.message.hasSuffix("widen the bracket or relax the target)") == true)
        #expect(progress.count == 2, "both ends, nothing more")
        let always = #expect(throws: InputError.self) {
            try LeverSearch.solve(request(target: "mean(contributions_employer@2030) >= 0"))
        }
        #expect(always?.message.hasPrefix("the target mean(reform.contributions_employer@2030) >= 0 holds at both ends of [0, 0.2] (") == true,
                "\(String(describing: always))")
    }

    @Test func aBadTargetIsRefusedBeforeAnyRun() throws {
        var progress: [String] = []
        #expect(throws: InputError("--target: budget_burden needs a year (for example budget_burden@2050), or P(budget_burden > … any year)")) {
            try LeverSearch.solve(request(target: "mean(budget_burden) >= 1")) { progress.append($0) }
        }
        #expect(throws: InputError.self) { try LeverSearch.solve(request(target: "mean(contributions_employer@2030) about 1")) }
        // A year past the horizon (2025 + 8).
        let late = #expect(throws: InputError.self) { try LeverSearch.solve(request(target: "mean(contributions_employer@2040) >= 1")) }
        #expect(late?.message.hasPrefix("--target: ") == true, "\(String(describing: late))")
        #expect(progress.isEmpty)
    }
}
