import Foundation
import PensiunReporting

/// Runs `body`, which opens an output, naming `--out` in a refusal of its path (`--out PATH: …`),
/// whether the path was given or is the command's default.
func namingOut<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as OutputError {
        throw error.naming("--out")
    }
}

/// Tells the user that the previous output folder was kept (``RunFolderWriter/leftover``).
func warnKept(_ folder: String) {
    FileHandle.standardError.write(Data("warning: the previous output folder held a file that appeared during the run; it was kept as \(folder)\n".utf8))
}

/// One line of progress on standard error.
func progressLine(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
