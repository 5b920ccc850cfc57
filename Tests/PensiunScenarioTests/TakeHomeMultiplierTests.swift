import Foundation
import Testing
@testable import PensiunScenario

/// The tracks' `take_home_multiplier` (model 2.3; `dc_base_multiplier` is its former name, still
/// read) and the DC contribution base it sets when the DC contributes on take-home pay.
@Suite struct TakeHomeMultiplierTests {
    static let synthetic = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/synthetic-small/scenario.yaml").path
    static let formerName = "tracks[].dc_base_multiplier is now take_home_multiplier"

    func load(_ overrides: [String]) throws -> (multipliers: [Double], onTakeHome: Bool?, warnings: [String]) {
        let scenario = try ScenarioLoader.load(path: Self.synthetic, overrides: overrides)
        let projection = try #require(scenario.projection)
        return (projection.tracks.map { $0.takeHomeMultiplier(2030) }, projection.reform.dc?.onTakeHomePay,
                scenario.warnings.filter { $0.contains(Self.formerName) })
    }

    @Test func theMultipliersAreReadWhateverTheContributionBase() throws {
        let takeHome = try load([])
        #expect(takeHome.multipliers == [1.5, 2.0])
        #expect(takeHome.onTakeHome == true)
        let basic = try load(["reform.dc.contribution_base=basic_salary"])
        #expect(basic.multipliers == [1.5, 2.0], "the rr_takehome_* denominators keep them")
        #expect(basic.onTakeHome == false)
        #expect(basic.warnings.isEmpty)
    }

    /// Loads the synthetic scenario with `replace` applied to its text (in a copy of its folder).
    func loadEdited(_ replace: (String) -> String) throws -> Scenario {
        let text = replace(try String(contentsOfFile: Self.synthetic, encoding: .utf8))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pensiun-thm-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.synthetic).deletingLastPathComponent(), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("scenario.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try ScenarioLoader.load(path: file.path, overrides: [])
    }

    @Test func aMultiplierMayBeDated() throws {
        let s = try loadEdited { $0.replacingOccurrences(of: "take_home_multiplier: 1.5", with: "take_home_multiplier: {2020: 1.5, 2035: 2.5}") }
        let track = try #require(s.projection?.tracks.first)
        #expect(track.takeHomeMultiplier(2034) == 1.5)
        #expect(track.takeHomeMultiplier(2035) == 2.5)
    }

    @Test func theFormerNameIsReadWithANote() throws {
        let s = try loadEdited { $0.replacingOccurrences(of: "take_home_multiplier: 1.5", with: "dc_base_multiplier: 1.5") }
        #expect(s.projection?.tracks.map { $0.takeHomeMultiplier(2030) } == [1.5, 2.0])
        #expect(s.warnings.filter { $0.contains(Self.formerName) }.count == 1)
        #expect(throws: ScenarioError.self) {
            try loadEdited { $0.replacingOccurrences(of: "take_home_multiplier: 1.5", with: "dc_base_multiplier: 1.5\n    take_home_multiplier: 1.5") }
        }
    }
}
