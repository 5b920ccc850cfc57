import Foundation
import PensiunReporting

/// Tells the user that the previous output folder was kept (``RunFolderWriter/leftover``).
func warnKept(_ folder: String) {
    FileHandle.standardError.write(Data("warning: the previous output folder held a file that appeared during the run; it was kept as \(folder)\n".utf8))
}

/// One line of progress on standard error.
func progressLine(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
