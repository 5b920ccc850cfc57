import Foundation

/// Writes a run's folder atomically: every file goes into a temporary folder beside the
/// destination, which replaces the destination only once complete. A failed or interrupted run
/// leaves the previous folder (or none) and at most a `.partial` folder, never a half-written one.
public struct RunFolderWriter {
    public let destination: URL
    let temporary: URL

    public init(path: String) throws {
        destination = URL(fileURLWithPath: path).standardizedFileURL
        let parent = destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        temporary = parent.appendingPathComponent(".\(destination.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: temporary)
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    }

    /// Writes one file of the folder.
    public func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: temporary.appendingPathComponent(name))
    }

    /// Moves the complete folder into place, replacing an older one.
    public func commit() throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: destination.path) {
            let old = destination.deletingLastPathComponent()
                .appendingPathComponent(".\(destination.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
            try? fm.removeItem(at: old)
            try fm.moveItem(at: destination, to: old)
            try fm.moveItem(at: temporary, to: destination)
            try? fm.removeItem(at: old)
        } else {
            try fm.moveItem(at: temporary, to: destination)
        }
    }

    /// Deletes the temporary folder (after a failure).
    public func discard() {
        try? FileManager.default.removeItem(at: temporary)
    }
}
