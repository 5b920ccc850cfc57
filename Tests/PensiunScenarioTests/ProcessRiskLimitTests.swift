import Foundation
import PensiunEngine
import PensiunInputs
import Testing
@testable import PensiunScenario

/// Process risk draws member counts as 32-bit integers: an initial cell above 2³² − 1 members is
/// refused when the scenario is read, and a cell that grows past it stops the run with an error
/// naming path, year and cell (never a trap).
@Suite struct ProcessRiskLimitTests {
    static let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/synthetic-small")

    /// The problems of the synthetic scenario with `rows` replacing its first active row.
    func problems(firstRow rows: String, overrides: [String]) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pensiun-risk-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.source, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("data/actives.csv")
        let text = try String(contentsOf: csv, encoding: .utf8)
        #expect(text.contains("\nmale,clerical,22,0,10\n"))
        try text.replacingOccurrences(of: "\nmale,clerical,22,0,10\n", with: "\n\(rows)\n").write(to: csv, atomically: true, encoding: .utf8)
        let scenario = folder.appendingPathComponent("scenario.yaml")
        let yaml = try String(contentsOf: scenario, encoding: .utf8)
        try yaml.replacingOccurrences(of: "  process_risk: false", with: "  process_risk: true").write(to: scenario, atomically: true, encoding: .utf8)
        do {
            _ = try ScenarioLoader.load(path: scenario.path, overrides: overrides)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: folder.path, with: "DIR") }
        }
    }

    static let tail = "more than process risk can draw (at most 4294967295 a cell; set decrements.process_risk to false or scale the population down)"

    @Test func anInitialCellAboveTheLimitIsRefusedAtTheProcessRiskKey() throws {
        // Each row is within its key's range (at most 1e9 members); the cell is their sum.
        #expect(try problems(firstRow: String(repeating: "male,clerical,22,0,1e9\n", count: 5).dropLast().description, overrides: []) == [
            "DIR/scenario.yaml:43:17: decrements.process_risk: the active cell (male, track clerical, age 22, service 0): 5000000000 members, \(Self.tail)",
        ])
    }

    /// Rows of the same cell are summed, as the engine sums them.
    @Test func rowsOfOneCellCountTogether() throws {
        let result = try problems(firstRow: String(repeating: "male,clerical,22,0,1e9\n", count: 6).dropLast().description, overrides: [])
        #expect(result.count == 1)
        #expect(result.first?.contains("6000000000 members") == true)
    }

    @Test func withoutProcessRiskALargeCellIsRead() throws {
        #expect(try problems(firstRow: String(repeating: "male,clerical,22,0,1e9\n", count: 5).dropLast().description,
                             overrides: ["decrements.process_risk=false"]) == [])
    }

    @Test func aCellThatGrowsPastTheLimitStopsTheRunWithAnError() throws {
        let scenario = try ScenarioLoader.load(path: Self.source.appendingPathComponent("scenario.yaml").path, overrides: [
            "decrements.process_risk=true", "entrants.target={growth: 1}", "simulation.horizon=40",
        ])
        let inputs = try #require(scenario.projection)
        let projection = try MonteCarloProjection(inputs: inputs)
        let error = #expect(throws: ProcessRiskLimitError.self) {
            _ = try projection.run(paths: 0..<1, seed: 42, threads: 1)
        }
        #expect(error?.description == "path 0, year 2046: the entrants of the year: 4837061188 members, \(Self.tail)")
    }
}
