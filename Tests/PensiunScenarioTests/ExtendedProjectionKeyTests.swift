import Foundation
import Testing
@testable import PensiunScenario

/// `reporting.extended_projection.end_year` (issue 21): read, defaulted, and refused before the
/// window's last year with a located line.
@Suite struct ExtendedProjectionKeyTests {
    static let synthetic = BrokenScenarioTests.source.appendingPathComponent("scenario.yaml").path

    @Test func theEndYearIsReadAndDefaultsToNone() throws {
        #expect(try ScenarioLoader.load(path: Self.synthetic).projection?.valuation.extendedEndYear == nil)
        let set = try ScenarioLoader.load(path: Self.synthetic, overrides: ["reporting.extended_projection.end_year=2150"])
        #expect(set.projection?.valuation.extendedEndYear == 2150)
        // The window is 2025–2064: its last year is the earliest end.
        let last = try ScenarioLoader.load(path: Self.synthetic, overrides: ["reporting.extended_projection.end_year=2064"])
        #expect(last.projection?.valuation.extendedEndYear == 2064)
    }

    @Test func anEndYearInsideTheWindowIsRefused() throws {
        let result = try BrokenScenarioTests().problems(replacing: "  discount_rate: path_yields\n",
                                                        with: "  discount_rate: path_yields\n  extended_projection: {end_year: 2063}\n")
        #expect(result.count == 1)
        #expect(result.first?.hasPrefix("DIR/scenario.yaml:95:") == true)
        #expect(result.first?.contains("reporting.extended_projection.end_year") == true)
        #expect(result.first?.contains("2063") == true)
    }
}
