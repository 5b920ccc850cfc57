import ArgumentParser
import Foundation

/// `pensiun slurm`: a run's paths or a sweep's variants as a Slurm job array, one shard per task,
/// and a dependent job that merges the shards into the folder a single process would write.
struct SlurmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Submit a run or a sweep to Slurm as a job array of shards plus a merge job.",
        discussion: """
        Writes two sbatch scripts into OUT.shards/ (a job array whose task i computes shard i into \
        OUT.shards/task-i/, and a merge job), submits them with sbatch when it is on the PATH and \
        prints the job ids; with --dry-run, or without sbatch, prints the scripts. The scripts name \
        this pensiun binary and the input files by absolute path: build once on a file system every \
        node sees. See docs/cluster.md.
        """,
        subcommands: [SlurmRunCommand.self, SlurmSweepCommand.self]
    )
}
