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

    @Test func aMalformedSummaryIsAnInputError() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = try run(folder, "a"), b = try run(folder, "b")
        try Data("{\"pv_burden_current\": ".utf8).write(to: URL(fileURLWithPath: b + "/summary.json"))
        let result = try CLI.run(["compare", a, b])
        #expect(result.status == 2)
        #expect(result.stderr == "\(b)/summary.json: not a run summary (expected a JSON object)\n")
        try Data("{\"scenario\": \"x\"}".utf8).write(to: URL(fileURLWithPath: b + "/summary.json"))
        #expect(try CLI.run(["compare", a, b]).stderr == "\(b)/summary.json: not a run summary (no pv_burden_current or years)\n")
    }

    @Test func aMalformedYearlyFileIsAnInputError() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = try run(folder, "a"), b = try run(folder, "b")
        let yearly = URL(fileURLWithPath: b + "/yearly.csv")
        var lines = try String(contentsOf: yearly, encoding: .utf8).components(separatedBy: "\n")
        lines[3] = "current,2027,actives,1,2,3,abc,5,6"
        try Data(lines.joined(separator: "\n").utf8).write(to: yearly)
        var result = try CLI.run(["compare", a, b])
        #expect(result.status == 2)
        #expect(result.stderr == "\(b)/yearly.csv: line 4: the median 'abc' is not a number\n")
        lines[3] = "current,2027,actives,1,2"
        try Data(lines.joined(separator: "\n").utf8).write(to: yearly)
        result = try CLI.run(["compare", a, b])
        #expect(result.stderr == "\(b)/yearly.csv: line 4: expected 9 fields, got 5\n")
        try Data("scheme,year,value\n".utf8).write(to: yearly)
        result = try CLI.run(["compare", a, b])
        #expect(result.stderr == "\(b)/yearly.csv: line 1: expected a header with the columns scheme, year, metric and p50\n")
        try FileManager.default.removeItem(at: yearly)
        result = try CLI.run(["compare", a, b])
        #expect(result.stderr == "\(b)/yearly.csv: missing (expected a run folder written by pensiun run)\n")
    }
}
