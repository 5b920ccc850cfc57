import Foundation
import PensiunRuns
import Testing

/// The Slurm scripts as text: path ranges, quoting, settings, and the plans of `slurm run` and
/// `slurm sweep`. `SlurmCommandTests` runs the scripts with bash; scripts/test-slurm.sh submits
/// them to a real Slurm.
@Suite struct SlurmJobsTests {
    /// Task i covers [⌊iN/T⌋, ⌊(i+1)N/T⌋): the ranges tile 0 ..< N, none empty, sizes within one.
    @Test(arguments: [(1, 1), (2, 1), (10, 3), (48, 4), (7, 7), (5, 2), (1000, 7), (100_003, 17), (12, 12), (4_294_967_294, 64),
                      (Int.max, 3)])
    func rangesTileThePathsExactly(paths: Int, tasks: Int) {
        let ranges = SlurmScript.ranges(paths: paths, tasks: tasks)
        #expect(ranges.count == tasks)
        #expect(ranges.first?.lowerBound == 0)
        #expect(ranges.last?.upperBound == paths)
        for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
        let sizes = ranges.map(\.count)
        #expect(sizes.min()! >= 1)
        #expect(sizes.max()! - sizes.min()! <= 1)
        if paths < Int(Int32.max) {
            for (i, r) in ranges.enumerated() { #expect(r.lowerBound == i * paths / tasks && r.upperBound == (i + 1) * paths / tasks) }
        }
    }

    @Test func quotingAndNames() throws {
        #expect(SlurmScript.quote("/a/b-c.yaml") == "/a/b-c.yaml")
        #expect(SlurmScript.quote("a b") == "'a b'")
        #expect(SlurmScript.quote("it's") == "'it'\\''s'")
        #expect(SlurmScript.quote("") == "''")
        #expect(SlurmScript.jobName("pensiun-my scenario/ü") == "pensiun-my-scenario--")
        #expect(throws: InputError("--out /tmp/a b: the output folder may not contain spaces, quotes, $, ` or % (Slurm's log file names are written in #SBATCH lines)")) {
            try SlurmScript.outputFolder("/tmp/a b")
        }
        #expect(try SlurmScript.outputFolder("/tmp/x//") == "/tmp/x")
    }

