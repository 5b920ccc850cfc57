import Foundation
import PensiunSweep
import Testing

/// docs/sweeps.md's table of per-path summaries is generated from ``PathSummaryField``; after a
/// change to the fields, regenerate it with `PENSIUN_UPDATE_DOCS=1 swift test --filter
/// SummaryFieldDocsTests` and review `git diff`.
@Suite struct SummaryFieldDocsTests {
    static let begin = "<!-- BEGIN generated: per-path summaries -->\n"
    static let end = "<!-- END generated: per-path summaries -->\n"

    @Test func theDocumentedSummariesAreTheDeclaredOnes() throws {
        let file = Fixtures.root.appendingPathComponent("docs/sweeps.md").path
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let start = try #require(text.range(of: Self.begin)), stop = try #require(text.range(of: Self.end))
        let updated = String(text[..<start.upperBound]) + SummaryField.docsTable + String(text[stop.lowerBound...])
        if ProcessInfo.processInfo.environment["PENSIUN_UPDATE_DOCS"] == "1" {
            if updated != text { try updated.write(toFile: file, atomically: true, encoding: .utf8) }
            return
        }
        #expect(updated == text, "docs/sweeps.md differs from PathSummaryField: run PENSIUN_UPDATE_DOCS=1 swift test --filter SummaryFieldDocsTests")
    }

    @Test func everyNameOfTheExpressionLanguageHasARow() {
        let table = SummaryField.docsTable
        for field in SummaryField.allCases { #expect(table.contains("| `\(field.rawValue)` |")) }
        #expect(table.contains("| `breaks_even` | 1 or 0 | 1 on a path where `breakeven_year` has a value, 0 otherwise |"))
        #expect(table.contains("| `pv_difference` | currency | pv_burden_reform − pv_burden_current |"))
    }
}
