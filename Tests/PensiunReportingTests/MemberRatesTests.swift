import Foundation
import PensiunEngine
import PensiunInputs
import PensiunMonteCarlo
import Testing
@testable import PensiunReporting

/// The members' table (model 2.4, issue 20): shown for tracks with pay levels, in the text, the
/// JSON and the report; absent otherwise, where the summary says the percentiles are across paths.
@Suite struct MemberRatesTests {
    /// The synthetic run with three pay levels on its first track (0.8/1/1.2, 25/50/25%).
    static func report() throws -> RunReport {
        let base = try Fixture.report(threads: 1)
        var inputs = base.inputs
        inputs.tracks[0].payLevels = [PayLevel(name: "low", multiplier: 0.8, share: 0.25), PayLevel(name: "mid", multiplier: 1, share: 0.5),
                                      PayLevel(name: "high", multiplier: 1.2, share: 0.25)]
        var scenario = base.scenario
        scenario.projection = inputs
        let results = try MonteCarloProjection(inputs: inputs).run(paths: 0..<Fixture.paths, seed: Fixture.seed, threads: 1)
        return RunReport(scenario: scenario, inputs: inputs, results: results, debt: nil, metadata: base.metadata)
    }

    @Test func tracksWithPayLevelsGetARow() throws {
        let report = try Self.report()
        let members = MemberRates(report.statistics, inputs: report.inputs)
        #expect(members.rows.map(\.track) == [report.inputs.tracks[0].name])
        let row = try #require(members.rows.first)
        #expect(row.levels == "low 25% ×0.800, mid 50% ×1.000, high 25% ×1.200")
        for scheme in Scheme.allCases {
            let r = try #require(row.rates[scheme.rawValue])
            #expect(r.p10 <= r.p50 && r.p50 <= r.p90)
            // The median member on the median path is the median across paths of the decade
            // averages of rr_basic_total_member_p50.
            let averages = report.statistics.decadeAverages(scheme, rate: .rrBasicTotalMemberP50, track: 0)
            #expect(r.p50 == Quantiles.of(averages, levels: [0.5])[0])
        }
        let text = SummaryText.render(report)
        #expect(text.contains("Replacement rates across members"))
        #expect(text.contains("\(row.track) pay levels: low 25% ×0.800"))
        let json = try RunJSON.summary(report)
        #expect(json.contains("\"replacement_rates_by_member\""))
        #expect(json.contains("median_member_p10_path"))
    }

    @Test func withoutPayLevelsTheSummarySaysSo() throws {
        let report = try Fixture.shared.get()
        #expect(MemberRates(report.statistics, inputs: report.inputs).isEmpty)
        #expect(SummaryText.render(report).contains("pay levels: none; every member of a track is paid its salary scale"))
    }
}
