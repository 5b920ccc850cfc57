import Foundation
import PensiunMonteCarlo
import PensiunReporting
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A problem running a sweep that is not in a file's contents: a busy or foreign work folder, a
/// variant that fails, shards that do not fit together. Commands report it and exit with status 2.
public struct SweepError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The journal of an interrupted-or-running sweep: `work/` inside the output folder holds one file
/// per finished variant (`v0000012.txt`), written atomically (temporary file, then rename) and
/// ending with the line `#end 12`, and `plan.txt`, the fingerprint of the sweep that owns the
/// folder. A restarted sweep skips the variants with a complete file; a variant cut off mid-way
/// left nothing but a `.partial` file, which is removed. The variant files are not flushed to disk
/// one by one (an fsync costs about 10 ms here, a few percent of a small variant): after a power
/// cut, a file that lost its end fails the `#end` check and its variant runs again. A lock (`flock`
/// on `work/lock`, released by the kernel when the process dies) keeps two processes out of one
/// folder.
public final class WorkFolder: @unchecked Sendable {
    public let path: String
    let lockDescriptor: Int32
    /// The lock of the sweep's output folder, held as long as this work folder is in use.
    public var outputLock: OutputLock?

    /// Opens (or creates) the work folder `path` for the sweep with `fingerprint`. Throws when
    /// another process holds the folder, or when it belongs to another sweep.
    public init(path: String, fingerprint: String) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let fd = open(path + "/lock", O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw SweepError("\(path)/lock: cannot open (\(String(cString: strerror(errno))))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw SweepError("\(path): another pensiun process is using this folder (wait for it, or use another --out)")
        }
        lockDescriptor = fd
        let planPath = path + "/plan.txt"
        if let existing = try? String(contentsOfFile: planPath, encoding: .utf8) {
            guard existing == fingerprint + "\n" else {
                throw SweepError("\(path): left by a different sweep or settings (its plan.txt differs); delete the folder to start again, or use another --out")
            }
        } else {
            try FileSystem.replace(planPath, bytes: Array((fingerprint + "\n").utf8))
            FileSystem.syncFolder(path)
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where name.hasPrefix(".") && name.contains(".partial") {
            try? FileManager.default.removeItem(atPath: path + "/" + name)
        }
    }

    deinit { close(lockDescriptor) }

    static func fileName(_ id: Int) -> String {
        let digits = String(id)
        return "v" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits + ".txt"
    }

    static func trailer(_ id: Int) -> String { "#end \(id)\n" }

    /// The variants with a complete file; incomplete ones (a power cut) are deleted.
    public func finished() -> Set<Int> {
        var ids = Set<Int>()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            guard name.hasPrefix("v"), name.hasSuffix(".txt"), let id = Int(name.dropFirst().dropLast(4)) else { continue }
            if (try? text(id)) != nil {
                ids.insert(id)
            } else {
                try? FileManager.default.removeItem(atPath: path + "/" + name)
            }
        }
        return ids
    }

    /// Records variant `id`'s text.
    public func record(_ id: Int, _ text: String) throws {
        try FileSystem.replace(path + "/" + Self.fileName(id), bytes: Array((text + Self.trailer(id)).utf8), sync: false)
    }

    /// The text recorded for variant `id` (without its `#end` line).
    public func text(_ id: Int) throws -> String {
        let file = path + "/" + Self.fileName(id)
        let trailer = Self.trailer(id)
        guard let text = try? String(contentsOfFile: file, encoding: .utf8), text.hasSuffix(trailer),
              text.count == trailer.count || text.dropLast(trailer.count).hasSuffix("\n") else {
            throw SweepError("\(file): incomplete (no #end line); delete it to run the variant again")
        }
        return String(text.dropLast(trailer.count))
    }

    /// Deletes the folder (after the results are assembled): its own files (`plan.txt`, `lock`,
    /// the variant files), then the folder, which is kept if anything else is in it.
    public func remove() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        where name == "plan.txt" || name == "lock" || (name.hasPrefix("v") && name.hasSuffix(".txt")) {
            unlink(path + "/" + name)
        }
        rmdir(path)
    }
}

/// Runs variants on several threads and records each in a ``WorkFolder`` as soon as it finishes.
public enum VariantScheduler {
    /// Calls `body(variant, threadsForItsPaths)` for every variant of `pending`, on up to `threads`
    /// threads, and records its text. Variants run side by side (each on its share of the threads),
    /// which suits the small path counts of sweeps; a variant's results do not depend on how many
    /// threads it gets. The first failure stops the hand-out of further variants and is rethrown
    /// (variants already finished stay recorded). `progress(done, total, id, seconds)` is called
    /// after each variant, from the worker that ran it, one call at a time.
    public static func run(
        _ pending: [SweepVariant], threads: Int, work: WorkFolder,
        progress: @escaping @Sendable (Int, Int, Int, Double) -> Void,
        body: @escaping @Sendable (SweepVariant, Int) throws -> String
    ) throws {
        guard !pending.isEmpty else { return }
        let workers = max(1, min(threads, pending.count))
        let inner = max(1, threads / workers)
        let counter = Counter()
        let plan = ParallelBlocks(paths: 0..<pending.count, blockSize: 1, threads: workers)
        try plan.run { index, _ in
            let variant = pending[index]
            let clock = ContinuousClock()
            let start = clock.now
            let text = try body(variant, inner)
            try work.record(variant.id, text)
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            counter.increment { done in progress(done, pending.count, variant.id, seconds) }
        }
    }

    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var done = 0
        func increment(_ report: (Int) -> Void) {
            lock.lock()
            defer { lock.unlock() }
            done += 1
            report(done)
        }
    }
}
