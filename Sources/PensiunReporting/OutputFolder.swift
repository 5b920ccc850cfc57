import Foundation

/// Where Pensiun may write an output folder (a run or a sweep), and what it may replace there.
///
/// Pensiun never deletes or replaces what it did not create. A folder is Pensiun's when it holds
/// the marker file ``markerName`` and nothing but the files its own manifest lists; such a folder
/// is replaced whole. A missing or empty folder is used as is. Anything else is refused with one
/// line saying why and what to do: a folder with other files (they are named), a folder without
/// the marker, the current folder or one of its parents, a folder holding the scenario's own
/// files, a file, a special file or a symbolic link where a folder is expected.
public enum OutputFolder {
    /// The marker file of every folder Pensiun writes.
    public static let markerName = ".pensiun-output"
    /// The marker's text (the same in every folder, so equal runs give equal folders).
    public static let markerText = "This folder was written by Pensiun. The next run that writes here replaces it whole, as long as it holds only the files Pensiun wrote (docs/reliability.md).\n"

    /// What is at an output path that passed ``check(_:inputs:own:)``.
    public enum State: Equatable, Sendable {
        /// Nothing: the folder is created.
        case missing
        /// An empty folder: used as is.
        case empty
        /// A folder Pensiun wrote, holding only these names (marker included).
        case pensiun(names: [String])
    }

    /// Checks that `target` may receive an output folder. `inputs` are the files the run reads
    /// (the scenario chain and its tables): a folder holding any of them is refused. `own` reads
    /// a Pensiun folder's manifest and returns the names it lists (nil when it cannot be read).
    /// `folders` are the names that may be folders inside (a sweep's `work/`); everything else
    /// inside must be a regular file.
    public static func check(_ target: String, inputs: [String], folders: Set<String> = [],
                             own: (String) -> Set<String>?) throws(OutputError) -> State {
        let target = trimmed(target)
        let shown = target.isEmpty ? "''" : target
        guard !target.isEmpty else {
            throw OutputError("\(shown): an empty path names no folder (give a folder such as Outputs/my-run)")
        }
        let resolved = FileSystem.resolved(target)
        let here = FileSystem.resolved(".")
        if FileSystem.contains(resolved, here) {
            throw OutputError("\(shown): is the current folder or one of its parents; Pensiun writes into a folder of its own (give a new folder, such as Outputs/my-run)")
        }
        let last = (target as NSString).lastPathComponent
        guard last != ".", last != ".." else {
            throw OutputError("\(shown): ends in '\(last)'; name the output folder itself (such as Outputs/my-run)")
        }
        for input in inputs where FileSystem.contains(resolved, FileSystem.resolved(input)) {
            throw OutputError("\(shown): holds the scenario's own file \(input); choose an output folder outside the scenario's files")
        }
        let kind = FileSystem.kind(target)
        switch kind {
        case .missing: return .missing
        case .directory: break
        default:
            throw OutputError("\(shown): is \(kind.phrase), not a folder; remove it yourself or choose another output folder")
        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: target).sorted()
        } catch {
            throw OutputError("\(shown): cannot list the folder (\(error.localizedDescription))")
        }
        if entries.isEmpty { return .empty }
        guard entries.contains(markerName) else {
            throw OutputError("\(shown): is a folder Pensiun did not write (it has no \(markerName) marker and holds \(list(entries))); choose a new or empty folder, or move its files yourself")
        }
        // The kinds first: reading a manifest that is a FIFO would block.
        for name in entries {
            let kind = FileSystem.kind(target + "/" + name)
            guard kind == .regular || (kind == .directory && folders.contains(name)) else {
                throw OutputError("\(shown)/\(name): is \(kind.phrase), not a file Pensiun wrote; move it out or choose another folder")
            }
        }
        guard let listed = own(target) else {
            throw OutputError("\(shown): its manifest.json is missing or damaged, so Pensiun cannot tell its files from others; remove the folder yourself or choose another")
        }
        let allowed = listed.union([markerName])
        let foreign = entries.filter { !allowed.contains($0) }
        guard foreign.isEmpty else {
            throw OutputError("\(shown): holds files Pensiun did not write (\(list(foreign))); move them out or choose another folder")
        }
        return .pensiun(names: entries)
    }

    /// `path` without trailing slashes (`out/` names the same folder as `out`, and a final
    /// symbolic link is then seen as the link it is).
    public static func trimmed(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        return String(p)
    }

    /// Whether a name listed in a manifest is a plain file name (no folder, no `..`).
    public static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && name != "." && name != ".."
    }

    /// `a, b, c and 4 more` for messages.
    static func list(_ names: [String]) -> String {
        let shown = names.prefix(5).joined(separator: ", ")
        return names.count > 5 ? "\(shown) and \(names.count - 5) more" : shown
    }
}
