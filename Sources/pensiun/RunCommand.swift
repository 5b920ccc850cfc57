import ArgumentParser
import Foundation
import PensiunEngine
import PensiunReporting
import PensiunScenario

/// `pensiun run`: both schemes on common random paths; prints the comparison and writes the run folder.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Project the current scheme and the reform on the same Monte Carlo paths.",
        discussion: """
        Prints the comparison (PV of the budget burden, peaks, breakeven, replacement rates, the
        implicit pension debt and the calibration) and writes Outputs/<scenario name>/ with
        summary.md, summary.json, yearly.csv, paths.csv and manifest.json.
        """
    )

    @OptionGroup var input: ScenarioArguments

    @OptionGroup var monteCarlo: MonteCarloOptions

    @Option(help: "The run folder (default: Outputs/<scenario name>).")
    var out: String?

    @OptionGroup var verbosity: QuietOption

    @Option(name: .customLong("path-range"), help: "Compute only paths A..<B of the --paths N (a shard; see pensiun merge).")
    var pathRange: PathRange?

    @Flag(help: "Take over the output folder's lock even if its holder seems alive (after that process is gone).")
    var force = false

    func validate() throws {
        if let pathRange, let paths = monteCarlo.paths, pathRange.upper > paths {
            throw ValidationError("--path-range \(pathRange.lower)..\(pathRange.upper) goes beyond --paths \(paths).")
        }
        if pathRange != nil && monteCarlo.paths == nil {
            throw ValidationError("--path-range needs --paths N, the number of paths of the whole run.")
        }
    }

    func run() throws {
        let loaded = try input.load()
        let inputs = try RunChecks.projection(of: loaded)
        let total = monteCarlo.paths ?? loaded.simulation.paths
        let range = pathRange.map { $0.lower..<$0.upper } ?? 0..<total
        let seed = monteCarlo.seed ?? loaded.simulation.seed
        let threads = monteCarlo.resolvedThreads
        let started = Date()
        // A shard carries results.bin even when it covers every path (slurm run --tasks 1).
        let partial = pathRange != nil
        let folder = out ?? (partial ? "Outputs/\(loaded.name).paths-\(range.lowerBound)-\(range.upperBound)" : "Outputs/\(loaded.name)")
        try MemoryBudget.check(paths: range.count, bytesPerPath: RunCommand.bytesPerPath(inputs, horizon: loaded.simulation.horizon),
                                 wayOut: "run fewer paths, or shards with --path-range A..B joined by pensiun merge")
        // The output folder is checked and locked before anything is computed.
        let writer = try namingOut { try RunOutput.open(folder, inputs: [loaded.file] + loaded.files, force: force) }
        let checked = try RunChecks(inputs, scenario: input.scenario, paths: range, seed: seed, threads: threads,
                                    checkingPaths: false)
        let report: RunReport
        do {
            let projection = checked.projection
            let progress = ProgressReporter.make(total: range.count, quiet: verbosity.quiet)
            defer { progress?.finish() }
            let results = try projection.run(paths: range, seed: seed, threads: threads, progress: progress?.callback)
            if let bad = results.firstNonFinite() { throw failInput(RunChecks.message(bad, scenario: input.scenario)) }
            let metadata = RunMetadata(version: PensiunVersion.string, gitCommit: GitInfo.commit(), seed: seed,
                                       paths: range, totalPaths: total, threads: threads,
                                       wallTime: Date().timeIntervalSince(started), overrides: input.overrides)
            report = RunReport(scenario: loaded, inputs: inputs, results: results, debt: checked.debt, metadata: metadata)
        } catch {
            throw RunChecks.refusal(error, scenario: input.scenario) ?? error
        }
        try RunOutput.write(report, with: writer, partial: partial)
        if let leftover = writer.leftover { warnKept(leftover) }
        if !verbosity.quiet {
            for warning in loaded.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
            print(SummaryText.render(report), terminator: "")
            print("Wrote \(folder)/")
        }
    }
}

import PensiunEconomy

extension RunCommand {
    /// Bytes a run holds per path: its results (``ResultsSize``) and, as much again, the sorted
    /// copies its statistics make and the text of its files.
    static func bytesPerPath(_ inputs: ProjectionInputs, horizon: Int) -> Int? {
        ResultsSize.doubles(paths: 1, horizon: horizon, tracks: inputs.tracks.count, profiles: inputs.profiles.count)
            .flatMap { $0.multipliedReportingOverflow(by: 16).overflow ? nil : $0 * 16 }
    }
}

/// `A..B`: the paths A ..< B of a run.
struct PathRange: ExpressibleByArgument, Equatable {
    let lower: Int
    let upper: Int
    init?(argument: String) {
        let parts = argument.components(separatedBy: "..")
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a >= 0, b > a else { return nil }
        lower = a
        upper = b
    }
}

/// The git commit of the working directory, when there is one.
enum GitInfo {
    static func commit() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "rev-parse", "HEAD"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
