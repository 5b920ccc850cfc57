import ArgumentParser
import PensiunRuns

/// `pensiun slurm sweep`: a sweep's variants split into shards I/N, one per array task.
struct SlurmSweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a sweep as a Slurm job array (pensiun sweep --shard I/N), then pensiun sweep merge.",
        discussion: """
        Task i of T runs shard i+1/T (variants i+1, i+1+T, …) into OUT.shards/task-i/; the merge job \
        (--dependency=afterok on the array) writes OUT as one `pensiun sweep` would. A failed task can \
        be resubmitted alone (sbatch --array=i OUT.shards/sweep.sbatch): it resumes its finished variants.
        """
    )

    @Argument(help: "The sweep file (YAML).")
    var file: String

    @Option(help: "The merged sweep folder (default: Outputs/sweeps/<sweep name>); shards go to OUT.shards/.")
    var out: String?

    @OptionGroup var slurm: SlurmOptions

    func run() throws {
        let outcome = try SlurmJobs.submitSweep(file: file, out: out, settings: slurm.settings, dryRun: slurm.dryRun,
                                                version: PensiunVersion.string, warn: progressLine)
        slurm.show(outcome)
    }
}
