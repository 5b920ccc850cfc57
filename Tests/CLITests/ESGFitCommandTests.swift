import Foundation
import Testing

/// `pensiun esg-fit HISTORY.csv`, run end to end: the report on standard output and exit 0 for a
/// good history; one line naming FILE:LINE:COLUMN (or the variable) and exit 2 for a bad one.
@Suite struct ESGFitCommandTests {
    func history(_ text: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("history.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func fitsAHistoryAndPrintsTheBlock() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = (0..<30).map { t in
            let y = Double(t)
            return "\(1990 + t),\(0.04 + 0.01 * sin(1.1 * y)),,\(0.07 + 0.005 * cos(0.9 * y))"
        }
        let path = try history("year,inflation,real_wage_growth,bond_yield\n" + rows.joined(separator: "\n") + "\n", in: folder)
        let result = try CLI.run(["esg-fit", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("History: \(path), 30 rows, years 1990-2019\n"))
        #expect(result.stdout.contains("\neconomy:\n  # Fitted from \(path) years 1991-2019 (29 pairs); s.e. mean "))
        #expect(result.stdout.contains("  bond_yield: {mean: "))
        #expect(result.stdout.contains("  correlation:\n    - [ 1.000, "))
    }

    @Test func aBadCellIsOneLineWithFileLineAndColumnAndStatusTwo() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try history("year,inflation,bond_yield\n2000,0.03,0.07\n2001,0.04,7%\n", in: folder)
        let result = try CLI.run(["esg-fit", path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "\(path):3:3: column 'bond_yield': expected a rate as a decimal (0.03 for 3%) or an empty cell, got '7%'\n")
    }

    @Test func tooFewYearsAndAMissingHeaderAreStatusTwo() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let short = try history("year,real_gdp_growth\n2019,0.0502\n2020,\n2023,0.0505\n2024,0.0503\n", in: folder)
        let tooFew = try CLI.run(["esg-fit", short])
        #expect(tooFew.status == 2)
        #expect(tooFew.stderr == "\(short): column 'real_gdp_growth': too few consecutive years to fit an AR(1) (expected at least 5 pairs of consecutive years, got 1)\n")
        let headerless = try history("2019,0.0502\n2020,0.04\n", in: folder)
        let noHeader = try CLI.run(["esg-fit", headerless])
        #expect(noHeader.status == 2)
        #expect(noHeader.stderr.hasPrefix("\(headerless):1:1: missing column 'year'"))
        let missing = try CLI.run(["esg-fit", folder.appendingPathComponent("none.csv").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasSuffix("none.csv: cannot read the history file (no such file)\n"))
    }

    /// The shipped Indonesian history has too few consecutive years to fit anything yet
    /// (Scenarios/indonesia-asn-2019/data/economy-history.md): the command says which variable.
    @Test func theShippedHistoryIsTooShortAndSaysWhy() throws {
        let result = try CLI.run(["esg-fit", "Scenarios/indonesia-asn-2019/data/economy-history.csv"])
        #expect(result.status == 2)
        #expect(result.stderr == ("Scenarios/indonesia-asn-2019/data/economy-history.csv: column 'real_gdp_growth': too few consecutive years to fit an AR(1) (expected at least 5 pairs of consecutive years, got 1)\n"))
    }
}

extension ESGFitCommandTests {
    /// The printed `economy:` block, pasted over a scenario's (one extending the synthetic scenario,
    /// whose processes have plain means: the flagship's salary growth follows productivity instead,
    /// and a pasted `mean` beside it is refused), is a valid scenario: `validate --economy-only` accepts it with the fitted values.
    @Test func thePrintedBlockIsAValidEconomySection() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = (0..<40).map { t in
            let y = Double(t)
            return "\(1980 + t),\(0.05 + 0.02 * sin(1.1 * y)),\(0.01 + 0.01 * cos(0.5 * y)),\(0.05 + 0.01 * sin(2.0 * y + 1)),\(0.07 + 0.005 * cos(0.9 * y)),\(0.1 + 0.2 * sin(0.3 * y))"
        }
        let path = try history("year,inflation,real_wage_growth,real_gdp_growth,bond_yield,equity\n" + rows.joined(separator: "\n") + "\n", in: folder)
        let fit = try CLI.run(["esg-fit", path])
        #expect(fit.status == 0, "\(fit.stderr)")
        let block = try #require(fit.stdout.range(of: "\neconomy:\n")).lowerBound
        let baseline = CLI.packageRoot.appendingPathComponent("Scenarios/synthetic-small/scenario.yaml").path
        let scenario = folder.appendingPathComponent("fitted.yaml")
        try ("extends: \(baseline)" + fit.stdout[block...]).write(to: scenario, atomically: true, encoding: .utf8)
        let check = try CLI.run(["validate", scenario.path, "--economy-only", "--paths", "20"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let explained = try CLI.run(["explain", scenario.path])
        #expect(explained.stdout.contains("economy.equity.log_mean = "))
        #expect(explained.stdout.contains("fitted.yaml:"))
    }
}
