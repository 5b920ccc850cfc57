import Foundation
import Testing

/// A relative path given with `--set` is relative to the current folder (as a shell user
/// expects); a path written in a scenario file stays relative to that file.
@Suite struct SetPathTests {
    static let scenario = CLI.packageRoot.appendingPathComponent("Scenarios/synthetic-small/scenario.yaml").path

    /// Runs `validate` in a fresh folder holding `mine/actives.csv` and `mine/table.csv` (copies
    /// of shipped data, found nowhere near the scenario).
    func validate(_ overrides: [String]) throws -> CLI.Result {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mine = folder.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        let scenarios = CLI.packageRoot.appendingPathComponent("Scenarios")
        try FileManager.default.copyItem(at: scenarios.appendingPathComponent("synthetic-small/data/actives.csv"),
                                         to: mine.appendingPathComponent("actives.csv"))
        try FileManager.default.copyItem(at: scenarios.appendingPathComponent("mortality/tmi-iv-2019.csv"),
                                         to: mine.appendingPathComponent("table.csv"))
        return try CLI.run(["validate", Self.scenario] + overrides.flatMap { ["--set", $0] }, in: folder)
    }

    @Test func aSetCSVPathIsRelativeToTheCurrentFolder() throws {
        let result = try validate(["population.actives=mine/actives.csv"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func aSetMortalityTableIsRelativeToTheCurrentFolder() throws {
        let result = try validate(["mortality.basis=mine/table.csv"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func aMissingSetPathSaysWhatItIsRelativeTo() throws {
        let result = try validate(["population.actives=data/actives.csv"])
        #expect(result.status == 2)
        #expect(result.stderr == "--set: population.actives: cannot read the CSV file 'data/actives.csv': no such file (expected an existing UTF-8 file relative to the current folder, as every --set path is)\n")
    }

    /// The scenario's own `data/actives.csv` is found from any folder.
    @Test func aPathInTheFileStaysRelativeToTheFile() throws {
        let result = try validate([])
        #expect(result.status == 0, "\(result.stderr)")
    }
}
