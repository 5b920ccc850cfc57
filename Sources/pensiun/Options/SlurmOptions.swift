import ArgumentParser
import Foundation
import PensiunRuns

/// The flags shared by `slurm run` and `slurm sweep`, checked by ``SlurmSettings/problem``.
struct SlurmOptions: ParsableArguments {
    @Option(help: "Array tasks: the number of shards, one per task.")
    var tasks: Int

    @Option(help: "The Slurm partition (default: the cluster's default partition).")
    var partition: String?

    @Option(help: ArgumentHelp("The time limit of every task and of the merge job (Slurm's formats: MM, HH:MM:SS, D-HH:MM …).", valueName: "HH:MM:SS"))
    var time: String?

    @Option(help: "The Slurm account to charge (when the cluster asks for one).")
    var account: String?

    @Option(name: .customLong("threads-per-task"), help: "CPUs of each task (--cpus-per-task) and its worker threads.")
    var threadsPerTask: Int = 1

    @Option(name: .customLong("sbatch-option"),
            help: ArgumentHelp("Another #SBATCH line for both scripts, such as --sbatch-option=--mem=4G (repeatable).", valueName: "OPTION"))
    var sbatchOptions: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Print the scripts and the sbatch commands; submit and write nothing.")
    var dryRun = false

    var settings: SlurmSettings {
        SlurmSettings(tasks: tasks, partition: partition, time: time, account: account, threadsPerTask: threadsPerTask,
                      sbatchOptions: sbatchOptions)
    }

    func validate() throws {
        if let problem = settings.problem { throw ValidationError(problem) }
    }

    /// Prints what a submission printed: its notes on standard error, its listing or job ids on
    /// standard output.
    func show(_ outcome: SlurmPlan.Outcome) {
        print(outcome.output, terminator: "")
        for note in outcome.notes { FileHandle.standardError.write(Data((note + "\n").utf8)) }
    }
}
