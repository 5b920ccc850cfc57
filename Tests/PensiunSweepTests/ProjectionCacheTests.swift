import Foundation
import PensiunEngine
import PensiunSweep
import Testing

/// The sweep's projection cache (issue 18): variants that differ only in what the runs read (the
/// economy) share one context's tables and one lane plan per scheme, and give the bits of a fresh run.
@Suite struct ProjectionCacheTests {
    /// Writes a sweep of the synthetic scenario with `parameters` (YAML lines) and loads it.
    func sweep(_ parameters: String, paths: Int = 24) throws -> (SweepSpec, SweepPlan, URL) {
        let folder = try Fixtures.temporaryFolder()
        let file = folder.appendingPathComponent("sweep.yaml").path
        try """
            name: cache
            base: \(Fixtures.synthetic)
            set: {simulation.horizon: 20}
            parameters:
            \(parameters)
            paths: \(paths)
            seed: 7

            """.write(toFile: file, atomically: true, encoding: .utf8)
        let (spec, plan) = try SweepPlan.load(path: file)
        return (spec, plan, folder)
    }

    /// The results' numbers, bit patterns, for an exact comparison (NaN included).
    func bits(_ r: ProjectionResults) -> [UInt64] {
        (r.values + r.byTrack + r.gdp + r.profiles).map(\.bitPattern)
    }

    func rows(_ r: ProjectionResults, _ variant: SweepVariant, _ spec: SweepSpec) throws -> String {
        try SweepRows.rows(variant: variant.id, outputs: spec.outputs, results: r)
    }

