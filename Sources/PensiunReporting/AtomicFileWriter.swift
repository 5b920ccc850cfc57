import Foundation

/// Writes a file so that readers never see it half-written: the text goes to a temporary file in
/// the same folder, which is renamed over the destination only when complete.
public struct AtomicFileWriter {
    public let destination: URL
    private let temporary: URL
    private let handle: FileHandle

    /// Opens a temporary file beside `path`; creates the parent folder when missing.
    public init(path: String) throws {
        destination = URL(fileURLWithPath: path)
        let folder = destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        handle = try FileHandle(forWritingTo: temporary)
    }

    /// Appends UTF-8 text.
    public func write(_ text: String) throws {
        try handle.write(contentsOf: Data(text.utf8))
    }

    /// Closes the temporary file and renames it into place.
    public func commit() throws {
        try handle.close()
        if FileManager.default.fileExists(atPath: destination.path) {
            _ = try FileManager.default.replaceItemAt(destination, withItemAt: temporary)
        } else {
            try FileManager.default.moveItem(at: temporary, to: destination)
        }
    }

    /// Closes and deletes the temporary file (after a failure).
    public func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(at: temporary)
    }
}
