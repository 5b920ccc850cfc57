import Foundation
import PensiunReporting
import Testing

/// Merges verify what they merge: a shard of another run, or a truncated or damaged one, is
/// refused with one line naming the shard and what differs; nothing merges silently short.
@Suite struct MergeSafetyTests {
    let scenario = "Scenarios/synthetic-small/scenario.yaml"
    let common = ["--paths", "24", "--set", "simulation.horizon=6", "--quiet"]

    /// Two shards 0..12 and 12..24 of one run in a new temporary folder.
    func shards() throws -> (root: URL, a: String, b: String) {
        let root = try CLI.temporaryFolder()
        let a = root.appendingPathComponent("a").path, b = root.appendingPathComponent("b").path
        #expect(try CLI.run(["run", scenario, "--path-range", "0..12", "--out", a] + common).status == 0)
        #expect(try CLI.run(["run", scenario, "--path-range", "12..24", "--out", b] + common).status == 0)
        return (root, a, b)
    }

    func expectRefused(_ s: (root: URL, a: String, b: String), mentioning words: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let out = s.root.appendingPathComponent("merged").path
        let result = try CLI.run(["merge", s.a, s.b, "--out", out, "--quiet"])
        #expect(result.status == 2, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(words), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: out), sourceLocation: sourceLocation)
    }

    @Test func theShardsOfOneRunMergeAndVerify() throws {
        let s = try shards()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let out = s.root.appendingPathComponent("merged").path
        #expect(try CLI.run(["merge", s.a, s.b, "--out", out, "--quiet"]).status == 0)
        let verify = try CLI.run(["verify", out])
        #expect(verify.status == 0, "\(verify.stderr)")
        try "x".write(toFile: out + "/paths.csv", atomically: true, encoding: .utf8)
        let changed = try CLI.run(["verify", out])
        #expect(changed.status == 2)
        #expect(changed.stderr == "\(out)/paths.csv: its SHA-256 differs from the manifest's (changed, damaged or truncated since the run)\n")
    }

    /// `slurm run --tasks 1` makes one shard over every path; it merges like any other.
    @Test func aSingleShardOfAllThePathsMerges() throws {
        let root = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let whole = root.appendingPathComponent("whole").path, merged = root.appendingPathComponent("merged").path
        #expect(try CLI.run(["run", scenario, "--path-range", "0..24", "--out", whole] + common).status == 0)
        let result = try CLI.run(["merge", whole, "--out", merged, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: whole + "/paths.csv")) == Data(contentsOf: URL(fileURLWithPath: merged + "/paths.csv")))
    }

    @Test func aShardOfAnotherRunIsRefusedNamingWhatDiffers() throws {
        let s = try shards()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let other = s.root.appendingPathComponent("other").path
        let run = try CLI.run(["run", scenario, "--path-range", "12..24", "--out", other, "--paths", "24",
                               "--set", "simulation.horizon=4", "--quiet"])
        #expect(run.status == 0)
        try expectRefused((s.root, s.a, other), mentioning: "a shard of another run")
        try expectRefused((s.root, s.a, other), mentioning: "overrides differs")
    }

    @Test func anArchiveMovedFromAnotherRunIsRefused() throws {
        let s = try shards()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let other = s.root.appendingPathComponent("other").path
        #expect(try CLI.run(["run", scenario, "--path-range", "12..24", "--out", other, "--seed", "5"] + common).status == 0)
        try FileManager.default.removeItem(atPath: s.b + "/results.bin")
        try FileManager.default.copyItem(atPath: other + "/results.bin", toPath: s.b + "/results.bin")
        try expectRefused(s, mentioning: "results.bin: its SHA-256 differs")
    }

    @Test func aTruncatedArchiveIsRefused() throws {
        let s = try shards()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let bin = s.b + "/results.bin"
        let data = try Data(contentsOf: URL(fileURLWithPath: bin))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: bin))
        try expectRefused(s, mentioning: "results.bin: its SHA-256 differs")
    }

    /// A damaged archive whose manifest was edited to match it (its checksum agrees) is still
    /// refused by the archive's own checks, never a trap or a huge allocation.
    @Test(arguments: [
        ("header", "pensiun-results 10 F 0 12 6 2019 3 12 9999999999999999"),
        ("header", "pensiun-results 10 F 0 9223372036854775807 6 2019 3 12 0"),
        ("header", "pensiun-results 10 F 12 0 6 2019 3 12 0"),
        ("header", "pensiun-results 10 F 0 12 -6 2019 3 12 0"),
        ("header", "pensiun-results 1 0 12 6 2019 3 12 0"),
        ("header", "garbage"),
        ("summary", "nan"),
        ("summary", "inf"),
        ("summary", "1e300"),
    ])
    func aDamagedArchiveIsRefusedWithoutATrap(part: String, damage: String) throws {
        let s = try shards()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let bin = s.b + "/results.bin"
        var data = try Data(contentsOf: URL(fileURLWithPath: bin))
        let newline = try #require(data.firstIndex(of: 10))
        if part == "header" {
            data = Data(damage.replacingOccurrences(of: "F", with: try fingerprint(of: s.b)).utf8) + data[newline...]
        } else {
            // The path number of the first summary (the 15 last doubles of each path) becomes `damage`.
            let value = Double(damage) ?? .nan
            let offset = data.count - 12 * 15 * 8
            withUnsafeBytes(of: value.bitPattern.littleEndian) { data.replaceSubrange(offset..<(offset + 8), with: $0) }
        }
        try data.write(to: URL(fileURLWithPath: bin))
        try rewriteChecksum(of: s.b, file: "results.bin", data: data)
        try expectRefused(s, mentioning: "results.bin")
    }

    func fingerprint(of folder: String) throws -> String {
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))) as? [String: Any])
        return try #require(manifest["fingerprint"] as? String)
    }

    /// Edits a manifest so that its checksum of `file` matches `data` (a hand-made forgery).
    func rewriteChecksum(of folder: String, file: String, data: Data) throws {
        let url = URL(fileURLWithPath: folder + "/manifest.json")
        var manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var files = try #require(manifest["files"] as? [String: String])
        files[file] = SHA256.hex(data)
        manifest["files"] = files
        try JSONSerialization.data(withJSONObject: manifest).write(to: url)
    }

    @Test func aTruncatedSweepShardIsRefused() throws {
        let root = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("sweep.yaml").path
        try SweepCommandTests.sweepText.write(toFile: file, atomically: true, encoding: .utf8)
        var shards: [String] = []
        for i in 1...2 {
            let out = root.appendingPathComponent("shard-\(i)").path
            #expect(try CLI.run(["sweep", file, "--shard", "\(i)/2", "--out", out, "--threads", "1", "--quiet"]).status == 0)
            shards.append(out)
        }
        let results = shards[1] + "/results.csv"
        let text = try String(contentsOfFile: results, encoding: .utf8)
        try String(text.prefix(text.count * 2 / 3)).write(toFile: results, atomically: true, encoding: .utf8)
        let out = root.appendingPathComponent("merged").path
        let merge = try CLI.run(["sweep", "merge"] + shards + ["--out", out])
        #expect(merge.status == 2)
        #expect(merge.stderr == "\(results): its SHA-256 differs from its manifest's (truncated, damaged or changed since the shard ran)\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
