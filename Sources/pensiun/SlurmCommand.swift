import ArgumentParser
import Foundation
import PensiunRandom
import PensiunScenario
import PensiunSweep

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

/// The flags shared by `slurm run` and `slurm sweep`.
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

    /// Options the scripts set themselves.
    static let reserved = ["--array", "-a", "--output", "-o", "--error", "-e", "--dependency", "-d", "--job-name", "-J",
                           "--chdir", "-D", "--cpus-per-task", "-c", "--ntasks", "-n", "--parsable"]

    func validate() throws {
        if tasks < 1 { throw ValidationError("--tasks must be at least 1 (got \(tasks)).") }
        if threadsPerTask < 1 { throw ValidationError("--threads-per-task must be at least 1 (got \(threadsPerTask)).") }
        if let time, !SlurmOptions.isSlurmTime(time) {
            throw ValidationError("--time expects a Slurm time limit such as 02:00:00, 90 or 1-12:00:00 (got '\(time)').")
        }
        for (flag, value) in [("--partition", partition), ("--account", account)] {
            if let value, value.isEmpty || !value.allSatisfy(SlurmScript.isPlain) {
                throw ValidationError("\(flag) expects a Slurm name such as compute (got '\(value)').")
            }
        }
        for option in sbatchOptions {
            let name = String(option.prefix { $0 != "=" && $0 != " " })
            guard option.hasPrefix("-"), !option.contains("\n") else {
                throw ValidationError("--sbatch-option expects an sbatch option such as --sbatch-option=--mem=4G (got '\(option)').")
            }
            if SlurmOptions.reserved.contains(name) {
                throw ValidationError("--sbatch-option \(option): the scripts set \(name) themselves (use --tasks, --threads-per-task or --out).")
            }
        }
    }

    /// Slurm's time limits: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S, UNLIMITED.
    static func isSlurmTime(_ text: String) -> Bool {
        if text == "UNLIMITED" || text == "INFINITE" { return true }
        func numbers(_ part: Substring, max: Int) -> Bool {
            let fields = part.split(separator: ":", omittingEmptySubsequences: false)
            return (1...max).contains(fields.count) && fields.allSatisfy { !$0.isEmpty && $0.count <= 9 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
        }
        let dash = text.split(separator: "-", omittingEmptySubsequences: false)
        switch dash.count {
        case 1: return numbers(dash[0], max: 3)
        case 2: return numbers(dash[0], max: 1) && numbers(dash[1], max: 3)
        default: return false
        }
    }

    /// The `#SBATCH` options common to both scripts, after the job name.
    var commonLines: [String] {
        var lines = ["--ntasks=1", "--cpus-per-task=\(threadsPerTask)"]
        if let partition { lines.append("--partition=\(partition)") }
        if let time { lines.append("--time=\(time)") }
        if let account { lines.append("--account=\(account)") }
        return lines + sbatchOptions
    }
}

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
        if let paths = pathCount.paths, slurm.tasks > paths { throw ValidationError(SlurmRunCommand.tooManyTasks(slurm.tasks, paths)) }
    }

    static func tooManyTasks(_ tasks: Int, _ paths: Int) -> String {
        "--tasks \(tasks) is more than the \(paths) paths: every task needs at least one path (use --tasks \(paths) or fewer)."
    }

    func run() throws {
        let scenario = input.scenario, overrides = input.overrides
        let loaded = try input.load()
        _ = try RunChecks.projection(of: loaded)
        let total = pathCount.paths ?? loaded.simulation.paths
        if slurm.tasks > total { throw failInput("Error: " + SlurmRunCommand.tooManyTasks(slurm.tasks, total)) }
        let seed = master.seed ?? loaded.simulation.seed
        let folder = try SlurmScript.outputFolder(out ?? "Outputs/\(loaded.name)")
        let shards = folder + ".shards"
        let binary = SlurmScript.quote(SlurmScript.executablePath())
        let ranges = SlurmScript.ranges(paths: total, tasks: slurm.tasks)
        let jobName = SlurmScript.jobName("pensiun-" + loaded.name)
        let cwd = FileManager.default.currentDirectoryPath

        var command = [binary, "run", SlurmScript.quote(SlurmScript.absolute(scenario)),
                       "--paths", String(total), "--path-range", "\"$range\"", "--seed", String(seed)]
        for o in overrides { command += ["--set", SlurmScript.quote(o)] }
        command += ["--threads", String(slurm.threadsPerTask), "--quiet", "--out", "\"$shards/task-$task\""]
        var body = [
            "task=\"${SLURM_ARRAY_TASK_ID:?this script is a Slurm job array: submit it with sbatch}\"",
            "case \"$task\" in",
        ]
        for (i, r) in ranges.enumerated() { body.append("    \(i)) range=\(r.lowerBound)..\(r.upperBound) ;;") }
        body += [
            "    *) echo \"pensiun: array task $task is not one of the \(ranges.count) tasks 0-\(ranges.count - 1)\" >&2; exit 2 ;;",
            "esac",
            "exec " + command.joined(separator: " "),
        ]
        let array = SlurmScript.array(
            jobName: jobName, tasks: slurm.tasks, options: slurm, shards: shards, cwd: cwd, script: "run.sbatch",
            purpose: "paths 0..<\(total) of \(SlurmScript.absolute(scenario)) in \(slurm.tasks) shards (pensiun \(PensiunVersion.string))",
            body: body)
        let merge = SlurmScript.merge(
            jobName: jobName + "-merge", tasks: slurm.tasks, options: slurm, shards: shards, cwd: cwd,
            command: "\(binary) merge \"${folders[@]}\" --out \(SlurmScript.quote(folder)) --threads \(slurm.threadsPerTask)")
        let plan = SlurmPlan(kind: "run", shards: shards, out: folder, tasks: slurm.tasks,
                             arrayScript: array, mergeScript: merge,
                             what: "\(total) paths of \(SlurmScript.absolute(scenario)) (seed \(seed))",
                             taskLines: ranges.enumerated().map { "task \($0): paths \($1.lowerBound)..\($1.upperBound)" })
        try plan.carryOut(dryRun: slurm.dryRun)
    }
}

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
        let (spec, plan) = try loadSweepPlan(file)
        let variants = plan.variants.count
        if slurm.tasks > variants {
            throw failInput("Error: --tasks \(slurm.tasks) is more than the \(variants) variants of the sweep: every task needs at least one variant (use --tasks \(variants) or fewer).")
        }
        let folder = try SlurmScript.outputFolder(out ?? "Outputs/sweeps/\(spec.name)")
        let shards = folder + ".shards"
        let binary = SlurmScript.quote(SlurmScript.executablePath())
        let jobName = SlurmScript.jobName("pensiun-sweep-" + spec.name)
        let cwd = FileManager.default.currentDirectoryPath
        let t = slurm.tasks
        var body = [
            "task=\"${SLURM_ARRAY_TASK_ID:?this script is a Slurm job array: submit it with sbatch}\"",
            "case \"$task\" in",
        ]
        for i in 0..<t { body.append("    \(i)) shard=\(i + 1)/\(t) ;;") }
        body += [
            "    *) echo \"pensiun: array task $task is not one of the \(t) tasks 0-\(t - 1)\" >&2; exit 2 ;;",
            "esac",
            "exec \(binary) sweep \(SlurmScript.quote(SlurmScript.absolute(file))) --shard \"$shard\" --threads \(slurm.threadsPerTask) --quiet --out \"$shards/task-$task\"",
        ]
        let array = SlurmScript.array(
            jobName: jobName, tasks: t, options: slurm, shards: shards, cwd: cwd, script: "sweep.sbatch",
            purpose: "the \(variants) variants of \(SlurmScript.absolute(file)) in \(t) shards (pensiun \(PensiunVersion.string))",
            body: body)
        let merge = SlurmScript.merge(
            jobName: jobName + "-merge", tasks: t, options: slurm, shards: shards, cwd: cwd,
            command: "\(binary) sweep merge \"${folders[@]}\" --out \(SlurmScript.quote(folder))")
        let taskLines = (0..<t).map { i -> String in
            let ids = plan.shard(i + 1, of: t).map(\.id)
            let shown = ids.prefix(4).map(String.init).joined(separator: ", ") + (ids.count > 4 ? ", …" : "")
            return "task \(i): shard \(i + 1)/\(t), \(ids.count) variant\(ids.count == 1 ? "" : "s") (\(shown))"
        }
        let submission = SlurmPlan(kind: "sweep", shards: shards, out: folder, tasks: t, arrayScript: array, mergeScript: merge,
                                   what: "\(variants) variants of \(SlurmScript.absolute(file)) (\(spec.paths) paths each)",
                                   taskLines: taskLines)
        try submission.carryOut(dryRun: slurm.dryRun)
    }
}

