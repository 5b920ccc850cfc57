import PensiunInputs

/// The drivers of a block of paths, lane by lane: series[t · lanes + l] for path l of the block,
/// in buffers that live as long as the value.
final class LaneDrivers {
    private let memory = LaneMemory()
    let lanes: Int
    let horizon: Int
    let paths: [Int]
    /// t in 0..<H.
    let inflation: UnsafeMutablePointer<Double>
    let bondYield: UnsafeMutablePointer<Double>
    let equity: UnsafeMutablePointer<Double>
    let bondReturn: UnsafeMutablePointer<Double>
    let cash: UnsafeMutablePointer<Double>
    let kappa: UnsafeMutablePointer<Double>
    /// t in 0...H.
    let wage: UnsafeMutablePointer<Double>
    let price: UnsafeMutablePointer<Double>
    let gdp: UnsafeMutablePointer<Double>

    /// Pads the block to a multiple of ``laneWidth`` lanes by repeating its last path (whose
    /// copies are projected and ignored).
    init(_ block: [PathDrivers]) {
        var drivers = block
        while drivers.count % laneWidth != 0 { drivers.append(block[block.count - 1]) }
        lanes = drivers.count
        horizon = drivers[0].horizon
        paths = drivers.map(\.path)
        let memory = self.memory
        func interleave(_ series: (PathDrivers) -> [Double], _ count: Int) -> UnsafeMutablePointer<Double> {
            let out = memory.make(count * drivers.count)
            for (l, d) in drivers.enumerated() {
                let s = series(d)
                for t in 0..<count { out[t * drivers.count + l] = s[t] }
            }
            return out
        }
        let h = horizon
        inflation = interleave(\.inflation, h)
        bondYield = interleave(\.bondYield, h)
        equity = interleave(\.equityReturn, h)
        bondReturn = interleave(\.bondReturn, h)
        cash = interleave(\.cashReturn, h)
        kappa = interleave(\.kappa, h)
        wage = interleave(\.wageIndex, h + 1)
        price = interleave(\.priceIndex, h + 1)
        gdp = interleave(\.gdp, h + 1)
    }

    /// The DB indexation factor applied at the end of year index t, lane l (docs/model.md §5).
    @inline(__always) func indexation(_ rule: IndexationRule, _ t: Int, _ l: Int) -> Double {
        rule.factor(inflation: inflation[t * lanes + l], wage: wage[t * lanes + l], nextWage: wage[(t + 1) * lanes + l])
    }
}
