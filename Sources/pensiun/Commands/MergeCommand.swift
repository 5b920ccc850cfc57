import ArgumentParser
import Foundation
import PensiunReporting
import PensiunRuns

/// `pensiun merge`: joins the shards of a run (made with `run --path-range`) into the run folder a
/// single process would have written.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join partial runs (pensiun run --path-range A..B) into one run folder.",
        discussion: """
        The shards must come from the same scenario, overrides, seed and --paths N, and their path
        ranges must cover 0..N exactly once. The merged folder equals, byte for byte, the folder
        of one run over all paths, apart from the manifest's execution record (threads, wall time).
        When all the paths' results do not fit the memory limit, the shards are read one at a time
        and the statistics streamed, as a run that large streams them.
        """
    )

    @Argument(help: "The shard folders.")
    var shards: [String]

    @Option(help: "The merged run folder.")
    var out: String

    @OptionGroup var threading: ThreadsOption

    @OptionGroup var verbosity: QuietOption

    @Flag(help: "Take over the output folder's lock even if its holder seems alive (after that process is gone).")
    var force = false

    @OptionGroup var memory: MemoryLimitOption

    func run() throws {
        let merged = try ShardMerge.merge(shards, out: out, threads: threading.resolved, force: force, version: PensiunVersion.string,
                                          memoryLimit: memory.bytes, forceStreaming: memory.stream,
                                          notice: { [quiet = verbosity.quiet] line in if !quiet { progressLine(line) } })
        if let leftover = merged.leftover { warnKept(leftover) }
        if !verbosity.quiet {
            print(SummaryText.render(merged.report), terminator: "")
            print("Merged \(merged.shards) shards into \(out)/")
        }
    }
}
