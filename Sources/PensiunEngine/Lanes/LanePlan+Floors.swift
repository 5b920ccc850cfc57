extension LanePlan {
    /// The lowest age index any member of each pool can have, by ``PoolKind`` and sex, and the
    /// ages deferred members can have: pools only age, so the cells below a floor are empty in
    /// every year and path (``LanePlan/poolFloor``, ``LanePlan/deferredAges``).
    struct PoolFloors {
        /// floor[kind.rawValue][sex]; the age count when the pool never has members of that sex.
        let floor: [[Int]]
        let deferredAges: ClosedRange<Int>?

        /// From the initial beneficiaries, every award's cell in the rows and DC records, the
        /// deferred members' purchases at the BUP, and the survivors of pensioners and of the
        /// disabled.
        init(context: ProjectionContext, rules: SchemeYearRules, rows: [Row], records: [DCRecord]) {
            let ages = context.maximumAge + 1
            var floor = [[Int]](repeating: [ages, ages], count: PoolKind.allCases.count)
            /// Lowers `kind`'s floor to the age of `cell` (s·(ω+1) + x).
            func lower(_ kind: PoolKind, cell: Int) {
                floor[kind.rawValue][cell / ages] = min(floor[kind.rawValue][cell / ages], cell % ages)
            }
            let population = context.inputs.population
            for (kind, list) in [(PoolKind.retired, population.pensioners), (.disabled, population.disabled),
                                 (.survivors, population.survivors)] {
                for cell in list where cell.count > 0 { lower(kind, cell: cell.sex.index * ages + min(cell.age, ages - 1)) }
            }
            for row in rows {
                if row.retired.count != 0 { lower(.retired, cell: row.toCell) }
                if row.disabled.count != 0 || row.dcDisability > 0 { lower(.disabled, cell: row.toCell) }
                if row.survivorCount != 0 { lower(.survivors, cell: row.spouseCell) }
            }
            var deferredLow = ages, deferredHigh = -1
            for record in records {
                if record.retired > 0 { lower(.retired, cell: record.toCell) }
                if record.withdrawn > 0 {
                    deferredLow = min(deferredLow, record.deferredCell % ages)
                    deferredHigh = max(deferredHigh, record.deferredCell % ages)
                }
            }
            if deferredLow <= deferredHigh {
                // Deferred members buy their pension at the BUP (at ω at the latest), in the pensioners' pool.
                let lowestBUP = rules.retirementAge.flatMap { $0 }.min() ?? ages
                let highestBUP = rules.retirementAge.flatMap { $0 }.max() ?? ages
                for s in 0..<2 { lower(.retired, cell: s * ages + min(lowestBUP, ages - 1)) }
                deferredAges = deferredLow...min(ages - 1, max(deferredHigh, highestBUP))
            } else {
                deferredAges = nil
            }
            // Survivors of pensioners and of the disabled: spouse age x + 1 + gap of the member's sex.
            let gap = context.tables.gap
            for s in 0..<2 {
                let youngest = min(floor[PoolKind.retired.rawValue][s], floor[PoolKind.disabled.rawValue][s])
                if youngest < ages {
                    lower(.survivors, cell: (1 - s) * ages + Spouse.age(ofMemberAged: youngest, gap: gap[s], maximumAge: ages - 1))
                }
            }
            self.floor = floor
        }
    }
}
