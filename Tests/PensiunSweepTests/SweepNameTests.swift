import Foundation
import PensiunScenario
import Testing
@testable import PensiunSweep

/// The output-name rule of scenario files (PensiunScenarioTests/OutputNameTests) for sweep files
/// (`Outputs/sweeps/<name>/`).
@Suite struct SweepNameTests {
    static let synthetic = Fixtures.synthetic
    /// The rule as the error message states it (the words of OutputNameTests.rule).
    static let rule = "at most 100 ASCII letters, digits, '.', '_' or '-', not starting with '.'"

    /// Reads a sweep file called `fileName` whose first line is `nameLine`; its name, or its problems.
    func read(fileName: String, nameLine: String) throws -> Result<String, ScenarioError> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pensiun-sweepname-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(fileName).path
        let text = nameLine + "\nbase: \(Self.synthetic)\nparameters:\n  - key: reform.dc.employer_rate\n    values: [0.04, 0.08]\n"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        do {
            return .success(try SweepLoader.load(path: file).name)
        } catch {
            return .failure(ScenarioError(error.diagnostics.map {
                ScenarioDiagnostic(file: ($0.file as NSString).lastPathComponent, line: $0.line, column: $0.column,
                                   keyPath: $0.keyPath, message: $0.message)
            }))
        }
    }

    @Test func anExplicitSweepNameOutsideTheRuleIsLocated() throws {
        guard case let .failure(error) = try read(fileName: "sweep.yaml", nameLine: "name: ../../etc") else {
            Issue.record("expected ../../etc to be refused")
            return
        }
        #expect(error.description == "sweep.yaml:1:7: name: expected a name of \(Self.rule), got '../../etc' (with '/')")
    }

    @Test func theDefaultSweepNameIsMadeSafe() throws {
        #expect(try read(fileName: ".my sweep.yaml", nameLine: "# no name").get() == "-my-sweep")
        #expect(try read(fileName: "grid.yaml", nameLine: "name: grid_2.b").get() == "grid_2.b")
    }
}
