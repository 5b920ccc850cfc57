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

        /// "a folder", "a symbolic link", … for messages.
        public var phrase: String {
            switch self {
            case .missing: return "missing"
            case .regular: return "a file"
            case .directory: return "a folder"
            case .symbolicLink: return "a symbolic link"
            case .special: return "a special file (a device, FIFO or socket)"
            }
        }
    }

    public static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT || errno == ENOTDIR ? .missing : .special }
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
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let error = failure("cannot write \(path)")
                close(fd)
                unlink(path)
                throw error
            }
            offset += written
        }
        if sync && fsync(fd) != 0 {
            let error = failure("cannot flush \(path) to disk")
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
    static func createParent(of path: String) throws(OutputError) -> String {
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

    /// Flushes a folder's entries (creations and renames) to disk.
    static func syncFolder(_ folder: String) {
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
    static func contains(_ ancestor: String, _ path: String) -> Bool {
        ancestor == path || ancestor == "/" || path.hasPrefix(ancestor + "/")
    }

    /// An ``OutputError`` for the current `errno`: `what (reason)`, an environment failure when
    /// the disk or the device is to blame.
    static func failure(_ what: String) -> OutputError {
        let code = errno
        return OutputError("\(what) (\(reason(code)))", environment: isEnvironment(code))
    }
}
