import Foundation
import PensiunEngine

/// Re-checks a run folder against its manifest (`pensiun verify`, and every shard `merge` reads):
/// the marker is there, every file the manifest lists is there with the SHA-256 it records, no
/// other file is, and a `results.bin` carries the manifest's fingerprint (it is decoded, once).
public enum RunVerification {
    /// A run folder whose files match its manifest.
    public struct Verified {
        public let folder: String
        public let manifest: [String: Any]
        /// The fingerprint of the run (``RunOutput/fingerprint(_:)``).
        public let fingerprint: String
        /// The names the manifest lists, with their SHA-256.
        public let files: [String: String]
        /// The decoded `results.bin`, when the folder is a shard.
        public let results: ProjectionResults?
    }

    /// A problem with a run folder: one line naming the folder or file and what is wrong.
    public struct Problem: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    public static func verify(_ folder: String) throws(Problem) -> Verified {
        guard FileSystem.kind(OutputFolder.trimmed(folder)) == .directory else {
            throw Problem(message: "\(folder): not a folder (expected a run folder written by pensiun run or merge)")
        }
        let manifestPath = folder + "/manifest.json"
        guard let bytes = FileSystem.readRegular(manifestPath),
              let manifest = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw Problem(message: "\(manifestPath): missing or not JSON (expected a run folder written by pensiun run or merge)")
        }
        guard let fingerprint = manifest["fingerprint"] as? String, let files = manifest["files"] as? [String: String],
              files.keys.allSatisfy(OutputFolder.isPlainName) else {
            throw Problem(message: "\(manifestPath): has no fingerprint or file list (written by an older Pensiun; run it again)")
        }
        guard FileSystem.kind(folder + "/" + OutputFolder.markerName) == .regular else {
            throw Problem(message: "\(folder): has no \(OutputFolder.markerName) marker (not a complete Pensiun run folder)")
        }
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        let expected = Set(files.keys).union(["manifest.json", OutputFolder.markerName])
        if let extra = entries.first(where: { !expected.contains($0) }) {
            throw Problem(message: "\(folder)/\(extra): not listed in the manifest (a file added after the run)")
        }
        var results: ProjectionResults?
        for (name, hash) in files.sorted(by: { $0.key < $1.key }) {
            let path = folder + "/" + name
            guard FileSystem.kind(path) == .regular, let bytes = FileSystem.readRegular(path, limit: Int.max) else {
                throw Problem(message: "\(path): missing or not a regular file (the manifest lists it)")
            }
            guard SHA256.hex(bytes) == hash else {
                throw Problem(message: "\(path): its SHA-256 differs from the manifest's (changed, damaged or truncated since the run)")
            }
            if name == ResultsArchive.fileName {
                do {
                    let decoded = try ResultsArchive.decode(Data(bytes), file: path)
                    guard decoded.fingerprint == fingerprint else {
                        throw Problem(message: "\(path): comes from another run than its manifest (fingerprints differ)")
                    }
                    results = decoded.results
                } catch let error as ResultsArchive.FormatError {
                    throw Problem(message: error.description)
                } catch let error as Problem {
                    throw error
                } catch {
                    throw Problem(message: "\(path): \(error)")
                }
            }
        }
        return Verified(folder: folder, manifest: manifest, fingerprint: fingerprint, files: files, results: results)
    }
}
