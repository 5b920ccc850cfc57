import Foundation

/// The one rule for relative paths in a scenario: a path written in a file (a scenario file, a
/// base it extends, a sweep file) is relative to that file's folder; a path given on the command
/// line (`--set`, `--lever`) is relative to the current folder, as a shell user expects.
enum DataPath {
    /// Whether `location` is a value given on the command line rather than written in a file.
    static func isCommandLine(_ location: SourceLocation) -> Bool { location.file.hasPrefix("--") }

    /// The path `name` written at `location`: absolute paths and command-line values as given
    /// (the file system resolves them against the current folder), others joined to the folder
    /// of the file they are written in.
    static func resolve(_ name: String, writtenAt location: SourceLocation) -> String {
        if name.hasPrefix("/") || isCommandLine(location) { return name }
        let folder = (location.file as NSString).deletingLastPathComponent
        return folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    }

    /// What a relative path written at `location` is relative to, for messages.
    static func base(of location: SourceLocation) -> String {
        isCommandLine(location) ? "the current folder, as every \(location.file) path is" : "the scenario file"
    }
}
