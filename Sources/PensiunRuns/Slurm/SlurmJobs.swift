import Foundation
import PensiunScenario
import PensiunSweep

/// `pensiun slurm run` and `pensiun slurm sweep`: a run's paths or a sweep's variants as a Slurm
/// job array, one shard per task, and a dependent job that merges the shards into the folder a
/// single process would write. The scripts name `binary` (this pensiun) and the input files by
/// absolute path, and start in `cwd`.
public enum SlurmJobs {
    /// The plan of `slurm run`: task i of T runs paths ⌊iN/T⌋ ..< ⌊(i+1)N/T⌋ of `scenario`
    /// (with `overrides`; N is `paths` or the scenario's simulation.paths) with
    /// `pensiun run --path-range` into `OUT.shards/task-i/`; the merge job runs `pensiun merge`
    /// into `out` (default `Outputs/<scenario name>`).
    public static func runPlan(scenario: String, overrides: [String], paths: Int?, seed: UInt64?, out: String?,
                               settings: SlurmSettings, version: String,
                               binary: String = SlurmScript.executablePath(),
                               cwd: String = FileManager.default.currentDirectoryPath) throws -> SlurmPlan {
        let loaded = try ScenarioLoader.load(path: scenario, overrides: overrides)
        _ = try RunChecks.projection(of: loaded)
        let total = paths ?? loaded.simulation.paths
        if settings.tasks > total { throw InputError("Error: " + SlurmSettings.tooManyTasks(settings.tasks, paths: total)) }
        let seed = seed ?? loaded.simulation.seed
        let folder = try SlurmScript.outputFolder(out ?? "Outputs/\(loaded.name)")
        let shards = folder + ".shards"
        let binary = SlurmScript.quote(binary)
        let ranges = SlurmScript.ranges(paths: total, tasks: settings.tasks)
        let jobName = SlurmScript.jobName("pensiun-" + loaded.name)

        var command = [binary, "run", SlurmScript.quote(SlurmScript.absolute(scenario)),
                       "--paths", String(total), "--path-range", "\"$range\"", "--seed", String(seed)]
        for o in overrides { command += ["--set", SlurmScript.quote(o)] }
        command += ["--threads", String(settings.threadsPerTask), "--quiet", "--out", "\"$shards/task-$task\""]
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
            jobName: jobName, tasks: settings.tasks, options: settings, shards: shards, cwd: cwd, script: "run.sbatch",
            purpose: "paths 0..<\(total) of \(SlurmScript.absolute(scenario)) in \(settings.tasks) shards (pensiun \(version))",
            body: body)
        let merge = SlurmScript.merge(
            jobName: jobName + "-merge", tasks: settings.tasks, options: settings, shards: shards, cwd: cwd,
            command: "\(binary) merge \"${folders[@]}\" --out \(SlurmScript.quote(folder)) --threads \(settings.threadsPerTask)")
        return SlurmPlan(kind: "run", shards: shards, out: folder, tasks: settings.tasks,
                         arrayScript: array, mergeScript: merge,
                         what: "\(total) paths of \(SlurmScript.absolute(scenario)) (seed \(seed))",
                         taskLines: ranges.enumerated().map { "task \($0): paths \($1.lowerBound)..\($1.upperBound)" })
    }

    /// The plan of `slurm sweep`: task i of T runs shard i+1/T of the sweep `file` (variants
    /// i+1, i+1+T, …) with `pensiun sweep --shard` into `OUT.shards/task-i/`; the merge job runs
    /// `pensiun sweep merge` into `out` (default `Outputs/sweeps/<sweep name>`).
    public static func sweepPlan(file: String, out: String?, settings: SlurmSettings, version: String,
                                 binary: String = SlurmScript.executablePath(),
                                 cwd: String = FileManager.default.currentDirectoryPath) throws -> SlurmPlan {
        let (spec, plan) = try SweepPlan.load(path: file)
        let variants = plan.variants.count
        if settings.tasks > variants {
            throw InputError("Error: " + SlurmSettings.tooManyTasks(settings.tasks, variants: variants))
        }
        let folder = try SlurmScript.outputFolder(out ?? "Outputs/sweeps/\(spec.name)")
        let shards = folder + ".shards"
        let binary = SlurmScript.quote(binary)
        let jobName = SlurmScript.jobName("pensiun-sweep-" + spec.name)
        let t = settings.tasks
        var body = [
            "task=\"${SLURM_ARRAY_TASK_ID:?this script is a Slurm job array: submit it with sbatch}\"",
            "case \"$task\" in",
        ]
        for i in 0..<t { body.append("    \(i)) shard=\(i + 1)/\(t) ;;") }
        body += [
            "    *) echo \"pensiun: array task $task is not one of the \(t) tasks 0-\(t - 1)\" >&2; exit 2 ;;",
            "esac",
            "exec \(binary) sweep \(SlurmScript.quote(SlurmScript.absolute(file))) --shard \"$shard\" --threads \(settings.threadsPerTask) --quiet --out \"$shards/task-$task\"",
        ]
        let array = SlurmScript.array(
            jobName: jobName, tasks: t, options: settings, shards: shards, cwd: cwd, script: "sweep.sbatch",
            purpose: "the \(variants) variants of \(SlurmScript.absolute(file)) in \(t) shards (pensiun \(version))",
            body: body)
        let merge = SlurmScript.merge(
            jobName: jobName + "-merge", tasks: t, options: settings, shards: shards, cwd: cwd,
            command: "\(binary) sweep merge \"${folders[@]}\" --out \(SlurmScript.quote(folder))")
        let taskLines = (0..<t).map { i -> String in
            let ids = plan.shard(i + 1, of: t).map(\.id)
            let shown = ids.prefix(4).map(String.init).joined(separator: ", ") + (ids.count > 4 ? ", …" : "")
            return "task \(i): shard \(i + 1)/\(t), \(ids.count) variant\(ids.count == 1 ? "" : "s") (\(shown))"
        }
        return SlurmPlan(kind: "sweep", shards: shards, out: folder, tasks: t, arrayScript: array, mergeScript: merge,
                         what: "\(variants) variants of \(SlurmScript.absolute(file)) (\(spec.paths) paths each)",
                         taskLines: taskLines)
    }

    /// `slurm run`: ``runPlan(scenario:overrides:paths:seed:out:settings:version:binary:cwd:)``,
    /// carried out (``SlurmPlan/carryOut(dryRun:sbatch:warn:)``) with the sbatch on the PATH.
    public static func submitRun(scenario: String, overrides: [String], paths: Int?, seed: UInt64?, out: String?,
                                 settings: SlurmSettings, dryRun: Bool, version: String, warn: (String) -> Void) throws -> SlurmPlan.Outcome {
        try runPlan(scenario: scenario, overrides: overrides, paths: paths, seed: seed, out: out, settings: settings,
                    version: version)
            .carryOut(dryRun: dryRun, sbatch: dryRun ? nil : SlurmScript.findExecutable("sbatch"), warn: warn)
    }

    /// `slurm sweep`: ``sweepPlan(file:out:settings:version:binary:cwd:)``, carried out with the
    /// sbatch on the PATH.
    public static func submitSweep(file: String, out: String?, settings: SlurmSettings, dryRun: Bool,
                                   version: String, warn: (String) -> Void) throws -> SlurmPlan.Outcome {
        try sweepPlan(file: file, out: out, settings: settings, version: version)
            .carryOut(dryRun: dryRun, sbatch: dryRun ? nil : SlurmScript.findExecutable("sbatch"), warn: warn)
    }
}
