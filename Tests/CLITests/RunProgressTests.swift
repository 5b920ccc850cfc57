import Foundation
import Testing

/// `pensiun run` shows its progress on standard error only when that is a terminal, and never with
/// --quiet. PENSIUN_PROGRESS_DELAY=0 lifts the one-second delay, so a short run shows it too.
@Suite struct RunProgressTests {
    static let script = "/usr/bin/script"
    let arguments = ["run", "Scenarios/synthetic-small/scenario.yaml", "--paths", "40", "--set", "simulation.horizon=10"]

    /// Runs the tool with PENSIUN_PROGRESS_DELAY=0; under `script` when `terminal`, so that its
    /// standard output and error are a pseudo-terminal. Returns (status, stdout, stderr); on a
    /// terminal, everything shown is in stdout.
    func run(_ arguments: [String], terminal: Bool) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        if terminal {
            let quoted = ([CLI.executable.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            process.executableURL = URL(fileURLWithPath: Self.script)
            process.arguments = ["-q", "-e", "-c", quoted.joined(separator: " "), "/dev/null"]
        } else {
            process.executableURL = CLI.executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = CLI.packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(["PENSIUN_PROGRESS_DELAY": "0"]) { _, new in new }
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }

    @Test func noProgressWhenStandardErrorIsNotATerminal() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(arguments + ["--out", folder.appendingPathComponent("r").path], terminal: false)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(!result.stdout.contains("paths/s"))
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: script), "needs util-linux's script"))
    func progressOnATerminal() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shown = try run(arguments + ["--out", folder.appendingPathComponent("r").path], terminal: true)
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("\r\u{1B}[2K  40 / 40 paths (100%) · "))
        #expect(shown.stdout.contains(" paths/s"))
        // The line is erased before the summary is printed.
        #expect(shown.stdout.contains("paths/s\r\u{1B}[2KPensiun "))
        let quiet = try run(arguments + ["--out", folder.appendingPathComponent("q").path, "--quiet"], terminal: true)
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty)
    }
}
