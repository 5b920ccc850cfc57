import PensiunActuarial
import PensiunInputs

extension LaneProjector {
    /// The frozen parts of a pool's DB-type amounts (``LanePool/frozenDB``, ``LanePool/frozenContingent``)
    /// through year t, as ``agePool(_:kind:spouses:basis:t:exits:stock:escalation:)`` takes `db` and
    /// `contingent`: paid in the year (into the `dbBenefitsFrozen` sum), the contingent part passed
    /// to `spouses` at the year's deaths (indexed), then aged by one year with the indexation x.
    /// Only the frozen arrays are read or written, so the pool's other sums are unchanged; called
    /// for each pool before the spouses of the next pool join `spouses` (survivors first).
    ///
    ///     frozen paid_y = Σ_cells frozenDB
    ///     spouses.frozenDB(spouse cell) += frozenContingent·q·m_s·x
    ///     frozenDB(x+1) = frozenDB(x)·(1 − q)·x,   frozenContingent likewise
    func ageFrozen(_ pool: LanePool, kind: PoolKind, spouses: LanePool?, basis: MortalityBasisKind, t: Int) {
        let n = lanes, grid = context.grid, tables = context.tables
        let paid = sum(.dbBenefitsFrozen)
        for s in 0..<2 {
            let sex = Sex.at(s)
            let gap = tables.gap[s]
            let floor = plan.poolFloor[kind.rawValue][s]
            guard floor < ages else { continue }
            for x in floor..<ages { rates[x] = grid.uncapped(basis, sex, age: x, yearIndex: t) }
            var c = 0
            while c < n {
                let indexation = index[vector: c]
                var paidSum = paid[vector: c]
                var x = ages - 1
                while x >= floor {
                    let i = (s * ages + x) * n + c
                    let q = capped(rates[x] * factors[vector: x * factorStride + c])
                    let db = pool.frozenDB[vector: i], contingent = pool.frozenContingent[vector: i]
                    paidSum += db
                    let m = tables.leave[s * ages + x]
                    if let spouses, m > 0 {
                        let spouse = ((1 - s) * ages + Spouse.age(ofMemberAged: x, gap: gap, maximumAge: ages - 1)) * n + c
                        spouses.frozenDB[vector: spouse] += contingent * q * m * indexation
                    }
                    if x + 1 < ages {
                        let indexed = (1 - q) * indexation
                        pool.frozenDB[vector: i + n] = db * indexed
                        pool.frozenContingent[vector: i + n] = contingent * indexed
                    }
                    x -= 1
                }
                paid[vector: c] = paidSum
                c += laneWidth
            }
            let base = (s * ages + floor) * n
            laneZero(pool.frozenDB + base, n)
            laneZero(pool.frozenContingent + base, n)
        }
    }
}
