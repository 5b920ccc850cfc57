import Foundation
import PensiunScenario

/// The entry point of `pensiun sensitivity`: from the sweep file to the output folder, with
/// progress as whole lines (`sensitivity NAME: …`).
extension SensitivityStudy {
    /// Runs the sensitivity study of the sweep file `file` into `out` (default
    /// `Outputs/sensitivity/<sweep name>`); returns the folder and the result (its table is
    /// ``table(_:)``).
    public static func run(file: String, out: String?, threads: Int, provenance: SweepProvenance,
                           progress: @escaping @Sendable (String) -> Void = { _ in }) throws -> (folder: String, result: Result) {
        let spec = try SweepLoader.load(path: file)
        let folder = out ?? "Outputs/sensitivity/\(spec.name)"
        let (plan, labels) = try SensitivityStudy.plan(spec)
        try plan.validate()
        progress("sensitivity \(spec.name): \(plan.variants.count) variants of \(spec.paths) paths, \(threads) threads")
        let result = try run(spec, plan: plan, labels: labels, out: folder, threads: threads, provenance: provenance,
                             progress: { line in progress("sensitivity \(spec.name): \(line)") })
        return (folder, result)
    }
}
