import PensiunActuarial
import PensiunEconomy
import PensiunInputs
import PensiunMonteCarlo
import PensiunRandom
import Synchronization

/// The Monte Carlo runner (docs/model.md §7): paths in blocks on all cores; path p's draws
/// depend only on (seed, p), so results are identical for any thread count and any split.
public struct MonteCarloProjection: Sendable {
    public let context: ProjectionContext
    public let esg: EconomicScenarioGenerator
    /// The lane engine's plans of the two schemes, or nil under process risk (which needs the
    /// general engine's member counts drawn per path).
    let plans: [LanePlan]?
    /// Whether the two plans project the same active demography (``LanePlan/sharesDemography(with:)``):
    /// the reform then takes the yearly active sums from the current scheme's projection.
    let sharedDemography: Bool
    /// Whether the reform is the current scheme itself (no DC, the same DB rules and retirement
    /// ages, as in a baseline scenario): its projection is then the current scheme's, bit for bit,
    /// and the lane engine projects it once.
    let sameSchemes: Bool
    /// The current scheme's projections of earlier blocks with the same current plan (set by
    /// ``ProjectionCache`` when the current scheme has no DC), or nil to project it every time.
    var currentMemo: CurrentSchemeMemo?
    /// The paths per block aimed at: 96 lanes amortise each row's and record's scalar work best on
    /// the flagship (BENCHMARKS.md: 64 and 128 are slower).
    public static let blockSize = 96

    /// The blocks of a run on `threads` threads: about ``blockSize`` paths each (a multiple of the
    /// four-lane vector), with a block count rounded up to a multiple of the thread count so the
    /// threads finish together, and one block per thread (of at least 16 paths) when there are
    /// fewer paths than that. Lanes never mix, so the split changes no number (docs/model.md §7).
    public static func blocks(paths: Range<Int>, threads: Int) -> ParallelBlocks {
        let n = paths.count, threads = max(1, threads)
        var count = max(1, (n + blockSize - 1) / blockSize)
        count = count < threads ? max(1, min(threads, n / 16)) : (count + threads - 1) / threads * threads
        let size = ((n + count - 1) / count + laneWidth - 1) / laneWidth * laneWidth
        return ParallelBlocks(paths: paths, blockSize: max(size, 1), threads: threads)
    }

    /// Which engine projects the paths: the lane engine whenever process risk is off and no DC
    /// buys joint-and-survivor annuities (the default), or the general per-path engine (kept as a
    /// second implementation for the tests, and the only one that pays a DC survivor fraction
    /// f > 0 so far: ``ProjectionContext/paysDCSurvivors``).
    public enum Engine: Sendable { case lanes, general }

    public init(inputs: ProjectionInputs, engine: Engine = .lanes) throws {
        try self.init(context: ProjectionContext(inputs: inputs), engine: engine)
    }

    public init(context: ProjectionContext, engine: Engine = .lanes) throws {
        try self.init(context: context, engine: engine) { LanePlan(context: context, scheme: $0) }
    }

    /// The projection of `context` with the lane plan of each scheme from `plan` (built, or
    /// reused from an earlier projection of equal inputs by ``ProjectionCache``).
    init(context: ProjectionContext, engine: Engine, plan: (Scheme) throws -> LanePlan) throws {
        self.context = context
        esg = try EconomicScenarioGenerator(parameters: context.inputs.economy, startYear: context.startYear,
                                            horizon: context.horizon)
        let current = context.inputs.current, reform = context.inputs.reform
        sameSchemes = current.dc == nil && reform.dc == nil && current.db == reform.db && current.retirementAges == reform.retirementAges
        if engine == .lanes && !context.inputs.decrements.processRisk && !context.paysDCSurvivors {
            // The reform's plan is the current scheme's when the reform is the current scheme.
            let currentPlan = try plan(.current)
            plans = [currentPlan, sameSchemes ? currentPlan : try plan(.reform)]
        } else {
            plans = nil
        }
        sharedDemography = plans.map { $0[0].sharesDemography(with: $0[1]) } ?? false
    }

