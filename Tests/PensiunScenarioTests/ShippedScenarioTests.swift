import Foundation
import Testing
@testable import PensiunScenario

@Suite struct ShippedScenarioTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theSyntheticScenarioLoadsCompletely() throws {
        let s = try ScenarioLoader.load(path: Self.root.appendingPathComponent("Scenarios/synthetic-small/scenario.yaml").path)
        let p = try #require(s.projection)
        #expect(p.tracks.map(\.name) == ["clerical", "professional"])
        #expect(p.population.actives.reduce(0) { $0 + $1.count } == 4480)
        #expect(p.reform.dc?.year == 2027)
        #expect(p.calendar.maximumAge == 130)
        #expect(s.files.count >= 6)
    }
}
