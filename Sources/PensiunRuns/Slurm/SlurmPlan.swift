import Foundation

/// The two scripts of a submission (a job array of shards and a merge job that depends on it)
/// and what to do with them: print them, write them, or write and submit them.
public struct SlurmPlan: Sendable {
    /// `run` or `sweep`: names the array script (`run.sbatch`, `sweep.sbatch`).
    public let kind: String
    /// The folder of the scripts, the logs and the shards (`OUT.shards`).
    public let shards: String
    /// The merged folder.
    public let out: String
    public let tasks: Int
    public let arrayScript: String
    public let mergeScript: String
    /// What is computed (`30 paths of /…/scenario.yaml (seed 42)`).
    public let what: String
    /// One line per task: what it computes.
    public let taskLines: [String]

    public var arrayPath: String { shards + "/\(kind).sbatch" }
    public var mergePath: String { shards + "/merge.sbatch" }

    /// What carrying out the plan printed and warned.
    public struct Outcome: Sendable {
        /// The text for standard output: the listing (dry run, or no sbatch) or the job ids.
        public let output: String
        /// Lines for standard error after the output (scripts written without sbatch).
        public let notes: [String]
    }

    /// Submits with `sbatch` (the sbatch executable; nil when it is not on the PATH), or, with
    /// `dryRun` or without sbatch, lists the scripts (and, without sbatch, writes them). A warning
    /// about the plan (a very large array) goes to `warn` first, before anything can fail.
    public func carryOut(dryRun: Bool, sbatch: String?, warn: (String) -> Void) throws -> Outcome {
        var notes: [String] = []
        if tasks > 1001 {
            warn("warning: \(tasks) array tasks: many clusters allow at most 1001 (MaxArraySize); check `scontrol show config | grep MaxArraySize`")
        }
        guard !dryRun, let sbatch else {
            if !dryRun {
                try writeScripts()
                notes.append("sbatch is not on the PATH: wrote the scripts into \(shards)/ without submitting them (submit them on the cluster with the commands above)")
            }
            return Outcome(output: listing(written: !dryRun), notes: notes)
        }
        try writeScripts()
        let arrayID = try SlurmScript.sbatch(sbatch, ["--parsable", arrayPath])
        let mergeID: String
        do {
            mergeID = try SlurmScript.sbatch(sbatch, ["--parsable", "--dependency=afterok:\(arrayID)", mergePath])
        } catch {
            throw SlurmSubmissionError(error.message + "\nThe array job \(arrayID) is submitted, its merge job is not: submit it with\n  sbatch --dependency=afterok:\(arrayID) \(mergePath)")
        }
        let output = """
            Submitted array job \(arrayID) (\(tasks) task\(tasks == 1 ? "" : "s")) and merge job \(mergeID) (runs once every task has succeeded).
              \(what)
              shards:  \(shards)/task-<i>/   logs: \(shards)/logs/
              merged:  \(out)/
            Follow:    squeue -j \(arrayID),\(mergeID)
            If task I fails, resubmit it alone, then the merge:
              sbatch --parsable --array=I \(arrayPath)        # prints JOB
              sbatch --dependency=afterok:JOB \(mergePath)

            """
        return Outcome(output: output, notes: notes)
    }

    /// The dry-run listing: what runs where, the sbatch commands and both scripts.
    public func listing(written: Bool) -> String {
        var lines = ["# pensiun slurm \(kind): \(what)", "# in \(tasks) array task\(tasks == 1 ? "" : "s"), then one merge job:"]
        let shown = taskLines.count <= 40 ? taskLines : Array(taskLines.prefix(20)) + ["…"] + Array(taskLines.suffix(19))
        lines += shown.map { "#   \($0)" }
        lines += [
            "# shards: \(shards)/task-<i>/   merged: \(out)/",
            "# \(written ? "Scripts written; submit them with" : "Without --dry-run, pensiun writes the two scripts below and submits them"):",
            "#   array=$(sbatch --parsable \(arrayPath))",
            "#   sbatch --parsable --dependency=afterok:${array%%;*} \(mergePath)",
            "",
            "#### \(arrayPath)",
        ]
        return lines.joined(separator: "\n") + "\n" + arrayScript + "\n#### \(mergePath)\n" + mergeScript
    }

    /// Writes both scripts (executable) into ``shards`` and makes its `logs/` folder; each script
    /// replaces an earlier one in one step.
    public func writeScripts() throws(InputError) {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: shards + "/logs", withIntermediateDirectories: true)
            for (path, text) in [(arrayPath, arrayScript), (mergePath, mergeScript)] {
                let temporary = path + ".partial-\(getpid())"
                try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
                try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: temporary)
                // rename(2) replaces an earlier script in one step: there is never no script.
                guard rename(temporary, path) == 0 else {
                    let reason = String(cString: strerror(errno))
                    try? fm.removeItem(atPath: temporary)
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: reason])
                }
            }
        } catch {
            throw InputError("\(shards): cannot write the scripts (\(error.localizedDescription))")
        }
    }
}
