import ArgumentParser
import Foundation
import PensiunEngine
import PensiunReporting
import PensiunScenario

/// `pensiun merge`: joins the shards of a run (made with `run --path-range`) into the run folder a
/// single process would have written.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join partial runs (pensiun run --path-range A..B) into one run folder.",
        discussion: """
        The shards must come from the same scenario, overrides, seed and --paths N, and their path
        ranges must cover 0..N exactly once. The merged folder equals, byte for byte, the folder
        of one run over all paths, apart from the manifest's execution record (threads, wall time).
        """
    )

    @Argument(help: "The shard folders.")
    var shards: [String]

    @Option(help: "The merged run folder.")
    var out: String

    @OptionGroup var threading: ThreadsOption

    @OptionGroup var verbosity: QuietOption

    @Flag(help: "Take over the output folder's lock even if its holder seems alive (after that process is gone).")
    var force = false

    struct Shard {
        let folder: String
        let manifest: [String: Any]
        let fingerprint: String
        let results: ProjectionResults
    }

    /// The manifest entries that make runs comparable (their fingerprint), in the order a
    /// difference is reported.
    static let comparable = ["scenario_file", "overrides", "seed", "paths", "pensiun_version", "generator",
                             "file_sha256", "resolved_scenario"]

    /// Every shard verified against its manifest (checksums), its archive bound to the manifest's
    /// fingerprint, and all fingerprints equal: nothing merges silently short or mixed.
    func load(_ folder: String) throws -> Shard {
        let verified: RunVerification.Verified
        do {
            verified = try RunVerification.verify(folder)
        } catch {
            throw failInput(error.description)
        }
        guard let results = verified.results else {
            throw failInput("\(folder): has no \(ResultsArchive.fileName) (expected a shard written by pensiun run --path-range)")
        }
        return Shard(folder: folder, manifest: verified.manifest, fingerprint: verified.fingerprint, results: results)
    }

    func run() throws {
        let started = Date()
        let loaded = try shards.map(load)
        guard let first = loaded.first else { throw failInput("merge: no shard folders given") }
        for shard in loaded.dropFirst() where shard.fingerprint != first.fingerprint {
            let key = Self.comparable.first { !equal(shard.manifest[$0], first.manifest[$0]) } ?? "fingerprint"
            throw failInput("\(shard.folder): a shard of another run than \(first.folder) (its \(key) differs; expected shards of one run)")
        }
        let total = ((first.manifest["paths"] as? [String: Any])?["total"] as? Int) ?? 0
        let ordered = loaded.sorted { $0.results.paths.lowerBound < $1.results.paths.lowerBound }
        var next = 0
        for shard in ordered {
            let r = shard.results.paths
            guard r.lowerBound == next else {
                let problem = r.lowerBound < next ? "overlaps the previous shard" : "leaves paths \(next)..<\(r.lowerBound) uncovered"
                throw failInput("\(shard.folder): paths \(r.lowerBound)..<\(r.upperBound) \(problem) (expected ranges covering 0..<\(total) once)")
            }
            next = r.upperBound
        }
        guard next == total else {
            throw failInput("merge: paths \(next)..<\(total) are missing (expected ranges covering 0..<\(total) once)")
        }
        let scenarioFile = first.manifest["scenario_file"] as? String ?? ""
        let overrides = first.manifest["overrides"] as? [String] ?? []
        let scenario = try loadScenario(scenarioFile, overrides: overrides)
        let inputs = try RunChecks.projection(of: scenario)
        let hashes = first.manifest["file_sha256"] as? [String: String] ?? [:]
        // The scenario's files are hashed once, for this check and for the fingerprint below.
        let current = RunJSON.inputHashes(scenario)
        for (file, hash) in hashes.sorted(by: { $0.key < $1.key }) {
            guard (current[file] ?? SHA256.file(atPath: file)) == hash else {
                throw failInput("\(file): changed since the shards were run (its SHA-256 differs from the shards' manifest)")
            }
        }
        for shard in ordered where shard.results.horizon != inputs.calendar.horizon || shard.results.startYear != inputs.calendar.startYear {
            throw failInput("\(shard.folder)/\(ResultsArchive.fileName): covers \(shard.results.horizon) years from \(shard.results.startYear), the scenario \(inputs.calendar.horizon) from \(inputs.calendar.startYear) (expected shards of this scenario)")
        }
        for shard in shards where FileSystem.contains(FileSystem.resolved(shard), FileSystem.resolved(out)) {
            throw failInput("--out \(out): is inside the shard \(shard); merge into a folder outside the shards")
        }
        let writer = try namingOut { try RunOutput.open(out, inputs: [scenario.file] + scenario.files + shards.map { $0 + "/manifest.json" }, force: force) }
        let results = ProjectionResults.concatenating(ordered.map(\.results))
        if let bad = results.firstNonFinite() { throw failInput(RunChecks.message(bad, scenario: scenarioFile)) }
        let debt = try RunChecks(inputs, scenario: scenarioFile, paths: 0..<total, seed: 0, threads: 1, checkingPaths: false).debt
        let seed = (first.manifest["seed"] as? NSNumber)?.uint64Value ?? 0
        let metadata = RunMetadata(version: PensiunVersion.string, gitCommit: first.manifest["git_commit"] as? String,
                                   seed: seed, paths: 0..<total, totalPaths: total,
                                   threads: threading.resolved,
                                   wallTime: Date().timeIntervalSince(started), overrides: overrides,
                                   mergedFrom: ordered.map(\.folder))
        let report = RunReport(scenario: scenario, inputs: inputs, results: results, debt: debt, metadata: metadata)
        guard try RunOutput.fingerprint(report, inputHashes: current) == first.fingerprint else {
            throw failInput("\(first.folder): its fingerprint does not match the scenario as it reads now (the scenario or this Pensiun changed since the shards were run)")
        }
        try RunOutput.write(report, with: writer, partial: false)
        if let leftover = writer.leftover { warnKept(leftover) }
        if !verbosity.quiet {
            print(SummaryText.render(report), terminator: "")
            print("Merged \(ordered.count) shards into \(out)/")
        }
    }

    func equal(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x as NSObject, y as NSObject): return x.isEqual(y)
        default: return false
        }
    }
}
