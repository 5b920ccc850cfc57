import PensiunEconomy
import PensiunRandom

extension MonteCarloProjection {
    /// Throws the error ``run(paths:seed:threads:progress:)`` would stop on because of its
    /// economic paths, without projecting anything: an ESG rate (``EconomyPathError``) or a DC
    /// portfolio return (``PortfolioReturnError``) at or below −100%.
    ///
    /// The drivers are drawn as the run draws them and checked by the engine's own checks, in
    /// the order the engine meets them (block by block, the lowest failing block reported; in a
    /// lane block every path's economy first, then each scheme's returns; on the general engine
    /// path by path), so the same paths, seed and thread count give the same error, path, year
    /// and age.
    public func checkPaths(_ paths: Range<Int>, seed: UInt64, threads: Int) throws {
        let seeds = PathSeeds(master: seed)
        try Self.blocks(paths: paths, threads: threads).run { _, block in
            try self.checkBlock(block, seeds: seeds)
        }
    }

    func checkBlock(_ paths: Range<Int>, seeds: PathSeeds) throws {
        guard let plans else { return try checkBlockGeneral(paths, seeds: seeds) }
        let drivers = try blockDrivers(paths, seeds: seeds)
        let lanes = LaneDrivers(drivers)
        let schemes: [Scheme] = sameSchemes ? [.current] : Scheme.allCases
        for scheme in schemes {
            guard let dc = context.schemes[scheme.rawValue].rules.dc else { continue }
            let projector = LaneProjector(context: context, plan: plans[scheme.rawValue], scheme: scheme, lanes: lanes.lanes)
            try projector.checkReturns(lanes, dc: dc)
        }
    }

    /// The general engine's order: per path, its economy, then the current scheme's returns year
    /// by year, then the reform's.
    func checkBlockGeneral(_ paths: Range<Int>, seeds: PathSeeds) throws {
        var generator = try RandomGenerator(kind: context.inputs.calendar.generator, seed: 1)
        var block = EconomicPaths(firstPath: paths.lowerBound, pathCount: paths.count, horizon: context.horizon)
        for (j, path) in paths.enumerated() {
            generator.reseed(seeds.seed(forPath: path))
            let d = try drivers(path: path, slot: j, block: &block, generator: &generator)
            for scheme in Scheme.allCases {
                try SchemeProjector.checkReturns(d, rules: context.schemes[scheme.rawValue], context: context)
            }
        }
    }
}
