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
    private let signatures: [String]
    private let command: String

    /// Checks `path` and opens the temporary file; creates the parent folder when missing.
    public init(path: String, signatures: [String], command: String) throws(OutputError) {
        destination = path
        self.signatures = signatures
        self.command = command
        let shown = path.isEmpty ? "''" : path
        let name = (path as NSString).lastPathComponent
        guard !path.isEmpty, !path.hasSuffix("/"), name != ".", name != ".." else {
            throw OutputError("\(shown): not a file name (give a file such as Outputs/out.csv)")
        }
        try Self.check(path, signatures: signatures, command: command)
        let parent = try FileSystem.createParent(of: path)
        temporary = (parent.isEmpty ? "." : parent) + "/.\(name).partial-\(getpid())"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST {
                throw OutputError("\(temporary): exists (left by a run that was killed?); remove it and run again")
            }
            throw FileSystem.failure("cannot create \(temporary)")
        }
    }

    deinit { if isOpen { discard() } }

    /// Refuses a destination that is not a new file or a regular file this command wrote, or that
    /// lies inside a Pensiun output folder (a file added there would make it foreign).
    static func check(_ path: String, signatures: [String], command: String) throws(OutputError) {
        let parent = (path as NSString).deletingLastPathComponent
        if FileSystem.kind((parent.isEmpty ? "." : parent) + "/" + OutputFolder.markerName) == .regular {
            throw OutputError("\(path): is inside a folder Pensiun wrote (\(parent.isEmpty ? "." : parent)), which must hold only its own files; choose a file elsewhere")
        }
        let kind = FileSystem.kind(path)
        switch kind {
        case .missing:
            break
        case .regular:
            guard Self.startsWithAny(path, signatures) else {
                throw OutputError("\(path): exists and was not written by pensiun \(command) (its first line differs); remove it yourself or choose another file")
            }
        case .directory:
            throw OutputError("\(path): is a folder; give the path of a file, such as \(path)/\(command).csv")
        default:
            throw OutputError("\(path): is \(kind.phrase), not a file Pensiun wrote; choose another file")
        }
    }

    /// Appends UTF-8 text.
    public func write(_ text: String) throws(OutputError) {
        try FileSystem.writeAll(descriptor, Array(text.utf8), path: destination)
    }

    /// Closes the temporary file and renames it over the destination.
    public func commit() throws(OutputError) {
        isOpen = false
        // The destination is checked again: a file put there during the run is not replaced.
        do {
            try Self.check(destination, signatures: signatures, command: command)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
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

extension AtomicFileWriter {
    /// Writes `text` to `path` at once, atomically (a file that begins with one of `signatures`,
    /// or none, is replaced; see ``init(path:signatures:command:)``); on a failure the file is as
    /// before.
    public static func write(_ text: String, to path: String, signatures: [String], command: String) throws(OutputError) {
        let writer = try AtomicFileWriter(path: path, signatures: signatures, command: command)
        do {
            try writer.write(text)
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }
}
