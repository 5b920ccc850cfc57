import Foundation
import Testing

@Suite struct ESGCommandTests {
    let flagship = "Scenarios/indonesia-asn-2019/baseline.yaml"

    @Test func versionIsPrinted() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test func writesTheCSVAndPrintsTheSummary() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("esg.csv").path
        let result = try CLI.run(["esg", flagship, "--paths", "40", "--seed", "3", "--out", csv])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "path,year,inflation,real_wage_growth,gdp_growth,bond_yield,equity_return,bond_return,wage_index,price_index,gdp")
        #expect(lines.count == 1 + 40 * 75)
        #expect(lines[1].hasPrefix("0,2019,"))
        #expect(lines.last!.hasPrefix("39,2093,"))
        #expect(lines[1].split(separator: ",").count == 11)
        #expect(result.stdout.contains("inflation"))
        #expect(result.stdout.contains("40 paths, seed 3"))
    }

    @Test func theSameSeedGivesByteIdenticalFilesWhateverTheThreadCount() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var contents: [Data] = []
        for threads in [1, 2, 8] {
            let csv = folder.appendingPathComponent("esg-\(threads).csv").path
            let result = try CLI.run(["esg", flagship, "--paths", "700", "--seed", "9", "--threads", "\(threads)", "--out", csv])
            #expect(result.status == 0, "\(result.stderr)")
            contents.append(try Data(contentsOf: URL(fileURLWithPath: csv)))
        }
        #expect(contents[0] == contents[1])
        #expect(contents[0] == contents[2])
    }

    @Test func aMissingScenarioFileIsOneClearLineAndExitStatusTwo() throws {
        let result = try CLI.run(["esg", "Scenarios/nope.yaml", "--out", "/tmp/pensiun-never.csv"])
        #expect(result.status == 2)
        #expect(result.stderr == "Scenarios/nope.yaml: cannot read the scenario file (no such file)\n")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/pensiun-never.csv"))
    }

    /// A copy of the flagship folder (and the mortality table it names) in a temporary folder,
    /// with `edit` applied to the baseline; returns the copy's baseline file.
    func brokenFlagship(in folder: URL, _ edit: (String) -> String) throws -> URL {
        let scenarios = folder.appendingPathComponent("Scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        for name in ["indonesia-asn-2019", "mortality"] {
            try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Scenarios/\(name)"),
                                             to: scenarios.appendingPathComponent(name))
        }
        let file = scenarios.appendingPathComponent("indonesia-asn-2019/bad.yaml")
        let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent(flagship), encoding: .utf8)
        try edit(text).write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func aNegativeVolatilityNamesFileLineAndKey() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try brokenFlagship(in: folder) { $0.replacingOccurrences(of: "volatility: 0.006,", with: "volatility: -0.006,") }
        let csv = folder.appendingPathComponent("esg.csv").path
        let result = try CLI.run(["esg", file.path, "--out", csv])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("\(file.path):") == true)
        #expect(lines.first?.hasSuffix(": economy.bond_yield.volatility: out of range (expected a volatility in [0, 1], got -0.006)") == true)
        #expect(!FileManager.default.fileExists(atPath: csv))
    }

    @Test func aMalformedCorrelationMatrixNamesTheKey() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try brokenFlagship(in: folder) {
            $0.replacingOccurrences(of: "- [ 1.0, -0.3,  0.1,  0.5, -0.1]", with: "- [ 1.0,  0.9,  0.1,  0.5, -0.1]")
        }
        let result = try CLI.run(["esg", file.path, "--out", folder.appendingPathComponent("x.csv").path])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains(": economy.correlation: the matrix is not symmetric") ||
                result.stderr.contains(": economy.correlation: must be symmetric positive definite"))
    }
}
