import Foundation
import PensiunEngine
import PensiunReporting
import PensiunScenario

/// The files of a sweep folder: `variants.csv`, `results.csv`, `manifest.json` (written last: its
/// presence marks a complete folder), and the joining of shard folders.
public enum SweepFiles {
    public static let names = ["manifest.json", "variants.csv", "results.csv"]

    /// A CSV field: quoted when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `variant,<parameter names…>`, one row per variant with the values written into its scenario.
    public static func variantsCSV(_ spec: SweepSpec, _ variants: [SweepVariant], extra: [String] = [],
                                   extraValues: (SweepVariant) -> [String] = { _ in [] }) -> String {
        var out = (["variant"] + extra + spec.parameters.map(\.name)).map(field).joined(separator: ",") + "\n"
        for v in variants {
            out += ([String(v.id)] + extraValues(v) + v.values).map(field).joined(separator: ",") + "\n"
        }
        return out
    }

    /// The manifest: what ran (version, commit, sweep file and every input file with its SHA-256,
    /// seed, paths, design, parameters, variant count) and the execution record (threads, wall
    /// time), the only part that differs between runs of the same sweep. A shard's manifest adds
    /// `shard`; joining the shards gives the single run's manifest but for the execution record.
    public static func manifest(_ spec: SweepSpec, design plan: SweepPlan, provenance: SweepProvenance, shard: SweepShard?,
                                shardVariants: Int, threads: Int, wallTime: Double, kind: String = "sweep") -> [String: Any] {
        var hashes: [String: String] = [:]
        for file in [spec.file] + spec.base.files {
            if let h = SHA256.file(atPath: file) { hashes[file] = h }
        }
        var object: [String: Any] = [
            "kind": kind,
            "pensiun_version": provenance.version,
            "model_version": ModelVersion.current,
            "git_commit": provenance.gitCommit ?? NSNull(),
            "sweep": spec.name,
            "sweep_file": spec.file,
            "base_scenario": spec.template.path,
            "file_sha256": hashes,
            "seed": NSNumber(value: spec.seed),
            "paths": spec.paths,
            "design": spec.design.rawValue,
            "samples": spec.samples.map { $0 as Any } ?? NSNull(),
            "parameters": spec.parameters.map { ["name": $0.name, "keys": $0.keys] },
            "variant_count": plan.variants.count,
            "execution": ["threads": threads, "wall_time_seconds": (wallTime * 1000).rounded() / 1000],
        ]
        if let shard { object["shard"] = ["index": shard.index, "count": shard.count, "variants": shardVariants] }
        return object
    }

    /// Writes a folder's `files` (name, text) durably (flushed to disk, renamed into place, the
    /// folder flushed), `manifest.json` last: the journal is deleted only after this.
    /// The manifest lists every file with its SHA-256 (`files`), so that `sweep merge` refuses a
    /// truncated or damaged shard; the folder gets Pensiun's marker (``OutputFolder``).
    public static func write(out: String, files: [(name: String, text: String)], manifest: [String: Any]) throws {
        var manifest = manifest
        manifest["files"] = Dictionary(files.map { ($0.name, SHA256.hex(Array($0.text.utf8))) }, uniquingKeysWith: { a, _ in a })
        for file in files { try FileSystem.replace(out + "/" + file.name, bytes: Array(file.text.utf8)) }
        try FileSystem.replace(out + "/manifest.json", bytes: Array(try RunJSON.encode(manifest).utf8))
        try markFolder(out)
        FileSystem.syncFolder(out)
    }

    /// Checks that `out` may receive a sweep folder (new, empty, or a sweep folder Pensiun wrote
    /// holding only `names`, `manifest.json` and `work/`), locks it (``OutputLock``, held until
    /// the returned lock is released or dropped), creates it and writes the marker.
    /// A refusal names `--out` (``OutputError/naming(_:_:)``).
    public static func prepare(_ out: String, inputs: [String], names: [String]) throws -> OutputLock {
        try OutputError.naming("--out") {
            let own = Set(names + ["manifest.json", "work"])
            _ = try OutputFolder.check(out, inputs: inputs, folders: ["work"], own: { _ in own })
            _ = try FileSystem.createParent(of: OutputFolder.trimmed(out))
            let lock = try OutputLock(for: OutputFolder.trimmed(out))
            _ = try OutputFolder.check(out, inputs: inputs, folders: ["work"], own: { _ in own })
            if FileSystem.kind(out) == .missing {
                guard mkdir(out, 0o755) == 0 else { throw FileSystem.failure("cannot create \(out)") }
            }
            try markFolder(out)
            return lock
        }
    }

    static func markFolder(_ out: String) throws {
        let marker = out + "/" + OutputFolder.markerName
        if FileSystem.kind(marker) != .regular { try FileSystem.replace(marker, bytes: Array(OutputFolder.markerText.utf8), sync: false) }
    }

    /// Checks a shard's files against the SHA-256 its manifest lists.
    static func verify(_ folder: String, _ manifest: [String: Any]) throws {
        guard let files = manifest["files"] as? [String: String] else {
            throw SweepError("\(folder)/manifest.json: lists no file checksums (written by an older Pensiun; run the shard again)")
        }
        for (name, hash) in files.sorted(by: { $0.key < $1.key }) {
            let path = folder + "/" + name
            guard OutputFolder.isPlainName(name), let bytes = FileSystem.readRegular(path, limit: Int.max) else {
                throw SweepError("\(path): missing or not a regular file (its manifest lists it)")
            }
            guard SHA256.hex(bytes) == hash else {
                throw SweepError("\(path): its SHA-256 differs from its manifest's (truncated, damaged or changed since the shard ran)")
            }
        }
    }