    /// Draws path `path`'s drivers with `generator` (seeded for the path): the economy for all
    /// years, then ε_κ for all years. Leaves the generator where process-risk draws start.
    public func drivers(path: Int, slot j: Int, block: inout EconomicPaths, generator: inout RandomGenerator) throws -> PathDrivers {
        try esg.generate(path: path, slot: j, generator: &generator, into: &block)
        let h = context.horizon
        var kappa = [Double](repeating: 0, count: h)
        kappa.withUnsafeMutableBufferPointer { path in
            KappaPath.simulate(sigma: context.inputs.mortality.kappaVolatility, generator: &generator, into: path)
        }
        return PathDrivers(block: block, slot: j, kappa: kappa, initialYield: context.inputs.economy.bondYield.start)
    }

    /// Runs paths `paths` with master seed `seed` on up to `threads` threads. `progress`, when
    /// given, is called after each block with the number of paths done so far (from any worker
    /// thread, not necessarily in increasing order); it does not affect the results.
    public func run(paths: Range<Int>, seed: UInt64, threads: Int,
                    progress: (@Sendable (Int) -> Void)? = nil) throws -> ProjectionResults {
        let plan = Self.blocks(paths: paths, threads: threads)
        let seeds = PathSeeds(master: seed)
        let summaries = SlotArray<[PathSummary]>(count: plan.blockCount)
        let done = Atomic<Int>(0)
        var results = ProjectionResults(paths: paths, horizon: context.horizon, startYear: context.startYear,
                                        trackCount: context.payGroups.tracks.count, profileCount: context.inputs.profiles.count,
                                        filled: false)
        let shape = results.shape
        // Each block stores its own paths' columns, from its worker thread: blocks write disjoint
        // columns, so the results do not depend on which thread ran which block.
        try results.values.withUnsafeMutableBufferPointer { values in
            try results.byTrack.withUnsafeMutableBufferPointer { byTrack in
                try results.gdp.withUnsafeMutableBufferPointer { gdp in
                    try results.profiles.withUnsafeMutableBufferPointer { profiles in
                        let columns = ResultColumns(values: values.baseAddress, byTrack: byTrack.baseAddress,
                                                    gdp: gdp.baseAddress, profiles: profiles.baseAddress, shape: shape)
                        try plan.run { index, block in
                            let output = try self.runBlock(block, seeds: seeds)
                            columns.store(output)
                            summaries.set(index, output.summaries)
                            if let progress { progress(done.wrappingAdd(block.count, ordering: .relaxed).newValue) }
                        }
                    }
                }
            }
        }
        for part in summaries.values() { results.summaries.append(contentsOf: part) }
        return results
    }

    struct BlockOutput: Sendable {
        let firstPath: Int
        let results: [[SchemePathResult]]
        let summaries: [PathSummary]
        let gdp: [[Double]]
        /// Per path: the profile quantities, (profile · 2 + scheme) · Q + quantity.
        let profiles: [[Double]]
    }

    func runBlock(_ paths: Range<Int>, seeds: PathSeeds) throws -> BlockOutput {
        guard let plans else { return try runBlockGeneral(paths, seeds: seeds) }
        let drivers = try blockDrivers(paths, seeds: seeds)
        let results = try projectLanes(drivers, plans: plans)
        return finish(paths, drivers: drivers, current: results[0], reform: results[1])
    }

    /// The drivers of a lane-engine block, path by path (each generator reseeded for its path).
    func blockDrivers(_ paths: Range<Int>, seeds: PathSeeds) throws -> [PathDrivers] {
        var generator = try RandomGenerator(kind: context.inputs.calendar.generator, seed: 1)
        var block = EconomicPaths(firstPath: paths.lowerBound, pathCount: paths.count, horizon: context.horizon)
        var drivers: [PathDrivers] = []
        for (j, path) in paths.enumerated() {
            generator.reseed(seeds.seed(forPath: path))
            drivers.append(try self.drivers(path: path, slot: j, block: &block, generator: &generator))
        }
        return drivers
    }

