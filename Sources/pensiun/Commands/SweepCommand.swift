import ArgumentParser
import Foundation

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
