import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One writer at a time for an output path: the lock is the file `.NAME.lock` beside the output
/// `NAME`, held with `flock(2)` for as long as the writer runs and holding `host pid` so that a
/// second writer is refused with the holder's name. The kernel releases a `flock` when its process
/// dies, so a lock left by a killed process is free again at once: a lock is "stale", and taken
/// over, exactly when its process is gone. `force` proceeds even when another process holds the
/// lock (for a lock of a process on another host that is gone, over a network file system).
/// The lock is beside the output, not in it, because installing the output swaps the folder.
public final class OutputLock {
    public let path: String
    private var descriptor: Int32 = -1

    /// Takes the lock of the output at `target` (a folder or a file path; its parent exists).
    public init(for target: String, force: Bool = false) throws(OutputError) {
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        path = (folder.isEmpty ? "." : folder) + "/.\(name).lock"
        // The file may be unlinked by its holder between our open and our flock: retry until the
        // descriptor we lock is the file at the path.
        for _ in 0..<8 {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard fd >= 0 else { throw FileSystem.failure("\(target): cannot create the lock \(path)") }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let holder = Self.describe(Self.read(fd))
                close(fd)
                guard force else {
                    throw OutputError("\(target): being written by another pensiun (\(holder)); wait for it to finish, or pass --force if that process is gone")
                }
                return
            }
            var opened = stat(), current = stat()
            guard fstat(fd, &opened) == 0, stat(path, &current) == 0,
                  opened.st_ino == current.st_ino, opened.st_dev == current.st_dev else {
                close(fd)
                continue
            }
            let line = Array("\(Self.hostName()) \(getpid())\n".utf8)
            _ = ftruncate(fd, 0)
            _ = line.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
            descriptor = fd
            return
        }
        throw OutputError("\(target): could not take the lock \(path) (other pensiun processes keep taking it)")
    }

    /// Releases the lock (idempotent): the file is removed while still locked, then closed.
    public func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }

    /// The first bytes of the lock file.
    static func read(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        return n > 0 ? String(decoding: buffer.prefix(n), as: UTF8.self) : ""
    }

    /// `process 1234 on host h`, for messages.
    static func describe(_ text: String) -> String {
        let f = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard f.count >= 2 else { return "a process that has not yet written its name" }
        return "process \(f[1]) on host \(f[0])"
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "unknown" : name.replacingOccurrences(of: " ", with: "_")
    }
}