    /// Both schemes on the lane engine, for the paths of `drivers`: results[scheme][path].
    func projectLanes(_ drivers: [PathDrivers], plans: [LanePlan]) throws -> [[SchemePathResult]] {
        let lanes = LaneDrivers(drivers)
        // The current scheme's yearly active sums, for a reform with the same demography.
        let memory = LaneMemory()
        let demography = sharedDemography ? memory.make(LaneProjector.demographyCount(horizon: context.horizon, lanes: lanes.lanes)) : nil
        let schemes: [Scheme] = sameSchemes ? [.current] : Scheme.allCases
        let results = try schemes.map { scheme in
            var list = try projectLanes(scheme, lanes, paths: drivers.count, plans: plans, demography: demography)
            // The rates follow from the year's retirements with this projection's basis (which
            // the memo of the current scheme does not key on: `pay`, the take-home multipliers).
            let rules = context.schemes[scheme.rawValue], basis = context.rateBasis[scheme.rawValue]
            for j in list.indices {
                list[j].fillRates(basis, groups: context.payGroups, takeHome: context.tables.takeHome,
                                  indexation: rules.indexation, drivers: drivers[j])
            }
            return list
        }
        return sameSchemes ? [results[0], results[0]] : results
    }

    /// One scheme's lane projection of a block, before its rates are filled: from the current
    /// scheme's memo when a block with the same drivers was projected before, else projected (and
    /// memoised).
    func projectLanes(_ scheme: Scheme, _ lanes: LaneDrivers, paths: Int, plans: [LanePlan],
                      demography: UnsafeMutablePointer<Double>?) throws -> [SchemePathResult] {
        let memo = scheme == .current ? currentMemo : nil
        let key = memo.map { _ in CurrentSchemeMemo.key(lanes) }
        if let memo, let key, let hit = memo.lookup(lanes, key: key, needsDemography: demography != nil) {
            if let demography, let recorded = hit.demography {
                recorded.withUnsafeBufferPointer { if let base = $0.baseAddress { demography.update(from: base, count: $0.count) } }
            }
            return hit.results
        }
        let empty = context.emptyResult()
        var list = [SchemePathResult](repeating: empty, count: paths)
        let projector = LaneProjector(context: context, plan: plans[scheme.rawValue], scheme: scheme, lanes: lanes.lanes)
        if scheme == .current { projector.recordedDemography = demography } else { projector.sharedDemography = demography }
        try projector.project(lanes, into: &list)
        if let memo, let key {
            let count = LaneProjector.demographyCount(horizon: context.horizon, lanes: lanes.lanes)
            // The memo keeps what the rates are filled from (the year's retirements, by pay group
            // and by sex: awardSums, awardSumsBySex), not the rates.
            memo.store(lanes, key: key, results: list.map { var r = $0; r.byTrack = []; return r },
                       demography: demography.map { Array(UnsafeBufferPointer(start: $0, count: count)) })
        }
        return list
    }

    /// The per-path summaries, GDP and profiles of a block whose schemes are projected.
    func finish(_ paths: Range<Int>, drivers: [PathDrivers], current: [SchemePathResult], reform: [SchemePathResult]) -> BlockOutput {
        var results: [[SchemePathResult]] = []
        var summaries: [PathSummary] = []
        var gdp: [[Double]] = []
        var profiles: [[Double]] = []
        let profiler = ProfileProjector(context: context)
        for (j, path) in paths.enumerated() {
            let d = drivers[j]
            var rc = current[j], rr = reform[j]
            rr.setTransitionCost(current: rc, gdp: d.gdp)
            rc.setSpendingChange(gdp: d.gdp)
            rr.setSpendingChange(gdp: d.gdp)
            rr.setFinancing(context.inputs.valuation.financing, current: rc, drivers: d)
        rc.setBudgetSharing(scheme: .current, regionalShares: context.regionalShares, gdp: d.gdp)
        rr.setBudgetSharing(scheme: .reform, regionalShares: context.regionalShares, gdp: d.gdp)
            rc.setBudgetSharing(scheme: .current, regionalShares: context.regionalShares, gdp: d.gdp)
            rr.setBudgetSharing(scheme: .reform, regionalShares: context.regionalShares, gdp: d.gdp)
            let discount = d.discountFactors(fixedRate: context.inputs.valuation.discountRate)
            let reformYear = context.reformStartYear ?? context.startYear
            summaries.append(PathSummary(path: path, current: rc, reform: rr, gdp: d.gdp, discount: discount,
                                         startYear: context.startYear, reformYear: reformYear,
                                         threshold: context.inputs.valuation.burdenThreshold))
            results.append([rc, rr])
            gdp.append(d.gdp)
            var values: [Double] = []
            for spec in context.inputs.profiles {
                for scheme in Scheme.allCases { values += profiler.project(spec, scheme: scheme, drivers: d, careers: false).values }
            }
            profiles.append(values)
        }
        return BlockOutput(firstPath: paths.lowerBound, results: results, summaries: summaries, gdp: gdp, profiles: profiles)
    }