/// The two scripts of a submission and what to do with them.
struct SlurmPlan {
    /// `run` or `sweep`: names the array script (`run.sbatch`, `sweep.sbatch`).
    let kind: String
    let shards: String
    let out: String
    let tasks: Int
    let arrayScript: String
    let mergeScript: String
    let what: String
    let taskLines: [String]

    var arrayPath: String { shards + "/\(kind).sbatch" }
    var mergePath: String { shards + "/merge.sbatch" }

    /// Submits, or prints (with --dry-run, or when sbatch is not on the PATH).
    func carryOut(dryRun: Bool) throws {
        if tasks > 1001 {
            FileHandle.standardError.write(Data("warning: \(tasks) array tasks: many clusters allow at most 1001 (MaxArraySize); check `scontrol show config | grep MaxArraySize`\n".utf8))
        }
        let sbatch = dryRun ? nil : SlurmScript.findExecutable("sbatch")
        if dryRun || sbatch == nil {
            if !dryRun { try writeScripts() }
            print(listing(written: !dryRun), terminator: "")
            if !dryRun {
                FileHandle.standardError.write(Data("sbatch is not on the PATH: wrote the scripts into \(shards)/ without submitting them (submit them on the cluster with the commands above)\n".utf8))
            }
            return
        }
        try writeScripts()
        let arrayID = try SlurmScript.sbatch(sbatch!, ["--parsable", arrayPath])
        let mergeID: String
        do {
            mergeID = try SlurmScript.sbatch(sbatch!, ["--parsable", "--dependency=afterok:\(arrayID)", mergePath])
        } catch {
            FileHandle.standardError.write(Data("The array job \(arrayID) is submitted, its merge job is not: submit it with\n  sbatch --dependency=afterok:\(arrayID) \(mergePath)\n".utf8))
            throw error
        }
        print("""
            Submitted array job \(arrayID) (\(tasks) task\(tasks == 1 ? "" : "s")) and merge job \(mergeID) (runs once every task has succeeded).
              \(what)
              shards:  \(shards)/task-<i>/   logs: \(shards)/logs/
              merged:  \(out)/
            Follow:    squeue -j \(arrayID),\(mergeID)
            If task I fails, resubmit it alone, then the merge:
              sbatch --parsable --array=I \(arrayPath)        # prints JOB
              sbatch --dependency=afterok:JOB \(mergePath)

            """, terminator: "")
    }

