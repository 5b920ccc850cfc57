import Foundation
import PensiunReporting
import PensiunScenario
import Testing
@testable import PensiunRuns

/// A run whose results do not fit its memory limit streams them: the same per-path files and
/// means as the run in memory, percentiles within the sketch's bound, and a record that it did.
@Suite struct StreamingRunTests {
    static let overrides = ["simulation.horizon=8"]

    func request(_ out: URL, paths: Int, limit: Int? = nil, stream: Bool = false) -> ScenarioRun.Request {
        ScenarioRun.Request(scenario: Fixtures.synthetic, overrides: Self.overrides, paths: paths, seed: 7, threads: 2,
                            out: out.path, version: "test", memoryLimit: limit, forceStreaming: stream)
    }

    /// `--stream` on a run that fits: one chunk here (the chunking itself is checked against the
    /// in-memory statistics in StreamedStatisticsTests).
    @Test func aStreamedRunKeepsItsMeansAndPerPathFilesExact() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let paths = 300
        let memory = base.appendingPathComponent("memory"), streamed = base.appendingPathComponent("streamed")
        let a = try ScenarioRun.run(request(memory, paths: paths))
        #expect(a.report.results != nil && a.report.statistics.quantileAccuracy == nil)
        var notices: [String] = []
        let b = try ScenarioRun.run(request(streamed, paths: paths, stream: true), notice: { notices.append($0) })
        #expect(b.report.results == nil && b.report.statistics.quantileAccuracy == 1e-3)
        #expect(notices.count == 1 && notices[0].hasPrefix("run streaming (--stream): projecting chunks of 300 paths and keeping their statistics (about ")
                && notices[0].hasSuffix("): means exact, yearly percentiles within 0.1% of each value"), "\(notices)")
        for file in ["paths.csv", "profiles.csv", "cashflows.csv", "composition.csv"] {
            #expect(try Data(contentsOf: memory.appendingPathComponent(file)) == Data(contentsOf: streamed.appendingPathComponent(file)), "\(file)")
        }
        for (x, y) in zip(a.report.yearly, b.report.yearly) {
            #expect(x.summary?.mean.bitPattern == y.summary?.mean.bitPattern, "\(x.metric) \(x.year)")
            if let e = x.summary, let s = y.summary {
                for (u, v) in [(e.p5, s.p5), (e.p50, s.p50), (e.p95, s.p95)] {
                    // Within α of the larger of the two order statistics around the level, itself
                    // within the sample's range: α·max(|min|, |max|) bounds it from above.
                    #expect(abs(u - v) <= 1e-3 * max(abs(u), abs(v)) * 1.01 + 1e-300, "\(x.metric) \(x.year): \(u) vs \(v)")
                }
            }
        }
        let json = try String(contentsOf: streamed.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(json.contains("\"yearly_quantile_relative_accuracy\" : 0.001"))
        let manifest = try String(contentsOf: streamed.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"streamed\" : true"))
        #expect(!(try String(contentsOf: memory.appendingPathComponent("summary.json"), encoding: .utf8)).contains("streamed"))
    }

    /// Streamed with a memory limit that holds one chunk of 64 paths (a run this small fits in
    /// memory, so `--stream` makes it stream): the run projects 300 paths in five chunks (64 × 4 +
    /// 44), in path order, and still writes the in-memory run's per-path files and means.
    @Test func aRunInSeveralChunksKeepsItsPathsAndMeans() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let paths = 300
        let loaded = try ScenarioLoader.load(path: Fixtures.synthetic, overrides: Self.overrides)
        let inputs = try RunChecks.projection(of: loaded)
        let perPath = try #require(ScenarioRun.bytesPerPath(inputs, horizon: loaded.simulation.horizon))
        let rows = RunStatistics.rowCount(horizon: loaded.simulation.horizon, tracks: inputs.tracks.count)
        // What a streamed run keeps whatever the chunk, plus room for one chunk of 64 paths and not 128.
        let fixed = paths * ScenarioRun.bytesKeptPerPath(inputs) + rows * StreamPlan.sketchBytes(paths: paths)
        let limit = fixed + 64 * perPath + perPath / 2
        let plan = StreamPlan(paths: paths, bytesPerPath: perPath, budget: limit, budgetIsDefault: false,
                              bytesKeptPerPath: ScenarioRun.bytesKeptPerPath(inputs), rows: rows, force: true)
        #expect(plan.chunk == 64)
        let memory = base.appendingPathComponent("memory"), streamed = base.appendingPathComponent("streamed")
        let a = try ScenarioRun.run(request(memory, paths: paths))
        var notices: [String] = []
        let b = try ScenarioRun.run(request(streamed, paths: paths, limit: limit, stream: true), notice: { notices.append($0) })
        let streamedOnly = b.report.results == nil
        #expect(streamedOnly)
        #expect(notices.first?.contains("projecting chunks of 64 paths") == true, "\(notices)")
        #expect(notices.contains { $0.hasPrefix("streaming: the first 64 paths took ") && $0.hasSuffix(" for all 300") }, "\(notices)")
        for file in ["paths.csv", "profiles.csv", "cashflows.csv", "composition.csv"] {
            #expect(try Data(contentsOf: memory.appendingPathComponent(file)) == Data(contentsOf: streamed.appendingPathComponent(file)), "\(file)")
        }
        #expect(a.report.yearly.count == b.report.yearly.count)
        for (x, y) in zip(a.report.yearly, b.report.yearly) {
            #expect(x.summary?.mean.bitPattern == y.summary?.mean.bitPattern, "\(x.metric) \(x.year)")
        }
    }

    /// A shard keeps its results (merge needs them), so a limit it exceeds is refused; so is a
    /// limit too small even to stream.
    @Test func aShardOrATinyLimitIsRefused() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        var shard = request(base.appendingPathComponent("shard"), paths: 1_000, limit: 1 << 20)
        shard.range = 0..<1_000
        let refusal = #expect(throws: InputError.self) { try ScenarioRun.run(shard) }
        #expect(refusal?.description.contains("(--memory-limit); run fewer paths in each shard") == true, "\(String(describing: refusal))")
        let tiny = #expect(throws: InputError.self) {
            try ScenarioRun.run(request(base.appendingPathComponent("tiny"), paths: 100_000, limit: 1 << 20))
        }
        #expect(tiny?.description.hasPrefix("--paths 100000: even streamed, the run would need about") == true)
        #expect(!FileManager.default.fileExists(atPath: base.appendingPathComponent("tiny").path))
    }

    @Test func theStreamPlanKeepsInMemoryWhatFitsAndChunksTheRest() {
        let fits = StreamPlan(paths: 1_000, bytesPerPath: 1_000, budget: 1_000_000, budgetIsDefault: true, bytesKeptPerPath: 100, rows: 10)
        #expect(fits.chunk == nil && fits.refusal == nil)
        let streams = StreamPlan(paths: 1_000_000, bytesPerPath: 100_000, budget: 4 << 30, budgetIsDefault: false, bytesKeptPerPath: 1_000,
                                 rows: 5_000)
        #expect(streams.describe.hasPrefix("run streaming (the results of 1000000 paths would need about 93.1 GiB, more than the 4.0 GiB this run may use (--memory-limit)): projecting chunks of "))
        let chunk = streams.chunk ?? 0
        #expect(chunk > 0 && chunk % StreamPlan.chunkStep == 0 && chunk <= StreamPlan.maximumChunk)
        #expect(1_000_000 * 1_000 + 5_000 * StreamPlan.sketchBytes(paths: 1_000_000) + chunk * 100_000 <= 4 << 30)
        let refused = StreamPlan(paths: 1_000_000, bytesPerPath: 100_000, budget: 1 << 30, budgetIsDefault: true, bytesKeptPerPath: 2_000,
                                 rows: 5_000)
        #expect(refused.chunk == nil && refused.refusal?.hasSuffix("more than the 1.0 GiB this run may use (half of this machine's memory; raise it with --memory-limit); run fewer paths, or shards with --path-range A..B joined by pensiun merge") == true, "\(refused.refusal ?? "")")
        // A merge reads its largest shard whole: refused when that shard alone does not fit.
        let merge = StreamPlan(paths: 100_000, bytesPerPath: 100_000, budget: 1 << 30, budgetIsDefault: false, bytesKeptPerPath: 1_000,
                               rows: 5_000, kind: .merge(largestShard: 50_000))
        #expect(merge.chunk == nil && merge.refusal?.hasPrefix("merge: even streamed, the merge would need about") == true)
        let smallShards = StreamPlan(paths: 100_000, bytesPerPath: 100_000, budget: 1 << 30, budgetIsDefault: false, bytesKeptPerPath: 1_000,
                                     rows: 5_000, kind: .merge(largestShard: 1_000))
        #expect(smallShards.chunk == 1_000 && smallShards.describe.contains("reading the shards one at a time (the largest has 1000 paths)"))
        #expect(StreamPlan.duration(40) == "40 s" && StreamPlan.duration(600) == "10 min" && StreamPlan.duration(9_000) == "2.5 h")
    }

    /// A run that holds a gigabyte or more says so before it starts; a small one says nothing.
    @Test func aLargeInMemoryRunSaysWhatItWillHold() {
        #expect(ScenarioRun.inMemoryNotice(paths: 10_000, bytesPerPath: 100_000, budget: 4 << 30) == nil)
        #expect(ScenarioRun.inMemoryNotice(paths: 20_000, bytesPerPath: 100_000, budget: 4 << 30)
            == "run: the results of 20000 paths will take about 1.9 GiB in memory, within the 4.0 GiB this run may use (more paths than fit are streamed; see --memory-limit)")
    }

    @Test func memorySizesAreParsed() {
        #expect(MemoryBudget.parse("4GiB") == 4 << 30 && MemoryBudget.parse("512MiB") == 512 << 20)
        #expect(MemoryBudget.parse("1.5GB") == 3 << 29 && MemoryBudget.parse("2G") == 2 << 30)
        #expect(MemoryBudget.parse("2097152") == 2 << 20)
        for bad in ["", "GiB", "-1GiB", "1KiB", "lots", "nanGiB"] { #expect(MemoryBudget.parse(bad) == nil, "\(bad)") }
    }
}
