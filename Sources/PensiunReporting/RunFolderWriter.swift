import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an output folder atomically, replacing only what Pensiun created (``OutputFolder``).
///
/// The destination is locked (``OutputLock``) and checked; every file goes into a temporary folder
/// `.NAME.partial-PID` beside it, flushed to disk; `commit` checks the destination again (a file
/// put there during the run stops the install), writes the marker and installs the folder:
/// renamed into place when there was none, exchanged with the old one in one step (`renameat2`)
/// when there was, so `--out` is never absent, after which the old folder's files (each one
/// checked to be Pensiun's) are removed. A failed or killed run leaves the previous folder and at
/// most a `.partial` folder, which the next writer of the same destination removes once its
/// process is gone.
public final class RunFolderWriter {
    /// The destination as given (for messages).
    public let destination: String
    let temporary: String
    let state: OutputFolder.State
    let lock: OutputLock
    let inputs: [String]
    let own: (String) -> Set<String>?
    /// Where the old folder was kept when it could not be removed whole after the exchange (it
    /// held a file that appeared during the run): `NAME.kept-PID`, which the caller reports.
    public private(set) var leftover: String?
    /// Set once committed or discarded: a writer dropped before either discards itself.
    private var finished = false

    /// Locks and checks `path` (`inputs`: the files the run read; `own`: the names a Pensiun
    /// folder's manifest lists) and opens the temporary folder.
    public init(path: String, inputs: [String], force: Bool = false,
                own: @escaping (String) -> Set<String>?) throws(OutputError) {
        destination = OutputFolder.trimmed(path)
        self.inputs = inputs
        self.own = own
        // The path's shape is checked before anything is created or locked (a lock beside `.`
        // or `..` would land in the wrong folder), and again under the lock.
        _ = try OutputFolder.check(destination, inputs: inputs, own: own)
        let parent = try FileSystem.createParent(of: destination)
        lock = try OutputLock(for: destination, force: force)
        do throws(OutputError) {
            state = try OutputFolder.check(destination, inputs: inputs, own: own)
            let name = (destination as NSString).lastPathComponent
            let folder = parent.isEmpty ? "." : parent
            Self.removeStalePartials(of: name, in: folder)
            temporary = folder + "/.\(name).partial-\(getpid())"
            guard mkdir(temporary, 0o755) == 0 else { throw FileSystem.failure("cannot create \(temporary)") }
        } catch {
            lock.release()
            throw error
        }
    }

    /// Writes one file of the folder, flushed to disk (the old folder is removed once the new
    /// one is in place, so the new one must survive a power cut).
    public func write(_ name: String, _ bytes: [UInt8]) throws(OutputError) {
        try FileSystem.create(temporary + "/" + name, bytes: bytes, sync: true)
    }

    /// Writes the marker and installs the folder (see the type's comment); releases the lock.
    public func commit() throws(OutputError) {
        defer { lock.release() }
        try write(OutputFolder.markerName, Array(OutputFolder.markerText.utf8))
        FileSystem.syncFolder(temporary)
        guard try OutputFolder.check(destination, inputs: inputs, own: own) == state else {
            throw OutputError("\(destination): changed while the run was computing (files were added or removed); nothing was replaced, run again")
        }
        finished = true
        switch state {
        case .missing:
            try FileSystem.rename(temporary, destination)
        case .empty:
            try install(replacing: [])
        case let .pensiun(names):
            try install(replacing: names)
        }
        let parent = (destination as NSString).deletingLastPathComponent
        FileSystem.syncFolder(parent.isEmpty ? "." : parent)
    }

    /// Swaps the new folder with the existing one, then removes the old folder's `names` and the
    /// folder itself; falls back to two renames where the file system cannot exchange (and puts
    /// the old folder back when the second fails).
    func install(replacing names: [String]) throws(OutputError) {
        Self.fault("kill-before-install")
        if try !FileSystem.exchange(temporary, destination) {
            // No atomic exchange here (not Linux, or a file system without it): move the old
            // folder aside first; `--out` is absent between the two renames.
            let parent = (destination as NSString).deletingLastPathComponent
            let old = (parent.isEmpty ? "." : parent) + "/.\((destination as NSString).lastPathComponent).old-\(getpid())"
            try FileSystem.rename(destination, old)
            do {
                try FileSystem.rename(temporary, destination)
            } catch {
                try? FileSystem.rename(old, destination)
                throw error
            }
            removeOld(at: old, names: names)
            return
        }
        Self.fault("kill-after-install")
        removeOld(at: temporary, names: names)
    }

    /// Removes the checked `names` of an old folder at `path`, then the folder. A folder that is
    /// not empty then (something appeared in it during the run) is kept, renamed `NAME.kept-PID`
    /// beside the destination (out of the `.partial` names a later run cleans up), and reported.
    func removeOld(at path: String, names: [String]) {
        for name in names { unlink(path + "/" + name) }
        guard rmdir(path) != 0 else { return }
        let kept = destination + ".kept-\(getpid())"
        leftover = (try? FileSystem.rename(path, kept)) != nil ? kept : path
    }

    /// Deletes the temporary folder's files (after a failure) and releases the lock.
    public func discard() {
        finished = true
        defer { lock.release() }
        Self.removePartial(temporary)
    }

    deinit { if !finished { discard() } }

    /// Removes `.NAME.partial-PID` folders in `folder` whose process is gone (a killed run).
    static func removeStalePartials(of name: String, in folder: String) {
        let prefix = ".\(name).partial-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count)), pid != getpid(),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            removePartial(folder + "/" + entry)
        }
    }

    /// Removes a `.partial` folder Pensiun created: its plain files, then the folder.
    static func removePartial(_ path: String) {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        where FileSystem.kind(path + "/" + entry) == .regular {
            unlink(path + "/" + entry)
        }
        rmdir(path)
    }

    /// The fault-injection point of the install window, for its tests only: with
    /// `PENSIUN_FAULT=<point>` the process kills itself (SIGKILL) there.
    static func fault(_ point: String) {
        if ProcessInfo.processInfo.environment["PENSIUN_FAULT"] == point { kill(getpid(), SIGKILL) }
    }
}
