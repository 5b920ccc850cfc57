import ArgumentParser
import Foundation
import PensiunScenario
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
        let spec = try SweepLoader.load(path: file)
        let folder = out ?? "Outputs/sensitivity/\(spec.name)"
        let threads = threading.resolved
        let quiet = verbosity.quiet
        let name = spec.name
        let (plan, labels) = try SensitivityStudy.plan(spec)
        try plan.validate()
        if !quiet {
            progressLine("sensitivity \(name): \(plan.variants.count) variants of \(spec.paths) paths, \(threads) threads")
        }
        let result = try namingOut { try SensitivityStudy.run(
            spec, plan: plan, labels: labels, out: folder, threads: threads,
            provenance: SweepProvenance(version: PensiunVersion.string, gitCommit: GitInfo.commit()),
            progress: { line in if !quiet { progressLine("sensitivity \(name): \(line)") } }) }
        print(SensitivityStudy.table(result), terminator: "")
        if !quiet { print("Wrote \(folder)/") }
    }
}
