import Foundation
import PensiunTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `pensiun sweep`, `sweep merge`, `sensitivity` and `solve`, end to end.
@Suite struct SweepCommandTests {
    static let synthetic = CLI.packageRoot.appendingPathComponent("Scenarios/synthetic-small/scenario.yaml").path

    /// A 3 × 2 grid on the synthetic scheme, 8 paths over 8 years.
    static let sweepText = """
        name: cli-test
        base: \(synthetic)
        set: {simulation.horizon: 8}
        parameters:
          - key: reform.dc.employer_rate
            values: [0.04, 0.08, 0.12]
          - key: economy.equity.log_mean
            values: [0.045, 0.085]
        paths: 8
        seed: 11
        outputs:
          metrics: {budget_burden: all, replacement_rate_dc: [2032]}
          summaries: [pv_burden_current, pv_difference, breakeven_year]
          statistics: [mean, p5, p50, p95, 'P(pv_difference < 0)', 'P(burden_pct_gdp > 0.001 any year)']

        """

    /// A folder holding the sweep file, and the folder of one uninterrupted run of it on 2 threads.
    static let reference: (folder: URL, file: String, run: URL) = {
        let folder = try! CLI.temporaryFolder()
        let file = folder.appendingPathComponent("sweep.yaml").path
        try! sweepText.write(toFile: file, atomically: true, encoding: .utf8)
        let run = folder.appendingPathComponent("reference")
        let result = try! CLI.run(["sweep", file, "--out", run.path, "--threads", "2", "--quiet"])
        precondition(result.status == 0, result.stderr)
        return (folder, file, run)
    }()

    /// A sweep folder's manifest.
    func manifest(_ folder: URL) throws -> NSDictionary {
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }

    func expectSameFiles(_ a: URL, _ b: URL) throws {
        #expect(try RunFolders.differences(a, b) == [])
    }

