import Foundation
import PensiunEngine
import PensiunInputs
import PensiunMonteCarlo
import PensiunScenario
import Testing
@testable import PensiunReporting

/// The financing lines of the summaries (issue 21, docs/model.md Part II "Financing the
/// transition") on the synthetic scenario with `reform.financing: borrowing`.
@Suite struct FinancingReportTests {
    static func report(_ financing: TransitionFinancing) throws -> RunReport {
        var scenario = try Fixture.scenario()
        scenario.projection?.valuation.financing = financing
        let inputs = try #require(scenario.projection)
        let results = try MonteCarloProjection(inputs: inputs).run(paths: 0..<Fixture.paths, seed: Fixture.seed, threads: 2)
        let metadata = RunMetadata(version: "golden", gitCommit: nil, seed: Fixture.seed, paths: 0..<Fixture.paths,
                                   totalPaths: Fixture.paths, threads: 2, wallTime: 0)
        return RunReport(scenario: scenario, inputs: inputs, results: results, debt: try ImplicitPensionDebt.compute(inputs),
                         metadata: metadata)
    }

    static let borrowing: Result<RunReport, any Error> = Result { try report(.borrowing) }

    @Test func theSummariesShowTheDebtOnlyWhenTheReformBorrows() throws {
        let report = try Self.borrowing.get()
        let results = try #require(report.results)
        let text = SummaryText.render(report)
        #expect(text.contains("Transition debt, peak (% of GDP), median"))
        #expect(text.contains("Implicit and explicit debt of the reform, beside the DC fund's government bonds (% of GDP, start"))
        let block = text.components(separatedBy: "Transition debt, peak")[1].components(separatedBy: "Survivors drawing")[0]
        #expect(block.split(separator: "\n").allSatisfy { $0.count <= 100 }, "fits 100 columns: \(block)")
        // The peak's median is that of each path's largest transition_debt_pct_gdp.
        let h = results.horizon
        let peaks = (0..<Fixture.paths).map { j in (0...h).map { Array(results.values(.reform, .transitionDebtPctGDP, $0))[j] }.max()! }
        let figures = try #require(FinancingFigures(statistics: report.statistics, inputs: report.inputs, hasReform: true,
                                                    debt: report.figures.debt))
        #expect(figures.peak.median == Quantiles.of(peaks, levels: [0.5])[0])
        #expect(h == 40 && figures.rows.map(\.year) == [2025, 2035, 2045, 2055, 2065])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(RunJSON.summary(report).utf8)) as? [String: Any])
        let financing = try #require(json["financing"] as? [String: Any])
        #expect(financing["rule"] as? String == "borrowing")
        #expect((financing["explicit_and_implicit_debt"] as? [[String: Any]])?.count == figures.rows.count)
        #expect(financing["peak_transition_debt_pct_gdp"] is [String: Any])
        // Without a financing rule: no lines, `financing: null`, and empty cells in yearly.csv.
        let none = try Fixture.shared.get()
        #expect(!SummaryText.render(none).contains("Transition debt"))
        let plain = try #require(try JSONSerialization.jsonObject(with: Data(RunJSON.summary(none).utf8)) as? [String: Any])
        #expect(plain["financing"] is NSNull)
        let yearly = try RunFiles.yearly(none)
        #expect(yearly.contains("\nreform,2030,transition_debt,,,,,,\n"))
        #expect(!yearly.contains("current,2030,transition_debt"))
        #expect(try RunFiles.yearly(report).contains("\nreform,2030,transition_debt,"))
        #expect(!(try RunFiles.yearly(report)).contains("\nreform,2030,transition_debt,,"))
    }

    /// A streamed run keeps the same per-path financing numbers, bit for bit.
    @Test func streamingKeepsTheFinancingNumbers() throws {
        let report = try Self.borrowing.get()
        let projection = try MonteCarloProjection(inputs: report.inputs)
        var accumulator = RunStatistics.Accumulator(inputs: report.inputs, targets: [], debt: report.figures.debt)
        for chunk in [0..<3, 3..<11, 11..<Fixture.paths] {
            accumulator.add(try projection.run(paths: chunk, seed: Fixture.seed, threads: 2), threads: 2)
        }
        let streamed = accumulator.finish().financing, exact = report.statistics.financing
        func bits(_ v: [Double]) -> [UInt64] { v.map(\.bitPattern) }
        #expect(bits(streamed.peakPctGDP) == bits(exact.peakPctGDP) && bits(streamed.peakYear) == bits(exact.peakYear))
        #expect(bits(streamed.debtAtHorizon) == bits(exact.debtAtHorizon))
        #expect(bits(streamed.reserveAtHorizonPctGDP) == bits(exact.reserveAtHorizonPctGDP))
        #expect(streamed.fundBondsPctGDP.map(bits) == exact.fundBondsPctGDP.map(bits))
        #expect(streamed.recognitionPctGDP.map(bits) == exact.recognitionPctGDP.map(bits))
        #expect(exact.peakPctGDP.count == Fixture.paths && !exact.peakPctGDP.contains(where: \.isNaN))
    }

    @Test func theImplicitDebtSitsBesideTheExplicit() throws {
        // With the accrual view, each row of the table shows the reform's accrued DB rights.
        var report = try Self.borrowing.get()
        let accrual = try AccrualView.compute(report.inputs, threads: 2)
        report.beyond = [BeyondHorizonRow(name: "base", inputs: report.inputs, value: try BeyondHorizon.compute(report.inputs),
                                          accrual: accrual)]
        let k = try #require(accrual.years.firstIndex(of: 2035))
        let value = try #require(accrual.liability[1][k]).pctGDP
        #expect(FinancingFigures.implicitPctGDP(report, year: 2035) == .some(value))
        let row = try #require(SummaryText.render(report).split(separator: "\n").first { $0.hasPrefix("  2035 ") })
        #expect(row.hasPrefix("  2035  " + Format.right(Format.percent(value), 15)))
        #expect(FinancingFigures.implicitPctGDP(try Self.borrowing.get(), year: 2035) == nil)
    }
}
