import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One writer at a time for an output path: the lock is the file `.NAME.lock` beside the output
/// `NAME`, created exclusively and holding `host pid start-time`. A second writer is refused with
/// the holder's name. A lock is stale, and taken over, only when it names this host and its
/// process is gone (no such process, or a new process that reuses the number: its start time
/// differs); `force` takes over any lock (for a lock left by another host's process that is gone).
/// The lock is beside the output, not in it, because installing the output swaps the folder.
public final class OutputLock {
    public let path: String
    private var released = false

    /// Takes the lock of the output at `target` (a folder or a file path).
    public init(for target: String, force: Bool = false) throws(OutputError) {
        let url = URL(fileURLWithPath: target)
        let name = url.lastPathComponent
        path = url.deletingLastPathComponent().appendingPathComponent(".\(name).lock").path
        let mine = Self.holder()
        for _ in 0..<3 {
            do {
                try FileSystem.create(path, bytes: Array(mine.utf8))
                return
            } catch {
                guard FileSystem.kind(path) != .missing else { throw error }
            }
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            guard force || Self.isStale(text) else {
                throw OutputError("\(target): being written by another pensiun (\(Self.describe(text))); wait for it to finish, or pass --force if that process is gone")
            }
            unlink(path)
        }
        throw OutputError("\(target): could not take the lock \(path) (another pensiun keeps taking it)")
    }

    /// Releases the lock (idempotent).
    public func release() {
        guard !released else { return }
        released = true
        unlink(path)
    }

    deinit { release() }

    /// `host pid start-time`, this process's line.
    static func holder() -> String {
        let pid = getpid()
        return "\(hostName()) \(pid) \(startTime(of: pid) ?? "?")\n"
    }

    /// `process 1234 on host h`, for messages.
    static func describe(_ text: String) -> String {
        let f = text.split(separator: " ")
        guard f.count >= 2 else { return "an unreadable lock file" }
        return "process \(f[1]) on host \(f[0])"
    }

    /// A lock naming this host whose process no longer exists (or is another process now).
    static func isStale(_ text: String) -> Bool {
        let f = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard f.count >= 3, String(f[0]) == hostName(), let pid = Int32(f[1]) else { return false }
        if kill(pid, 0) != 0 && errno == ESRCH { return true }
        guard let start = startTime(of: pid) else { return true }
        return String(f[2]) != "?" && start != String(f[2])
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "unknown" : name.replacingOccurrences(of: " ", with: "_")
    }

    /// The start time of process `pid` in clock ticks since boot (field 22 of /proc/PID/stat), so
    /// that a reused process number is not mistaken for the lock's holder.
    static func startTime(of pid: Int32) -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command name: state is field 3, so the start time (field 22) is index 19.
        return fields.count > 19 ? String(fields[19]) : nil
    }
}
