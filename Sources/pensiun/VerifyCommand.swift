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
            do {
                let verified = try RunVerification.verify(folder)
                if verified.files[ResultsArchive.fileName] != nil {
                    let path = folder + "/" + ResultsArchive.fileName
                    let decoded = try ResultsArchive.decode(FileManager.default.contents(atPath: path) ?? Data(), file: path)
                    guard decoded.fingerprint == verified.fingerprint else {
                        throw failInput("\(path): comes from another run than its manifest (fingerprints differ)")
                    }
                }
                print("\(folder): verified (\(verified.files.count) files match the manifest)")
            } catch let error as RunVerification.Problem {
                throw failInput(error.description)
            } catch let error as ResultsArchive.FormatError {
                throw failInput(error.description)
            }
        }
    }
}