    @Test func aSweepWritesTidyFiles() throws {
        let run = Self.reference.run
        let variants = try String(contentsOf: run.appendingPathComponent("variants.csv"), encoding: .utf8)
        #expect(variants == """
            variant,reform.dc.employer_rate,economy.equity.log_mean
            1,0.04,0.045
            2,0.04,0.085
            3,0.08,0.045
            4,0.08,0.085
            5,0.12,0.045
            6,0.12,0.085

            """)
        let results = try String(contentsOf: run.appendingPathComponent("results.csv"), encoding: .utf8).split(separator: "\n")
        #expect(results.first == "variant,scheme,metric,year,stat,value")
        #expect(results[1].hasPrefix("1,current,budget_burden,2025,mean,"))
        #expect(results.contains { $0.hasPrefix("6,,pv_difference,,P(<0),") })
        #expect(results.contains { $0.hasPrefix("3,reform,burden_pct_gdp,,P(>0.001 any year),") })
        // 6 variants × ((2 schemes × (8 + 1) metric-years + 3 summaries) × 4 bare statistics + 1 + 2 named ones).
        #expect(results.count == 1 + 6 * ((2 * 9 + 3) * 4 + 3))
        let manifest = try manifest(run)
        #expect(manifest["variant_count"] as? Int == 6 && manifest["paths"] as? Int == 8 && manifest["seed"] as? Int == 11)
        #expect(manifest["design"] as? String == "grid" && manifest["shard"] == nil)
        #expect(!FileManager.default.fileExists(atPath: run.appendingPathComponent("work").path))
    }

    /// Starts a sweep, kills it (SIGKILL) once `finished` variants are journaled, and returns how
    /// many were.
    func interrupt(_ file: String, out: URL, after finished: Int) throws -> Int {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["sweep", file, "--out", out.path, "--threads", "1", "--quiet"]
        process.currentDirectoryURL = CLI.packageRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let work = out.appendingPathComponent("work").path
        var done = 0
        while process.isRunning {
            done = ((try? FileManager.default.contentsOfDirectory(atPath: work)) ?? []).filter { $0.hasPrefix("v") }.count
            if done >= finished { break }
            usleep(2_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the sweep finished before it could be interrupted")
        return done
    }

    @Test func aKilledSweepResumesWithoutLosingOrDuplicatingARow() throws {
        let (folder, file, reference) = Self.reference
        let out = folder.appendingPathComponent("interrupted-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let first = try interrupt(file, out: out, after: 2)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("manifest.json").path))
        let second = try interrupt(file, out: out, after: first + 2)
        #expect(second >= first)
        let result = try CLI.run(["sweep", file, "--out", out.path, "--threads", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("resuming: \(second) of 6 variants already finished"))
        try expectSameFiles(reference, out)
    }

    @Test func shardsMergedEqualOneRun() throws {
        let (folder, file, reference) = Self.reference
        let base = folder.appendingPathComponent("shards-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        var shards: [String] = []
        for i in 1...4 {
            let out = base.appendingPathComponent("shard-\(i)").path
            let result = try CLI.run(["sweep", file, "--shard", "\(i)/4", "--out", out, "--threads", "1", "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            shards.append(out)
        }
        let shardVariants = try String(contentsOfFile: shards[1] + "/variants.csv", encoding: .utf8)
        #expect(shardVariants == "variant,reform.dc.employer_rate,economy.equity.log_mean\n2,0.04,0.085\n6,0.12,0.085\n")
        let merged = base.appendingPathComponent("merged")
        let result = try CLI.run(["sweep", "merge"] + shards.reversed() + ["--out", merged.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Merged 4 shards (6 variants) into \(merged.path)/\n")
        try expectSameFiles(reference, merged)

        let missing = try CLI.run(["sweep", "merge", shards[0], shards[2], shards[3], "--out", base.appendingPathComponent("m2").path])
        #expect(missing.status == 2)
        #expect(missing.stderr == "sweep merge: shard 2/4 missing (expected all 4 shards)\n")
        let twice = try CLI.run(["sweep", "merge", shards[0], shards[0], "--out", base.appendingPathComponent("m3").path])
        #expect(twice.status == 2)
        #expect(twice.stderr == "\(shards[0]): shard 1/4 given twice (also \(shards[0]))\n")
        let whole = try CLI.run(["sweep", "merge", reference.path, "--out", base.appendingPathComponent("m4").path])
        #expect(whole.stderr == "\(reference.path)/manifest.json: not a shard (expected a folder written by pensiun sweep --shard I/N)\n")
    }

    @Test func aWorkFolderOfAnotherSweepIsNotResumed() throws {
        let (folder, file, _) = Self.reference
        let out = folder.appendingPathComponent("foreign-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try interrupt(file, out: out, after: 1)
        let result = try CLI.run(["sweep", file, "--shard", "1/2", "--out", out.path])
        #expect(result.status == 2)
        #expect(result.stderr.hasSuffix("\(out.path)/work: left by a different sweep or settings (its plan.txt differs); delete the folder to start again, or use another --out\n"))
    }

    @Test func badInputExitsWithTwo() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.yaml").path
        try Self.sweepText.replacingOccurrences(of: "values: [0.04, 0.08, 0.12]", with: "values: [0.04, 1.5]")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["sweep", file, "--out", folder.appendingPathComponent("out").path])
        #expect(bad.status == 2)
        #expect(bad.stderr == "\(file):6:20: reform.dc.employer_rate: out of range (expected a rate in [0, 1], got 1.5)\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        let shard = try CLI.run(["sweep", file, "--shard", "3/2"])
        #expect(shard.status == 2)
        #expect(shard.stderr.hasPrefix("Error: --shard expects I/N with 1 ≤ I ≤ N, such as 2/8 (got '3/2')."))
    }

    @Test func sensitivityPrintsARankedTableAndWritesCSV() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("study.yaml").path
        try """
            base: \(Self.synthetic)
            set: {simulation.horizon: 6}
            parameters:
              - key: reform.dc.employer_rate
                distribution: {uniform: [0.04, 0.12]}
              - key: economy.inflation.mean
                distribution: {normal: {mean: 0.03, sd: 0.005, min: 0.01}}
            paths: 2
            seed: 5
            sensitivity:
              outputs: [mean(pv_burden_reform), mean(pv_difference), 'P(burden_pct_gdp > 0.01 any year)']
              samples: 4
              bootstrap: 50

            """.write(toFile: file, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let result = try CLI.run(["sensitivity", file, "--out", out.path, "--threads", "2", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "Sobol indices (Jansen), N = 4: 16 variants of 2 paths; 95% bootstrap intervals, 50 replicates")
        #expect(lines.allSatisfy { $0.count <= 100 })
        #expect(lines.contains { $0.hasPrefix("mean(pv_difference)  (variance ") })
        #expect(lines.contains { $0.hasPrefix("     1  reform.dc.employer_rate  ") })
        #expect(result.stdout.contains("P(reform.burden_pct_gdp > 0.01 any year): n/a (constant across the variants)"))
        let csv = try String(contentsOf: out.appendingPathComponent("sensitivity.csv"), encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "output,parameter,index,estimate,ci_low,ci_high")
        #expect(csv.count == 1 + 3 * 2 * 2)
        let variants = try String(contentsOf: out.appendingPathComponent("variants.csv"), encoding: .utf8).split(separator: "\n")
        #expect(variants.first == "variant,matrix,row,reform.dc.employer_rate,economy.inflation.mean")
        #expect(variants.count == 17 && variants[16].hasPrefix("16,AB2,4,"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("outputs.csv").path))
    }

    /// Zero volatility everywhere: every path is the deterministic one.
    static let deterministic = [
        "economy.inflation.volatility=0", "economy.real_wage_growth.volatility=0", "economy.real_gdp_growth.volatility=0",
        "economy.bond_yield.volatility=0", "economy.equity.log_volatility=0", "mortality.kappa_volatility=0",
        "simulation.horizon=8",
    ].flatMap { ["--set", $0] }

    @Test func solveFindsAKnownRoot() throws {
        // Employer DC contributions are c_r × (DC members' contribution base), and the base does not
        // depend on c_r: linear in the lever. One run at c_r = 0.1 gives the slope; the root of
        // contributions = slope × 0.0737 is then 0.0737.
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["run", "Scenarios/synthetic-small/scenario.yaml", "--paths", "2", "--quiet",
                               "--set", "reform.dc.employer_rate=0.1", "--out", folder.path] + Self.deterministic)
        #expect(run.status == 0, "\(run.stderr)")
        let yearly = try String(contentsOf: folder.appendingPathComponent("yearly.csv"), encoding: .utf8)
        let row = try #require(yearly.split(separator: "\n").first { $0.hasPrefix("reform,2030,contributions_employer,") })
        let slope = try #require(Double(row.split(separator: ",")[3])) / 0.1
        let goal = slope * 0.0737
        let result = try CLI.run(["solve", "Scenarios/synthetic-small/scenario.yaml", "--lever", "reform.dc.employer_rate",
                                  "--target", "mean(contributions_employer@2030) >= \(goal)", "--bracket", "0,0.2",
                                  "--tolerance", "1e-7", "--paths", "2", "--quiet"] + Self.deterministic)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        let value = try #require(Double(lines[0].replacingOccurrences(of: "reform.dc.employer_rate = ", with: "")))
        #expect(value >= 0.0737 - 1e-9 && value <= 0.0737 + 2e-7, "\(value)")
        #expect(lines[2].contains("Monte Carlo standard error 0; 2 paths, seed 42"))
        #expect(lines[4].hasPrefix("  runs      23 (bracket [0, 0.2]"))
    }

    @Test func solveSaysSoWhenNoValueMeetsTheTarget() throws {
        let result = try CLI.run(["solve", "Scenarios/synthetic-small/scenario.yaml", "--lever", "reform.dc.employer_rate",
                                  "--target", "mean(contributions_employer@2030) >= 1e12", "--bracket", "0,0.2",
                                  "--paths", "2", "--quiet"] + Self.deterministic)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("no value of reform.dc.employer_rate in [0, 0.2] meets the target mean(reform.contributions_employer@2030) >= 1000000000000: mean(reform.contributions_employer@2030) = 0 at 0 and "))
        let badTarget = try CLI.run(["solve", "Scenarios/synthetic-small/scenario.yaml", "--lever", "reform.dc.employer_rate",
                                     "--target", "mean(budget_burden) >= 1", "--bracket", "0,0.2"])
        #expect(badTarget.status == 2)
        #expect(badTarget.stderr == "--target: budget_burden needs a year (for example budget_burden@2050), or P(budget_burden > … any year)\n")
        let badLever = try CLI.run(["solve", "Scenarios/synthetic-small/scenario.yaml", "--lever", "reform.dc.employer_rat",
                                    "--target", "mean(pv_difference) <= 0", "--bracket", "0,0.2", "--quiet"] + Self.deterministic)
        #expect(badLever.status == 2)
        #expect(badLever.stderr == "--lever: reform.dc.employer_rat: unknown key 'employer_rat' (did you mean 'employer_rate'?)\n")
    }
}
