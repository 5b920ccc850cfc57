import ArgumentParser
import Foundation
import PensiunEngine
import PensiunScenario
import PensiunSweep

/// `pensiun solve`: the value of a policy lever that meets a target, by bracketing and bisection.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Find the value of a scenario parameter (a policy lever) at which a target starts to hold.",
        discussion: """
        TARGET is STATISTIC OP NUMBER: median replacement_rate_dc >= 0.40, \
        mean(pv_difference) <= 0, P(burden_pct_gdp > 0.01 any year) <= 0.10, \
        p95(reform.burden_pct_gdp@2050) < 2%. Metrics without a scheme are the reform's. Every run uses \
        the same paths (common random numbers). The ends of --bracket must disagree on the target; \
        when neither meets it, no value is guessed (exit status 2). See docs/sweeps.md.
        """
    )

    @OptionGroup var input: ScenarioArguments

    @Option(help: ArgumentHelp("The scenario key to vary, such as reform.dc.employer_rate.", valueName: "key"))
    var lever: String

    @Option(help: ArgumentHelp("The condition to meet: STATISTIC OP NUMBER.", valueName: "target"))
    var target: String

    @Option(help: ArgumentHelp("The lever's search interval: LOW,HIGH.", valueName: "low,high"))
    var bracket: String

    @Option(help: "Stop when the bracket is this narrow (default: its initial width / 10,000).")
    var tolerance: Double?

    @Flag(help: "The lever takes whole numbers (a retirement age): bisect to neighbouring integers.")
    var integer = false

    @Option(name: .customLong("max-runs"), help: "The most projections to run.")
    var maxRuns = 40

    @OptionGroup var monteCarlo: MonteCarloOptions

    @OptionGroup var verbosity: QuietOption

    func bounds() -> (Double, Double)? {
        let parts = bracket.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let a = Double(parts[0]), let b = Double(parts[1]), a.isFinite, b.isFinite, a < b else { return nil }
        return (a, b)
    }

    func validate() throws {
        if bounds() == nil { throw ValidationError("--bracket expects LOW,HIGH with LOW < HIGH, such as 0.02,0.20 (got '\(bracket)').") }
        if let tolerance, !(tolerance > 0) { throw ValidationError("--tolerance must be positive (got \(tolerance)).") }
        if maxRuns < 2 { throw ValidationError("--max-runs must be at least 2 (got \(maxRuns)).") }
    }

    func run() throws {
        let scenario = input.scenario, overrides = input.overrides
        let goal: Target
        do {
            goal = try Target.parse(target)
        } catch {
            throw failInput("--target: \(error.message)")
        }
        let template: ScenarioTemplate
        let base: Scenario
        do {
            template = try ScenarioTemplate.load(path: scenario, overrides: overrides)
            base = try template.resolve()
        } catch {
            throw failInput(error.description)
        }
        _ = try RunChecks.projection(of: base)
        let expression = goal.expression.defaulting(to: .reform)
        if let q = expression.quantity, let problem = q.yearProblem(startYear: base.simulation.startYear, horizon: base.simulation.horizon) {
            throw failInput("--target: \(problem)")
        }
        let (low, high) = bounds()!
        let paths = monteCarlo.paths ?? base.simulation.paths
        let seed = monteCarlo.seed ?? base.simulation.seed
        let threads = monteCarlo.resolvedThreads
        let tolerance = tolerance ?? (high - low) / 10_000
        let leverLocation = SourceLocation(file: "--lever", line: nil, column: nil)
        var runs = 0
        func evaluate(_ x: Double) throws -> EstimatedStatistic {
            runs += 1
            let text = ParameterDomain.text(x)
            let s: Scenario
            do {
                s = try template.resolve([ScenarioOverride(key: lever, text: text, location: leverLocation)])
            } catch {
                throw failInput(error.description)
            }
            let results: ProjectionResults
            do {
                results = try MonteCarloProjection(inputs: s.projection!).run(paths: 0..<paths, seed: seed, threads: threads)
            } catch {
                throw failInput("\(scenario): \(lever) = \(text): \(error)")
            }
            let statistic = PathStatistics.evaluate(expression, in: results)
            if !verbosity.quiet {
                let verdict = statistic.value.isNaN ? "no value" : (goal.isMet(by: statistic.value) ? "meets the target" : "fails the target")
                progressLine("solve: run \(runs): \(lever) = \(text): \(expression) = \(number(statistic.value)) ± \(number(statistic.standardError)) (\(verdict))")
            }
            return statistic
        }
        let target = Target(expression: expression, comparison: goal.comparison, threshold: goal.threshold)
        let solution: LeverSolver.Solution
        do {
            solution = try LeverSolver.solve(target: target, low: low, high: high, tolerance: tolerance, integer: integer,
                                             maxRuns: maxRuns, evaluate: evaluate)
        } catch let failure as LeverSolver.Failure {
            switch failure {
            case let .neverMet(a, b):
                throw failInput("no value of \(lever) in [\(ParameterDomain.text(low)), \(ParameterDomain.text(high))] meets the target \(target): \(expression) = \(number(a.statistic.value)) at \(ParameterDomain.text(a.lever)) and \(number(b.statistic.value)) at \(ParameterDomain.text(b.lever)) (assuming it moves monotonically with the lever: widen the bracket or relax the target)")
            case let .alwaysMet(a, b):
                throw failInput("the target \(target) holds at both ends of [\(ParameterDomain.text(low)), \(ParameterDomain.text(high))] (\(expression) = \(number(a.statistic.value)) at \(ParameterDomain.text(a.lever)) and \(number(b.statistic.value)) at \(ParameterDomain.text(b.lever))): the value where it stops holding lies outside the bracket; widen it")
            case let .undefined(e):
                throw failInput("\(expression) has no value at \(lever) = \(ParameterDomain.text(e.lever)): no path has one (a replacement rate needs retirements in its years)")
            }
        }
        let a = solution.atValue
        print("\(lever) = \(ParameterDomain.text(solution.value))")
        print("  target    \(target)")
        print("  achieved  \(expression) = \(number(a.statistic.value)) (Monte Carlo standard error \(number(a.statistic.standardError)); \(paths) paths, seed \(seed))")
        print("  fails at  \(lever) = \(ParameterDomain.text(solution.failing.lever)) (\(expression) = \(number(solution.failing.statistic.value)))")
        let width = abs(solution.failing.lever - solution.value)
        print("  runs      \(solution.evaluations.count) (bracket [\(ParameterDomain.text(low)), \(ParameterDomain.text(high))] narrowed to a width of \(number(width))\(integer ? "" : "; tolerance \(number(tolerance))"))")
        if !solution.converged {
            print("  note      stopped after --max-runs \(maxRuns) runs before reaching the tolerance")
        }
    }

    func number(_ x: Double) -> String { x.isFinite ? String(format: "%.6g", x) : "n/a" }
}
