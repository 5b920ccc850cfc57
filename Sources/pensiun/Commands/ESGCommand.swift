import ArgumentParser
import PensiunRuns
import PensiunReporting

/// `pensiun esg`: the economic scenario generator alone.
struct ESGCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "esg",
        abstract: "Generate economic scenarios (inflation, wages, GDP, yields, returns) for a scenario.",
        discussion: """
        Writes one CSV row per path and year with the columns
        \(ESGTable.header)
        and prints means and 5/50/95% quantiles by variable.
        """
    )

    @OptionGroup var input: ScenarioArguments

    @OptionGroup var monteCarlo: MonteCarloOptions

    @Option(help: "CSV file to write (default: Outputs/esg/<scenario name>.csv, beside the run folders, not in one).")
    var out: String?

    @OptionGroup var shard: PathRangeOption

    func validate() throws {
        try shard.check(paths: monteCarlo.paths, needsPaths: false)
    }

    func run() throws {
        let outcome = try ESGRun.generate(scenario: input.scenario, overrides: input.overrides, paths: monteCarlo.paths,
                                          range: shard.range, seed: monteCarlo.seed,
                                          threads: monteCarlo.resolvedThreads, out: out)
        print(outcome.summary, terminator: "")
        print("Wrote \(outcome.rows) rows to \(outcome.file)")
    }
}
