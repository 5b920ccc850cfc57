import ArgumentParser
import PensiunSweep

/// `pensiun sensitivity`: Sobol indices of chosen outputs with respect to a sweep file's parameters.
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "First-order and total Sobol indices of outputs with respect to a sweep file's parameters.",
        discussion: """
        Runs the N(d + 2) variants of Saltelli's scheme (matrices A, B and A_B^(i); N from \
        sensitivity.samples) on common random numbers, estimates the indices with Jansen's \
        estimators and their bootstrap confidence intervals, prints them ranked by total index, and \
        writes sensitivity.csv, outputs.csv, variants.csv and manifest.json. Interrupted studies \
        resume like sweeps. See docs/sweeps.md.
        """
    )

    @Argument(help: "The sweep file (YAML) whose parameters and sensitivity section define the study.")
    var file: String

    @Option(help: "The output folder (default: Outputs/sensitivity/<sweep name>).")
    var out: String?

    @OptionGroup var threading: ThreadsOption

    @OptionGroup var verbosity: QuietOption

    func run() throws {
        let quiet = verbosity.quiet
        let (folder, result) = try SensitivityStudy.run(
            file: file, out: out, threads: threading.resolved,
            provenance: SweepProvenance(version: PensiunVersion.string, gitCommit: GitInfo.commit()),
            progress: { line in if !quiet { progressLine(line) } })
        print(SensitivityStudy.table(result), terminator: "")
        if !quiet { print("Wrote \(folder)/") }
    }
}
