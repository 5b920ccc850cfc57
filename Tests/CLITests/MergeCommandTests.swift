import Foundation
import Testing

/// `run --path-range` shards merged with `pensiun merge` equal one run, byte for byte.
@Suite struct MergeCommandTests {
    let scenario = "Scenarios/synthetic-small/scenario.yaml"
    let common = ["--paths", "48", "--set", "simulation.horizon=12", "--quiet"]

    /// The manifest without its execution record and git commit.
    func manifestWithoutExecution(_ folder: URL) throws -> Data {
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["execution"] = nil
        // The commit is read when each process runs; a commit made between the runs (while
        // developing) would change it, so it is left out here.
        object["git_commit"] = nil
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    @Test func shardsMergedEqualOneRun() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let full = folder.appendingPathComponent("full"), merged = folder.appendingPathComponent("merged")
        #expect(try CLI.run(["run", scenario, "--out", full.path] + common).status == 0)
        var shards: [String] = []
        for (a, b) in [(0, 10), (10, 33), (33, 48)] {
            let shard = folder.appendingPathComponent("shard-\(a)").path
            let result = try CLI.run(["run", scenario, "--path-range", "\(a)..\(b)", "--threads", "1", "--out", shard] + common)
            #expect(result.status == 0, "\(result.stderr)")
            shards.append(shard)
        }
        let result = try CLI.run(["merge"] + shards.reversed() + ["--out", merged.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        for file in ["summary.md", "summary.json", "yearly.csv", "paths.csv"] {
            let a = try Data(contentsOf: full.appendingPathComponent(file)), b = try Data(contentsOf: merged.appendingPathComponent(file))
            #expect(a == b, "\(file) differs")
        }
        #expect(try manifestWithoutExecution(full) == manifestWithoutExecution(merged))
    }

    @Test func aGapBetweenShardsIsAnError() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a").path, b = folder.appendingPathComponent("b").path
        #expect(try CLI.run(["run", scenario, "--path-range", "0..10", "--out", a] + common).status == 0)
        #expect(try CLI.run(["run", scenario, "--path-range", "20..48", "--out", b] + common).status == 0)
        let result = try CLI.run(["merge", a, b, "--out", folder.appendingPathComponent("m").path])
        #expect(result.status == 2)
        #expect(result.stderr == "\(b): paths 20..<48 leaves paths 10..<20 uncovered (expected ranges covering 0..<48 once)\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("m").path))
    }

    @Test func aPathRangeBeyondThePathsIsRejected() throws {
        let result = try CLI.run(["run", scenario, "--paths", "10", "--path-range", "5..12"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("Error: --path-range 5..12 goes beyond --paths 10."))
    }
}
