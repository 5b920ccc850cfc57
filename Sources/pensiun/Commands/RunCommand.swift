import ArgumentParser
import Foundation
import PensiunReporting
import PensiunRuns

/// `pensiun run`: both schemes on common random paths; prints the comparison and writes the run folder.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Project the current scheme and the reform on the same Monte Carlo paths.",
        discussion: """
        Prints the comparison (PV of the budget burden, peaks, breakeven, the burden by decade,
        replacement rates, the implicit pension debt and the calibration) and writes
        Outputs/<scenario name>/ with summary.md, summary.json, yearly.csv, cashflows.csv (the
        burden by decade), composition.csv (the burden's parts by year), paths.csv, profiles.csv,
        report.html and manifest.json.
        """
    )

    @OptionGroup var input: ScenarioArguments

    @OptionGroup var monteCarlo: MonteCarloOptions

    @Option(help: "The run folder (default: Outputs/<scenario name>).")
    var out: String?

    @OptionGroup var verbosity: QuietOption

    @OptionGroup var shard: PathRangeOption

    @Flag(help: "Take over the output folder's lock even if its holder seems alive (after that process is gone).")
    var force = false

    @OptionGroup var memory: MemoryLimitOption

    func validate() throws {
        try shard.check(paths: monteCarlo.paths, needsPaths: true)
        if memory.stream && shard.range != nil {
            throw ValidationError("--stream: a shard (--path-range) keeps its results for pensiun merge")
        }
    }

    func run() throws {
        let outcome = try ScenarioRun.run(
            ScenarioRun.Request(scenario: input.scenario, overrides: input.overrides, paths: monteCarlo.paths,
                                range: shard.range, seed: monteCarlo.seed,
                                threads: monteCarlo.resolvedThreads, out: out, force: force,
                                version: PensiunVersion.string, gitCommit: GitInfo.commit(),
                                memoryLimit: memory.bytes, forceStreaming: memory.stream),
            progress: { [quiet = verbosity.quiet] paths in ProgressReporter.make(total: paths, quiet: quiet) },
            notice: { [quiet = verbosity.quiet] line in if !quiet { progressLine(line) } })
        if let leftover = outcome.leftover { warnKept(leftover) }
        if !verbosity.quiet {
            for warning in outcome.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
            print(SummaryText.render(outcome.report), terminator: "")
            print("Wrote \(outcome.folder)/")
        }
    }
}