    @Test func economyOnlyVariantsBuildTheContextAndPlansOnce() throws {
        let (spec, plan, folder) = try sweep("""
              - key: economy.equity.log_mean
                values: [0.04, 0.06, 0.08]
              - key: economy.inflation.mean
                values: [0.02, 0.03]
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(plan.variants.count == 6)
        let cache = ProjectionCache()
        for variant in plan.variants {
            let cached = try SweepDriver.results(of: variant, spec: spec, threads: 1, cache: cache)
            let fresh = try SweepDriver.results(of: variant, spec: spec, threads: 1)
            #expect(bits(cached) == bits(fresh))
            #expect(try rows(cached, variant, spec) == rows(fresh, variant, spec))
        }
        #expect(cache.contextBuilds == 1)
        // One plan per scheme (the synthetic scenario's reform is not its current scheme).
        #expect(cache.planBuilds == 2)
    }

    @Test func aSchemeRuleBuildsOnlyThatSchemesPlanAgain() throws {
        let (spec, plan, folder) = try sweep("""
              - key: reform.dc.employer_rate
                values: [0.04, 0.08]
              - key: economy.equity.log_mean
                values: [0.05, 0.07]
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = ProjectionCache()
        for variant in plan.variants {
            let cached = try SweepDriver.results(of: variant, spec: spec, threads: 2, cache: cache)
            let fresh = try SweepDriver.results(of: variant, spec: spec, threads: 1)
            #expect(bits(cached) == bits(fresh))
        }
        #expect(cache.contextBuilds == 1)
        // The current scheme's plan once, the reform's once per employer rate.
        #expect(cache.planBuilds == 3)
    }

    /// Variants that move only the reform and the equity returns project the current scheme once
    /// per block, with the bits of projecting it every time (the reform reads the current scheme's
    /// active sums when the two share their demography).
    @Test func theCurrentSchemeIsProjectedOnceWhenNoVariantMovesWhatItReads() throws {
        let (spec, plan, folder) = try sweep("""
              - key: reform.dc.employer_rate
                values: [0.04, 0.08]
              - key: economy.equity.log_mean
                values: [0.05, 0.06, 0.07]
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = ProjectionCache()
        for variant in plan.variants {
            let cached = try SweepDriver.results(of: variant, spec: spec, threads: 1, cache: cache)
            let fresh = try SweepDriver.results(of: variant, spec: spec, threads: 1)
            #expect(bits(cached) == bits(fresh))
            #expect(try rows(cached, variant, spec) == rows(fresh, variant, spec))
        }
        // 24 paths on one thread: one block a variant, projected by the first variant only.
        #expect(cache.currentSchemeReuses == plan.variants.count - 1)
    }

    /// The memoised current scheme's rates follow each variant's `pay` basis (the memo keeps the
    /// year's retirements, and the rates are filled per variant): the bits of a fresh run, with the
    /// projection itself reused.
    @Test func theMemoisedCurrentSchemesRatesFollowEachVariantsPay() throws {
        let (spec, plan, folder) = try sweep("""
              - key: pay.salary_payments_per_year
                values: [12, 14]
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = ProjectionCache()
        var basic: Set<UInt64> = []
        for variant in plan.variants {
            let cached = try SweepDriver.results(of: variant, spec: spec, threads: 1, cache: cache)
            let fresh = try SweepDriver.results(of: variant, spec: spec, threads: 1)
            #expect(bits(cached) == bits(fresh))
            basic.insert((0..<20).lazy.compactMap { cached.values(.current, .rrBasicDB, $0).first { !$0.isNaN } }.first?.bitPattern ?? 0)
        }
        #expect(basic.count == 2, "12 and 14 salary payments give two rr_basic_db")
        #expect(cache.currentSchemeReuses == plan.variants.count - 1)
    }

    /// A variant that moves what the current scheme reads (inflation) projects it again.
    @Test func theCurrentSchemeIsProjectedAgainWhenItsDriversMove() throws {
        let (spec, plan, folder) = try sweep("""
              - key: economy.inflation.mean
                values: [0.02, 0.03]
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = ProjectionCache()
        for variant in plan.variants {
            let cached = try SweepDriver.results(of: variant, spec: spec, threads: 1, cache: cache)
            let fresh = try SweepDriver.results(of: variant, spec: spec, threads: 1)
            #expect(bits(cached) == bits(fresh))
        }
        #expect(cache.currentSchemeReuses == 0)
    }

    @Test func aDemographicInputBuildsANewContext() throws {
        let (spec, plan, folder) = try sweep("""
              - key: economy.equity.log_mean
                values: [0.05, 0.07]
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = ProjectionCache()
        let variant = plan.variants[0]
        _ = try SweepDriver.results(of: variant, spec: spec, threads: 1, cache: cache)
        // The same inputs with another headcount path: a new context and new plans, as fresh.
        let scenario = try spec.template.resolve(variant.overrides)
        var inputs = try #require(scenario.projection)
        inputs.entrants.target = .growth(0.01)
        let cached = try cache.projection(inputs: inputs).run(paths: 0..<spec.paths, seed: spec.seed, threads: 1)
        let fresh = try MonteCarloProjection(inputs: inputs).run(paths: 0..<spec.paths, seed: spec.seed, threads: 1)
        #expect(bits(cached) == bits(fresh))
        #expect(cache.contextBuilds == 2)
        #expect(cache.planBuilds == 4)
    }

    /// The memo holds every path's current-scheme results: a sweep of many paths does without it.
    @Test func manyPathsAreNotMemoised() {
        #expect(ProjectionCache(paths: ProjectionCache.memoPathLimit).memoisesCurrentScheme)
        #expect(!ProjectionCache(paths: ProjectionCache.memoPathLimit + 1).memoisesCurrentScheme)
    }

    /// A whole sweep writes the same results with the cache on one or two threads.
    @Test func sweepResultsDoNotDependOnTheThreads() throws {
        let (spec, plan, folder) = try sweep("""
              - key: reform.dc.employer_rate
                values: [0.04, 0.08]
              - key: economy.equity.log_mean
                values: [0.05, 0.06, 0.07]
            """, paths: 16)
        defer { try? FileManager.default.removeItem(at: folder) }
        var texts: [String] = []
        for threads in [1, 2] {
            let out = folder.appendingPathComponent("out\(threads)").path
            _ = try SweepDriver.run(plan, out: out, threads: threads, shard: nil,
                                    provenance: SweepProvenance(version: "test", gitCommit: nil))
            texts.append(try String(contentsOfFile: out + "/results.csv", encoding: .utf8))
        }
        #expect(texts[0] == texts[1])
        #expect(texts[0].split(separator: "\n").count > 6)
        _ = spec
    }
}
