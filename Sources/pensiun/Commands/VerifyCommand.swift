import ArgumentParser
import Foundation
import PensiunReporting

/// `pensiun verify`: re-checks a run folder against its manifest.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that a run folder's files are the ones its manifest lists, unchanged.",
        discussion: """
        Every file the manifest lists must be there with the SHA-256 it records, no other file may be \
        there but the marker, and a results.bin must carry the manifest's fingerprint. Exit status 0 \
        when the folder verifies, 2 (with one line naming the file and the problem) otherwise.
        """
    )

    @Argument(help: "The run folders.")
    var folders: [String]

    func run() throws {
        for folder in folders {
            let verified = try RunVerification.verify(folder)
            print("\(folder): verified (\(verified.files.count) files match the manifest)")
        }
    }
}
