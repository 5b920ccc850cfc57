import Foundation
import PensiunActuarial
import PensiunRuns
import Testing

/// `LifeTableRun`, the life-table command's entry point: text returned or written atomically, and
/// a file this command did not write left alone, the refusal naming --out.
@Suite struct LifeTableRunTests {
    let tmi = Fixtures.root.appendingPathComponent("Scenarios/mortality/tmi-iv-2019.csv").path

    func run(format: LifeTableRun.Format, out: String?) throws -> LifeTableRun.Outcome {
        try LifeTableRun.run(mortality: tmi, rate: 0.07, sex: .male, from: 20, to: 111, paymentsPerYear: 12,
                             escalation: 0, format: format, out: out)
    }

    @Test func writesOrReturnsTheSameText() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let printed = try run(format: .csv, out: nil)
        #expect(printed.ages == 92)
        let text = try #require(printed.text)
        #expect(text.hasPrefix(LifeTableReport.csvHeader))
        let file = folder.appendingPathComponent("tmi.csv").path
        let written = try run(format: .csv, out: file)
        #expect(written.text == nil && written.ages == 92)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == text)
        // Its own file is replaced; a table (the other format) replaces it too.
        #expect(try run(format: .table, out: file).text == nil)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == run(format: .table, out: nil).text)
    }

    @Test func aFileItDidNotWriteIsKept() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("notes.csv").path
        try "a user's own notes\n".write(toFile: file, atomically: true, encoding: .utf8)
        do {
            _ = try run(format: .csv, out: file)
            Issue.record("a file the command did not write was replaced")
        } catch {
            #expect("\(error)".contains("--out"), "\(error)")
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "a user's own notes\n")
    }
}
