import PensiunMonteCarlo

/// Whether a run (or a merge) keeps all its results in memory or streams them, and in which chunks.
///
/// In memory when paths × bytes per path (``ScenarioRun/bytesPerPath(_:horizon:)``) fit the
/// budget. Otherwise the command keeps, for every path, only its summary and a few numbers
/// (``ScenarioRun/bytesKeptPerPath(_:)``), and one sketch per yearly row (budgeted at
/// ``sketchBytes(paths:)`` each); the rest of the budget holds one chunk of results at a time: for
/// a run, ``chunkStep`` paths or a multiple of them, at most ``maximumChunk`` (or all the paths
/// when fewer); for a merge, its largest shard, read whole (its archive's bytes and the decoded
/// results together: 1.5 × the bytes per path). A command that cannot fit even so is refused.
struct StreamPlan {
    /// Paths of a run's chunk are a multiple of this (and at least this many).
    static let chunkStep = 64
    /// At most this many paths a chunk, whatever the budget: larger chunks save nothing (the
    /// engine keeps both cores busy from a few hundred paths on) and would hold gigabytes.
    static let maximumChunk = 16_384

    /// What streams: a run, or a merge whose largest shard has `largestShard` paths.
    enum Kind { case run, merge(largestShard: Int) }

    /// The memory budgeted for one yearly row's ``QuantileSketch`` of `paths` values: at most
    /// 64 KiB (measured: 0.6–100 KB on the sketch tests' distributions of 100,000 values, about
    /// 18 KB a row on average for the flagship's 5,493 rows of 6,000 paths), and never more than
    /// 16 bytes a value (a sketch has at most one bucket, of 12 bytes, per value).
    static func sketchBytes(paths: Int) -> Int { min(64 * 1024, 16 * paths + 512) }

    /// The paths of a chunk; nil when the command keeps all its results in memory.
    let chunk: Int?
    /// Why the command cannot be made within the budget, even streamed.
    let refusal: String?
    /// The line that tells the user the command streams.
    let describe: String

    /// `budgetIsDefault`: the budget is half of this machine's memory, not `--memory-limit`;
    /// `force`: stream even when the results fit (`--stream`).
    init(paths: Int, bytesPerPath: Int?, budget: Int, budgetIsDefault: Bool, bytesKeptPerPath: Int, rows: Int,
         force: Bool = false, kind: Kind = .run) {
        let limit = "the \(MemoryBudget.describe(budget)) this \(kind.noun) may use ("
            + (budgetIsDefault ? "half of this machine's memory; raise it with --memory-limit)" : "--memory-limit)")
        let (need, overflow) = paths.multipliedReportingOverflow(by: bytesPerPath ?? Int.max)
        let inMemory = overflow || bytesPerPath == nil ? Int.max : need
        guard Self.streams(paths: paths, bytesPerPath: bytesPerPath, budget: budget, force: force) else {
            (chunk, refusal, describe) = (nil, nil, "")
            return
        }
        let perPath = bytesPerPath ?? Int.max
        let kept = paths.multipliedReportingOverflow(by: bytesKeptPerPath)
        let fixed = kept.overflow ? Int.max : kept.partialValue.addingReportingOverflow(rows * Self.sketchBytes(paths: paths))
            .partialValue
        let size: Int
        let chunkBytes: Int
        switch kind {
        case .run:
            let room = fixed >= budget ? 0 : budget - fixed
            size = min(paths, Self.maximumChunk, room / max(1, perPath) / Self.chunkStep * Self.chunkStep)
            chunkBytes = size.multipliedReportingOverflow(by: perPath).overflow ? Int.max : size * perPath
        case let .merge(largestShard):
            size = largestShard
            let (bytes, over) = largestShard.multipliedReportingOverflow(by: perPath / 2 * 3)
            chunkBytes = over ? Int.max : bytes
        }
        let (used, usedOverflow) = fixed.addingReportingOverflow(chunkBytes)
        let fits: Bool
        switch kind {
        case .run: fits = size >= min(paths, Self.chunkStep) && !usedOverflow && used <= budget
        case .merge: fits = !usedOverflow && used <= budget
        }
        guard fits else {
            let needed = usedOverflow ? Int.max : max(used, fixed)
            (chunk, describe) = (nil, "")
            switch kind {
            case .run:
                refusal = "--paths \(paths): even streamed, the run would need about \(MemoryBudget.describe(needed)) (each path's summary "
                    + "and numbers, the yearly sketches and one chunk of \(min(paths, Self.chunkStep)) paths), more than \(limit); run fewer "
                    + "paths, or shards with --path-range A..B joined by pensiun merge"
            case let .merge(largestShard):
                refusal = "merge: even streamed, the merge would need about \(MemoryBudget.describe(needed)) (each path's summary and "
                    + "numbers, the yearly sketches and the largest shard, of \(largestShard) paths, read whole), more than \(limit); "
                    + "run the paths in more, smaller shards"
            }
            return
        }
        chunk = size
        refusal = nil
        let why = inMemory > budget
            ? "the results of \(paths) paths would need about \(MemoryBudget.describe(inMemory)), more than \(limit)"
            : "--stream"
        let how: String
        switch kind {
        case .run: how = "projecting chunks of \(size) paths"
        case .merge: how = "reading the shards one at a time (the largest has \(size) paths)"
        }
        describe = "\(kind.noun) streaming (\(why)): \(how) and keeping their statistics (about \(MemoryBudget.describe(used))): "
            + "means exact, yearly percentiles within \(QuantileSketch.defaultRelativeAccuracy * 100)% of each value"
    }

    /// Whether `paths` paths of `bytesPerPath` bytes exceed `budget` (or `force`): then the
    /// command streams.
    static func streams(paths: Int, bytesPerPath: Int?, budget: Int, force: Bool) -> Bool {
        let (need, overflow) = paths.multipliedReportingOverflow(by: bytesPerPath ?? Int.max)
        return force || overflow || bytesPerPath == nil || need > budget
    }

    /// `40 s`, `12 min`, `2.5 h`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 90 { return "\(Int(seconds.rounded())) s" }
        if seconds < 5_400 { return "\(Int((seconds / 60).rounded())) min" }
        return String(format: "%.1f h", seconds / 3_600)
    }
}

extension StreamPlan.Kind {
    var noun: String {
        switch self {
        case .run: return "run"
        case .merge: return "merge"
        }
    }
}
