import Foundation
import PensiunEngine
import PensiunReporting
import PensiunRuns
import PensiunScenario
import PensiunTestSupport
import Testing

/// The deterministic alternatives of a run (`reporting.alternatives`): each equals, bit for bit,
/// the run of the scenario with `--set` of its entries and of every volatility zero over one
/// path; `alternatives.csv` and `summary.json`'s `alternatives` are written only when the scenario
/// names alternatives (and not by a shard); the printed summary shows them beside the bands; a
/// merge of shards writes what the run of every path writes.
@Suite struct AlternativeRunTests {
    static let overrides = ["simulation.horizon=8"]

    /// The alternatives, as the scenario writes them and as `--set` gives the same entries.
    static let yaml = """
        reporting:
          alternatives:
            - name: low_cost
              description: faster growth
              set:
                economy.real_gdp_growth.mean: 0.04
                economy.real_wage_growth.mean: 0.015
            - name: high_cost
              set: {"economy.real_gdp_growth.mean": 0.02, "reform.dc.employer_rate": 0.05}

        """
    static let sets: [(name: String, overrides: [String])] = [
        ("base", []),
        ("low_cost", ["economy.real_gdp_growth.mean=0.04", "economy.real_wage_growth.mean=0.015"]),
        ("high_cost", ["economy.real_gdp_growth.mean=0.02", "reform.dc.employer_rate=0.05"]),
    ]
    /// The σ = 0 run: every economic volatility and mortality's κ volatility zero, process risk off
    /// (spelled out here, not taken from ``ScenarioAlternative/deterministicOverrides``).
    static let sigmaZero = ["economy.inflation.volatility=0", "economy.real_wage_growth.volatility=0",
                            "economy.real_gdp_growth.volatility=0", "economy.bond_yield.volatility=0",
                            "economy.equity.log_volatility=0", "mortality.kappa_volatility=0", "decrements.process_risk=false"]

    /// The synthetic scenario with the alternatives, written into `folder`.
    func scenario(in folder: URL) throws -> String {
        let file = folder.appendingPathComponent("alternatives.yaml")
        try "extends: \(Fixtures.synthetic)\nname: alt-fixture\n\(Self.yaml)".write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func request(_ scenario: String, _ out: URL, overrides: [String] = [], paths: Int = 12, range: Range<Int>? = nil,
                 seed: UInt64? = nil) -> ScenarioRun.Request {
        ScenarioRun.Request(scenario: scenario, overrides: Self.overrides + overrides, paths: paths, range: range, seed: seed,
                            threads: 2, out: out.path, version: "test")
    }

    func text(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func anAlternativeIsTheSigmaZeroRunOfItsOverridesBitForBit() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let file = try scenario(in: base)
        let run = try ScenarioRun.run(request(file, base.appendingPathComponent("run")))
        #expect(run.report.alternatives.map(\.name) == Self.sets.map(\.name))
        let csv = try text(base.appendingPathComponent("run"), "alternatives.csv")
        for ((name, overrides), alternative) in zip(Self.sets, run.report.alternatives) {
            let out = base.appendingPathComponent("sigma0-\(name)")
            let sigma0 = try ScenarioRun.run(request(file, out, overrides: overrides + Self.sigmaZero, paths: 1))
            let r = try #require(sigma0.report.results)
            let a = alternative.results
            #expect(a.paths == 0..<1 && r.paths == 0..<1)
            #expect(a.values.map(\.bitPattern) == r.values.map(\.bitPattern), "\(name)")
            #expect(a.byTrack.map(\.bitPattern) == r.byTrack.map(\.bitPattern), "\(name)")
            #expect(a.gdp.map(\.bitPattern) == r.gdp.map(\.bitPattern), "\(name)")
            #expect(a.profiles.map(\.bitPattern) == r.profiles.map(\.bitPattern), "\(name)")
            for field in PathSummaryField.allCases {
                #expect(field.double(alternative.summary).bitPattern == field.double(r.summaries[0]).bitPattern, "\(name) \(field.name)")
            }
            // The file says the same (Swift's shortest round-trip text: equal text, equal bits).
            let pathsRow = try text(out, "paths.csv").split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false)
            for (i, field) in PathSummaryField.allCases.enumerated() {
                #expect(csv.contains("\n\(name),,,\(field.name),\(pathsRow[i + 1])\n"), "\(name) \(field.name)")
            }
            for t in 0..<8 {
                let v = r.values(.reform, .burdenPctGDP, t).first!
                #expect(csv.contains("\n\(name),reform,\(r.startYear + t),burden_pct_gdp,\(v)\n"))
            }
            // Fully deterministic: another seed gives the same bits.
            if name == "base" {
                let other = try ScenarioRun.run(request(file, base.appendingPathComponent("seed7"), overrides: Self.sigmaZero,
                                                        paths: 1, seed: 7))
                #expect(other.report.results?.values.map(\.bitPattern) == r.values.map(\.bitPattern))
            }
        }
        // Not the stochastic paths: the base case differs from path 0 of the run.
        #expect(run.report.alternatives[0].summary.pvDifference != run.report.statistics.summaries[0].pvDifference)
    }

