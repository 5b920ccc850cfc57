import Foundation
import PensiunEngine
import PensiunReporting
import PensiunScenario

/// What identifies the program that ran a sweep (recorded in manifests).
public struct SweepProvenance: Sendable {
    public var version: String
    public var gitCommit: String?
    public init(version: String, gitCommit: String?) {
        self.version = version
        self.gitCommit = gitCommit
    }
}

/// One share of a sweep's variants: shard `index` of `count` (1-based).
public struct SweepShard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int
    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Reads `I/N` with 1 ≤ I ≤ N.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 1, i <= n else { return nil }
        self.init(index: i, count: n)
    }

    public var description: String { "\(index)/\(count)" }
}

/// Runs a sweep: every variant (or one shard's) on common random numbers, journaled in
/// `OUT/work/`, then `variants.csv`, `results.csv` and `manifest.json` assembled in `OUT`.
public enum SweepDriver {
    public struct Outcome: Sendable {
        /// Variants of this run (all, or the shard's).
        public let variants: Int
        public let rows: Int
        public let wallTime: Double
    }

    /// The scenario and Monte Carlo run of one variant: paths 0 ..< spec.paths, master seed
    /// spec.seed, so every variant sees the same path seeds. With a `cache` (one per sweep), the
    /// projection reuses the tables and lane plans of earlier variants built from equal inputs
    /// (``ProjectionCache``): a variant that changes only the economy builds neither again. The
    /// results are the same, bit for bit, with or without it.
    public static func results(of variant: SweepVariant, spec: SweepSpec, threads: Int,
                               cache: ProjectionCache? = nil) throws -> ProjectionResults {
        let scenario: Scenario
        do {
            scenario = try spec.template.resolve(variant.overrides)
        } catch {
            // One line per problem, each located, with the variant it belongs to.
            throw SweepError(error.diagnostics.map { "\($0) (variant \(variant.id): \(describe(variant, spec)))" }
                .joined(separator: "\n"))
        }
        guard let inputs = scenario.projection else {
            throw SweepError("variant \(variant.id): the scenario has no projection sections")
        }
        do {
            let projection = try cache?.projection(inputs: inputs) ?? MonteCarloProjection(inputs: inputs)
            let results = try projection.run(paths: 0..<spec.paths, seed: spec.seed, threads: threads)
            if let bad = results.firstNonFinite() { throw bad }
            return results
        } catch {
            throw SweepError("variant \(variant.id) (\(describe(variant, spec))): \(error)")
        }
    }

    /// `name = value, …` of a variant.
    public static func describe(_ variant: SweepVariant, _ spec: SweepSpec) -> String {
        zip(spec.parameters, variant.values).map { "\($0.name) = \($1)" }.joined(separator: ", ")
    }

    /// The text that identifies a run's results (`work/plan.txt`): what produced them (version, git
    /// commit) and the contents of every input file. A work folder is resumed only by a run with
    /// the same text.
    public static func fingerprint(_ spec: SweepSpec, kind: String, shard: SweepShard?, provenance: SweepProvenance) -> String {
        var lines = ["pensiun \(provenance.version) \(kind)", "commit \(provenance.gitCommit ?? "unknown")",
                     "sweep_file \(spec.file) \(SHA256.file(atPath: spec.file) ?? "missing")"]
        for file in spec.base.files { lines.append("input \(file) \(SHA256.file(atPath: file) ?? "missing")") }
        lines.append("paths \(spec.paths)")
        lines.append("seed \(spec.seed)")
        if let shard { lines.append("shard \(shard)") }
        return lines.joined(separator: "\n")
    }

    /// Runs the sweep `plan` (or its `shard`) into `out`, resuming from `out/work/` when an
    /// earlier run was interrupted. `progress` receives one line per finished variant.
    public static func run(
        _ plan: SweepPlan, out: String, threads: Int, shard: SweepShard?, provenance: SweepProvenance,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> Outcome {
        let started = Date()
        let spec = plan.spec
        let mine = shard.map { plan.shard($0.index, of: $0.count) } ?? plan.variants
        let outputs = spec.outputs
        let cache = ProjectionCache(paths: spec.paths)
        let work = try journal(mine, out: out, outputs: SweepFiles.names, inputs: [spec.file] + spec.base.files,
                               fingerprint: fingerprint(spec, kind: "sweep", shard: shard, provenance: provenance),
                               threads: threads, progress: progress) { variant, inner in
            let results = try results(of: variant, spec: spec, threads: inner, cache: cache)
            return try SweepRows.rows(variant: variant.id, outputs: outputs, results: results)
        }
        var blocks: [String] = []
        for variant in mine { blocks.append(try work.text(variant.id)) }
        let wallTime = Date().timeIntervalSince(started)
        let manifest = SweepFiles.manifest(spec, design: plan, provenance: provenance, shard: shard,
                                           shardVariants: mine.count, threads: threads, wallTime: wallTime)
        try SweepFiles.write(out: out, files: [("variants.csv", SweepFiles.variantsCSV(spec, mine)),
                                               ("results.csv", SweepRows.header + "\n" + blocks.joined())],
                             manifest: manifest)
        work.remove()
        let rows = blocks.reduce(0) { $0 + $1.utf8.reduce(0) { $1 == 10 ? $0 + 1 : $0 } }
        return Outcome(variants: mine.count, rows: rows, wallTime: wallTime)
    }

    /// Runs the `variants` that the work folder `out/work/` (identified by `fingerprint`) has not
    /// finished, on `threads` threads, with one line of `progress` per variant; a new run first
    /// deletes the stale `outputs` of `out`. Returns the work folder, which then holds every variant.
    static func journal(
        _ variants: [SweepVariant], out: String, outputs: [String], inputs: [String], fingerprint: String, threads: Int,
        progress: @escaping @Sendable (String) -> Void, body: @escaping @Sendable (SweepVariant, Int) throws -> String
    ) throws -> WorkFolder {
        let lock = try SweepFiles.prepare(out, inputs: inputs, names: outputs)
        let workPath = out + "/work"
        if FileSystem.kind(workPath) == .missing {
            // A new run: earlier results in this folder (checked to be this sweep's) are stale.
            for name in outputs where FileSystem.kind(out + "/" + name) == .regular { unlink(out + "/" + name) }
        }
        let work = try WorkFolder(path: workPath, fingerprint: fingerprint)
        work.outputLock = lock
        let finished = work.finished()
        let pending = variants.filter { !finished.contains($0.id) }
        let resumed = variants.count - pending.count
        if resumed > 0 { progress("resuming: \(resumed) of \(variants.count) variants already finished") }
        let runStart = Date()
        try VariantScheduler.run(pending, threads: threads, work: work, progress: { done, total, id, seconds in
            let elapsed = Date().timeIntervalSince(runStart)
            let left = elapsed / Double(done) * Double(total - done)
            progress("variant \(id) done in \(format(seconds)) s (\(done + resumed)/\(variants.count); about \(format(left)) s left)")
        }, body: body)
        return work
    }

    static func format(_ seconds: Double) -> String { String(format: "%.1f", seconds) }
}
