import Foundation
import PensiunEngine
import PensiunInputs
import Testing
@testable import PensiunReporting

/// The valuations beyond the window in the printed summary and `summary.json` (issue 21).
@Suite struct BeyondHorizonReportTests {
    static func report(_ change: (inout ProjectionInputs) -> Void = { _ in }) throws -> RunReport {
        var report = try Fixture.shared.get()
        var inputs = report.inputs
        change(&inputs)
        report.beyond = [BeyondHorizonRow(name: "base", inputs: inputs, value: try BeyondHorizon.compute(inputs))]
        return report
    }

    @Test func theSummaryPrintsEachMeasureWithItsBasis() throws {
        let report = try Self.report()
        let text = SummaryText.render(report)
        let v = report.beyond[0].value
        #expect(text.contains("Accrued liability at the start of \(v.horizonYear)"))
        #expect(text.contains("Extended projection to \(v.extended.endYear), entrants continuing"))
        #expect(text.contains("General average premium 2025–2064"))
        // Every present value is printed beside its discount basis.
        let basisLines = text.split(separator: "\n").filter { $0.contains("discounting") }
        #expect(basisLines.count >= 4)
        let block = BeyondHorizonReport.lines(report, money: { Format.grouped($0 / 1e6) }, unit: "million")
        for line in block { #expect(line.count <= 100, "\(line)") }
    }

    @Test func rAtOrBelowGIsWarnedBesideTheExtendedProjection() throws {
        let report = try Self.report { $0.valuation.discountRate = 0.001 }
        #expect(SummaryText.render(report).contains("base: r ≤ g: the last years dominate these present values"))
        #expect(!SummaryText.render(try Self.report { $0.valuation.discountRate = 0.2 }).contains("base: r ≤ g"))
    }

    @Test func theJSONHasTheIssuesNamesAndNullsWithoutValuations() throws {
        let report = try Self.report()
        let object = try #require(JSONSerialization.jsonObject(with: Data(try RunJSON.summary(report).utf8)) as? [String: Any])
        let accrued = try #require(object["accrued_liability_at_horizon"] as? [String: Any])
        let current = try #require(accrued["current"] as? [String: Any])
        let l = try #require(report.beyond[0].value.liability[0])
        #expect(abs((current["at_horizon"] as? Double ?? 0) / l.atHorizon - 1) < 1e-15)
        #expect(accrued["year"] as? Int == 2065)
        let extended = try #require(object["extended_pv_difference"] as? [String: Any])
        #expect(extended["end_year"] as? Int == report.beyond[0].value.extended.endYear)
        #expect(abs((extended["value"] as? Double ?? 0) / report.beyond[0].value.extended.pvDifference - 1) < 1e-15)
        let premium = try #require(object["general_average_premium"] as? [String: Any])
        #expect((premium["reform"] as? [String: Any])?["open_group"] is Double)
        #expect(abs((object["r_minus_g"] as? Double ?? 0) - (report.figures.discountBasis?.gap ?? 1)) < 1e-15)
        // A shard values nothing beyond the window: the three entries are null.
        let shard = try #require(JSONSerialization.jsonObject(with: Data(try RunJSON.summary(try Fixture.shared.get()).utf8)) as? [String: Any])
        #expect(shard["accrued_liability_at_horizon"] is NSNull && shard["extended_pv_difference"] is NSNull)
        #expect(shard["general_average_premium"] is NSNull)
    }

    @Test func withoutAReformTheReformsFiguresAreNull() throws {
        var report = try Fixture.report(withoutReform: true)
        report.beyond = [BeyondHorizonRow(name: "base", inputs: report.inputs, value: try BeyondHorizon.compute(report.inputs))]
        let object = try #require(JSONSerialization.jsonObject(with: Data(try RunJSON.summary(report).utf8)) as? [String: Any])
        let extended = try #require(object["extended_pv_difference"] as? [String: Any])
        #expect(extended["value"] is NSNull && extended["pct_pv_gdp"] is NSNull && extended["pv_current"] is Double)
        #expect((object["accrued_liability_at_horizon"] as? [String: Any])?["reform"] is NSNull)
        #expect((object["general_average_premium"] as? [String: Any])?["reform"] is NSNull)
    }

    @Test func longBasisLinesAreWrappedWithinTheWidth() throws {
        // Three sets of assumptions, every one at r ≤ g: the r − g list and the warning wrap.
        var report = try Self.report { $0.valuation.discountRate = 0.001 }
        let row = report.beyond[0]
        report.beyond = ["base", "a_long_alternative_name", "another_long_alternative_name"].map {
            BeyondHorizonRow(name: $0, inputs: row.inputs, value: row.value, accrual: nil)
        }
        let block = BeyondHorizonReport.lines(report, money: { Format.grouped($0 / 1e6) }, unit: "million")
        #expect(block.contains { $0.contains("r ≤ g") })
        for line in block { #expect(line.count <= 100, "\(line)") }
    }
}
