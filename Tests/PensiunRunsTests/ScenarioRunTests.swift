import Foundation
import PensiunEngine
import PensiunReporting
import PensiunRuns
import PensiunTestSupport
import Testing

/// `ScenarioRun`, `pensiun run`'s entry point: the run folder's files in a fresh folder, a folder
/// it did not write left alone (the refusal naming --out), the same bits whatever the thread
/// count, and the progress hook.
@Suite struct ScenarioRunTests {
    static let overrides = ["simulation.horizon=8"]
    static let files = ["summary.md", "summary.json", "yearly.csv", "cashflows.csv", "composition.csv", "paths.csv", "profiles.csv", "report.html", "manifest.json",
                        ".pensiun-output"]

    func request(_ out: URL, paths: Int = 6, range: Range<Int>? = nil, seed: UInt64? = nil, threads: Int = 1) -> ScenarioRun.Request {
        ScenarioRun.Request(scenario: Fixtures.synthetic, overrides: Self.overrides, paths: paths, range: range, seed: seed,
                            threads: threads, out: out.path, version: "test")
    }

    func names(_ folder: URL) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
    }

    @Test func writesTheRunFolderIntoAFreshFolder() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("nested/run")
        let outcome = try ScenarioRun.run(request(out))
        #expect(outcome.folder == out.path)
        #expect(outcome.leftover == nil)
        #expect(try names(out) == Set(Self.files), "a whole run has no results.bin")
        let m = outcome.report.metadata
        #expect(m.paths == 0..<6 && m.totalPaths == 6 && m.threads == 1 && m.version == "test")
        #expect(m.seed == 42, "no seed given: the scenario's simulation.seed")
        #expect(m.overrides == Self.overrides)
        #expect(outcome.report.statistics.horizon == 8)
        // The manifest lists every other file.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json")))
        let listed = try #require((manifest as? [String: Any])?["files"] as? [String: Any])
        #expect(Set(listed.keys) == Set(Self.files).subtracting(["manifest.json", ".pensiun-output"]))
        let summary = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains("\"synthetic-small\""))
        // Its own folder is replaced by a run with another seed.
        let again = try ScenarioRun.run(request(out, seed: 7))
        #expect(again.report.metadata.seed == 7)
        #expect(try names(out) == Set(Self.files))
        #expect(try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8) != summary)
    }

    /// A path range makes a shard: results.bin besides the other files, paths numbered in the range.
    @Test func aShardCarriesItsResults() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("shard")
        let outcome = try ScenarioRun.run(request(out, paths: 10, range: 4..<7))
        #expect(outcome.report.statistics.paths == 4..<7)
        #expect(outcome.report.metadata.totalPaths == 10)
        #expect(try names(out) == Set(Self.files).union(["results.bin"]))
    }

    @Test func aFolderItDidNotWriteIsKept() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let notes = out.appendingPathComponent("notes.txt")
        try "a user's own notes\n".write(to: notes, atomically: true, encoding: .utf8)
        let error = #expect(throws: OutputError.self) { try ScenarioRun.run(request(out)) }
        #expect(error?.message.hasPrefix("--out \(out.path): is a folder Pensiun did not write") == true, "\(String(describing: error))")
        #expect(try names(out) == ["notes.txt"])
        #expect(try String(contentsOf: notes, encoding: .utf8) == "a user's own notes\n")

        // A run folder with a file added afterwards is no longer Pensiun's alone.
        let run = base.appendingPathComponent("run")
        _ = try ScenarioRun.run(request(run))
        let added = run.appendingPathComponent("mine.csv")
        try "x\n".write(to: added, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: run.appendingPathComponent("summary.json"))
        let foreign = #expect(throws: OutputError.self) { try ScenarioRun.run(request(run, seed: 9)) }
        #expect(foreign?.message.hasPrefix("--out \(run.path): holds files Pensiun did not write (mine.csv)") == true,
                "\(String(describing: foreign))")
        #expect(try Data(contentsOf: run.appendingPathComponent("summary.json")) == before)
        #expect(FileManager.default.fileExists(atPath: added.path))
    }

    /// A scenario that cannot be read is refused before the folder is created.
    @Test func aBadScenarioWritesNothing() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("run")
        var bad = request(out)
        bad.overrides = ["reform.dc.fee=0.5"]
        #expect(throws: (any Error).self) { try ScenarioRun.run(bad) }
        bad = request(out)
        bad.scenario = base.appendingPathComponent("nope.yaml").path
        #expect(throws: (any Error).self) { try ScenarioRun.run(bad) }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func theValuationsBeyondTheWindowAreWrittenWhenAsked() throws {
        // The synthetic scenario sets reporting.beyond_window: false (the tests run it often).
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let off = try ScenarioRun.run(request(base.appendingPathComponent("off")))
        #expect(off.report.beyond.isEmpty)
        var on = request(base.appendingPathComponent("on"))
        on.overrides += ["reporting.beyond_window=true"]
        let outcome = try ScenarioRun.run(on)
        #expect(outcome.report.beyond.map(\.name) == ["base"])
        #expect(outcome.report.beyond.first?.accrual?.years == [2025, 2033])
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: base.appendingPathComponent("on/summary.json"))) as? [String: Any]
        #expect(json?["accrued_liability_at_horizon"] is [String: Any])
        #expect(json?["extended_pv_difference"] is [String: Any])
        let offJSON = try JSONSerialization.jsonObject(with: Data(contentsOf: base.appendingPathComponent("off/summary.json"))) as? [String: Any]
        #expect(offJSON?["accrued_liability_at_horizon"] is NSNull)
    }

    static func bits(_ r: ProjectionResults) -> [[UInt64]] {
        [r.values, r.byTrack, r.gdp, r.profiles].map { $0.map(\.bitPattern) }
    }

    @Test func theSameSeedGivesTheSameBitsOnOneAndTwoThreads() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let one = base.appendingPathComponent("one"), two = base.appendingPathComponent("two")
        let a = try ScenarioRun.run(request(one, paths: 6, seed: 11, threads: 1))
        let b = try ScenarioRun.run(request(two, paths: 6, seed: 11, threads: 2))
        #expect(b.report.metadata.threads == 2)
        #expect(Self.bits(try #require(a.report.results)) == Self.bits(try #require(b.report.results)))
        // The paths differ from each other, so equal bits say more than "deterministic anyway".
        let gdp = try #require(a.report.results).gdp(3)
        #expect(Set(gdp.map(\.bitPattern)).count == gdp.count, "\(Array(gdp))")
        #expect(try RunFolders.differences(one, two) == [])
    }

    /// Records the hook's calls (from any worker thread).
    final class Recorder: RunProgress, @unchecked Sendable {
        private let lock = NSLock()
        private var updates: [Int] = [], finishes = 0
        func update(_ done: Int) { lock.withLock { updates.append(done) } }
        func finish() { lock.withLock { finishes += 1 } }
        var calls: (updates: [Int], finishes: Int) { lock.withLock { (updates, finishes) } }
    }

    @Test func progressIsToldThePathsAndFinishedOnce() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let recorder = Recorder()
        var asked: [Int] = []
        _ = try ScenarioRun.run(request(base.appendingPathComponent("run"), paths: 10, range: 2..<9, threads: 2)) { paths in
            asked.append(paths)
            return recorder
        }
        #expect(asked == [7])
        let (updates, finishes) = recorder.calls
        #expect(finishes == 1)
        #expect(updates.max() == 7)
        #expect(updates.allSatisfy { $0 >= 1 && $0 <= 7 })
    }
}
