import Foundation
import PensiunEngine
import PensiunSweep
import Testing

/// The flagship's one-at-a-time assumption study (docs/assumptions.md): the sweep files of
/// `Scenarios/sweeps/assumptions/` rerun small (4 paths instead of 10,000; five files, one step
/// each, by default) against their committed production-size outputs in
/// `Outputs/sweeps/assumptions/`. The small run must move each output the way the committed run
/// does (same sign, within a factor of 3) wherever the committed effect is material, and the
/// committed effects must have the signs the economics demands. About 16 s in a debug build.
@Suite struct AssumptionStudyTests {
    static let sweeps = Fixtures.root.appendingPathComponent("Scenarios/sweeps/assumptions")
    static let committed = Fixtures.root.appendingPathComponent("Outputs/sweeps/assumptions")
    /// `PENSIUN_ASSUMPTIONS_FULL=1`: rerun every file and variant, at 20 paths (about 2.5 minutes
    /// in a debug build); by default five files at 4 paths (one four-lane vector: fewer paths cost
    /// no less).
    static let full = ProcessInfo.processInfo.environment["PENSIUN_ASSUMPTIONS_FULL"] == "1"
    static let smallPaths = full ? 20 : 4
    static let summaries = ["pv_burden_current", "pv_burden_reform", "pv_difference",
                            "peak_burden_pct_gdp_current", "peak_burden_pct_gdp_reform"]

    /// variant → summary → median, from a sweep's results.csv.
    static func medians(_ file: URL) throws -> [Int: [String: Double]] {
        medians(rows: try String(contentsOf: file, encoding: .utf8))
    }

    /// variant → summary → median, from rows of a results.csv (`SweepRows`).
    static func medians(rows: String) -> [Int: [String: Double]] {
        var out: [Int: [String: Double]] = [:]
        for line in rows.split(separator: "\n") {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 6, f[4] == "p50", summaries.contains(f[2]), let v = Int(f[0]), let x = Double(f[5]) else { continue }
            out[v, default: [:]][f[2]] = x
        }
        return out
    }

