import ArgumentParser
import Foundation
import PensiunRuns

/// `pensiun compare A B`: what moved between two finished run folders, largest moves first.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two run folders: headline figures and yearly medians, largest changes first.",
        discussion: """
        Reads summary.json and yearly.csv of each folder (written by pensiun run). Prints every
        headline figure that differs (A, B, B − A and the relative change), then, for each scheme
        and metric of yearly.csv, the year whose median moved most. Relative changes are taken on
        |A|; for the yearly medians |A| is floored at 1% of the series' largest |A|, so that years
        near zero do not swamp the list.
        """
    )

    @Argument(help: "The first run folder (A, the reference).")
    var folderA: String

    @Argument(help: "The second run folder (B).")
    var folderB: String

    @Option(help: "Yearly series to show (those with the largest changes).")
    var top = 20

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1 (got \(top)).") }
    }

    func run() throws {
        print(try RunComparison.load(folderA, folderB).render(top: top), terminator: "")
    }
}
