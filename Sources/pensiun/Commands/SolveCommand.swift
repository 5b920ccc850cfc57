import ArgumentParser
import PensiunRuns

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

    var bracketProblem: ValidationError {
        ValidationError("--bracket expects LOW,HIGH with LOW < HIGH, such as 0.02,0.20 (got '\(bracket)').")
    }

    func validate() throws {
        if bounds() == nil { throw bracketProblem }
        if let tolerance, !(tolerance > 0) { throw ValidationError("--tolerance must be positive (got \(tolerance)).") }
        if maxRuns < 2 { throw ValidationError("--max-runs must be at least 2 (got \(maxRuns)).") }
    }

    func run() throws {
        guard let (low, high) = bounds() else { throw bracketProblem }
        let answer = try LeverSearch.solve(
            LeverSearch.Request(scenario: input.scenario, overrides: input.overrides, lever: lever, target: target, low: low, high: high,
                                tolerance: tolerance, integer: integer, maxRuns: maxRuns, paths: monteCarlo.paths,
                                seed: monteCarlo.seed, threads: monteCarlo.resolvedThreads),
            progress: { line in if !verbosity.quiet { progressLine(line) } })
        print(answer.text, terminator: "")
    }
}
