import Foundation

/// The text of the sbatch scripts and the helpers around them.
public enum SlurmScript {
    /// The path ranges of `tasks` shards of `paths` paths: task i covers ⌊i·N/T⌋ ..< ⌊(i+1)·N/T⌋
    /// (exact integer arithmetic, no overflow), so the ranges tile 0 ..< N and differ by at most one.
    public static func ranges(paths: Int, tasks: Int) -> [Range<Int>] {
        func bound(_ i: Int) -> Int {
            let product = i.multipliedFullWidth(by: paths)
            return tasks.dividingFullWidth((high: product.high, low: product.low)).quotient
        }
        return (0..<tasks).map { bound($0)..<bound($0 + 1) }
    }

    /// Characters that need no quoting in a shell word nor in an #SBATCH line.
    public static func isPlain(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || "_-.,/:=+@".contains(c))
    }

    /// A shell word: as is when plain, else in single quotes.
    public static func quote(_ text: String) -> String {
        if !text.isEmpty && text.allSatisfy(isPlain) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A job name Slurm shows unchanged.
    public static func jobName(_ text: String) -> String {
        String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) ? $0 : "-" })
    }

    public static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The absolute output folder; it appears in #SBATCH lines, which take no quoting, and in log
    /// file patterns, where % is special.
    public static func outputFolder(_ path: String) throws(InputError) -> String {
        var folder = absolute(path)
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        guard folder != "/", folder.allSatisfy({ !$0.isWhitespace && !"%'\"\\$`".contains($0) }) else {
            throw InputError("--out \(path): the output folder may not contain spaces, quotes, $, ` or % (Slurm's log file names are written in #SBATCH lines)")
        }
        return folder
    }

    /// The absolute path of the running pensiun binary.
    public static func executablePath() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"), path.hasPrefix("/") {
            return path
        }
        let argument = CommandLine.arguments[0]
        if argument.contains("/") { return URL(fileURLWithPath: argument).resolvingSymlinksInPath().path }
        return findExecutable(argument).map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } ?? argument
    }

    /// The first executable `name` on the PATH.
    public static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The #SBATCH header and the lines every script starts with.
    static func header(jobName: String, extra: [String], options: SlurmSettings, shards: String, logs: String, cwd: String,
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
    static func array(jobName: String, tasks: Int, options: SlurmSettings, shards: String, cwd: String, script: String,
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
    static func merge(jobName: String, tasks: Int, options: SlurmSettings, shards: String, cwd: String, command: String) -> String {
        var lines = header(jobName: jobName, extra: ["--kill-on-invalid-dep=yes"], options: options, shards: shards,
                           logs: "merge-%j", cwd: cwd,
                           comment: ["Written by pensiun slurm: joins the \(tasks) shards; submit with --dependency=afterok:<array job id>."])
        lines += [
            "folders=(); for ((i = 0; i < \(tasks); i++)); do folders+=(\"$shards/task-$i\"); done",
            "exec " + command,
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs `sbatch arguments…` and returns the job id it prints (`--parsable`: `id[;cluster]`);
    /// a ``SlurmSubmissionError`` when it cannot run or fails.
    static func sbatch(_ executable: String, _ arguments: [String]) throws(SlurmSubmissionError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            throw SlurmSubmissionError("\(executable): cannot run (\(error.localizedDescription))")
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: outData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let id = String(text.split(separator: ";").first ?? "")
        guard process.terminationStatus == 0, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            let message = String(decoding: errData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw SlurmSubmissionError("sbatch \(arguments.joined(separator: " ")) failed (exit status \(process.terminationStatus)): \(message.isEmpty ? text : message)")
        }
        return id
    }
}

/// sbatch could not be run or refused a script: not the input's fault (exit status 1).
public struct SlurmSubmissionError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
