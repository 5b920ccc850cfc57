import ArgumentParser
import Foundation
import PensiunScenario
import PensiunSweep

/// `pensiun sweep`: runs every variant of a sweep file; `pensiun sweep merge` joins shards.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a parameter sweep (a grid or a sampled design of scenario values) on common random numbers.",
        discussion: "See docs/sweeps.md for the sweep file, the output files and sharding.",
        subcommands: [SweepRunCommand.self, SweepMergeCommand.self],
        defaultSubcommand: SweepRunCommand.self
    )
}

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
        let (spec, plan) = try loadSweepPlan(file)
        let part = shard.flatMap(SweepShard.init(parsing:))
        let folder = out ?? "Outputs/sweeps/\(spec.name)" + (part.map { "/shard-\($0.index)-of-\($0.count)" } ?? "")
        let threads = threading.resolved
        let quiet = verbosity.quiet
        let name = spec.name
        let share = part.map { " (shard \($0))" } ?? ""
        if !quiet {
            let mine = part.map { plan.shard($0.index, of: $0.count).count } ?? plan.variants.count
            progressLine("sweep \(name)\(share): \(mine) variants of \(spec.paths) paths, \(threads) threads")
        }
        do {
            let outcome = try namingOut { try SweepDriver.run(
                plan, out: folder, threads: threads, shard: part,
                provenance: SweepProvenance(version: PensiunVersion.string, gitCommit: GitInfo.commit()),
                progress: { line in if !quiet { progressLine("sweep \(name)\(share): \(line)") } }) }
            if !quiet {
                print("Wrote \(folder)/: \(outcome.variants) variants, \(outcome.rows) result rows in \(String(format: "%.1f", outcome.wallTime)) s")
            }
        } catch let error as SweepError {
            throw failInput(error.message)
        }
    }
}

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
        do {
            let merged = try namingOut { try SweepFiles.merge(shards, out: out) }
            if !verbosity.quiet { print("Merged \(merged.shards) shards (\(merged.variants) variants) into \(out)/") }
        } catch let error as SweepError {
            throw failInput(error.message)
        }
    }
}

/// Reads a sweep file, turning every problem into the located messages and exit status 2.
func loadSweep(_ path: String) throws -> SweepSpec {
    do {
        return try SweepLoader.load(path: path)
    } catch {
        throw failInput(error.description)
    }
}

/// Reads a sweep file and checks its variants; every problem becomes exit status 2.
func loadSweepPlan(_ path: String) throws -> (SweepSpec, SweepPlan) {
    let spec = try loadSweep(path)
    do {
        let plan = try SweepPlan(spec: spec)
        try plan.validate()
        return (spec, plan)
    } catch let error as ScenarioError {
        throw failInput(error.description)
    } catch {
        throw failInput("\(path): \(error)")
    }
}

/// One line of progress on standard error.
func progressLine(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
