import ArgumentParser
import PensiunSweep

/// `pensiun sweep merge`: the shard folders of a sweep joined into the folder of one whole run.
struct SweepMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the folders of `pensiun sweep --shard I/N` into the folder of one whole run.",
        discussion: """
        Every shard 1…N of one sweep must be given, finished. variants.csv and results.csv equal those \
        of a single run byte for byte; so does manifest.json, apart from its execution record (threads, wall time).
        """
    )

    @Argument(help: "The shard folders.")
    var shards: [String]

    @Option(help: "The merged folder.")
    var out: String

    @OptionGroup var verbosity: QuietOption

    func run() throws {
        let merged = try SweepFiles.merge(shards, out: out)
        if !verbosity.quiet { print("Merged \(merged.shards) shards (\(merged.variants) variants) into \(out)/") }
    }
}
