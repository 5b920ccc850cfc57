import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one output file so that readers never see it half-written and nothing of the user's is
/// lost: the text goes to a temporary file `.NAME.partial-PID` beside the destination, renamed
/// over it (`rename(2)`, atomic) only when complete. An existing destination is replaced only when
/// it is a regular file that Pensiun wrote, recognised by its first bytes (`signatures`: the
/// header lines of the command's own output); a folder, a special file, a symbolic link or
/// another file is refused. On failure the temporary file is removed and the destination is left
/// as it was.
public final class AtomicFileWriter {
    public let destination: String
    private let temporary: String
    private let descriptor: Int32
    private var isOpen = true

    /// Checks `path` and opens the temporary file; creates the parent folder when missing.
    public init(path: String, signatures: [String], command: String) throws(OutputError) {
        destination = path
        let shown = path.isEmpty ? "''" : path
        let name = (path as NSString).lastPathComponent
        guard !path.isEmpty, !path.hasSuffix("/"), name != ".", name != ".." else {
            throw OutputError("\(shown): not a file name (give a file such as Outputs/out.csv)")
        }
        let kind = FileSystem.kind(path)
        switch kind {
        case .missing:
            break
        case .regular:
            guard Self.startsWithAny(path, signatures) else {
                throw OutputError("\(shown): exists and was not written by pensiun \(command) (its first line differs); remove it yourself or choose another file")
            }
        case .directory:
            throw OutputError("\(shown): is a folder; give the path of a file, such as \(path)/\(command).csv")
        default:
            throw OutputError("\(shown): is \(kind.phrase), not a file Pensiun wrote; choose another file")
        }
        let parent = try FileSystem.createParent(of: path)
        temporary = (parent.isEmpty ? "." : parent) + "/.\(name).partial-\(getpid())"
        descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST {
                throw OutputError("\(temporary): exists (left by a run that was killed?); remove it and run again")
            }
            throw FileSystem.failure("cannot create \(temporary)")
        }
    }

    deinit { if isOpen { discard() } }

    /// Appends UTF-8 text.
    public func write(_ text: String) throws(OutputError) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in
                Glibc.write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileSystem.failure("cannot write \(destination)")
            }
            offset += written
        }
        bytes.removeAll()
    }

    /// Closes the temporary file and renames it over the destination.
    public func commit() throws(OutputError) {
        isOpen = false
        guard close(descriptor) == 0 else {
            let error = FileSystem.failure("cannot write \(destination)")
            unlink(temporary)
            throw error
        }
        do {
            try FileSystem.rename(temporary, destination)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Closes and deletes the temporary file (after a failure); the destination is untouched.
    public func discard() {
        if isOpen { close(descriptor) }
        isOpen = false
        unlink(temporary)
    }

    /// Whether the file at `path` begins with one of `prefixes`.
    static func startsWithAny(_ path: String, _ prefixes: [String]) -> Bool {
        let longest = prefixes.map(\.utf8.count).max() ?? 0
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: longest)) ?? Data()
        return prefixes.contains { head.starts(with: Data($0.utf8)) }
    }
}
