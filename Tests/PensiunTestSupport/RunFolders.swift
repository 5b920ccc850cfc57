import Foundation

/// "The same run folder apart from how it was produced", for the tests: a call of
/// scripts/same-run-folder.py, the one implementation, which scripts/check-flagship.sh and
/// scripts/test-slurm.sh call too (the same files, equal bytes, manifest.json equal once its
/// execution record is dropped).
public enum RunFolders {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The repository's root, from this file's place in Tests/PensiunTestSupport/.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The differences between folders `a` and `b`, one line each; empty when they hold the same
    /// results. `ignoring` names more top-level manifest keys to drop (e.g. "git_commit", which a
    /// commit made between two runs would change).
    public static func differences(_ a: URL, _ b: URL, ignoring: [String] = []) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/same-run-folder.py").path, a.path, b.path]
            + ignoring.flatMap { ["--ignore", $0] }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = text.split(separator: "\n").map(String.init)
        switch process.terminationStatus {
        case 0: return []
        case 1: return lines
        default: throw Failure(description: "same-run-folder.py \(a.path) \(b.path): \(text)")
        }
    }
}
