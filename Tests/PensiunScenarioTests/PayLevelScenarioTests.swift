import Foundation
import PensiunInputs
import Testing
@testable import PensiunScenario

/// `tracks[].pay_levels` (model 2.4): read, and refused with a located message when the shares do
/// not sum to 1 or the multipliers do not average 1.
@Suite struct PayLevelScenarioTests {
    static let line = "take_home_multiplier: 1.5               # take-home pay / pensionable salary (assumption)"

    func load(levels: String) throws -> Scenario {
        let scenario = TakeHomeMultiplierTests()
        return try scenario.loadEdited { $0.replacingOccurrences(of: Self.line, with: Self.line + "\n    pay_levels: " + levels) }
    }

    func problem(levels: String) -> String {
        do {
            _ = try load(levels: levels)
            return "loaded"
        } catch {
            return "\(error)"
        }
    }

    @Test func levelsAreRead() throws {
        let s = try load(levels: "[{name: low, multiplier: 0.8, share: 0.25}, {name: mid, multiplier: 1, share: 0.5}, {name: high, multiplier: 1.2, share: 0.25}]")
        let tracks = try #require(s.projection?.tracks)
        #expect(tracks[0].payLevels.map(\.multiplier) == [0.8, 1, 1.2])
        #expect(tracks[0].payLevels.map(\.name) == ["low", "mid", "high"])
        #expect(tracks[1].payLevels == [.path])
    }

    @Test func sharesMustSumToOneAndMultipliersAverageOne() {
        let shares = problem(levels: "[{name: low, multiplier: 0.8, share: 0.25}, {name: mid, multiplier: 1.2, share: 0.5}]")
        #expect(shares.contains("scenario.yaml:54:17: tracks[0].pay_levels: the pay levels' shares sum to 0.75, expected 1"), "\(shares)")
        let mean = problem(levels: "[{name: low, multiplier: 0.8, share: 0.5}, {name: mid, multiplier: 1.1, share: 0.5}]")
        #expect(mean.contains("tracks[0].pay_levels: the pay levels' share-weighted multipliers average 0.95"), "\(mean)")
        let duplicate = problem(levels: "[{name: a, multiplier: 1, share: 0.5}, {name: a, multiplier: 1, share: 0.5}]")
        #expect(duplicate.contains("duplicate pay level name 'a'"), "\(duplicate)")
        let share = problem(levels: "[{name: a, multiplier: 1, share: 0}]")
        #expect(share.contains("tracks[0].pay_levels[0].share"), "\(share)")
    }
}
