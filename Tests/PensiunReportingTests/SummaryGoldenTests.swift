import Foundation
import PensiunScenario
import Testing
@testable import PensiunReporting

/// The printed summary and `summary.md` of a 20-path, seed-42 run of the synthetic scenario, against
/// golden files. Regenerate after an intended change with
/// `PENSIUN_UPDATE_GOLDEN=1 swift test --filter PensiunReportingTests` and review the git diff.
@Suite struct SummaryGoldenTests {
    @Test func printedSummaryMatchesGolden() throws {
        let report = try Fixture.shared.get()
        try Golden.check(SummaryText.render(report), against: "summary.txt")
    }

    /// summary.md as the run folder holds it (written by RunOutput, like `pensiun run`).
    @Test func summaryMarkdownMatchesGolden() throws {
        let report = try Fixture.shared.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pensiun-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try RunOutput.write(report, with: RunOutput.open(folder.path, inputs: [], force: false), partial: false)
        let markdown = try String(contentsOf: folder.appendingPathComponent("summary.md"), encoding: .utf8)
        try Golden.check(markdown, against: "summary.md")
        // The run folder's report.html is the renderer's output.
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html == HTMLReport.render(report))
    }

    @Test func goldenTextHoldsNothingMachineDependent() throws {
        let text = SummaryText.render(try Fixture.shared.get())
        #expect(!text.contains(Fixture.packageRoot.path))
        #expect(!text.contains("thread"))
        #expect(text.contains("Scenario Scenarios/synthetic-small/scenario.yaml · seed 42 · 20 paths · Pensiun golden"))
    }

    /// A golden mismatch shows the changed lines with their numbers and some context.
    @Test func diffShowsChangedLinesWithContext() {
        let expected = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
        let actual = "a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nextra\n"
        let lines = LineDiff.render(expected: expected, actual: actual).components(separatedBy: "\n")
        #expect(lines.contains("-    4  d"))
        #expect(lines.contains("+    4  D"))
        #expect(lines.firstIndex(of: "-    4  d")! < lines.firstIndex(of: "+    4  D")!)
        #expect(lines.contains("+   11  extra"))
        #expect(lines.contains("     3  c"))  // context
        #expect(lines.contains("   ⋮"))        // a gap between the two changes' context
        #expect(!lines.contains("     1  a"))  // too far from any change
    }
}
