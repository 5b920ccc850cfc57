import Foundation
import PensiunScenario

/// The entry point of `pensiun sweep`: from the sweep file to the output folder, with progress
/// as whole lines (`sweep NAME: …`).
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
