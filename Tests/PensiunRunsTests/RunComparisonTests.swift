import Foundation
import PensiunRuns
import Testing

/// `RunComparison`: reading run folders (summary.json, yearly.csv) and the ranking of moves, on
/// small folders written by hand. `CompareCommandTests` runs `pensiun compare` on real runs.
@Suite struct RunComparisonTests {
    static let header = "scheme,year,metric,mean,sd,p5,p50,p95,n"

    /// Writes a run folder `name` with the given summary (JSON text) and yearly rows.
    func folder(_ base: URL, _ name: String, summary: String, yearly: [String]) throws -> String {
        let folder = base.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(summary.utf8).write(to: folder.appendingPathComponent("summary.json"))
        try Data(([Self.header] + yearly).joined(separator: "\n").appending("\n").utf8)
            .write(to: folder.appendingPathComponent("yearly.csv"))
        return folder.path
    }

    func summary(burden: Double, difference: Double, breakeven: Int) -> String {
        """
        {"scenario": "s", "seed": 1, "paths": 8, "years": [2025, 2030], "version": "test",
         "pv_burden_current": {"median": \(burden)}, "pv_difference": {"median": \(difference)},
         "breakeven_year": \(breakeven), "replacement_rates": [{"track": "clerical", "dc": 0.4}]}
        """
    }

    @Test func ranksHeadlineMovesByRelativeChangeAndYearsByShift() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let rows = ["reform,2025,actives,1,0,1,100,1,8", "reform,2026,actives,1,0,1,100,1,8"]
        let a = try folder(base, "a", summary: summary(burden: 100, difference: 10, breakeven: 2040), yearly: rows)
        let b = try folder(base, "b", summary: summary(burden: 110, difference: 20, breakeven: 2043),
                           yearly: ["reform,2025,actives,1,0,1,100,1,8", "reform,2026,actives,1,0,1,150,1,8"])
        let comparison = try RunComparison.load(a, b)
        #expect(comparison.a.figures["pv_burden_current.median"] == 100)
        #expect(comparison.a.figures["replacement_rates[clerical].dc"] == 0.4)
        #expect(comparison.a.texts["scenario"] == "s")
        let text = comparison.render(top: 5)
        let lines = text.components(separatedBy: "\n")
        let difference = try #require(lines.firstIndex { $0.hasPrefix("pv_difference.median") })
        let burden = try #require(lines.firstIndex { $0.hasPrefix("pv_burden_current.median") })
        #expect(difference < burden, "a +100% move is listed before a +10% one")
        #expect(text.contains("+100.0%") && text.contains("+10.0%"))
        #expect(lines.contains { $0.hasPrefix("breakeven_year ") && $0.hasSuffix("+3 yr") })
        #expect(lines.contains { $0.hasPrefix("reform   actives") && $0.contains("2026") && $0.hasSuffix("+50.0%") })
        #expect(text.contains("1 of 1 changed series shown; 0 unchanged.\n"))
        for line in lines { #expect(line.count <= RunComparison.width) }
    }

    @Test func relativeChangesAndNumbers() {
        #expect(RunComparison.relative(2, 3) == 0.5)
        #expect(RunComparison.relative(0, 0) == 0)
        #expect(RunComparison.relative(0, 1) == .infinity)
        #expect(RunComparison.relative(0.001, 0.002, floor: 1) == 0.001)
        #expect(RunComparison.change(0.5) == "+50.0%")
        #expect(RunComparison.change(-0.000001) == "−<0.001%")
        #expect(RunComparison.change(-0.00001) == "−0.001%")
        #expect(RunComparison.change(-.infinity) == "from 0 ↓")
        #expect(RunComparison.number(-12.5) == "−12.5")
        #expect(RunComparison.number(nil) == "—")
    }

    /// Each malformed file is refused with one line naming the file and, in yearly.csv, the line.
    @Test func malformedFoldersAreInputErrorsNamingFileAndLine() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let good = summary(burden: 1, difference: 1, breakeven: 2030)
        let row = "reform,2025,actives,1,0,1,100,1,8"
        func refusal(_ summary: String?, _ yearly: [String]?, header: String = Self.header) throws -> String {
            let name = UUID().uuidString
            let path = try folder(base, name, summary: summary ?? "", yearly: yearly ?? [])
            if summary == nil { try FileManager.default.removeItem(atPath: path + "/summary.json") }
            if let yearly {
                try Data(([header] + yearly).joined(separator: "\n").appending("\n").utf8)
                    .write(to: URL(fileURLWithPath: path + "/yearly.csv"))
            } else {
                try FileManager.default.removeItem(atPath: path + "/yearly.csv")
            }
            do {
                _ = try RunFolderData.load(path)
                return "loaded"
            } catch {
                return error.message.replacingOccurrences(of: path, with: "F")
            }
        }
        #expect(try refusal(nil, [row]) == "F/summary.json: missing (expected a run folder written by pensiun run)")
        #expect(try refusal("{\"pv_burden_current\": ", [row]) == "F/summary.json: not a run summary (expected a JSON object)")
        #expect(try refusal("{\"scenario\": \"x\"}", [row]) == "F/summary.json: not a run summary (no pv_burden_current or years)")
        #expect(try refusal(good, nil) == "F/yearly.csv: missing (expected a run folder written by pensiun run)")
        #expect(try refusal(good, [row, "reform,2026,actives,1,0,1,abc,1,8"]) == "F/yearly.csv: line 3: the median 'abc' is not a number")
        #expect(try refusal(good, [row, "reform,x,actives,1,0,1,2,1,8"]) == "F/yearly.csv: line 3: the year 'x' is not a whole number")
        #expect(try refusal(good, ["reform,2025,actives,1,2"]) == "F/yearly.csv: line 2: expected 9 fields, got 5")
        #expect(try refusal(good, [], header: "scheme,year,value") == "F/yearly.csv: line 1: expected a header with the columns scheme, year, metric and p50")
        #expect(try refusal(good, [row]) == "loaded")
        let missing = base.appendingPathComponent("nowhere").path
        #expect(throws: InputError("\(missing): no such run folder")) { try RunFolderData.load(missing) }
    }
}
