import Foundation
import PensiunEngine
import PensiunInputs
import PensiunReporting
import PensiunScenario

/// Joining the shards of a run (folders written by `run --path-range`) into the run folder a
/// single process would have written: `pensiun merge`.
public enum ShardMerge {
    /// A shard as read: verified against its manifest, with its results (nil when they were
    /// dropped after the check, for a merge that streams).
    public struct Shard {
        public let folder: String
        public let manifest: [String: Any]
        public let fingerprint: String
        /// Its paths, first year and horizon, as its results say.
        public let paths: Range<Int>
        public let startYear: Int, horizon: Int
        public let results: ProjectionResults?
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
    public static func load(_ folder: String, keepingResults: Bool = true) throws -> Shard {
        let verified: RunVerification.Verified
        do {
            verified = try RunVerification.verify(folder)
        } catch {
            throw InputError(error.description)
        }
        guard let results = verified.results else {
            throw InputError("\(folder): has no \(ResultsArchive.fileName) (expected a shard written by pensiun run --path-range)")
        }
        return Shard(folder: folder, manifest: verified.manifest, fingerprint: verified.fingerprint, paths: results.paths,
                     startYear: results.startYear, horizon: results.horizon, results: keepingResults ? results : nil)
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
        let ordered = loaded.sorted { $0.paths.lowerBound < $1.paths.lowerBound }
        var next = 0
        for shard in ordered {
            let r = shard.paths
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
    ///
    /// When the whole run's results would need more than `memoryLimit` (nil: ``MemoryBudget/available``),
    /// the shards are checked one at a time, then read again one at a time in path order and
    /// folded into the statistics (``RunStatistics/Accumulator``), as a run that large streams
    /// (`forceStreaming`: even when they fit); `notice` gets a line saying so.
    public static func merge(_ shards: [String], out: String, threads: Int, force: Bool, version: String,
                             started: Date = Date(), memoryLimit: Int? = nil, forceStreaming: Bool = false,
                             notice: (String) -> Void = { _ in }) throws -> Outcome {
        guard let firstFolder = shards.first else { throw InputError("merge: no shard folders given") }
        // The scenario, from the first shard's manifest (verified below with every shard), says
        // how much memory the whole run needs; a manifest that cannot be read gets the check's
        // own message.
        guard let head = manifest(firstFolder) else { _ = try load(firstFolder, keepingResults: false); throw InputError("\(firstFolder): no readable manifest.json") }
        let scenarioFile = head["scenario_file"] as? String ?? ""
        let overrides = head["overrides"] as? [String] ?? []
        let template = try ScenarioTemplate.load(path: scenarioFile, overrides: overrides)
        let scenario = try template.resolve()
        let inputs = try RunChecks.projection(of: scenario)
        // The deterministic alternatives, which shards leave to their merge: checked before anything is written.
        let alternatives = try AlternativeRuns.plan(template, loaded: scenario)
        let budget = memoryLimit ?? MemoryBudget.available
        let perPath = ScenarioRun.bytesPerPath(inputs, horizon: inputs.calendar.horizon)
        let streaming = StreamPlan.streams(paths: (head["paths"] as? [String: Any])?["total"] as? Int ?? 0, bytesPerPath: perPath,
                                           budget: budget, force: forceStreaming)
        let ordered = try ordered(shards.map { try load($0, keepingResults: !streaming) })
        let first = ordered.first { $0.folder == shards[0] } ?? ordered[0]
        let total = totalPaths(first)
        let plan = StreamPlan(paths: total, bytesPerPath: perPath, budget: budget, budgetIsDefault: memoryLimit == nil,
                              bytesKeptPerPath: ScenarioRun.bytesKeptPerPath(inputs),
                              rows: RunStatistics.rowCount(horizon: inputs.calendar.horizon, tracks: inputs.tracks.count),
                              force: forceStreaming, kind: .merge(largestShard: ordered.map(\.paths.count).max() ?? 0))
        if streaming, let refusal = plan.refusal { throw InputError(refusal) }
        guard first.manifest["scenario_file"] as? String == scenarioFile, first.manifest["overrides"] as? [String] == overrides else {
            throw InputError("\(first.folder): its manifest changed while the shards were read")
        }
        let hashes = first.manifest["file_sha256"] as? [String: String] ?? [:]
        // The scenario's files are hashed once, for this check and for the fingerprint below.
        let current = RunJSON.inputHashes(scenario)
        for (file, hash) in hashes.sorted(by: { $0.key < $1.key }) {
            guard (current[file] ?? SHA256.file(atPath: file)) == hash else {
                throw InputError("\(file): changed since the shards were run (its SHA-256 differs from the shards' manifest)")
            }
        }
        for shard in ordered where shard.horizon != inputs.calendar.horizon || shard.startYear != inputs.calendar.startYear {
            throw InputError("\(shard.folder)/\(ResultsArchive.fileName): covers \(shard.horizon) years from \(shard.startYear), the scenario \(inputs.calendar.horizon) from \(inputs.calendar.startYear) (expected shards of this scenario)")
        }
        for shard in shards where FileSystem.contains(FileSystem.resolved(shard), FileSystem.resolved(out)) {
            throw InputError("--out \(out): is inside the shard \(shard); merge into a folder outside the shards")
        }
        let writer = try OutputError.naming("--out") {
            try RunOutput.open(out, inputs: [scenario.file] + scenario.files + shards.map { $0 + "/manifest.json" }, force: force)
        }
        let debt = try RunChecks(inputs, scenario: scenarioFile, paths: 0..<total, seed: 0, threads: 1, checkingPaths: false).debt
        let seed = (first.manifest["seed"] as? NSNumber)?.uint64Value ?? 0
        func metadata() -> RunMetadata {
            RunMetadata(version: version, gitCommit: first.manifest["git_commit"] as? String,
                        seed: seed, paths: 0..<total, totalPaths: total, threads: threads,
                        wallTime: Date().timeIntervalSince(started), overrides: overrides,
                        mergedFrom: ordered.map(\.folder))
        }
        // The shards must be of the scenario as it reads now: checked before any shard is read again.
        guard try RunOutput.fingerprint(scenario: scenario, inputs: inputs, metadata: metadata(), inputHashes: current) == first.fingerprint else {
            throw InputError("\(first.folder): its fingerprint does not match the scenario as it reads now (the scenario or this Pensiun changed since the shards were run)")
        }
        var report: RunReport
        if streaming {
            notice(plan.describe)
            var accumulator = RunStatistics.Accumulator(inputs: inputs, targets: scenario.calibration, debt: debt)
            for shard in ordered {
                // Checked above; read again, now one at a time, and still the same shard.
                let again = try load(shard.folder)
                guard let results = again.results, results.paths == shard.paths, again.fingerprint == shard.fingerprint else {
                    throw InputError("\(shard.folder): changed while the shards were merged")
                }
                try RunChecks.requireFinite(results, scenario: scenarioFile)
                accumulator.add(results, threads: threads)
            }
            report = RunReport(scenario: scenario, inputs: inputs, statistics: accumulator.finish(), results: nil, debt: debt,
                               metadata: metadata())
        } else {
            let results = ProjectionResults.concatenating(ordered.compactMap(\.results))
            try RunChecks.requireFinite(results, scenario: scenarioFile)
            report = RunReport(scenario: scenario, inputs: inputs, results: results, debt: debt, metadata: metadata())
        }
        report.alternatives = try AlternativeRuns.run(alternatives, seed: seed, threads: threads, scenario: scenarioFile)
        report.beyond = try AlternativeRuns.beyond(alternatives, inputs: inputs, scenario: scenarioFile, threads: threads)
        try RunOutput.write(report, with: writer, partial: false)
        return Outcome(report: report, shards: ordered.count, leftover: writer.leftover)
    }

    /// A folder's `manifest.json` as JSON, or nil.
    static func manifest(_ folder: String) -> [String: Any]? {
        FileSystem.readRegular(folder + "/manifest.json").flatMap { try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }
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
