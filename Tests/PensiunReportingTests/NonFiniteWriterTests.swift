import Foundation
import PensiunEngine
import Testing
@testable import PensiunReporting

/// "Not applicable is not NaN" (docs/model.md): the writers refuse a number that is not finite,
/// and the run-time check finds one in the results before any writer runs.
@Suite struct NonFiniteWriterTests {
    @Test func theNumberWritersRefuseNaNAndInfinityAndWriteNilAsNotApplicable() throws {
        for bad in [Double.nan, .infinity, -.infinity] {
            #expect(throws: NonFiniteOutput.self) { try RunFiles.number(bad, "x") }
            #expect(throws: NonFiniteOutput.self) { try RunJSON.number(bad, "x") }
            #expect(throws: NonFiniteOutput.self) { try RunJSON.encode(["x": bad]) }
        }
        #expect(throws: NonFiniteOutput.self) { try RunFiles.statistic(.infinity, "x") }
        #expect(try RunFiles.number(nil, "x") == "")
        #expect(try RunFiles.statistic(.nan, "x") == "")
        #expect(try RunJSON.number(nil, "x") is NSNull)
        #expect(try RunFiles.number(0.25, "x") == "0.25")
    }

    /// A report whose results hold an infinity: every file writer refuses it, and the check
    /// names the path, year and metric.
    @Test func aReportWithAnInfinityIsRefusedByEveryWriterAndNamedByTheCheck() throws {
        let report = try Fixture.report()
        var results = try #require(report.results)
        #expect(results.firstNonFinite() == nil)
        let t = 3, j = 5
        let column = results.values(.reform, .budgetBurden, t)
        results.values[column.startIndex + j] = .infinity
        results.summaries[j].pvBurdenReform = .infinity
        let bad = try #require(results.firstNonFinite())
        #expect(bad.path == j && bad.year == results.startYear + t)
        #expect(bad.description.hasPrefix("path 5, year \(results.startYear + t): the reform scheme's budget_burden is inf"))
        let broken = RunReport(scenario: report.scenario, inputs: report.inputs, results: results, debt: report.figures.debt,
                               metadata: report.metadata)
        #expect(throws: NonFiniteOutput.self) { try RunFiles.yearly(broken) }
        #expect(throws: NonFiniteOutput.self) { try RunFiles.paths(broken) }
        #expect(throws: NonFiniteOutput.self) { try RunJSON.summary(broken) }
    }

    /// A NaN in a ratio metric is "not applicable" (nobody retires that year); in an amount it is not.
    @Test func aNaNIsNotApplicableOnlyInARatio() throws {
        var results = try #require(try Fixture.report().results)
        let rate = results.values(.current, .replacementRateDB, 0)
        results.values[rate.startIndex] = .nan
        #expect(results.firstNonFinite() == nil)
        let payroll = results.values(.current, .payroll, 0)
        results.values[payroll.startIndex] = .nan
        #expect(results.firstNonFinite()?.description.contains("the current scheme's payroll is nan") == true)
    }
}