    /// The dry-run listing: what runs where, the sbatch commands and both scripts.
    func listing(written: Bool) -> String {
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

    func writeScripts() throws {
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
            throw failInput("\(shards): cannot write the scripts (\(error.localizedDescription))")
        }
    }
}

/// The text of the sbatch scripts and the helpers around them.
enum SlurmScript {
    /// The path ranges of `tasks` shards of `paths` paths: task i covers ⌊i·N/T⌋ ..< ⌊(i+1)·N/T⌋
    /// (exact integer arithmetic, no overflow), so the ranges tile 0 ..< N and differ by at most one.
    static func ranges(paths: Int, tasks: Int) -> [Range<Int>] {
        func bound(_ i: Int) -> Int {
            let product = i.multipliedFullWidth(by: paths)
            return tasks.dividingFullWidth((high: product.high, low: product.low)).quotient
        }
        return (0..<tasks).map { bound($0)..<bound($0 + 1) }
    }

    /// Characters that need no quoting in a shell word nor in an #SBATCH line.
    static func isPlain(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || "_-.,/:=+@".contains(c))
    }

    /// A shell word: as is when plain, else in single quotes.
    static func quote(_ text: String) -> String {
        if !text.isEmpty && text.allSatisfy(isPlain) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A job name Slurm shows unchanged.
    static func jobName(_ text: String) -> String {
        String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) ? $0 : "-" })
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The absolute output folder; it appears in #SBATCH lines, which take no quoting, and in log
    /// file patterns, where % is special.
    static func outputFolder(_ path: String) throws -> String {
        var folder = absolute(path)
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        guard folder != "/", folder.allSatisfy({ !$0.isWhitespace && !"%'\"\\$`".contains($0) }) else {
            throw failInput("--out \(path): the output folder may not contain spaces, quotes, $, ` or % (Slurm's log file names are written in #SBATCH lines)")
        }
        return folder
    }

    /// The absolute path of the running pensiun binary.
    static func executablePath() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"), path.hasPrefix("/") {
            return path
        }
        let argument = CommandLine.arguments[0]
        if argument.contains("/") { return URL(fileURLWithPath: argument).resolvingSymlinksInPath().path }
        return findExecutable(argument).map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } ?? argument
    }

    /// The first executable `name` on the PATH.
    static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The #SBATCH header and the lines every script starts with.
    static func header(jobName: String, extra: [String], options: SlurmOptions, shards: String, logs: String, cwd: String,
                       comment: [String]) -> [String] {
        var lines = ["#!/bin/bash", "#SBATCH --job-name=\(jobName)"]
        lines += extra.map { "#SBATCH \($0)" }
        lines += options.commonLines.map { "#SBATCH \($0)" }
        lines += ["#SBATCH --output=\(shards)/logs/\(logs).out", "#SBATCH --error=\(shards)/logs/\(logs).err"]
        lines += comment.map { "# \($0)" }
        lines += ["set -euo pipefail", "cd \(quote(cwd))", "shards=\(quote(shards))"]
        return lines
    }

    /// The job array script: task `$SLURM_ARRAY_TASK_ID` runs its shard into `$shards/task-$task`.
    static func array(jobName: String, tasks: Int, options: SlurmOptions, shards: String, cwd: String, script: String,
                      purpose: String, body: [String]) -> String {
        var lines = header(jobName: jobName, extra: ["--array=0-\(tasks - 1)"], options: options, shards: shards,
                           logs: "task-%A_%a", cwd: cwd,
                           comment: ["Written by pensiun slurm: \(purpose).",
                                     "Each task writes its own folder atomically; resubmit a failed task I alone with",
                                     "sbatch --array=I \(shards)/\(script), then merge.sbatch again (--dependency=afterok:<its job id>)."])
        lines += body
        return lines.joined(separator: "\n") + "\n"
    }

    /// The merge job script: joins `$shards/task-0` … `task-(T-1)`.
    static func merge(jobName: String, tasks: Int, options: SlurmOptions, shards: String, cwd: String, command: String) -> String {
        var lines = header(jobName: jobName, extra: ["--kill-on-invalid-dep=yes"], options: options, shards: shards,
                           logs: "merge-%j", cwd: cwd,
                           comment: ["Written by pensiun slurm: joins the \(tasks) shards; submit with --dependency=afterok:<array job id>."])
        lines += [
            "folders=(); for ((i = 0; i < \(tasks); i++)); do folders+=(\"$shards/task-$i\"); done",
            "exec " + command,
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs `sbatch arguments…` and returns the job id it prints (`--parsable`: `id[;cluster]`).
    static func sbatch(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            FileHandle.standardError.write(Data("\(executable): cannot run (\(error.localizedDescription))\n".utf8))
            throw ExitCode.failure
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: outData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let id = String(text.split(separator: ";").first ?? "")
        guard process.terminationStatus == 0, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            let message = String(decoding: errData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            FileHandle.standardError.write(Data("sbatch \(arguments.joined(separator: " ")) failed (exit status \(process.terminationStatus)): \(message.isEmpty ? text : message)\n".utf8))
            throw ExitCode.failure
        }
        return id
    }
}
