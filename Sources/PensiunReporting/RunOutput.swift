import Foundation
import PensiunEngine

/// The files of a run folder: `summary.md`, `summary.json`, `yearly.csv`, `paths.csv`,
/// `profiles.csv`, `report.html` (and `results.bin` for a partial run over a path range), then
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
        let m = report.metadata
        let object: [String: Any] = [
            "pensiun_version": m.version,
            "model_version": ModelVersion.current,
            "resolved_scenario": RunJSON.tree(report.scenario.tree),
            "overrides": m.overrides,
            "file_sha256": inputHashes ?? RunJSON.inputHashes(report.scenario),
            "seed": NSNumber(value: m.seed),
            "total_paths": m.totalPaths,
            "generator": report.inputs.calendar.generator.rawValue,
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
            var files: [(String, [UInt8])] = []
            if partial {
                files.append((ResultsArchive.fileName, [UInt8](ResultsArchive.encode(report.results, fingerprint: fingerprint))))
            }
            files.append(("summary.md", Array(("# \(report.scenario.name)\n\n" + SummaryText.render(report, markdown: true)).utf8)))
            files.append(("summary.json", Array(try RunJSON.summary(report).utf8)))
            files.append(("yearly.csv", Array(try RunFiles.yearly(report).utf8)))
            files.append(("paths.csv", Array(try RunFiles.paths(report).utf8)))
            files.append(("profiles.csv", Array(try ProfileTable.render(report).utf8)))
            files.append(("report.html", Array(HTMLReport.render(report).utf8)))
            let hashes = Dictionary(files.map { ($0.0, SHA256.hex($0.1)) }, uniquingKeysWith: { a, _ in a })
            files.append(("manifest.json", Array(try RunJSON.manifest(report, files: hashes, fingerprint: fingerprint, inputHashes: inputHashes).utf8)))
            for (name, bytes) in files { try writer.write(name, bytes) }
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }
}
