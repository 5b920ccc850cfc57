import Foundation
import PensiunTestSupport
import Testing

/// `run --path-range` shards merged with `pensiun merge` equal one run, byte for byte.
@Suite struct MergeCommandTests {
    let scenario = "Scenarios/synthetic-small/scenario.yaml"
    let common = ["--paths", "48", "--set", "simulation.horizon=12", "--quiet"]

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
        // The commit is read when each process runs; a commit made between the runs (while
        // developing) would change it, so it is left out too.
        #expect(try RunFolders.differences(full, merged, ignoring: ["git_commit"]) == [])
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
