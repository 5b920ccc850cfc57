import Foundation
import PensiunEngine
import PensiunInputs
import PensiunMonteCarlo
import PensiunScenario

/// The files of a run folder: `summary.md`, `summary.json`, `yearly.csv`, `cashflows.csv`,
/// `composition.csv`, `paths.csv`, `profiles.csv`, `report.html` (and `results.bin` for a partial run over a path range,
/// `alternatives.csv` for a whole run of a scenario with `reporting.alternatives`), then
/// `manifest.json`, which lists every other file with its SHA-256 and the run's fingerprint, and
/// the marker `.pensiun-output` (``OutputFolder``).
public enum RunOutput {
    /// Opens the run folder `folder` for writing: locks it and refuses it unless it is new, empty
    /// or a run folder Pensiun wrote (``OutputFolder``). `inputs` are the files the run reads.
    /// Call before the projection, so a refused folder costs nothing.
    public static func open(_ folder: String, inputs: [String], force: Bool) throws(OutputError) -> RunFolderWriter {
        try RunFolderWriter(path: folder, inputs: inputs, force: force, own: ownFiles)
    }

    /// The names a run folder's manifest lists (its files and `manifest.json`), or nil when the
    /// manifest cannot be read.
    public static func ownFiles(_ folder: String) -> Set<String>? {
        guard let bytes = FileSystem.readRegular(folder + "/manifest.json"),
              let manifest = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let files = manifest["files"] as? [String: Any],
              files.keys.allSatisfy(OutputFolder.isPlainName) else { return nil }
        return Set(files.keys).union(["manifest.json"])
    }

    /// What makes runs comparable, as one SHA-256: version, the resolved scenario and its
    /// overrides, every input file's SHA-256, seed, total paths and generator. Shards of one run
    /// share it; `merge` refuses shards that do not.
    /// `inputHashes` are the scenario files' SHA-256 (``RunJSON/inputHashes(_:)``), when the caller
    /// has them already.
    public static func fingerprint(_ report: RunReport, inputHashes: [String: String]? = nil) throws -> String {
        try fingerprint(scenario: report.scenario, inputs: report.inputs, metadata: report.metadata, inputHashes: inputHashes)
    }

    /// ``fingerprint(_:inputHashes:)`` of a run of `scenario` with `metadata`, before its report exists.
    public static func fingerprint(scenario: Scenario, inputs: ProjectionInputs, metadata m: RunMetadata,
                                   inputHashes: [String: String]? = nil) throws -> String {
        let object: [String: Any] = [
            "pensiun_version": m.version,
            "model_version": ModelVersion.current,
            "resolved_scenario": RunJSON.tree(scenario.tree),
            "overrides": m.overrides,
            "file_sha256": inputHashes ?? RunJSON.inputHashes(scenario),
            "seed": NSNumber(value: m.seed),
            "total_paths": m.totalPaths,
            "generator": inputs.calendar.generator.rawValue,
        ]
        return SHA256.hex(Array(try RunJSON.encode(object).utf8))
    }

    /// Writes the report's files into `writer` and installs the folder. A value that is not
    /// finite stops the writing (``NonFiniteOutput``) and leaves the previous folder as it was.
    public static func write(_ report: RunReport, with writer: RunFolderWriter, partial: Bool) throws {
        do {
            // The input files are read and hashed once, for the fingerprint and the manifest.
            let inputHashes = RunJSON.inputHashes(report.scenario)
            let fingerprint = try fingerprint(report, inputHashes: inputHashes)
            var renderers: [(String, () throws -> [UInt8])] = []
            if partial {
                // A partial run keeps its results (it is joined by `merge`); a streamed run is never partial.
                guard let results = report.results else {
                    throw OutputError("a partial run over a path range must keep its results in memory (results.bin)")
                }
                renderers.append((ResultsArchive.fileName, { [UInt8](ResultsArchive.encode(results, fingerprint: fingerprint)) }))
            }
            renderers += [
                ("summary.md", { Array(("# \(report.scenario.name)\n\n" + SummaryText.render(report, markdown: true)).utf8) }),
                ("summary.json", { Array(try RunJSON.summary(report).utf8) }),
                ("yearly.csv", { Array(try RunFiles.yearly(report).utf8) }),
                ("cashflows.csv", { Array(try CashFlowDecades(report.statistics).csv().utf8) }),
                ("composition.csv", { Array(try BurdenComposition(report.statistics).csv().utf8) }),
                ("paths.csv", { Array(try RunFiles.paths(report).utf8) }),
                ("profiles.csv", { Array(try ProfileTable.render(report).utf8) }),
                ("report.html", { Array(HTMLReport.render(report).utf8) }),
            ]
            if !report.alternatives.isEmpty {
                renderers.append(("alternatives.csv", { Array(try AlternativesTable.csv(report).utf8) }))
            }
            // The files are rendered and hashed side by side; the first failure in file order is
            // the one reported, whatever the thread count.
            let jobs = UncheckedSendable(renderers)
            let rendered = ParallelBlocks.map(count: renderers.count, blockSize: 1, threads: report.metadata.threads) { i in
                Result { () throws -> ([UInt8], String) in
                    let bytes = try jobs.value[i].1()
                    return (bytes, SHA256.hex(bytes))
                }
            }
            var files: [(String, [UInt8])] = []
            var hashes: [String: String] = [:]
            for (renderer, result) in zip(renderers, rendered) {
                let (bytes, hash) = try result.get()
                files.append((renderer.0, bytes))
                hashes[renderer.0] = hash
            }
            files.append(("manifest.json", Array(try RunJSON.manifest(report, files: hashes, fingerprint: fingerprint, inputHashes: inputHashes).utf8)))
            for (name, bytes) in files { try writer.write(name, bytes) }
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }
}