    /// The general engine: each path projected on its own (process risk draws per path).
    func runBlockGeneral(_ paths: Range<Int>, seeds: PathSeeds) throws -> BlockOutput {
        let kind = context.inputs.calendar.generator
        var generator = try RandomGenerator(kind: kind, seed: 1)
        var riskCurrent = try RandomGenerator(kind: kind, seed: 1)
        var riskReform = try RandomGenerator(kind: kind, seed: 1)
        var block = EconomicPaths(firstPath: paths.lowerBound, pathCount: paths.count, horizon: context.horizon)
        var current = SchemeProjector(context: context, scheme: .current)
        var reform = SchemeProjector(context: context, scheme: .reform)
        var drivers: [PathDrivers] = [], rcs: [SchemePathResult] = [], rrs: [SchemePathResult] = []
        for (j, path) in paths.enumerated() {
            generator.reseed(seeds.seed(forPath: path))
            let d = try self.drivers(path: path, slot: j, block: &block, generator: &generator)
            try riskCurrent.copyState(from: generator)
            try riskReform.copyState(from: generator)
            var rc = context.emptyResult()
            var rr = context.emptyResult()
            try current.project(d, riskGenerator: &riskCurrent, into: &rc)
            try reform.project(d, riskGenerator: &riskReform, into: &rr)
            drivers.append(d); rcs.append(rc); rrs.append(rr)
        }
        return finish(paths, drivers: drivers, current: rcs, reform: rrs)
    }

    /// The deterministic path's drivers (the ESG without shocks, κ = 0), path 0.
    public func deterministicDrivers() throws -> PathDrivers {
        PathDrivers(block: try esg.deterministicPath(), slot: 0, kappa: Array(repeating: 0, count: context.horizon),
                    initialYield: context.inputs.economy.bondYield.start)
    }

    /// Projects the deterministic path (every σ zero, κ = 0) and returns both schemes' results.
    public func deterministic() throws -> (current: SchemePathResult, reform: SchemePathResult, drivers: PathDrivers) {
        let d = try deterministicDrivers()
        var rc = context.emptyResult()
        var rr = rc
        if let plans {
            // One path: the same arithmetic as every lane of a Monte Carlo block.
            let results = try projectLanes([d], plans: plans)
            rc = results[0][0]
            rr = results[1][0]
        } else {
            var generator = try RandomGenerator(kind: context.inputs.calendar.generator, seed: 1)
            var current = SchemeProjector(context: context, scheme: .current)
            var reform = SchemeProjector(context: context, scheme: .reform)
            try current.project(d, riskGenerator: &generator, into: &rc)
            try reform.project(d, riskGenerator: &generator, into: &rr)
        }
        rr.setTransitionCost(current: rc, gdp: d.gdp)
        rc.setSpendingChange(gdp: d.gdp)
        rr.setSpendingChange(gdp: d.gdp)
        rr.setFinancing(context.inputs.valuation.financing, current: rc, drivers: d)
        rc.setBudgetSharing(scheme: .current, regionalShares: context.regionalShares, gdp: d.gdp)
        rr.setBudgetSharing(scheme: .reform, regionalShares: context.regionalShares, gdp: d.gdp)
        return (rc, rr, d)
    }
}
