import Foundation
import PensiunReporting
import Testing

/// Pensiun never deletes or replaces what it did not create (docs/reliability.md). Each case runs
/// in a throw-away temporary tree holding a copy of the synthetic scenario; special files (a FIFO)
/// are made there, never under /dev or in the repository.
@Suite struct OutputSafetyTests {
    static let fast = ["--paths", "4", "--set", "simulation.horizon=5", "--quiet"]

    /// A temporary tree with `scenario/` (a copy of the synthetic scenario); removed by the caller.
    func tree() throws -> (root: URL, scenario: String) {
        let root = try CLI.temporaryFolder()
        let copy = root.appendingPathComponent("scenario")
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Scenarios/synthetic-small"), to: copy)
        return (root, copy.appendingPathComponent("scenario.yaml").path)
    }

    /// Runs `pensiun run` of the tree's scenario into `out`, from the tree's root.
    func run(_ t: (root: URL, scenario: String), out: String, _ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(["run", t.scenario, "--out", out] + Self.fast + extra, in: t.root)
    }

    /// Every entry under `folder` with its contents (files) or "dir", to compare before and after.
    func snapshot(_ folder: URL) -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let name = enumerator?.nextObject() as? String {
            let path = folder.appendingPathComponent(name).path
            // The type first: reading a FIFO would block.
            let type = (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) ?? nil
            if type == .typeRegular {
                result[name] = FileManager.default.contents(atPath: path).map { SHA256.hex($0) } ?? "unreadable"
            } else {
                result[name] = type.map { "\($0.rawValue)" } ?? "unknown"
            }
        }
        return result
    }

    /// The refusal is one line on standard error and exit status 2, and the tree is as before.
    func expectRefused(_ result: CLI.Result, _ before: [String: String], in root: URL, mentioning words: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 2, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(words), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(snapshot(root) == before, "the tree changed", sourceLocation: sourceLocation)
    }

    @Test func aUsersFolderIsNeverReplaced() throws {
        let t = try tree()
        defer { try? FileManager.default.removeItem(at: t.root) }
        let mine = t.root.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try "my notes".write(to: mine.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["run", t.scenario, "--out", "shard", "--path-range", "0..4"] + Self.fast, in: t.root).status == 0)
        let before = snapshot(t.root)
        expectRefused(try run(t, out: "mine"), before, in: t.root, mentioning: "notes.txt")
        expectRefused(try CLI.run(["merge", "shard", "--out", "mine"], in: t.root), before, in: t.root, mentioning: "notes.txt")
        expectRefused(try CLI.run(["merge", "shard", "--out", "shard/merged"], in: t.root), before, in: t.root,
                      mentioning: "inside the shard")
    }

    @Test(arguments: ["", ".", "./", "x/..", "..", "scenario", "scenario/data", "scenario/scenario.yaml"])
    func theCurrentFolderItsParentsAndTheScenarioAreRefused(out: String) throws {
        let t = try tree()
        defer { try? FileManager.default.removeItem(at: t.root) }
        let before = snapshot(t.root)
        let result = try run(t, out: out)
        #expect(result.status == 2, "\(out): \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(snapshot(t.root) == before, "--out \(out) changed the tree")
    }

    @Test func aFileAFIFOAndASymbolicLinkAreRefused() throws {
        let t = try tree()
        defer { try? FileManager.default.removeItem(at: t.root) }
        try "keep me".write(to: t.root.appendingPathComponent("file.txt"), atomically: true, encoding: .utf8)
        #expect(mkfifo(t.root.appendingPathComponent("fifo").path, 0o644) == 0)
        try FileManager.default.createDirectory(at: t.root.appendingPathComponent("target"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: t.root.appendingPathComponent("link").path, withDestinationPath: "target")
        let before = snapshot(t.root)
        expectRefused(try run(t, out: "file.txt"), before, in: t.root, mentioning: "is a file, not a folder")
        expectRefused(try run(t, out: "fifo"), before, in: t.root, mentioning: "special file")
        expectRefused(try run(t, out: "link"), before, in: t.root, mentioning: "symbolic link")
    }

    @Test func aRunFolderIsReplacedAndAForeignFileInItStopsThat() throws {
        let t = try tree()
        defer { try? FileManager.default.removeItem(at: t.root) }
        #expect(try run(t, out: "out/run").status == 0)
        let second = try run(t, out: "out/run", ["--seed", "7"])
        #expect(second.status == 0, "\(second.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: t.root.appendingPathComponent("out").path)
        #expect(names == ["run"], "left beside the folder: \(names)")
        let manifest = try String(contentsOf: t.root.appendingPathComponent("out/run/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"seed\" : 7"))
        try "mine".write(to: t.root.appendingPathComponent("out/run/extra.txt"), atomically: true, encoding: .utf8)
        let before = snapshot(t.root)
        expectRefused(try run(t, out: "out/run"), before, in: t.root, mentioning: "extra.txt")
    }

    @Test func anEmptyFolderIsUsedAsIs() throws {
        let t = try tree()
        defer { try? FileManager.default.removeItem(at: t.root) }
        try FileManager.default.createDirectory(at: t.root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        #expect(try run(t, out: "empty").status == 0)
        #expect(FileManager.default.fileExists(atPath: t.root.appendingPathComponent("empty/.pensiun-output").path))
    }

    @Test func aSecondWriterIsRefusedNamingTheHolderAndAFreedLockIsTaken() throws {
        let t = try tree()
        defer { try? FileManager.default.removeItem(at: t.root) }
        let lock = t.root.appendingPathComponent(".out.lock").path
        // A live holder: this test process holds the lock (flock) and names itself in it.
        let fd = open(lock, O_RDWR | O_CREAT, 0o644)
        #expect(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
        let text = Array("somehost \(getpid())\n".utf8)
        _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let busy = try run(t, out: "out")
        #expect(busy.status == 2)
        #expect(busy.stderr == "--out out: being written by another pensiun (process \(getpid()) on host somehost); wait for it to finish, or pass --force if that process is gone\n")
        #expect(!FileManager.default.fileExists(atPath: t.root.appendingPathComponent("out").path))
        // --force proceeds (a holder on another host that is gone, over a network file system).
        #expect(try run(t, out: "out", ["--force"]).status == 0)
        // The kernel frees the lock of a process that ends: a lock file left behind is free.
        close(fd)
        let taken = try run(t, out: "out")
        #expect(taken.status == 0, "\(taken.stderr)")
        #expect(!FileManager.default.fileExists(atPath: lock))
    }

    /// A kill at either side of the installing exchange leaves a complete folder at `--out`
    /// (the old one or the new one), never none; the next run removes the killed run's leftovers.
    @Test(arguments: ["kill-before-install", "kill-after-install"])
    func aKillWhileInstallingNeverLeavesTheFolderAbsent(point: String) throws {
        let t = try tree()
        defer { try? FileManager.default.removeItem(at: t.root) }
        #expect(try run(t, out: "out").status == 0)
        let killed = try CLI.run(["run", t.scenario, "--out", "out", "--seed", "9"] + Self.fast, in: t.root,
                                 environment: ["PENSIUN_FAULT": point])
        #expect(killed.status == 9 || killed.status == -9 || killed.status == 137, "status \(killed.status)")
        let manifest = try String(contentsOf: t.root.appendingPathComponent("out/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"seed\" : 9") == (point == "kill-after-install"))
        let again = try run(t, out: "out")
        #expect(again.status == 0, "\(again.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: t.root.path).filter { $0.hasPrefix(".out") }
        #expect(left.isEmpty, "left behind: \(left)")
    }

    /// A full disk (a file-size limit, `ulimit -f`) is one line and exit status 1, and the
    /// previous folder stays whole.
    @Test func aFullDiskLeavesThePreviousFolder() throws {
        let t = try tree()
        defer { try? FileManager.default.removeItem(at: t.root) }
        #expect(try run(t, out: "out").status == 0)
        let before = snapshot(t.root.appendingPathComponent("out"))
        let limited = try CLI.run(["run", t.scenario, "--out", "out", "--seed", "3"] + Self.fast, in: t.root, fileSizeLimitBlocks: 8)
        #expect(limited.status == 1, "\(limited.stderr)")
        #expect(limited.stderr.split(separator: "\n").count == 1, "\(limited.stderr)")
        #expect(limited.stderr.contains("File too large"), "\(limited.stderr)")
        #expect(snapshot(t.root.appendingPathComponent("out")) == before)
    }

    @Test func fileOutputsReplaceOnlyTheirOwnFilesAtomically() throws {
        let t = try tree()
        defer { try? FileManager.default.removeItem(at: t.root) }
        let esg = ["esg", t.scenario, "--paths", "3", "--set", "simulation.horizon=4", "--out", "esg.csv"]
        // The old bug: every second run deleted the file and wrote nothing.
        for _ in 0..<3 { #expect(try CLI.run(esg, in: t.root).status == 0) }
        #expect(FileManager.default.fileExists(atPath: t.root.appendingPathComponent("esg.csv").path))
        let table = ["life-table", "--mortality", "gompertz:B=0.00005,c=1.1", "--rate", "0.03", "--out", "table.txt"]
        for _ in 0..<2 { #expect(try CLI.run(table, in: t.root).status == 0) }
        try "my data".write(to: t.root.appendingPathComponent("mine.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: t.root.appendingPathComponent("folder"), withIntermediateDirectories: true)
        #expect(mkfifo(t.root.appendingPathComponent("fifo").path, 0o644) == 0)
        let before = snapshot(t.root)
        for target in ["mine.csv", "folder", "fifo", "scenario/scenario.yaml", "table.txt"] {
            expectRefused(try CLI.run(Array(esg.dropLast()) + [target], in: t.root), before, in: t.root, mentioning: target)
        }
        expectRefused(try CLI.run(Array(table.dropLast()) + ["esg.csv"], in: t.root), before, in: t.root, mentioning: "esg.csv")
    }

    /// A run too large even to stream (what it keeps per path alone exceeds the memory) is
    /// refused before allocating, in one line (it used to abort on a 16 GB allocation).
    @Test func runRefusesARunThatWouldNotFitInMemory() throws {
        let result = try CLI.run(["run", "Scenarios/indonesia-asn-2019/reform-switch-under-40-bonds.yaml", "--paths", "100000000",
                                  "--memory-limit", "1GiB"])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.hasPrefix("--paths 100000000: even streamed, the run would need about "), "\(result.stderr)")
        #expect(result.stderr.contains("more than the 1.0 GiB this run may use (--memory-limit)") && result.stderr.contains("--path-range"), "\(result.stderr)")
    }

    /// A memory limit that is not a size is refused by the option itself.
    @Test func aMemoryLimitMustBeASize() throws {
        let result = try CLI.run(["run", "Scenarios/synthetic-small/scenario.yaml", "--memory-limit", "lots"])
        #expect(result.status == 2 && result.stderr.contains("--memory-limit lots: expected a size"), "\(result.stderr)")
    }

    @Test func esgRefusesARunThatWouldNotFitInMemory() throws {
        let result = try CLI.run(["esg", "Scenarios/synthetic-small/scenario.yaml", "--paths", "10000000"])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("of memory") && result.stderr.contains("--path-range"), "\(result.stderr)")
    }
}
