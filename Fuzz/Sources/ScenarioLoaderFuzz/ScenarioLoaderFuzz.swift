// libFuzzer target: the scenario loader on arbitrary text. Any error the loader throws is a
// correct answer; a crash, a trap, a hang (-timeout) or runaway memory (-rss_limit_mb) is a finding.
import Foundation
import PensiunScenario

/// The input is named as if it were Scenarios/synthetic-small/scenario.yaml, so that the data
/// files it names (data/actives.csv, …) resolve to that family's real CSVs.
private let scenarioFile: String = {
    let fuzzDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()  // Fuzz/Sources/ScenarioLoaderFuzz
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return fuzzDir.appendingPathComponent("Scenarios/synthetic-small/scenario.yaml").path
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? ScenarioLoader.parse(yaml: text, file: scenarioFile)
    return 0
}
