import Synchronization

/// The current scheme's lane projection of recent blocks, shared by projections with the same
/// current plan (``ProjectionCache``: equal demography inputs and current rules) whose current
/// scheme has no DC. Such a projection reads, besides its plan and the context's tables, only the
/// block's driver series other than the equity returns (``LaneProjector/project(_:into:)`` reads
/// `equity` in DC code alone), so a block whose series are equal, bit for bit, to a recorded
/// block's has that block's results and recorded active sums: the variants of a sweep that move
/// only the equity returns (or the reform) project the current scheme once per block.
///
/// Keeps the latest block per (first path, lane count); safe to share between threads.
final class CurrentSchemeMemo: Sendable {
    struct Block: Sendable {
        /// Every driver series but the equity returns, as bit patterns, lane by lane.
        let key: [UInt64]
        let results: [SchemePathResult]
        /// The yearly active sums recorded for a reform with the same demography, when they were.
        let demography: [Double]?
    }

    struct Slot: Hashable { let first: Int, lanes: Int }

    let blocks = Mutex<[Slot: Block]>([:])
    /// Blocks whose current scheme was taken from the memo (for the tests).
    let hitCount = Atomic<Int>(0)

    var hits: Int { hitCount.load(ordering: .relaxed) }

    /// The key of a block: the bits of every series the current scheme may read.
    static func key(_ d: LaneDrivers) -> [UInt64] {
        let h = d.horizon, n = d.lanes
        var key: [UInt64] = []
        key.reserveCapacity((5 * h + 3 * (h + 1)) * n + n)
        for series in [d.inflation, d.bondYield, d.bondReturn, d.cash, d.kappa] {
            for i in 0..<(h * n) { key.append(series[i].bitPattern) }
        }
        for series in [d.wage, d.price, d.gdp] {
            for i in 0..<((h + 1) * n) { key.append(series[i].bitPattern) }
        }
        for path in d.paths { key.append(UInt64(bitPattern: Int64(path))) }
        return key
    }

    /// The recorded block with drivers `key`, when it has the active sums if `needsDemography`.
    func lookup(_ d: LaneDrivers, key: [UInt64], needsDemography: Bool) -> Block? {
        let slot = Slot(first: d.paths[0], lanes: d.lanes)
        let block = blocks.withLock { $0[slot] }
        guard let block, block.key == key, !needsDemography || block.demography != nil else { return nil }
        hitCount.wrappingAdd(1, ordering: .relaxed)
        return block
    }

    func store(_ d: LaneDrivers, key: [UInt64], results: [SchemePathResult], demography: [Double]?) {
        let slot = Slot(first: d.paths[0], lanes: d.lanes)
        blocks.withLock { $0[slot] = Block(key: key, results: results, demography: demography) }
    }
}
