import Foundation
import PensiunEngine
import Testing
@testable import PensiunReporting

/// ``SurvivorOrigins`` (issue 20): sums and averages of the yearly means over the reform's years,
/// in the summary, `summary.json` and the HTML report.
@Suite struct SurvivorOriginsTests {
    @Test func figuresAreTheYearlyMeansOverTheReformYears() throws {
        let report = try Fixture.shared.get()
        let origins = try #require(SurvivorOrigins(report.statistics, inputs: report.inputs, hasReform: report.scenario.hasReform))
        let first = try #require(report.inputs.reform.dc?.year)
        #expect(origins.years == first...(report.statistics.startYear + report.statistics.horizon - 1))
        for scheme in Scheme.allCases {
            func means(_ m: Metric) -> [Double] { origins.years.map { report.statistics.summary(scheme, m, year: $0)?.mean ?? .nan } }
            let f = origins.schemes[scheme.rawValue]
            #expect(f.inService == means(.survivorEntriesInService).reduce(0, +))
            #expect(f.afterAward == means(.survivorEntriesAfterAward).reduce(0, +))
            let n = Double(origins.years.count)
            #expect(abs(f.benefitsPctGDP - means(.survivorBenefitsPctGDP).reduce(0, +) / n) <= 1e-15)
            #expect(abs(f.burdenPctGDP - means(.burdenPctGDP).reduce(0, +) / n) <= 1e-15)
            #expect(f.inService > 0 && f.afterAward > 0 && f.benefitsPctGDP > 0 && f.benefitsPctGDP < f.burdenPctGDP)
        }
        #expect(origins.removedPctGDP == origins.schemes[0].benefitsPctGDP - origins.schemes[1].benefitsPctGDP)
        #expect(origins.sentence != nil)

        let json = try #require(JSONSerialization.jsonObject(with: Data(try RunJSON.summary(report).utf8)) as? [String: Any])
        let byOrigin = try #require(json["survivors_by_origin"] as? [String: Any])
        let current = try #require(byOrigin["current"] as? [String: Any])
        #expect(current["entries_in_service"] as? Double == origins.schemes[0].inService)
        #expect(byOrigin["sentence"] as? String == origins.sentence)
        #expect(HTMLReport.render(report).contains(#"<section id="survivors">"#))
    }

    @Test func noReformNoTable() throws {
        let report = try Fixture.shared.get()
        #expect(SurvivorOrigins(report.statistics, inputs: report.inputs, hasReform: false) == nil)
    }
}
