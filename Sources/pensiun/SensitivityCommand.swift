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

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Flag(help: "Print nothing but errors and the table (no progress).")
    var quiet = false

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads)).") }
    }

    func run() throws {
        let spec = try loadSweep(file)
        let folder = out ?? "Outputs/sensitivity/\(spec.name)"
        let threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
        let quiet = quiet
        let name = spec.name
        do {
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
        } catch let error as SweepError {
            throw failInput(error.message)
        } catch let error as ScenarioError {
            throw failInput(error.description)
        }
    }
}
