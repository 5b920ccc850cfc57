import Foundation
import PensiunEconomy
import PensiunRuns
import Testing

/// `ESGFitRun`, `pensiun esg-fit`'s entry point, and `HistoryCSV`, its reader: every malformed
/// history is one `InputError` naming FILE:LINE:COLUMN (or the variable), a good one gives the
/// estimates and a pasteable `economy:` block, and the shipped Indonesian history cites a source
/// for every value.
@Suite struct ESGFitRunTests {
    /// Writes `text` to a fresh file and returns its path (the caller removes the folder).
    func file(_ text: String, in folder: URL, name: String = "history.csv") throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func failure(_ text: String) throws -> String {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try file(text, in: folder)
        do {
            _ = try ESGFitRun.fit(history: path)
        } catch {
            return error.message.replacingOccurrences(of: path, with: "FILE")
        }
        Issue.record("no error for \(text)")
        return ""
    }

    /// A deterministic wiggle (no randomness needed for the reader's tests).
    static func rows(_ n: Int) -> String {
        (0..<n).map { t in
            let y = Double(t)
            return "\(2000 + t),\(0.03 + 0.01 * sin(1.3 * y)),\(0.05 + 0.01 * cos(2.1 * y)),\(0.1 * sin(0.7 * y + 1))"
        }.joined(separator: "\n")
    }

    @Test func aGoodHistoryGivesTheTableAndAPasteableBlock() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try file("# a comment\nyear,inflation,real_gdp_growth,equity,source\n" + Self.rows(12).split(separator: "\n").map { $0 + ",made up" }.joined(separator: "\n") + "\n", in: folder)
        let text = try ESGFitRun.fit(history: path)
        #expect(text.contains("columns ignored: source"))
        #expect(text.contains("\neconomy:\n"))
        #expect(text.contains("  inflation: {mean: "))
        #expect(text.contains("  real_gdp_growth: {mean: "))
        #expect(text.contains("  # real_wage_growth: not in \(path); keep the scenario's.\n"))
        #expect(text.contains("  equity: {log_mean: "))
        #expect(text.contains("years 2001-2011 (11 pairs)"))
        #expect(text.contains("start: the 2011 value."))
        let matrix = text.components(separatedBy: "  correlation:\n")[1].split(separator: "\n").prefix(5)
        #expect(matrix.count == 5)
        #expect(matrix.allSatisfy { $0.hasPrefix("    - [") && $0.split(separator: ",").count == 5 })
    }

    @Test func aBadNumberNamesFileLineAndColumn() throws {
        #expect(try failure("year,inflation\n2000,0.03\n2001,abc\n") == "FILE:3:2: column 'inflation': expected a rate as a decimal (0.03 for 3%) or an empty cell, got 'abc'")
        #expect(try failure("year,equity\n2000,-1\n") == "FILE:2:2: column 'equity': out of range (expected a finite rate above -1, got -1)")
        #expect(try failure("year,bond_yield\n2000,inf\n") == "FILE:2:2: column 'bond_yield': out of range (expected a finite rate above -1, got inf)")
        #expect(try failure("year,bond_yield\n2000,nan\n") == "FILE:2:2: column 'bond_yield': expected a rate as a decimal (0.03 for 3%) or an empty cell, got 'nan'")
    }

    @Test func headerAndYearProblemsAreLocated() throws {
        #expect(try failure("# only a comment\n\n") == "FILE:1:1: the history is empty (expected a header like year,inflation,real_wage_growth,real_gdp_growth,bond_yield,equity)")
        #expect(try failure("yr,inflation\n2000,0.03\n") == "FILE:1:1: missing column 'year' (expected a header like year,inflation,real_wage_growth,real_gdp_growth,bond_yield,equity, got yr,inflation)")
        #expect(try failure("year,cpi\n2000,0.03\n") == "FILE:1:1: no variable column (expected at least one of inflation,real_wage_growth,real_gdp_growth,bond_yield,equity, got year,cpi)")
        #expect(try failure("year,inflation,inflation\n") == "FILE:1:3: column 'inflation' appears twice (expected each column once)")
        #expect(try failure("year,inflation\n2001,0.03\n2001,0.04\n") == "FILE:3:1: column 'year': years must increase (expected a year after 2001, got 2001)")
        #expect(try failure("year,inflation\n2001,0.03,1\n") == "FILE:2:3: ragged row (expected 2 fields like the header, got 3)")
    }

    @Test func tooFewYearsNamesTheVariable() throws {
        #expect(try failure("year,inflation\n2000,0.03\n2001,0.04\n2002,0.05\n2003,\n2004,0.02\n2005,0.03\n") == "FILE: column 'inflation': too few consecutive years to fit an AR(1) (expected at least 5 pairs of consecutive years, got 3)")
        #expect(try failure("year,equity\n2000,0.1\n2001,-0.2\n") == "FILE: column 'equity': too few years to fit (expected at least 5 values, got 2)")
    }

    @Test func aMissingFileIsOneLine() throws {
        #expect(throws: InputError("/nonexistent/history.csv: cannot read the history file (no such file)")) {
            try ESGFitRun.fit(history: "/nonexistent/history.csv")
        }
    }

    static let shipped = Fixtures.root.appendingPathComponent("Scenarios/indonesia-asn-2019/data/economy-history.csv").path

    /// Every value of the shipped history has a source key of the fact sheet (S50, …) in its row's
    /// `source` column, and the reader accepts the file.
    @Test func theShippedHistoryCitesASourceForEveryValue() throws {
        let contents = try HistoryCSV.read(path: Self.shipped)
        #expect(contents.ignoredColumns == ["source"])
        let text = try String(contentsOfFile: Self.shipped, encoding: .utf8)
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let source = try #require(header.firstIndex(of: "source"))
        var values = 0
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let filled = fields.indices.filter { $0 != 0 && $0 != source && !fields[$0].isEmpty }
            values += filled.count
            if !filled.isEmpty {
                #expect(fields[source].range(of: #"\bS[0-9]+\b"#, options: .regularExpression) != nil, "\(line)")
            }
        }
        #expect(values > 0)
    }
}
