import Foundation
import PensiunTestSupport
import Testing

/// `pensiun slurm run` and `pensiun slurm sweep`: the scripts they write (checked with --dry-run,
/// and run by bash outside Slurm), the path ranges, and bad input. scripts/test-slurm.sh submits
/// them to a real Slurm.
@Suite struct SlurmCommandTests {
    static let scenario = CLI.packageRoot.appendingPathComponent("Scenarios/synthetic-small/scenario.yaml").path

    /// The `i) range=A..B ;;` lines of an array script, in order.
    static func ranges(_ text: String) -> [(task: Int, lower: Int, upper: Int)] {
        text.split(separator: "\n").compactMap { line in
            let words = line.trimmingCharacters(in: .whitespaces)
            guard words.hasSuffix(" ;;"), let close = words.firstIndex(of: ")"), let task = Int(words[..<close]) else { return nil }
            let rest = words[words.index(after: close)...].trimmingCharacters(in: .whitespaces)
            guard rest.hasPrefix("range=") else { return nil }
            let bounds = rest.dropFirst("range=".count).dropLast(" ;;".count).components(separatedBy: "..")
            guard bounds.count == 2, let a = Int(bounds[0]), let b = Int(bounds[1]) else { return nil }
            return (task, a, b)
        }
    }

    /// Runs pensiun with PATH limited to /bin and /usr/bin minus sbatch (a folder of links to bash
    /// only), so that nothing is ever submitted, whatever this machine has installed.
    static func runWithoutSbatch(_ arguments: [String], in directory: URL) throws -> CLI.Result {
        let bin = directory.appendingPathComponent("bin-without-sbatch")
        try? FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try? FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent("bash").path, withDestinationPath: "/bin/bash")
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": bin.path, "HOME": directory.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs a script with bash, as Slurm would, with `SLURM_ARRAY_TASK_ID` set when given.
    static func bash(_ script: String, task: Int?) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script]
        var environment = ProcessInfo.processInfo.environment
        environment["SLURM_ARRAY_TASK_ID"] = task.map(String.init)
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func dryRunPrintsTheArrayAndTheDependentMerge() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("merged").path
        let result = try CLI.run(["slurm", "run", "Scenarios/synthetic-small/scenario.yaml", "--paths", "10", "--tasks", "4",
                                  "--set", "simulation.horizon=12", "--partition", "debug", "--time", "00:10:00",
                                  "--threads-per-task", "2", "--seed", "9", "--out", out, "--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        let binary = CLI.executable.resolvingSymlinksInPath().path
        for line in [
            "#### \(out).shards/run.sbatch",
            "#!/bin/bash",
            "#SBATCH --job-name=pensiun-synthetic-small",
            "#SBATCH --array=0-3",
            "#SBATCH --ntasks=1",
            "#SBATCH --cpus-per-task=2",
            "#SBATCH --partition=debug",
            "#SBATCH --time=00:10:00",
            "#SBATCH --output=\(out).shards/logs/task-%A_%a.out",
            "#SBATCH --error=\(out).shards/logs/task-%A_%a.err",
            "cd \(CLI.packageRoot.standardizedFileURL.path)",
            "shards=\(out).shards",
            "exec \(binary) run \(Self.scenario) --paths 10 --path-range \"$range\" --seed 9 --set simulation.horizon=12 --threads 2 --quiet --out \"$shards/task-$task\"",
            "#### \(out).shards/merge.sbatch",
            "#SBATCH --job-name=pensiun-synthetic-small-merge",
            "#SBATCH --kill-on-invalid-dep=yes",
            "#SBATCH --output=\(out).shards/logs/merge-%j.out",
            "folders=(); for ((i = 0; i < 4; i++)); do folders+=(\"$shards/task-$i\"); done",
            "exec \(binary) merge \"${folders[@]}\" --out \(out) --threads 2",
            "#   array=$(sbatch --parsable \(out).shards/run.sbatch)",
            "#   sbatch --parsable --dependency=afterok:${array%%;*} \(out).shards/merge.sbatch",
        ] {
            #expect(text.split(separator: "\n").contains(Substring(line)), "missing line: \(line)")
        }
        let ranges = Self.ranges(text)
        #expect(ranges.map(\.task) == [0, 1, 2, 3])
        #expect(ranges.map { [$0.lower, $0.upper] } == [[0, 2], [2, 5], [5, 7], [7, 10]])
        // A dry run writes nothing.
        #expect(!FileManager.default.fileExists(atPath: out + ".shards"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    // The tiling of the paths by the tasks' ranges is checked on `SlurmScript.ranges` itself
    // (PensiunRunsTests/SlurmJobsTests.rangesTileThePathsExactly); the dry run above checks that
    // the command writes them.

    @Test func withoutSbatchTheScriptsAreWrittenAndRunOutsideSlurmGiveTheSingleRun() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("merged").path
        let common = ["--paths", "30", "--set", "simulation.horizon=10"]
        let dry = try CLI.run(["slurm", "run", Self.scenario, "--tasks", "3", "--out", out, "--dry-run"] + common, in: folder)
        let result = try Self.runWithoutSbatch(["slurm", "run", Self.scenario, "--tasks", "3", "--out", out] + common, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("sbatch is not on the PATH: wrote the scripts into \(out).shards/ without submitting them"))
        let array = out + ".shards/run.sbatch", merge = out + ".shards/merge.sbatch"
        for script in [array, merge] {
            #expect(FileManager.default.isExecutableFile(atPath: script))
            #expect(dry.stdout.contains(try String(contentsOfFile: script, encoding: .utf8)))
        }
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: out + ".shards/logs", isDirectory: &isFolder) && isFolder.boolValue)
        // Bash runs the scripts as Slurm would: each task its shard, then the merge.
        #expect(try Self.bash(array, task: nil) != 0)
        #expect(try Self.bash(array, task: 3) == 2)
        for task in [2, 0, 1] { #expect(try Self.bash(array, task: task) == 0) }
        #expect(try Self.bash(merge, task: nil) == 0)
        let single = folder.appendingPathComponent("single").path
        #expect(try CLI.run(["run", Self.scenario, "--out", single, "--quiet"] + common, in: folder).status == 0)
        #expect(try RunFolders.differences(URL(fileURLWithPath: single), URL(fileURLWithPath: out)) == [])
    }

    @Test func sweepDryRunGivesEachTaskOneShard() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("grid.yaml").path
        try """
            name: slurm-grid
            base: \(Self.scenario)
            parameters:
              - key: reform.dc.employer_rate
                values: [0.04, 0.06, 0.08, 0.10, 0.12]
            paths: 8

            """.write(toFile: file, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("sweep").path
        let result = try CLI.run(["slurm", "sweep", file, "--tasks", "2", "--out", out, "--dry-run", "--time", "1-00:00:00",
                                  "--sbatch-option=--mem=2G"])
        #expect(result.status == 0, "\(result.stderr)")
        let binary = CLI.executable.resolvingSymlinksInPath().path
        for line in [
            "#   task 0: shard 1/2, 3 variants (1, 3, 5)",
            "#   task 1: shard 2/2, 2 variants (2, 4)",
            "#SBATCH --job-name=pensiun-sweep-slurm-grid",
            "#SBATCH --array=0-1",
            "#SBATCH --time=1-00:00:00",
            "#SBATCH --mem=2G",
            "    0) shard=1/2 ;;",
            "    1) shard=2/2 ;;",
            "exec \(binary) sweep \(file) --shard \"$shard\" --threads 1 --quiet --out \"$shards/task-$task\"",
            "exec \(binary) sweep merge \"${folders[@]}\" --out \(out)",
            "#   sbatch --parsable --dependency=afterok:${array%%;*} \(out).shards/merge.sbatch",
        ] {
            #expect(result.stdout.split(separator: "\n").contains(Substring(line)), "missing line: \(line)")
        }
        let tooMany = try CLI.run(["slurm", "sweep", file, "--tasks", "6", "--dry-run"])
        #expect(tooMany.status == 2)
        #expect(tooMany.stderr == "Error: --tasks 6 is more than the 5 variants of the sweep: every task needs at least one variant (use --tasks 5 or fewer).\n")
    }

    @Test func badInputExitsWithTwoAndOneClearLine() throws {
        let cases: [([String], String)] = [
            (["--paths", "10", "--tasks", "0"], "Error: --tasks must be at least 1 (got 0)."),
            (["--paths", "10", "--tasks=-3"], "Error: --tasks must be at least 1 (got -3)."),
            (["--paths", "4", "--tasks", "5"], "Error: --tasks 5 is more than the 4 paths: every task needs at least one path (use --tasks 4 or fewer)."),
            // Without --paths, the scenario's simulation.paths (500).
            (["--tasks", "501"], "Error: --tasks 501 is more than the 500 paths: every task needs at least one path (use --tasks 500 or fewer)."),
            (["--paths", "0", "--tasks", "1"], "Error: --paths must be at least 1 (got 0)."),
            (["--paths", "4294967295", "--tasks", "1"], "Error: --paths must be below 4294967295, the number of distinct path seeds (got 4294967295)."),
            (["--tasks", "2", "--threads-per-task", "0"], "Error: --threads-per-task must be at least 1 (got 0)."),
            (["--tasks", "2", "--time", "2h"], "Error: --time expects a Slurm time limit such as 02:00:00, 90 or 1-12:00:00 (got '2h')."),
            (["--tasks", "2", "--partition", "a b"], "Error: --partition expects a Slurm name such as compute (got 'a b')."),
            (["--tasks", "2", "--sbatch-option=--array=0-9"], "Error: --sbatch-option --array=0-9: the scripts set --array themselves (use --tasks, --threads-per-task or --out)."),
            (["--tasks", "2", "--out", "/tmp/with space"], "--out /tmp/with space: the output folder may not contain spaces, quotes, $, ` or % (Slurm's log file names are written in #SBATCH lines)"),
            (["--tasks", "2", "--set", "reform.dc.fee=0.5"], "--set: reform.dc.fee: out of range (expected an annual fee in [0, 0.1], got 0.5)"),
        ]
        for (arguments, message) in cases {
            let result = try CLI.run(["slurm", "run", "Scenarios/synthetic-small/scenario.yaml", "--dry-run"] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.split(separator: "\n").first.map(String.init) == message, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(arguments)")
        }
        let missing = try CLI.run(["slurm", "run", "Scenarios/synthetic-small/scenario.yaml", "--dry-run"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("Error: Missing expected argument '--tasks <tasks>'"))
    }
}
