import Foundation
import Testing

/// `pensiun compare A B`: two run folders, largest moves first; bad folders exit 2 with one line.
@Suite struct CompareCommandTests {
    let scenario = "Scenarios/synthetic-small/scenario.yaml"
    let common = ["--paths", "8", "--set", "simulation.horizon=12", "--quiet"]

    /// Writes a run folder `name` under `folder` with extra flags.
    func run(_ folder: URL, _ name: String, _ flags: [String] = []) throws -> String {
        let out = folder.appendingPathComponent(name).path
        let result = try CLI.run(["run", scenario, "--out", out] + common + flags)
        #expect(result.status == 0, "\(result.stderr)")
        return out
    }

    /// The relative changes (in %) of the headline table, in printed order.
    func headlineChanges(_ stdout: String) -> [Double] {
        let lines = stdout.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("Headline figures") }) else { return [] }
        var changes: [Double] = []
        for line in lines[(start + 3)...] {
            if line.hasPrefix("Years") || line.hasSuffix("unchanged.") || line.isEmpty { break }
            let last = line.split(separator: " ").last.map(String.init) ?? ""
            let digits = last.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "+", with: "")
                .replacingOccurrences(of: "−", with: "").replacingOccurrences(of: "<", with: "")
            if let v = Double(digits) { changes.append(v) }
        }
        return changes
    }

    @Test func printsTheLargestMovesFirstWithinOneHundredColumns() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = try run(folder, "a"), b = try run(folder, "b", ["--seed", "7", "--set", "reform.dc.employer_rate=0.10"])
        let result = try CLI.run(["compare", a, b])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let out = result.stdout
        #expect(out.hasPrefix("Comparing run folders (B against A)\n  A  \(a)\n     synthetic-small · seed 42 · 8 paths · years 2025–2036"))
        #expect(out.contains("\n  B  \(b)\n     synthetic-small · seed 7 · 8 paths"))
        #expect(out.contains("Headline figures (summary.json), largest relative change first"))
        #expect(out.contains("Yearly medians (yearly.csv, p50): per scheme and metric, the year that moved most"))
        #expect(out.contains("pv_difference.median"))
        for line in out.components(separatedBy: "\n") {
            #expect(line.count <= 100, "too wide: \(line)")
        }
        let changes = headlineChanges(out)
        #expect(changes.count > 5)
        #expect(changes == changes.sorted(by: >), "headline figures are not in decreasing order of change")
        // The employer rate moves the reform's employer contributions, listed among the yearly moves.
        #expect(out.contains("reform   contributions_employer"))
    }

    @Test func identicalFoldersShowNoDifference() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = try run(folder, "a")
        let result = try CLI.run(["compare", a, a])
        #expect(result.status == 0)
        #expect(result.stdout.contains("(none differ)\n"))
        #expect(result.stdout.contains("(no median differs)\n"))
        #expect(result.stdout.contains("0 of 0 changed series shown; "))
    }

    @Test func aMissingFolderIsAnInputError() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = try run(folder, "a")
        let missing = folder.appendingPathComponent("nowhere").path
        let result = try CLI.run(["compare", a, missing])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "\(missing): no such run folder\n")
    }

    @Test func aFolderWithoutItsSummaryIsAnInputError() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = try run(folder, "a")
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let result = try CLI.run(["compare", empty.path, a])
        #expect(result.status == 2)
        #expect(result.stderr == "\(empty.path)/summary.json: missing (expected a run folder written by pensiun run)\n")
    }

    // Each malformed summary.json and yearly.csv (with the file and line it names) is checked on
    // `RunFolderData.load` itself: PensiunRunsTests/RunComparisonTests.
}