    static func studyFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sweeps.path).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// The flagship's value is the middle one of three, the second of two (the files' convention,
    /// which scripts/assumption-table.py reads too).
    static let baseVariant = 2

    /// Committed effect (variant − base) of `summary` for every assumption and moved variant.
    static func committedEffects() throws -> [String: [Int: [String: Double]]] {
        var out: [String: [Int: [String: Double]]] = [:]
        for file in try studyFiles() {
            let name = String(file.dropLast(5))
            let m = try medians(committed.appendingPathComponent(name + "/results.csv"))
            guard let base = m[baseVariant] else { continue }
            for (v, values) in m where v != baseVariant {
                out[name, default: [:]][v] = values.reduce(into: [:]) { $0[$1.key] = $1.value - (base[$1.key] ?? .nan) }
            }
        }
        return out
    }

    @Test func theCommittedStudyCoversEveryFileAtProductionSizeOnOneBase() throws {
        let files = try Self.studyFiles()
        #expect(files.count >= 8)
        // One committed folder per sweep file, and no other.
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.committed.path).filter { !$0.contains(".") }.sorted()
        #expect(folders == files.map { String($0.dropLast(5)) }.sorted(), "\(folders)")
        var bases: [[String: Double]] = []
        for file in files {
            let folder = Self.committed.appendingPathComponent(String(file.dropLast(5)))
            let manifest = try String(contentsOf: folder.appendingPathComponent("manifest.json"), encoding: .utf8)
            #expect(manifest.contains("\"paths\" : 10000") || manifest.contains("\"paths\": 10000"), "\(file): not 10,000 paths")
            let m = try Self.medians(folder.appendingPathComponent("results.csv"))
            #expect(m.count >= 2, "\(file): committed results missing")
            if let base = m[Self.baseVariant] { bases.append(base) }
        }
        // Every file's base variant is the flagship itself on the same paths: the same numbers.
        for b in bases.dropFirst() { #expect(b == bases[0]) }
        // The table in docs/assumptions.md is the committed one (scripts/assumption-table.py).
        let table = try String(contentsOf: Self.committed.appendingPathComponent("effects.md"), encoding: .utf8)
        let doc = try String(contentsOf: Fixtures.root.appendingPathComponent("docs/assumptions.md"), encoding: .utf8)
        #expect(doc.contains(table), "docs/assumptions.md does not hold Outputs/sweeps/assumptions/effects.md")
    }

    @Test func theCommittedEffectsHaveTheirEconomicSigns() throws {
        let e = try Self.committedEffects()
        func effect(_ name: String, _ variant: Int, _ summary: String) -> Double {
            e[name]?[variant]?[summary] ?? .nan
        }
        // Longer lives: the DB costs more (variant 3: improvement 1.5%).
        #expect(effect("mortality-improvement", 3, "pv_burden_current") > 0)
        #expect(effect("mortality-improvement", 1, "pv_burden_current") < 0)
        // Pay above productivity: higher DB pensions against GDP, a higher peak.
        #expect(effect("pay-gap", 3, "peak_burden_pct_gdp_current") > 0)
        #expect(effect("pay-gap", 3, "pv_burden_current") > 0)
        // A higher yield discounts the same pensions more.
        #expect(effect("bond-yield", 3, "pv_burden_current") < 0)
        // A richer DC employer rate costs the reform more and leaves the current scheme alone.
        #expect(effect("employer-rate", 3, "pv_burden_reform") > 0)
        #expect(effect("employer-rate", 3, "pv_burden_current") == 0)
        // More civil servants, more pensions.
        #expect(effect("headcount", 3, "pv_burden_current") > 0)
        // Price indexation (variant 1) instead of the salary table: cheaper DB pensions.
        #expect(effect("indexation", 1, "pv_burden_current") < 0)
        // Equity returns reach only the DC funds: the current scheme does not move.
        #expect(effect("equity-mean", 3, "pv_burden_current") == 0)
    }

    /// The files rerun small and the moved variant of each: one per mechanism (the discount rate,
    /// pay against output, longevity, the headcount, the indexation rule), the base and one step.
    /// A debug build projects a flagship variant in about 1.5 s at 4 paths, so the whole study
    /// (35 variants) would take about a minute: `PENSIUN_ASSUMPTIONS_FULL=1` reruns it all.
    static let rerun: [(file: String, variants: [Int])] = {
        if full {
            return ((try? studyFiles()) ?? []).map { ($0, []) }
        }
        return [("bond-yield.yaml", [2, 3]), ("pay-gap.yaml", [2, 3]), ("mortality-improvement.yaml", [2, 3]),
                ("headcount.yaml", [2, 3]), ("indexation.yaml", [1, 2])]
    }()

    @Test func aSmallRerunMovesEveryMaterialOutputLikeTheCommittedOne() throws {
        let committed = try Self.committedEffects()
        // What `pensiun sweep` computes for each variant (SweepDriver.run without its files), with
        // one projection cache for the whole rerun (the demography's tables and the lane plans
        // are built once for the files that change only the economy).
        let cache = ProjectionCache(capacity: 8, paths: Self.smallPaths)
        var checked = 0
        for (file, variants) in Self.rerun {
            let name = String(file.dropLast(5))
            var spec = try SweepLoader.load(path: Self.sweeps.appendingPathComponent(file).path)
            spec.paths = Self.smallPaths
            var small: [Int: [String: Double]] = [:]
            for variant in try SweepPlan(spec: spec).variants where variants.isEmpty || variants.contains(variant.id) {
                let results = try SweepDriver.results(of: variant, spec: spec, threads: 2, cache: cache)
                let rows = try SweepRows.rows(variant: variant.id, outputs: spec.outputs, results: results)
                small.merge(Self.medians(rows: rows)) { a, _ in a }
            }
            let base = try #require(small[Self.baseVariant])
            let productionBase = try Self.medians(Self.committed.appendingPathComponent(name + "/results.csv"))[Self.baseVariant] ?? [:]
            for (variant, effects) in committed[name] ?? [:] where small[variant] != nil {
                for summary in Self.summaries {
                    guard let big = effects[summary], let level = productionBase[summary],
                          let moved = small[variant]?[summary], let from = base[summary] else { continue }
                    // Material: at least 2% of the output's base level (of the PV of the current
                    // scheme for the PV difference, which could be near zero).
                    let scale = summary == "pv_difference" ? abs(productionBase["pv_burden_current"] ?? level) : abs(level)
                    guard abs(big) >= 0.02 * scale else { continue }
                    let d = moved - from
                    #expect(d.sign == big.sign && abs(d) >= abs(big) / 3 && abs(d) <= abs(big) * 3,
                            "\(name) variant \(variant) \(summary): \(d) at \(Self.smallPaths) paths, \(big) committed")
                    checked += 1
                }
            }
        }
        #expect(checked >= 12)
    }
}
