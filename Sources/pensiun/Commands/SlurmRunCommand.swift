import ArgumentParser
import PensiunRuns

/// `pensiun slurm run`: the paths of one run split into path ranges, one per array task.
struct SlurmRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario's paths as a Slurm job array (pensiun run --path-range), then pensiun merge.",
        discussion: """
        Task i of T computes paths ⌊iN/T⌋ ..< ⌊(i+1)N/T⌋ into OUT.shards/task-i/; the merge job \
        (--dependency=afterok on the array) writes OUT, equal byte for byte to the folder of one \
        `pensiun run` over all N paths, apart from the manifest's execution record. A failed task can \
        be resubmitted alone (sbatch --array=i OUT.shards/run.sbatch), then the merge job again.
        """
    )

    @OptionGroup var input: ScenarioArguments

    @OptionGroup var pathCount: PathsOption<ScenarioPaths>

    @OptionGroup var master: SeedOption

    @Option(help: "The merged run folder (default: Outputs/<scenario name>); shards go to OUT.shards/.")
    var out: String?

    @OptionGroup var slurm: SlurmOptions

    func validate() throws {
        if let paths = pathCount.paths, slurm.tasks > paths {
            throw ValidationError(SlurmSettings.tooManyTasks(slurm.tasks, paths: paths))
        }
    }

    func run() throws {
        let outcome = try SlurmJobs.submitRun(
            scenario: input.scenario, overrides: input.overrides, paths: pathCount.paths, seed: master.seed, out: out,
            settings: slurm.settings, dryRun: slurm.dryRun, version: PensiunVersion.string,
            warn: progressLine)
        slurm.show(outcome)
    }
}
