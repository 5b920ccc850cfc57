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

    @Option(name: .customLong("path-range"), help: "Generate only paths A..<B of the run (the same values as in the whole run).")
    var pathRange: PathRange?

    func validate() throws {
        if let pathRange, let paths = monteCarlo.paths, pathRange.upper > paths {
            throw ValidationError("--path-range \(pathRange.lower)..\(pathRange.upper) goes beyond --paths \(paths).")
        }
    }

    func run() throws {
        let outcome = try ESGRun.generate(scenario: input.scenario, overrides: input.overrides, paths: monteCarlo.paths,
                                          range: pathRange.map { $0.lower..<$0.upper }, seed: monteCarlo.seed,
                                          threads: monteCarlo.resolvedThreads, out: out)
        print(outcome.summary, terminator: "")
        print("Wrote \(outcome.rows) rows to \(outcome.file)")
    }
}
