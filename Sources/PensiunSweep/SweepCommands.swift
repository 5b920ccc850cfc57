import Foundation
import PensiunScenario

/// The entry points of `pensiun sweep` and `pensiun sensitivity`: from the sweep file to the
/// output folder, with progress as whole lines (`sweep NAME: …`, `sensitivity NAME: …`).
extension SweepDriver {
    /// What `sweep` wrote.
    public struct FileOutcome: Sendable {
        /// The output folder (`out`, or its default).
        public let folder: String
        public let outcome: Outcome
    }

    /// Runs every variant of the sweep file `file` (with `shard`, its share I/N) into `out`
    /// (default `Outputs/sweeps/<sweep name>`, plus `/shard-I-of-N` for a shard).
    public static func run(file: String, out: String?, threads: Int, shard: SweepShard?, provenance: SweepProvenance,
                           progress: @escaping @Sendable (String) -> Void = { _ in }) throws -> FileOutcome {
        let (spec, plan) = try SweepPlan.load(path: file)
        let folder = out ?? "Outputs/sweeps/\(spec.name)" + (shard.map { "/shard-\($0.index)-of-\($0.count)" } ?? "")
        let prefix = "sweep \(spec.name)" + (shard.map { " (shard \($0))" } ?? "")
        let mine = shard.map { plan.shard($0.index, of: $0.count).count } ?? plan.variants.count
        progress("\(prefix): \(mine) variants of \(spec.paths) paths, \(threads) threads")
        let outcome = try run(plan, out: folder, threads: threads, shard: shard, provenance: provenance,
                              progress: { line in progress("\(prefix): \(line)") })
        return FileOutcome(folder: folder, outcome: outcome)
    }
}

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
