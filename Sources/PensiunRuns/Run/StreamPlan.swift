import PensiunMonteCarlo

/// Whether a run keeps all its results in memory or streams them, and in which chunks.
///
/// In memory when paths × bytes per path (``ScenarioRun/bytesPerPath(_:horizon:)``) fit the
/// budget. Otherwise the run keeps, for every path, only its summary and a few numbers
/// (``ScenarioRun/bytesKeptPerPath(_:)``), and one sketch per yearly row (budgeted at
/// ``sketchBytes(paths:)`` each); the rest of the budget holds one chunk of results at a time, a
/// multiple of ``chunkStep`` paths, at most ``maximumChunk``. A run whose kept numbers alone
/// exceed the budget is refused.
struct StreamPlan {
    /// Paths of a chunk are a multiple of this (and at least this many).
    static let chunkStep = 64
    /// At most this many paths a chunk, whatever the budget: larger chunks save nothing (the
    /// engine keeps both cores busy from a few hundred paths on) and would hold gigabytes.
    static let maximumChunk = 16_384
    /// The memory budgeted for one yearly row's ``QuantileSketch`` of `paths` values: at most
    /// 64 KiB (measured: 0.6–100 KB on the sketch tests' distributions of 100,000 values, about
    /// 50 KB for money across paths), and never more than 16 bytes a value (a sketch has at most
    /// one bucket, of 12 bytes, per value).
    static func sketchBytes(paths: Int) -> Int { min(64 * 1024, 16 * paths + 512) }

    /// The paths of a chunk; nil when the run keeps all its results in memory.
    let chunk: Int?
    /// Why the run cannot be made within the budget, even streamed.
    let refusal: String?
    /// The line that tells the user the run streams.
    let describe: String

    /// `force`: stream even when the results fit (`--stream`).
    init(paths: Int, bytesPerPath: Int?, budget: Int, bytesKeptPerPath: Int, rows: Int, force: Bool = false) {
        let (need, overflow) = paths.multipliedReportingOverflow(by: bytesPerPath ?? Int.max)
        let inMemory = overflow || bytesPerPath == nil ? Int.max : need
        guard inMemory > budget || force else {
            (chunk, refusal, describe) = (nil, nil, "")
            return
        }
        let kept = paths.multipliedReportingOverflow(by: bytesKeptPerPath)
        let sketches = rows * Self.sketchBytes(paths: paths)
        let perPath = bytesPerPath ?? Int.max
        let room = kept.overflow ? -1 : budget - kept.partialValue - sketches
        let fits = room / max(1, perPath)
        guard room > 0, fits >= Self.chunkStep else {
            let needed = kept.overflow ? Int.max : kept.partialValue + sketches + Self.chunkStep * min(perPath, Int.max / Self.chunkStep)
            (chunk, describe) = (nil, "")
            refusal = "--paths \(paths): even streamed, the run would need about \(MemoryBudget.describe(needed)) (each path's summary "
                + "and numbers, the yearly sketches and one chunk of \(Self.chunkStep) paths), more than the \(MemoryBudget.describe(budget)) "
                + "this run may use; run fewer paths, or shards with --path-range A..B joined by pensiun merge, or raise --memory-limit"
            return
        }
        let size = min(paths, Self.maximumChunk, fits / Self.chunkStep * Self.chunkStep)
        chunk = size
        refusal = nil
        let used = kept.partialValue + sketches + size * perPath
        let why = inMemory > budget
            ? "the results of \(paths) paths would need about \(MemoryBudget.describe(inMemory)), more than the "
                + "\(MemoryBudget.describe(budget)) this run may use (--memory-limit)"
            : "--stream"
        describe = "streaming (\(why)): projecting chunks of \(size) paths and keeping "
            + "their statistics (about \(MemoryBudget.describe(used))): means exact, yearly percentiles within "
            + "\(QuantileSketch.defaultRelativeAccuracy * 100)% of each value"
    }

    /// `40 s`, `12 min`, `2.5 h`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 90 { return "\(Int(seconds.rounded())) s" }
        if seconds < 5_400 { return "\(Int((seconds / 60).rounded())) min" }
        return String(format: "%.1f h", seconds / 3_600)
    }
}
