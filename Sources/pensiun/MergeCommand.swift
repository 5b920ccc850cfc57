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

    @Option(help: "Worker threads for the statistics (default: all cores).")
    var threads: Int?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    struct Shard {
        let folder: String
        let manifest: [String: Any]
        let results: ProjectionResults
    }

    func run() throws {
        let started = Date()
        var loaded: [Shard] = []
        for folder in shards {
            let manifestPath = folder + "/manifest.json"
            guard let data = FileManager.default.contents(atPath: manifestPath),
                  let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw failInput("\(manifestPath): cannot read the shard's manifest (expected a folder written by pensiun run --path-range)")
            }
            let archive = folder + "/" + ResultsArchive.fileName
            guard let bytes = FileManager.default.contents(atPath: archive) else {
                throw failInput("\(archive): missing (expected a shard written by pensiun run --path-range)")
            }
            do {
                loaded.append(Shard(folder: folder, manifest: manifest, results: try ResultsArchive.decode(bytes, file: archive)))
            } catch {
                throw failInput(error.description)
            }
        }
        guard let first = loaded.first else { throw failInput("merge: no shard folders given") }
        let keys = ["scenario_file", "file_sha256", "overrides", "seed", "pensiun_version", "generator"]
        for shard in loaded.dropFirst() {
            for key in keys where !equal(shard.manifest[key], first.manifest[key]) {
                throw failInput("\(shard.folder)/manifest.json: \(key) differs from \(first.folder)'s (expected shards of one run)")
            }
        }
        let totals = loaded.map { ($0.manifest["paths"] as? [String: Any])?["total"] as? Int }
        guard let total = totals.first ?? nil, totals.allSatisfy({ $0 == total }) else {
            throw failInput("\(first.folder)/manifest.json: paths.total differs between shards (expected shards of one run)")
        }
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
        guard let inputs = scenario.projection else { throw failInput("\(scenarioFile): the scenario has no projection sections") }
        let hashes = first.manifest["file_sha256"] as? [String: String] ?? [:]
        for (file, hash) in hashes.sorted(by: { $0.key < $1.key }) {
            guard SHA256.file(atPath: file) == hash else {
                throw failInput("\(file): changed since the shards were run (its SHA-256 differs from the shards' manifest)")
            }
        }
        let results = ProjectionResults.concatenating(ordered.map(\.results))
        let debt = try ImplicitPensionDebt.compute(inputs)
        let seed = (first.manifest["seed"] as? NSNumber)?.uint64Value ?? 0
        let metadata = RunMetadata(version: PensiunVersion.string, gitCommit: first.manifest["git_commit"] as? String,
                                   seed: seed, paths: 0..<total, totalPaths: total,
                                   threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                                   wallTime: Date().timeIntervalSince(started), overrides: overrides,
                                   mergedFrom: ordered.map(\.folder))
        let report = RunReport(scenario: scenario, inputs: inputs, results: results, debt: debt, metadata: metadata)
        try RunOutput.write(report, to: out, partial: false)
        if !quiet {
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
