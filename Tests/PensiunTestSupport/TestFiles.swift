import Foundation

/// The package's files as the tests find them, and fresh temporary folders.
public enum TestFiles {
    /// The package root (three levels above this file: Tests/PensiunTestSupport/).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The small synthetic scenario the end-to-end tests run.
    public static let synthetic = root.appendingPathComponent("Scenarios/synthetic-small/scenario.yaml").path

    /// A fresh temporary folder, removed by the caller.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pensiun-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
