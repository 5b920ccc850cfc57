import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX operations Pensiun's writers are built on: what a path is (without following a final
/// symbolic link), exclusive creation, whole writes, rename and atomic exchange. Every failure is
/// an ``OutputError`` naming the path and the system's reason.
public enum FileSystem {
    /// What a path names, from `lstat(2)`: a final symbolic link is reported as such, not followed.
    public enum Kind: Equatable, Sendable {
        case missing, regular, directory, symbolicLink, special
        /// `lstat` itself failed (permission, a name too long, a loop of links).
        case inaccessible

        /// "a folder", "a symbolic link", … for messages.
        public var phrase: String {
            switch self {
            case .missing: return "missing"
            case .regular: return "a file"
            case .directory: return "a folder"
            case .symbolicLink: return "a symbolic link"
            case .special: return "a special file (a device, FIFO or socket)"
            case .inaccessible: return "not accessible (permission, or a path too long)"
            }
        }
    }

    public static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT || errno == ENOTDIR ? .missing : .inaccessible }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .special
        }
    }

    /// The system's text for the current `errno`.
    static func reason(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// Whether `code` is an environment failure (disk full, quota, file too large, I/O error)
    /// rather than a consequence of the path the user chose.
    static func isEnvironment(_ code: Int32) -> Bool { [ENOSPC, EDQUOT, EFBIG, EIO, EROFS].contains(code) }

    /// Creates `path` exclusively (it must not exist; mode 0644) and writes `bytes` to it; with
    /// `sync`, flushes it to disk. A file that could not be written whole is removed (it was ours).
    public static func create(_ path: String, bytes: [UInt8], sync: Bool = false) throws(OutputError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("cannot create \(path)") }
        do throws(OutputError) {
            try writeAll(fd, bytes, path: path)
            if sync && fsync(fd) != 0 { throw failure("cannot flush \(path) to disk") }
        } catch {
            close(fd)
            unlink(path)
            throw error
        }
        guard close(fd) == 0 else {
            let error = failure("cannot write \(path)")
            unlink(path)
            throw error
        }
    }

    /// Writes all of `bytes` to the open file `fd` (named `path` in messages), retrying short
    /// writes and interruptions.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(OutputError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write \(path)")
            }
            offset += written
        }
    }

    /// Writes `bytes` to `path` so that it is either the old file or the whole new one: a
    /// temporary file `.NAME.partial-PID` in the same folder, flushed (with `sync`), then renamed
    /// over `path`. The temporary file is removed on failure; `path` is never removed.
    public static func replace(_ path: String, bytes: [UInt8], sync: Bool = true) throws(OutputError) {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\((path as NSString).lastPathComponent).partial-\(getpid())"
        unlink(temporary)  // this process's own name
        try create(temporary, bytes: bytes, sync: sync)
        do {
            try rename(temporary, path)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// `rename(2)`: atomically puts `from` at `to`, replacing a file (or an empty folder) there.
    public static func rename(_ from: String, _ to: String) throws(OutputError) {
        guard Foundation.rename(from, to) == 0 else { throw failure("cannot move \(from) to \(to)") }
    }

    /// `renameat2(RENAME_EXCHANGE)`: swaps what `a` and `b` name in one step, so neither is ever
    /// absent. Returns false when the kernel or the file system cannot exchange (the caller falls
    /// back to two renames); throws on any other failure.
    static func exchange(_ a: String, _ b: String) throws(OutputError) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let exchangeFlag: UInt32 = 2  // RENAME_EXCHANGE, <linux/fs.h>
        if renameat2(AT_FDCWD, a, AT_FDCWD, b, exchangeFlag) == 0 { return true }
        if errno == EINVAL || errno == ENOSYS || errno == ENOTSUP { return false }
        throw failure("cannot exchange \(a) and \(b)")
        #else
        return false
        #endif
    }

    /// Creates the folders above `path` that are missing; returns the parent ("" for a bare name).
    public static func createParent(of path: String) throws(OutputError) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && kind(parent) == .missing {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw OutputError("\(parent): cannot create the folder (\(error.localizedDescription))")
            }
        }
        return parent
    }

    /// The bytes of the regular file at `path` (a final symbolic link followed), at most `limit`
    /// of them, or nil when it is not a regular file, is larger, or cannot be read. The open never
    /// blocks (a FIFO), and what was opened is checked again.
    public static func readRegular(_ path: String, limit: Int = 64 << 20) -> [UInt8]? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= limit else { return nil }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= limit {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { return bytes }
            bytes += chunk.prefix(n)
        }
        return nil
    }

    /// Flushes a folder's entries (creations and renames) to disk.
    public static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            _ = fsync(fd)
            close(fd)
        }
    }

    /// The absolute form of `path`: symbolic links of its existing part resolved, `.` and `..`
    /// removed (a `..` after a resolved folder goes to that folder's real parent).
    public static func resolved(_ path: String) -> String {
        let start = path.hasPrefix("/") ? "/" : FileManager.default.currentDirectoryPath
        var current = realPath(start) ?? start
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == ".." {
                current = (current as NSString).deletingLastPathComponent
                continue
            }
            let candidate = current == "/" ? "/" + component : current + "/" + component
            current = kind(candidate) == .missing ? candidate : (realPath(candidate) ?? candidate)
        }
        return current
    }

    /// `realpath(3)`, or nil when the path does not exist.
    static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Whether `ancestor` is `path` itself or one of the folders above it (both absolute, resolved).
    public static func contains(_ ancestor: String, _ path: String) -> Bool {
        ancestor == path || ancestor == "/" || path.hasPrefix(ancestor + "/")
    }

    /// An ``OutputError`` for the current `errno`: `what (reason)`, an environment failure when
    /// the disk or the device is to blame.
    public static func failure(_ what: String) -> OutputError {
        let code = errno
        return OutputError("\(what) (\(reason(code)))", environment: isEnvironment(code))
    }
}
