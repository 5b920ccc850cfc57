// The flagship scenario (Scenarios/indonesia-asn-2019/baseline.yaml), read through the project's
// own loader so the benchmarks always measure the numbers the committed scenario holds.
import Foundation
import PensiunScenario

enum Flagship {
    /// Scenarios/indonesia-asn-2019/baseline.yaml, found from this source file's location
    /// (Benchmarks/Benchmarks/PensiunBenchmarks/ in the project), whatever the working directory.
    static let path: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // PensiunBenchmarks/
        .deletingLastPathComponent()  // Benchmarks/Benchmarks/
        .deletingLastPathComponent()  // Benchmarks/
        .deletingLastPathComponent()  // the project
        .appendingPathComponent("Scenarios/indonesia-asn-2019/baseline.yaml").path

    /// The loaded scenario; a benchmark run stops with the loader's message if it cannot be read.
    static let scenario: Scenario = {
        do {
            return try ScenarioLoader.load(path: path)
        } catch {
            fatalError("cannot load the flagship scenario \(path):\n\(error)")
        }
    }()
}
