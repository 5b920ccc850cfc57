import Foundation
import PensiunEngine
import PensiunInputs
import PensiunScenario
import PensiunSweep

/// `pensiun solve`: the value of a policy lever that meets a target, by bracketing and bisection
/// (`LeverSolver`) over projections of one scenario, every one on the same paths.
public enum LeverSearch {
    /// What to solve.
    public struct Request: Sendable {
        public var scenario: String
        public var overrides: [String]
        /// The scenario key to vary (`reform.dc.employer_rate`).
        public var lever: String
        /// STATISTIC OP NUMBER, as given (`median replacement_rate_dc >= 0.40`).
        public var target: String
        /// The lever's search interval, low < high.
        public var low: Double
        public var high: Double
        /// Stop when the bracket is this narrow; nil: its initial width / 10,000.
        public var tolerance: Double?
        /// The lever takes whole numbers.
        public var integer: Bool
        public var maxRuns: Int
        public var paths: Int?
        public var seed: UInt64?
        public var threads: Int

        public init(scenario: String, overrides: [String] = [], lever: String, target: String, low: Double, high: Double,
                    tolerance: Double? = nil, integer: Bool = false, maxRuns: Int = 40, paths: Int? = nil, seed: UInt64? = nil,
                    threads: Int) {
            self.scenario = scenario
            self.overrides = overrides
            self.lever = lever
            self.target = target
            self.low = low
            self.high = high
            self.tolerance = tolerance
            self.integer = integer
            self.maxRuns = maxRuns
            self.paths = paths
            self.seed = seed
            self.threads = threads
        }
    }

    /// The answer, with what it took.
    public struct Answer: Sendable {
        public let request: Request
        public let target: Target
        public let solution: LeverSolver.Solution
        public let paths: Int
        public let seed: UInt64
        public let tolerance: Double

        /// The lines `solve` prints: the value, the target, what it achieves, where it fails, the runs.
        public var text: String {
            let r = request, expression = target.expression, a = solution.atValue
            var lines = [
                "\(r.lever) = \(ParameterDomain.text(solution.value))",
                "  target    \(target)",
                "  achieved  \(expression) = \(number(a.statistic.value)) (Monte Carlo standard error \(number(a.statistic.standardError)); \(paths) paths, seed \(seed))",
                "  fails at  \(r.lever) = \(ParameterDomain.text(solution.failing.lever)) (\(expression) = \(number(solution.failing.statistic.value)))",
                "  runs      \(solution.evaluations.count) (bracket [\(ParameterDomain.text(r.low)), \(ParameterDomain.text(r.high))] narrowed to a width of \(number(abs(solution.failing.lever - solution.value)))\(r.integer ? "" : "; tolerance \(number(tolerance))"))",
            ]
            if !solution.converged {
                lines.append("  note      stopped after --max-runs \(r.maxRuns) runs before reaching the tolerance")
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// Solves `request`; `progress` gets one line per projection run. A target that does not
    /// parse, a bracket whose ends agree on the target, a statistic without a value and a lever
    /// value the scenario refuses are bad input (``InputError``, or the scenario's `ScenarioError`).
    public static func solve(_ request: Request, progress: (String) -> Void = { _ in }) throws -> Answer {
        let r = request
        let goal: Target
        do {
            goal = try Target.parse(r.target)
        } catch {
            throw InputError("--target: \(error.message)")
        }
        let template = try ScenarioTemplate.load(path: r.scenario, overrides: r.overrides)
        let base = try template.resolve()
        _ = try RunChecks.projection(of: base)
        let expression = goal.expression.defaulting(to: .reform)
        if let q = expression.quantity, let problem = q.yearProblem(startYear: base.simulation.startYear, horizon: base.simulation.horizon) {
            throw InputError("--target: \(problem)")
        }
        let paths = r.paths ?? base.simulation.paths
        let seed = r.seed ?? base.simulation.seed
        let tolerance = r.tolerance ?? (r.high - r.low) / 10_000
        let leverLocation = SourceLocation(file: "--lever", line: nil, column: nil)
        var runs = 0
        func evaluate(_ x: Double) throws -> EstimatedStatistic {
            runs += 1
            let text = ParameterDomain.text(x)
            let s = try template.resolve([ScenarioOverride(key: r.lever, text: text, location: leverLocation)])
            guard let inputs = s.projection else { throw InputError("\(r.scenario): \(r.lever) = \(text): the scenario has no projection") }
            let results: ProjectionResults
            do {
                results = try MonteCarloProjection(inputs: inputs).run(paths: 0..<paths, seed: seed, threads: r.threads)
            } catch {
                throw InputError("\(r.scenario): \(r.lever) = \(text): \(error)")
            }
            let statistic = PathStatistics.evaluate(expression, in: results)
            let verdict = statistic.value.isNaN ? "no value" : (goal.isMet(by: statistic.value) ? "meets the target" : "fails the target")
            progress("solve: run \(runs): \(r.lever) = \(text): \(expression) = \(number(statistic.value)) ± \(number(statistic.standardError)) (\(verdict))")
            return statistic
        }
        let target = Target(expression: expression, comparison: goal.comparison, threshold: goal.threshold)
        let (low, high) = (ParameterDomain.text(r.low), ParameterDomain.text(r.high))
        do {
            let solution = try LeverSolver.solve(target: target, low: r.low, high: r.high, tolerance: tolerance, integer: r.integer,
                                                 maxRuns: r.maxRuns, evaluate: evaluate)
            return Answer(request: r, target: target, solution: solution, paths: paths, seed: seed, tolerance: tolerance)
        } catch let failure as LeverSolver.Failure {
            switch failure {
            case let .neverMet(a, b):
                throw InputError("no value of \(r.lever) in [\(low), \(high)] meets the target \(target): \(expression) = \(number(a.statistic.value)) at \(ParameterDomain.text(a.lever)) and \(number(b.statistic.value)) at \(ParameterDomain.text(b.lever)) (assuming it moves monotonically with the lever: widen the bracket or relax the target)")
            case let .alwaysMet(a, b):
                throw InputError("the target \(target) holds at both ends of [\(low), \(high)] (\(expression) = \(number(a.statistic.value)) at \(ParameterDomain.text(a.lever)) and \(number(b.statistic.value)) at \(ParameterDomain.text(b.lever))): the value where it stops holding lies outside the bracket; widen it")
            case let .undefined(e):
                throw InputError("\(expression) has no value at \(r.lever) = \(ParameterDomain.text(e.lever)): no path has one (a replacement rate needs retirements in its years)")
            }
        }
    }

    /// Six significant digits; n/a for no value.
    static func number(_ x: Double) -> String { x.isFinite ? String(format: "%.6g", x) : "n/a" }
}
