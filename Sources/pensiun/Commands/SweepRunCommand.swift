import ArgumentParser
import Foundation
import PensiunSweep

/// `pensiun sweep run FILE` (the default of `pensiun sweep`): every variant of a sweep file.
struct SweepRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run every variant of a sweep file (the default: `pensiun sweep FILE`).",
        discussion: """
        Writes variants.csv (variant,<parameters…>), results.csv (variant,scheme,metric,year,stat,value) \
        and manifest.json into the output folder. Finished variants are journaled in OUT/work/: a sweep \
        interrupted at any moment finishes the remaining variants when started again with the same \
        arguments. --shard I/N runs variants I, I+N, I+2N, … (for job arrays); join the N folders with \
        `pensiun sweep merge`.
        """
    )

    @Argument(help: "The sweep file (YAML).")
    var file: String

    @Option(help: "The output folder (default: Outputs/sweeps/<sweep name>, plus /shard-I-of-N with --shard).")
    var out: String?

    @OptionGroup var threading: ThreadsOption

    @Option(help: ArgumentHelp("Run one share of the variants: I/N, 1 ≤ I ≤ N.", valueName: "I/N"))
    var shard: String?

    @OptionGroup var verbosity: QuietOption

    func validate() throws {
        if let shard, SweepShard(parsing: shard) == nil {
            throw ValidationError("--shard expects I/N with 1 ≤ I ≤ N, such as 2/8 (got '\(shard)').")
        }
    }

    func run() throws {
        let quiet = verbosity.quiet
        let written = try SweepDriver.run(
            file: file, out: out, threads: threading.resolved, shard: shard.flatMap(SweepShard.init(parsing:)),
            provenance: SweepProvenance(version: PensiunVersion.string, gitCommit: GitInfo.commit()),
            progress: { line in if !quiet { progressLine(line) } })
        let outcome = written.outcome
        if !quiet {
            print("Wrote \(written.folder)/: \(outcome.variants) variants, \(outcome.rows) result rows in \(String(format: "%.1f", outcome.wallTime)) s")
        }
    }
}
