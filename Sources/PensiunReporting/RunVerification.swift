import Foundation

/// Re-checks a run folder against its manifest (`pensiun verify`, and every shard `merge` reads):
/// the marker is there, every file the manifest lists is there with the SHA-256 it records, no
/// other file is, and a `results.bin` carries the manifest's fingerprint.
public enum RunVerification {
    /// A run folder whose files match its manifest.
    public struct Verified {
        public let folder: String
        public let manifest: [String: Any]
        /// The fingerprint of the run (``RunOutput/fingerprint(_:)``).
        public let fingerprint: String
        /// The names the manifest lists, with their SHA-256.
        public let files: [String: String]
    }

    /// A problem with a run folder: one line naming the folder or file and what is wrong.
    public struct Problem: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    public static func verify(_ folder: String) throws(Problem) -> Verified {
        guard FileSystem.kind(folder) == .directory else {
            throw Problem(message: "\(folder): not a folder (expected a run folder written by pensiun run or merge)")
        }
        let manifestPath = folder + "/manifest.json"
        guard let data = FileManager.default.contents(atPath: manifestPath),
              let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Problem(message: "\(manifestPath): missing or not JSON (expected a run folder written by pensiun run or merge)")
        }
        guard let fingerprint = manifest["fingerprint"] as? String, let files = manifest["files"] as? [String: String] else {
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
        for (name, hash) in files.sorted(by: { $0.key < $1.key }) {
            let path = folder + "/" + name
            guard FileSystem.kind(path) == .regular, let bytes = FileManager.default.contents(atPath: path) else {
                throw Problem(message: "\(path): missing (the manifest lists it)")
            }
            guard SHA256.hex(bytes) == hash else {
                throw Problem(message: "\(path): its SHA-256 differs from the manifest's (changed, damaged or truncated since the run)")
            }
        }
        return Verified(folder: folder, manifest: manifest, fingerprint: fingerprint, files: files)
    }
}