    /// The lines of a CSV file after its header, grouped by the integer in their first field.
    static func blocks(_ text: String, file: String) throws -> (header: String, blocks: [Int: String]) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard let header = lines.first else { throw SweepError("\(file): empty (expected a header line)") }
        var blocks: [Int: String] = [:]
        for (n, line) in lines.dropFirst().enumerated() {
            guard let comma = line.firstIndex(of: ","), let id = Int(line[..<comma]) else {
                throw SweepError("\(file):\(n + 2): expected a variant number in the first column, got '\(line.prefix(40))'")
            }
            blocks[id, default: ""] += line + "\n"
        }
        return (String(header), blocks)
    }

    /// Joins the folders of `pensiun sweep --shard I/N` (all N of them, in any order) into `out`:
    /// the same `variants.csv` and `results.csv` as one run of the whole sweep, byte for byte, and
    /// its manifest but for the execution record (the shard folders, and the sum of their wall times).
    public static func merge(_ folders: [String], out: String) throws -> (variants: Int, shards: Int) {
        guard !folders.isEmpty else { throw SweepError("sweep merge: no shard folders given") }
        var manifests: [(String, [String: Any])] = []
        for folder in folders {
            let path = folder + "/manifest.json"
            guard let data = FileManager.default.contents(atPath: path),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                let unfinished = FileManager.default.fileExists(atPath: folder + "/work")
                throw SweepError("\(path): missing or unreadable (expected a shard folder written by pensiun sweep --shard I/N\(unfinished ? "; this shard has not finished: run it again to complete it" : ""))")
            }
            guard object["shard"] is [String: Any] else {
                throw SweepError("\(path): not a shard (expected a folder written by pensiun sweep --shard I/N)")
            }
            try verify(folder, object)
            manifests.append((folder, object))
        }
        func common(_ m: [String: Any]) -> NSDictionary {
            var copy = m
            copy["shard"] = nil
            copy["execution"] = nil
            copy["files"] = nil
            return copy as NSDictionary
        }
        let (firstFolder, first) = manifests[0]
        for (folder, m) in manifests.dropFirst() where !common(m).isEqual(common(first)) {
            let differing = Set(m.keys).union(first.keys).filter { $0 != "shard" && $0 != "execution" && $0 != "files" }
                .filter { !((m[$0] as? NSObject)?.isEqual(first[$0]) ?? (first[$0] == nil)) }.sorted()
            throw SweepError("\(folder)/manifest.json: \(differing.joined(separator: ", ")) differ from \(firstFolder)'s (expected shards of one sweep)")
        }
        let shardInfo = manifests.map { ($0.0, $0.1["shard"] as? [String: Any] ?? [:]) }
        let count = shardInfo[0].1["count"] as? Int ?? 0
        var seen: [Int: String] = [:]
        for (folder, info) in shardInfo {
            let index = info["index"] as? Int ?? 0
            guard count >= 1, (1...count).contains(index) else {
                throw SweepError("\(folder)/manifest.json: shard \(index)/\(count) is not a shard of a split (expected 1 ≤ index ≤ count)")
            }
            guard info["count"] as? Int == count else {
                throw SweepError("\(folder)/manifest.json: shard \(index)/\(info["count"] ?? "?") does not belong to a split into \(count) shards")
            }
            if let other = seen[index] { throw SweepError("\(folder): shard \(index)/\(count) given twice (also \(other))") }
            seen[index] = folder
        }
        let missing = (1...max(1, count)).filter { seen[$0] == nil }
        guard missing.isEmpty else {
            throw SweepError("sweep merge: shard\(missing.count > 1 ? "s" : "") \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) missing (expected all \(count) shards)")
        }
        let total = first["variant_count"] as? Int ?? 0
        var variantBlocks: [Int: String] = [:], resultBlocks: [Int: String] = [:]
        var variantHeader = "", resultHeader = ""
        for (folder, info) in shardInfo {
            let index = info["index"] as? Int ?? 0
            for (name, isVariants) in [("variants.csv", true), ("results.csv", false)] {
                let path = folder + "/" + name
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw SweepError("\(path): cannot read") }
                let (header, blocks) = try self.blocks(text, file: path)
                if isVariants { variantHeader = header } else { resultHeader = header }
                for (id, block) in blocks {
                    guard id >= 1, id <= total, (id - 1) % count == index - 1 else {
                        throw SweepError("\(path): variant \(id) does not belong to shard \(index)/\(count)")
                    }
                    if isVariants { variantBlocks[id] = block } else { resultBlocks[id] = block }
                }
            }
        }
        let absent = (1...max(1, total)).filter { variantBlocks[$0] == nil }
        guard absent.isEmpty, total > 0 else {
            throw SweepError("sweep merge: variant\(absent.count > 1 ? "s" : "") \(absent.prefix(10).map(String.init).joined(separator: ", "))\(absent.count > 10 ? ", …" : "") missing from the shards")
        }
        var manifest = first
        manifest["shard"] = nil
        let seconds = manifests.reduce(0.0) { $0 + (($1.1["execution"] as? [String: Any])?["wall_time_seconds"] as? Double ?? 0) }
        manifest["execution"] = ["merged_from": folders, "wall_time_seconds": (seconds * 1000).rounded() / 1000]
        manifest["files"] = nil
        let lock = try prepare(out, inputs: folders.map { $0 + "/manifest.json" }, names: names)
        defer { lock.release() }
        let ids = 1...total
        try write(out: out,
                  files: [("variants.csv", variantHeader + "\n" + ids.compactMap { variantBlocks[$0] }.joined()),  // none absent (guard above)
                          ("results.csv", resultHeader + "\n" + ids.map { resultBlocks[$0] ?? "" }.joined())],
                  manifest: manifest)
        return (total, count)
    }
}
