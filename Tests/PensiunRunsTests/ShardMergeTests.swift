import Foundation
import PensiunTestSupport
import PensiunRuns
import Testing

/// `ScenarioRun` and `ShardMerge`: shards of a run joined equal the run of every path (apart
/// from the manifest's execution record); shards that do not tile the paths are refused.
@Suite struct ShardMergeTests {
    let overrides = ["simulation.horizon=8"]

    func request(_ out: URL, range: Range<Int>? = nil) -> ScenarioRun.Request {
        ScenarioRun.Request(scenario: Fixtures.synthetic, overrides: overrides, paths: 12, range: range, threads: 1,
                            out: out.path, version: "test")
    }

    @Test func shardsMergedEqualOneRun() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let full = base.appendingPathComponent("full"), merged = base.appendingPathComponent("merged")
        let single = try ScenarioRun.run(request(full))
        #expect(single.folder == full.path)
        #expect(single.report.statistics.paths == 0..<12)
        var shards: [String] = []
        for range in [5..<12, 0..<5] {
            let shard = base.appendingPathComponent("shard-\(range.lowerBound)")
            #expect(try ScenarioRun.run(request(shard, range: range)).report.statistics.paths == range)
            shards.append(shard.path)
        }
        let outcome = try ShardMerge.merge(shards, out: merged.path, threads: 1, force: false, version: "test")
        #expect(outcome.shards == 2)
        #expect(outcome.leftover == nil)
        #expect(outcome.report.metadata.mergedFrom == [shards[1], shards[0]])
        #expect(try RunFolders.differences(full, merged, ignoring: ["git_commit"]) == [])
        // Streamed (the shards read one at a time): the same per-path files and yearly means as
        // a streamed run of every path, recorded as streamed.
        let streamedMerge = base.appendingPathComponent("streamed-merge"), streamedRun = base.appendingPathComponent("streamed-run")
        var notices: [String] = []
        let streamed = try ShardMerge.merge(shards, out: streamedMerge.path, threads: 1, force: false, version: "test",
                                            forceStreaming: true, notice: { notices.append($0) })
        #expect(streamed.report.results == nil && streamed.report.statistics.quantileAccuracy == 1e-3)
        #expect(notices.count == 1 && notices[0].hasPrefix("merge streaming (--stream): reading the shards one at a time (the largest has 7 paths)"), "\(notices)")
        var runRequest = request(streamedRun)
        runRequest.forceStreaming = true
        let run = try ScenarioRun.run(runRequest)
        #expect(try RunFolders.differences(streamedRun, streamedMerge, ignoring: ["git_commit"]) == [])
        #expect(zip(run.report.yearly, single.report.yearly).allSatisfy { $0.summary?.mean.bitPattern == $1.summary?.mean.bitPattern })
    }

    @Test func shardsThatDoNotTileThePathsAreRefused() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        func shard(_ range: Range<Int>) throws -> ShardMerge.Shard {
            let folder = base.appendingPathComponent("shard-\(range.lowerBound)-\(range.upperBound)")
            _ = try ScenarioRun.run(request(folder, range: range))
            return try ShardMerge.load(folder.path)
        }
        let a = try shard(0..<4), b = try shard(6..<12), c = try shard(3..<6), d = try shard(4..<6)
        #expect(try ShardMerge.ordered([b, d, a]).map(\.paths) == [0..<4, 4..<6, 6..<12])
        #expect(throws: InputError("\(b.folder): paths 6..<12 leaves paths 4..<6 uncovered (expected ranges covering 0..<12 once)")) {
            try ShardMerge.ordered([a, b])
        }
        #expect(throws: InputError("\(c.folder): paths 3..<6 overlaps the previous shard (expected ranges covering 0..<12 once)")) {
            try ShardMerge.ordered([a, c, b])
        }
        #expect(throws: InputError("merge: paths 6..<12 are missing (expected ranges covering 0..<12 once)")) {
            try ShardMerge.ordered([a, d])
        }
        #expect(throws: InputError("merge: no shard folders given")) { try ShardMerge.ordered([]) }
        // A folder without results.bin (a whole run) is not a shard.
        let whole = base.appendingPathComponent("whole")
        _ = try ScenarioRun.run(request(whole))
        #expect(throws: InputError("\(whole.path): has no results.bin (expected a shard written by pensiun run --path-range)")) {
            try ShardMerge.load(whole.path)
        }
    }

    /// A run refuses, before writing anything, more paths than memory allows and a scenario
    /// without the projection sections.
    @Test func aRunRefusesBeforeWriting() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("run")
        var huge = request(out)
        huge.paths = Int(UInt32.max) - 1
        #expect(throws: InputError.self) { try ScenarioRun.run(huge) }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
