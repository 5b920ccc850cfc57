import Foundation
import PensiunEngine
import PensiunInputs
import PensiunReporting
import PensiunScenario

/// Joining the shards of a run (folders written by `run --path-range`) into the run folder a
/// single process would have written: `pensiun merge`.
public enum ShardMerge {
    /// A shard as read: verified against its manifest, with its results.
    public struct Shard {
        public let folder: String
        public let manifest: [String: Any]
        public let fingerprint: String
        public let results: ProjectionResults
    }

    /// What a merge wrote.
    public struct Outcome {
        /// The report of the merged run (its summary is what `merge` prints).
        public let report: RunReport
        /// The number of shards joined.
        public let shards: Int
        /// Where the previous output folder was kept, when a file appeared in it during the merge.
        public let leftover: String?
    }

    /// The manifest entries that make runs comparable (their fingerprint), in the order a
    /// difference is reported.
    public static let comparable = ["scenario_file", "overrides", "seed", "paths", "pensiun_version", "generator",
                                    "file_sha256", "resolved_scenario"]

    /// Reads a shard: verified against its manifest (checksums), its archive bound to the
    /// manifest's fingerprint.
    public static func load(_ folder: String) throws -> Shard {
        let verified: RunVerification.Verified
        do {
            verified = try RunVerification.verify(folder)
        } catch {
            throw InputError(error.description)
        }
        guard let results = verified.results else {
            throw InputError("\(folder): has no \(ResultsArchive.fileName) (expected a shard written by pensiun run --path-range)")
        }
        return Shard(folder: folder, manifest: verified.manifest, fingerprint: verified.fingerprint, results: results)
    }

    /// The shards in path order, once every check holds: all of one run (equal fingerprints),
    /// their ranges covering 0 ..< N exactly once. Nothing merges silently short or mixed.
    public static func ordered(_ loaded: [Shard]) throws(InputError) -> [Shard] {
        guard let first = loaded.first else { throw InputError("merge: no shard folders given") }
        for shard in loaded.dropFirst() where shard.fingerprint != first.fingerprint {
            let key = comparable.first { !equal(shard.manifest[$0], first.manifest[$0]) } ?? "fingerprint"
            throw InputError("\(shard.folder): a shard of another run than \(first.folder) (its \(key) differs; expected shards of one run)")
        }
        let total = totalPaths(first)
        let ordered = loaded.sorted { $0.results.paths.lowerBound < $1.results.paths.lowerBound }
        var next = 0
        for shard in ordered {
            let r = shard.results.paths
            guard r.lowerBound == next else {
                let problem = r.lowerBound < next ? "overlaps the previous shard" : "leaves paths \(next)..<\(r.lowerBound) uncovered"
                throw InputError("\(shard.folder): paths \(r.lowerBound)..<\(r.upperBound) \(problem) (expected ranges covering 0..<\(total) once)")
            }
            next = r.upperBound
        }
        guard next == total else {
            throw InputError("merge: paths \(next)..<\(total) are missing (expected ranges covering 0..<\(total) once)")
        }
        return ordered
    }

    /// Merges the shard folders `shards` into the run folder `out` (the `--out` of `merge`), with
    /// `threads` recorded as the merge's threads and `version` as the Pensiun that merged. The
    /// shards' scenario is read again and must be unchanged (its files' SHA-256 and the run's
    /// fingerprint); the output folder is checked and locked (`force`: take over its lock) before
    /// anything is written. Bad input is an ``InputError``; an output folder Pensiun may not write
    /// an `OutputError` naming `--out`.
    public static func merge(_ shards: [String], out: String, threads: Int, force: Bool, version: String,
                             started: Date = Date()) throws -> Outcome {
        let ordered = try ordered(shards.map(load))
        let first = ordered.first { $0.folder == shards[0] } ?? ordered[0]
        let total = totalPaths(first)
        let scenarioFile = first.manifest["scenario_file"] as? String ?? ""
        let overrides = first.manifest["overrides"] as? [String] ?? []
        let scenario = try ScenarioLoader.load(path: scenarioFile, overrides: overrides)
        let inputs = try RunChecks.projection(of: scenario)
        let hashes = first.manifest["file_sha256"] as? [String: String] ?? [:]
        // The scenario's files are hashed once, for this check and for the fingerprint below.
        let current = RunJSON.inputHashes(scenario)
        for (file, hash) in hashes.sorted(by: { $0.key < $1.key }) {
            guard (current[file] ?? SHA256.file(atPath: file)) == hash else {
                throw InputError("\(file): changed since the shards were run (its SHA-256 differs from the shards' manifest)")
            }
        }
        for shard in ordered where shard.results.horizon != inputs.calendar.horizon || shard.results.startYear != inputs.calendar.startYear {
            throw InputError("\(shard.folder)/\(ResultsArchive.fileName): covers \(shard.results.horizon) years from \(shard.results.startYear), the scenario \(inputs.calendar.horizon) from \(inputs.calendar.startYear) (expected shards of this scenario)")
        }
        for shard in shards where FileSystem.contains(FileSystem.resolved(shard), FileSystem.resolved(out)) {
            throw InputError("--out \(out): is inside the shard \(shard); merge into a folder outside the shards")
        }
        let writer = try OutputError.naming("--out") {
            try RunOutput.open(out, inputs: [scenario.file] + scenario.files + shards.map { $0 + "/manifest.json" }, force: force)
        }
        let results = ProjectionResults.concatenating(ordered.map(\.results))
        if let bad = results.firstNonFinite() { throw InputError(RunChecks.message(bad, scenario: scenarioFile)) }
        let debt = try RunChecks(inputs, scenario: scenarioFile, paths: 0..<total, seed: 0, threads: 1, checkingPaths: false).debt
        let seed = (first.manifest["seed"] as? NSNumber)?.uint64Value ?? 0
        let metadata = RunMetadata(version: version, gitCommit: first.manifest["git_commit"] as? String,
                                   seed: seed, paths: 0..<total, totalPaths: total, threads: threads,
                                   wallTime: Date().timeIntervalSince(started), overrides: overrides,
                                   mergedFrom: ordered.map(\.folder))
        let report = RunReport(scenario: scenario, inputs: inputs, results: results, debt: debt, metadata: metadata)
        guard try RunOutput.fingerprint(report, inputHashes: current) == first.fingerprint else {
            throw InputError("\(first.folder): its fingerprint does not match the scenario as it reads now (the scenario or this Pensiun changed since the shards were run)")
        }
        try RunOutput.write(report, with: writer, partial: false)
        return Outcome(report: report, shards: ordered.count, leftover: writer.leftover)
    }

    /// The `paths.total` of a shard's manifest: the paths of the whole run.
    static func totalPaths(_ shard: Shard) -> Int {
        ((shard.manifest["paths"] as? [String: Any])?["total"] as? Int) ?? 0
    }

    static func equal(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x as NSObject, y as NSObject): return x.isEqual(y)
        default: return false
        }
    }
}