    @Test func settingsProblemsNameTheFlag() {
        #expect(SlurmSettings(tasks: 2).problem == nil)
        #expect(SlurmSettings(tasks: 0).problem == "--tasks must be at least 1 (got 0).")
        #expect(SlurmSettings(tasks: 2, threadsPerTask: 0).problem == "--threads-per-task must be at least 1 (got 0).")
        #expect(SlurmSettings(tasks: 2, time: "2h").problem == "--time expects a Slurm time limit such as 02:00:00, 90 or 1-12:00:00 (got '2h').")
        #expect(SlurmSettings(tasks: 2, account: "").problem == "--account expects a Slurm name such as compute (got '').")
        #expect(SlurmSettings(tasks: 2, sbatchOptions: ["-c 4"]).problem
                == "--sbatch-option -c 4: the scripts set -c themselves (use --tasks, --threads-per-task or --out).")
        #expect(SlurmSettings(tasks: 2, sbatchOptions: ["mem=4G"]).problem
                == "--sbatch-option expects an sbatch option such as --sbatch-option=--mem=4G (got 'mem=4G').")
        for time in ["90", "02:00:00", "1-12", "1-12:00", "1-12:00:00", "UNLIMITED", "5:30"] { #expect(SlurmSettings.isSlurmTime(time), "\(time)") }
        for time in ["2h", "", "1-", "1:2:3:4", "1-2-3", "-5", "1٣"] { #expect(!SlurmSettings.isSlurmTime(time), "\(time)") }
    }

    @Test func runPlanWritesOneRangePerTaskAndAMergeJob() throws {
        let settings = SlurmSettings(tasks: 3, partition: "debug", time: "00:10:00", threadsPerTask: 2, sbatchOptions: ["--mem=2G"])
        let plan = try SlurmJobs.runPlan(scenario: Fixtures.synthetic, overrides: ["simulation.horizon=12"], paths: 10, seed: 9,
                                         out: "/scratch/merged", settings: settings, version: "1.0",
                                         binary: "/opt/pensiun", cwd: "/work/dir")
        #expect(plan.shards == "/scratch/merged.shards")
        #expect(plan.arrayPath == "/scratch/merged.shards/run.sbatch")
        #expect(plan.taskLines == ["task 0: paths 0..3", "task 1: paths 3..6", "task 2: paths 6..10"])
        let array = plan.arrayScript.components(separatedBy: "\n")
        for line in ["#!/bin/bash", "#SBATCH --job-name=pensiun-synthetic-small", "#SBATCH --array=0-2", "#SBATCH --ntasks=1",
                     "#SBATCH --cpus-per-task=2", "#SBATCH --partition=debug", "#SBATCH --time=00:10:00", "#SBATCH --mem=2G",
                     "#SBATCH --output=/scratch/merged.shards/logs/task-%A_%a.out", "cd /work/dir", "shards=/scratch/merged.shards",
                     "    1) range=3..6 ;;",
                     "exec /opt/pensiun run \(Fixtures.synthetic) --paths 10 --path-range \"$range\" --seed 9 --set simulation.horizon=12 --threads 2 --quiet --out \"$shards/task-$task\""] {
            #expect(array.contains(line), "missing: \(line)")
        }
        let merge = plan.mergeScript.components(separatedBy: "\n")
        for line in ["#SBATCH --job-name=pensiun-synthetic-small-merge", "#SBATCH --kill-on-invalid-dep=yes",
                     "folders=(); for ((i = 0; i < 3; i++)); do folders+=(\"$shards/task-$i\"); done",
                     "exec /opt/pensiun merge \"${folders[@]}\" --out /scratch/merged --threads 2"] {
            #expect(merge.contains(line), "missing: \(line)")
        }
        let listing = plan.listing(written: false)
        #expect(listing.hasPrefix("# pensiun slurm run: 10 paths of \(Fixtures.synthetic) (seed 9)\n# in 3 array tasks, then one merge job:\n"))
        #expect(listing.hasSuffix(plan.mergeScript))
    }

    @Test func runPlanRefusesMoreTasksThanPathsAndABadScenario() {
        #expect(throws: InputError("Error: --tasks 5 is more than the 4 paths: every task needs at least one path (use --tasks 4 or fewer).")) {
            try SlurmJobs.runPlan(scenario: Fixtures.synthetic, overrides: [], paths: 4, seed: nil, out: "/tmp/x",
                                  settings: SlurmSettings(tasks: 5), version: "1.0")
        }
        #expect(throws: (any Error).self) {
            try SlurmJobs.runPlan(scenario: Fixtures.synthetic, overrides: ["reform.dc.fee=0.5"], paths: 4, seed: nil, out: "/tmp/x",
                                  settings: SlurmSettings(tasks: 2), version: "1.0")
        }
    }

    /// Without sbatch the scripts are written (executable) beside a logs folder and listed; a dry
    /// run writes nothing.
    @Test func carryingOutWithoutSbatchWritesTheScripts() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("merged").path
        let plan = try SlurmJobs.runPlan(scenario: Fixtures.synthetic, overrides: [], paths: 6, seed: nil, out: out,
                                         settings: SlurmSettings(tasks: 2), version: "1.0", binary: "/opt/pensiun", cwd: base.path)
        let dry = try plan.carryOut(dryRun: true, sbatch: nil, warn: { Issue.record("unexpected warning \($0)") })
        #expect(dry.notes.isEmpty)
        #expect(dry.output == plan.listing(written: false))
        #expect(!FileManager.default.fileExists(atPath: plan.shards))
        let written = try plan.carryOut(dryRun: false, sbatch: nil, warn: { Issue.record("unexpected warning \($0)") })
        #expect(written.output == plan.listing(written: true))
        #expect(written.notes == ["sbatch is not on the PATH: wrote the scripts into \(plan.shards)/ without submitting them (submit them on the cluster with the commands above)"])
        #expect(try String(contentsOfFile: plan.arrayPath, encoding: .utf8) == plan.arrayScript)
        #expect(try String(contentsOfFile: plan.mergePath, encoding: .utf8) == plan.mergeScript)
        #expect(FileManager.default.isExecutableFile(atPath: plan.arrayPath))
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: plan.shards + "/logs", isDirectory: &isFolder) && isFolder.boolValue)
    }

    /// The warning about a very large array reaches the user even when writing the scripts then
    /// fails.
    @Test func aLargeArrayIsWarnedOfBeforeAnythingCanFail() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let blocker = base.appendingPathComponent("file").path
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
        let plan = try SlurmJobs.runPlan(scenario: Fixtures.synthetic, overrides: [], paths: 1002, seed: nil,
                                         out: blocker + "/merged", settings: SlurmSettings(tasks: 1002),
                                         version: "1.0", binary: "/opt/pensiun", cwd: base.path)
        var warnings: [String] = []
        #expect(throws: (any Error).self) { try plan.carryOut(dryRun: false, sbatch: nil, warn: { warnings.append($0) }) }
        #expect(warnings.count == 1 && warnings[0].hasPrefix("warning: 1002 array tasks") && warnings[0].contains("MaxArraySize"))
    }

    /// A failing sbatch is a submission error (exit status 1 in the CLI), not bad input.
    @Test func aFailingSbatchIsASubmissionError() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let plan = try SlurmJobs.runPlan(scenario: Fixtures.synthetic, overrides: [], paths: 6, seed: nil,
                                         out: base.appendingPathComponent("m").path, settings: SlurmSettings(tasks: 2),
                                         version: "1.0", binary: "/opt/pensiun", cwd: base.path)
        let error = #expect(throws: SlurmSubmissionError.self) { try plan.carryOut(dryRun: false, sbatch: "/bin/false", warn: { _ in }) }
        #expect(error?.message.hasPrefix("sbatch --parsable \(plan.arrayPath) failed (exit status 1)") == true)
    }

    @Test func sweepPlanGivesEachTaskOneShard() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let file = base.appendingPathComponent("grid.yaml").path
        try """
            name: slurm-grid
            base: \(Fixtures.synthetic)
            parameters:
              - key: reform.dc.employer_rate
                values: [0.04, 0.06, 0.08, 0.10, 0.12]
            paths: 8

            """.write(toFile: file, atomically: true, encoding: .utf8)
        let plan = try SlurmJobs.sweepPlan(file: file, out: base.appendingPathComponent("sweep").path,
                                           settings: SlurmSettings(tasks: 2), version: "1.0", binary: "/opt/pensiun", cwd: base.path)
        #expect(plan.taskLines == ["task 0: shard 1/2, 3 variants (1, 3, 5)", "task 1: shard 2/2, 2 variants (2, 4)"])
        #expect(plan.arrayScript.contains("\n    1) shard=2/2 ;;\n"))
        #expect(plan.arrayScript.contains("\nexec /opt/pensiun sweep \(file) --shard \"$shard\" --threads 1 --quiet --out \"$shards/task-$task\"\n"))
        #expect(throws: InputError("Error: --tasks 6 is more than the 5 variants of the sweep: every task needs at least one variant (use --tasks 5 or fewer).")) {
            try SlurmJobs.sweepPlan(file: file, out: nil, settings: SlurmSettings(tasks: 6), version: "1.0")
        }
    }
}