    @Test func theFilesAndTheSummaryShowAlternativesOnlyWhenTheScenarioNamesThem() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        // Without alternatives: no file, no key, no rows.
        let plain = base.appendingPathComponent("plain")
        let none = try ScenarioRun.run(request(Fixtures.synthetic, plain, paths: 4))
        #expect(none.report.alternatives.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: plain.appendingPathComponent("alternatives.csv").path))
        #expect(!(try text(plain, "summary.json")).contains("alternatives"))
        #expect(!(try text(plain, "summary.md")).contains("deterministic alternatives"))
        #expect(!(try text(plain, "report.html")).contains("Deterministic alternatives"))
        // With them: the file, listed in the manifest; the key; the rows beside the bands.
        let file = try scenario(in: base)
        let folder = base.appendingPathComponent("with")
        let run = try ScenarioRun.run(request(file, folder, paths: 4))
        let verified = try RunVerification.verify(folder.path)
        #expect(verified.files.keys.contains("alternatives.csv"))
        let csv = try text(folder, "alternatives.csv")
        #expect(csv.hasPrefix("alternative,scheme,year,metric,value\nbase,,,pv_burden_current,"))
        // Per alternative: 14 headline rows and 8 years of burden and burden / GDP (both schemes)
        // and transition cost (reform).
        #expect(csv.split(separator: "\n").count == 1 + 3 * (PathSummaryField.allCases.count + 8 * 5))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("summary.json"))) as? [String: Any]
        let entries = try #require(json?["alternatives"] as? [[String: Any]])
        #expect(entries.map { $0["name"] as? String } == ["base", "low_cost", "high_cost"])
        #expect(entries[1]["description"] as? String == "faster growth")
        #expect(entries[2]["set"] as? [String: String] == ["economy.real_gdp_growth.mean": "0.02", "reform.dc.employer_rate": "0.05"])
        for (entry, alternative) in zip(entries, run.report.alternatives) {
            // (Foundation's JSON reader may miss the last bit; the CSV's text is checked bit for bit above.)
            let pv = try #require(entry["pv_difference"] as? Double)
            #expect(abs(pv - alternative.summary.pvDifference) <= alternative.summary.pvDifference.ulp)
            #expect(entry["breakeven_year"] is NSNull || entry["breakeven_year"] as? Int == alternative.summary.breakevenYear)
        }
        let summary = try text(folder, "summary.md")
        let printed = SummaryText.render(run.report)
        #expect(summary.contains(printed))
        let lines = printed.split(separator: "\n").map(String.init)
        let band = try #require(lines.firstIndex { $0.hasPrefix("  90% band") })
        #expect(lines[band + 1] == "  deterministic alternatives (σ = 0)")
        for (i, alternative) in run.report.alternatives.enumerated() {
            let s = alternative.summary
            let row = lines[band + 2 + i]
            #expect(row.hasPrefix("    \(alternative.name) "))
            #expect(row.hasSuffix(Format.grouped(s.pvDifference / 1e6)), "\(row)")
            #expect(row.contains(Format.grouped(s.pvBurdenCurrent / 1e6)) && row.contains(Format.grouped(s.pvBurdenReform / 1e6)))
        }
        #expect(lines.contains { $0.hasPrefix("    high_cost") && $0.contains("% in 20") })
        let html = try text(folder, "report.html")
        #expect(html.contains("Deterministic alternatives") && html.contains(#"<th scope="row">low_cost</th><td>faster growth</td>"#))
        // A shard leaves them to its merge.
        let shard = base.appendingPathComponent("shard")
        let part = try ScenarioRun.run(request(file, shard, paths: 4, range: 0..<2))
        #expect(part.report.alternatives.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: shard.appendingPathComponent("alternatives.csv").path))
        #expect(!(try text(shard, "summary.json")).contains("alternatives"))
    }

    /// An alternative the scenario rejects stops `run` and `merge` before anything is written,
    /// located at its entry; a shard does not read them.
    @Test func aBadAlternativeIsRefusedBeforeAnythingIsWritten() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let file = base.appendingPathComponent("bad.yaml")
        try "extends: \(Fixtures.synthetic)\nname: alt-bad\nreporting:\n  alternatives:\n    - {name: low, set: {economy.inflation.meen: 0.1}}\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let out = base.appendingPathComponent("out")
        #expect(throws: ScenarioError.self) { try ScenarioRun.run(request(file.path, out, paths: 4)) }
        do {
            _ = try ScenarioRun.run(request(file.path, out, paths: 4))
        } catch let error as ScenarioError {
            #expect(error.description == "\(file.path):5:25: economy.inflation.meen: unknown key 'meen' (did you mean 'mean'?) (in alternative low of reporting.alternatives)")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let shard = base.appendingPathComponent("shard")
        _ = try ScenarioRun.run(request(file.path, shard, paths: 4, range: 0..<4))
        let merged = base.appendingPathComponent("merged")
        #expect(throws: ScenarioError.self) {
            try ShardMerge.merge([shard.path], out: merged.path, threads: 1, force: false, version: "test")
        }
        #expect(!FileManager.default.fileExists(atPath: merged.path))
    }

    @Test func mergedShardsAndAStreamedRunWriteTheAlternativesOfTheWholeRun() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let file = try scenario(in: base)
        let full = base.appendingPathComponent("full"), merged = base.appendingPathComponent("merged")
        _ = try ScenarioRun.run(request(file, full))
        var shards: [String] = []
        for range in [0..<5, 5..<12] {
            let shard = base.appendingPathComponent("shard-\(range.lowerBound)")
            _ = try ScenarioRun.run(request(file, shard, range: range))
            shards.append(shard.path)
        }
        let outcome = try ShardMerge.merge(shards, out: merged.path, threads: 1, force: false, version: "test")
        #expect(outcome.report.alternatives.map(\.name) == ["base", "low_cost", "high_cost"])
        #expect(try RunFolders.differences(full, merged, ignoring: ["git_commit"]) == [])
        var streamedRequest = request(file, base.appendingPathComponent("streamed"))
        streamedRequest.forceStreaming = true
        _ = try ScenarioRun.run(streamedRequest)
        #expect(try text(base.appendingPathComponent("streamed"), "alternatives.csv") == (try text(full, "alternatives.csv")))
    }
}
