import Foundation
import PensiunReporting
import PensiunRuns
import Testing

/// `ESGRun`, `pensiun esg`'s entry point: one CSV row per requested path and year, the same bytes
/// whatever the thread count, a part (path range) equal to those rows of the whole, and a file it
/// did not write left alone.
@Suite struct ESGRunTests {
    static let overrides = ["simulation.horizon=6"]
    static let header = "path,year,inflation,real_wage_growth,gdp_growth,bond_yield,equity_return,bond_return,wage_index,price_index,gdp"

    func generate(_ out: String, paths: Int? = 5, range: Range<Int>? = nil, seed: UInt64? = 3, threads: Int = 1) throws -> ESGRun.Outcome {
        try ESGRun.generate(scenario: Fixtures.synthetic, overrides: Self.overrides, paths: paths, range: range, seed: seed,
                            threads: threads, out: out)
    }

    func lines(_ file: String) throws -> [Substring] {
        try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    }

    @Test func writesOneRowPerPathAndYear() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let file = base.appendingPathComponent("new/esg.csv").path
        let outcome = try generate(file)
        #expect(outcome.file == file)
        #expect(outcome.rows == 5 * 6)
        let rows = try lines(file)
        #expect(rows.first.map(String.init) == Self.header)
        #expect(rows.last == "", "the file ends in a newline")
        let body = rows.dropFirst().dropLast()
        #expect(body.count == 30)
        let keys = body.map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
        #expect(keys == (0..<5).flatMap { p in (2025..<2031).map { "\(p),\($0)" } })
        for row in body {
            let fields = row.split(separator: ",")
            #expect(fields.count == 11)
            #expect(fields.dropFirst(2).allSatisfy { Double($0)?.isFinite == true }, "\(row)")
        }
        #expect(outcome.summary.contains("inflation"))
        #expect(outcome.summary.contains("5 paths, seed 3"), "\(outcome.summary)")
        // Another seed, other numbers; the file is its own and is replaced.
        let before = try lines(file)
        _ = try generate(file, seed: 4)
        #expect(try lines(file).count == before.count)
        #expect(try lines(file) != before)
    }

    @Test func aPartIsThoseRowsOfTheWholeAndThreadsChangeNoByte() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let whole = base.appendingPathComponent("whole.csv").path, two = base.appendingPathComponent("two.csv").path
        let part = base.appendingPathComponent("part.csv").path
        _ = try generate(whole, paths: 8, threads: 1)
        _ = try generate(two, paths: 8, threads: 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: whole)) == Data(contentsOf: URL(fileURLWithPath: two)))
        let outcome = try generate(part, paths: 8, range: 2..<5, threads: 2)
        #expect(outcome.rows == 3 * 6)
        #expect(outcome.summary.contains("3 paths, seed 3"), "\(outcome.summary)")
        let all = try lines(whole), some = try lines(part)
        #expect(some.first == all.first)
        #expect(Array(some.dropFirst().dropLast()) == Array(all[(1 + 2 * 6)..<(1 + 5 * 6)]))
    }

    @Test func noPathsGivenTakesTheScenariosAndNoSeedItsSeed() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let file = base.appendingPathComponent("esg.csv").path
        let outcome = try generate(file, paths: nil, seed: nil)
        #expect(outcome.rows == 500 * 6, "synthetic-small's simulation.paths is 500")
        #expect(outcome.summary.contains("500 paths, seed 42"), "\(outcome.summary)")
        #expect(try lines(file).count == 1 + 500 * 6 + 1)
    }

    @Test func aFileItDidNotWriteIsKept() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let file = base.appendingPathComponent("notes.csv").path
        try "a,b\n1,2\n".write(toFile: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: OutputError.self) { try generate(file) }
        #expect(error?.message.hasPrefix("--out \(file): exists and was not written by pensiun esg") == true, "\(String(describing: error))")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "a,b\n1,2\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path) == ["notes.csv"], "no temporary file left")
        // A folder is not a file.
        let folder = #expect(throws: OutputError.self) { try generate(base.path) }
        #expect(folder?.message.hasPrefix("--out \(base.path): is a folder") == true, "\(String(describing: folder))")
    }
}
