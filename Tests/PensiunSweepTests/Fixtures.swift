import Foundation

/// Paths of the package's files, found from this source file.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let synthetic = root.appendingPathComponent("Scenarios/synthetic-small/scenario.yaml").path
}
