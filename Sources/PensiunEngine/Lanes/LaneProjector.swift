import Foundation
import PensiunActuarial
import PensiunInputs

/// Projects one scheme on a block of paths in lockstep, without process risk: the same model,
/// order and conventions as ``SchemeProjector`` (docs/model.md §2, §4–§6), on the factorised
/// demography of ``LanePlan``. Each path is a lane; every quantity of the block is an array over
/// lanes, so the deterministic coefficients are read once per block and every loop over lanes
/// vectorises. Lanes never mix: a path's numbers do not depend on the other paths of its block.
final class LaneProjector {
    let context: ProjectionContext
    let plan: LanePlan
    let rules: SchemeYearRules
    let lanes: Int
    let ages: Int
    let trackCount: Int
    let horizon: Int
    let memory = LaneMemory()

    /// Per-year accumulators, one lane array each.
    enum Sum: Int, CaseIterable {
        case active, surviving, pay, payDB, dcBase, retirements
        case fundStart, bondStock, bondRedeemed, fundEnd, bondEnd
        case returns, annuityPurchases, lumpSums, deathBenefits, cashWithdrawals
        case pensionerEntries, pensionerExits, survivorEntries, survivorExits, deferredEntries, deferredExits
        case dbBenefits, annuities, topups, pensioners, survivors, deferred, deferredFund, bondDeaths
        /// The survivor entries by origin (deaths in service, deaths of pensioners and the
        /// disabled) and the survivors' DB-type pensions: kept beside `survivorEntries` and
        /// `dbBenefits`, whose sums they do not change.
        case survivorEntriesInService, survivorEntriesAfterAward, survivorBenefits
        /// The DB-type benefits paid on frozen DB rights (the pools' ``LanePool/frozenDB``), beside
        /// `dbBenefits`, whose sum it does not change.
        case dbBenefitsFrozen
        /// The DC fund's government bonds (balance × the glide path's bond weight at the age):
        /// the actives' at the start of the year and at the end of the horizon, and the deferred
        /// members'; kept beside `fundStart`, `fundEnd` and `deferredFund`, which they leave as they are.
        case governmentBondsStart, governmentBondsEnd, deferredGovernmentBonds
    }

    let sums: Lanes
    let mu: Lanes
    /// Per group: F = Σ A · balance of its DC members (per unit μ), at the start of the year.
    let groupFund: Lanes
    let m0: Lanes, md: Lanes, m1: Lanes
    let factors: Lanes
    /// The distance between ages in `factors` and `discountedFactors`: 0 when β is the same at
    /// every age (one row of lanes serves every age), else the lane count.
    let factorStride: Int
    /// v · exp(−β_x κ_t) by age and lane, v the year's annuity discount factor.
    let discountedFactors: Lanes
    /// Uncapped mortality rates of one basis by age, and along one cohort diagonal (scratch).
    let rates: Lanes, diagonal: Lanes
    let returns: Lanes, halfGrowth: Lanes
    /// 1/ä^{(12)} by (sex, age) cell and lane, and the year each cell was priced for.
    let inverseAnnuities: Lanes
    var annuityStamp: [Int]
    /// Disability pots of the year by pool cell, awaiting their cell's annuity factor.
    let disabledPots: Lanes
    var cellTouched: [Bool]
    var touchedCells: [Int] = []
    /// 1/W_y by lane.
    let inverseWage: Lanes
    let rateV: Lanes
    let balances: Lanes
    /// Pools are aged (and their DB-type amounts indexed) before the year's awards join them, so
    /// awards go straight into the pools at their age of the next year.
    let retired: LanePool, disabled: LanePool, survivors: LanePool
    /// W·x and Φ·x of the year by lane (x the year's indexation factor), for the rows' awards.
    let indexedWage: Lanes, indexedFrozen: Lanes
    let deferredCount: Lanes, deferredBalance: Lanes
    let replacementSum: Lanes, replacementCount: Lanes
    /// The same sums and counts by sex, every track added (``replacementOffset(_:sex:)``): kept
    /// apart, so the sums by track add exactly what they added before.
    let replacementSumBySex: Lanes, replacementCountBySex: Lanes
    let frozenIndex: Lanes, frozenRatio: Lanes, reformWage: Lanes, reserve: Lanes, index: Lanes, entrants: Lanes
    /// Σ A · S_DC · 12 · μ(t) of the year by pay group and lane (``LanePlan/TrackEntry/dcBase``), apart
    /// from `sum(.dcBase)`: × W c_r, the employer DC contributions by track.
    let dcBaseByGroup: Lanes
    /// The glide path's bond weight by age (empty without a DC), for `dc_fund_government_bonds`.
    let bondWeights: [Double]
    let cells: Int
    /// The yearly sums Σ A μ(t), Σ A_next μ(t+1) and Σ pay μ(t) of the active rows, by year and lane:
    /// recorded by the current scheme's projector, and read by the reform's instead of summing its
    /// own when the two plans share their demography (``LanePlan/sharesDemography(with:)``; the
    /// sums are then the same numbers, bit for bit).
    var recordedDemography: Lanes?
    var sharedDemography: Lanes?
    static let demographySums: [Sum] = [.active, .surviving, .pay]
    static func demographyCount(horizon: Int, lanes: Int) -> Int { demographySums.count * horizon * lanes }

    /// Whether ``project(_:into:)`` has run (the buffers then hold its state, not zeros).
    var projected = false

    init(context: ProjectionContext, plan: LanePlan, scheme: Scheme, lanes: Int) {
        self.context = context
        self.plan = plan
        rules = context.schemes[scheme.rawValue]
        self.lanes = lanes
        ages = context.maximumAge + 1
        trackCount = context.inputs.tracks.count
        horizon = context.horizon
        cells = 2 * ages
        let m = memory
        sums = m.make(Sum.allCases.count * lanes)
        mu = m.make(plan.groups.count * lanes)
        groupFund = m.make(plan.groups.count * lanes)
        m0 = m.make(lanes)
        md = m.make(lanes)
        m1 = m.make(lanes)
        factors = m.make(ages * lanes)
        factorStride = context.grid.uniformBeta ? 0 : lanes
        discountedFactors = m.make(ages * lanes)
        rates = m.make(ages)
        returns = m.make(ages * lanes)
        halfGrowth = m.make(ages * lanes)
        diagonal = m.make(ages)
        inverseAnnuities = m.make(cells * lanes)
        annuityStamp = Array(repeating: -1, count: cells)
        disabledPots = m.make(cells * lanes)
        cellTouched = Array(repeating: false, count: cells)
        inverseWage = m.make(lanes)
        rateV = m.make(lanes)
        balances = m.make(plan.slotCount * lanes)
        retired = LanePool(cells: cells, lanes: lanes, memory: m)
        disabled = LanePool(cells: cells, lanes: lanes, memory: m)
        survivors = LanePool(cells: cells, lanes: lanes, memory: m)
        indexedWage = m.make(lanes)
        indexedFrozen = m.make(lanes)
        let deferredCells = 2 * trackCount * ages * lanes
        deferredCount = m.make(deferredCells)
        deferredBalance = m.make(deferredCells)
        replacementSum = m.make(ReplacementKind.allCases.count * trackCount * lanes)
        replacementCount = m.make(ReplacementKind.allCases.count * trackCount * lanes)
        replacementSumBySex = m.make(ReplacementKind.allCases.count * 2 * lanes)
        replacementCountBySex = m.make(ReplacementKind.allCases.count * 2 * lanes)
        frozenIndex = m.make(lanes)
        frozenRatio = m.make(lanes)
        reformWage = m.make(lanes)
        reserve = m.make(lanes)
        index = m.make(lanes)
        entrants = m.make(lanes)
        dcBaseByGroup = m.make(trackCount * lanes)
        let ageCount = ages
        bondWeights = rules.rules.dc.map { dc in (0..<ageCount).map { dc.weights(age: $0).bonds } } ?? []
    }

    @inline(__always) func sum(_ s: Sum) -> Lanes { sums + s.rawValue * lanes }

    /// The beneficiary pool of a kind.
    func pool(_ kind: PoolKind) -> LanePool {
        switch kind {
        case .retired: return retired
        case .disabled: return disabled
        case .survivors: return survivors
        }
    }

    /// Where the replacement-rate sums and counts of `kind` on track k start (one lane array per
    /// kind and track, in ``ReplacementKind`` order).
    @inline(__always) func replacementOffset(_ kind: ReplacementKind, track k: Int) -> Int {
        (kind.rawValue * trackCount + k) * lanes
    }

    /// Where the replacement-rate sums and counts of `kind` of sex s start in
    /// `replacementSumBySex` and `replacementCountBySex` (one lane array per kind and sex).
    @inline(__always) func replacementOffset(_ kind: ReplacementKind, sex s: Int) -> Int {
        (kind.rawValue * 2 + s) * lanes
    }

    /// Loads the y0 population into the zeroed buffers (as ``SchemeProjector/reset(processRisk:)``).
    func reset() {
        let db = rules.rules.db
        // The buffers start as zeros (LaneMemory), and a projector projects one block once.
        precondition(!projected, "a LaneProjector projects its block once")
        projected = true
        for (g, group) in plan.groups.enumerated() where !group.isEntrant {
            for l in 0..<lanes { mu[g * lanes + l] = 1 }
        }
        let population = context.inputs.population
        for (kind, list) in [(PoolKind.retired, population.pensioners), (.disabled, population.disabled),
                             (.survivors, population.survivors)] {
            let pool = self.pool(kind)
            for cell in list {
                let i = (cell.sex.index * ages + min(cell.age, ages - 1)) * lanes
                let contingent = cell.monthlySurvivorPension
                    ?? db.initialContingentSurvivor(monthlyPension: cell.monthlyPension, count: cell.count)
                for l in 0..<lanes {
                    pool.count[i + l] += cell.count
                    pool.db[i + l] += cell.monthlyPension * db.monthsPaid
                    if kind != .survivors {
                        pool.contingent[i + l] += contingent * db.monthsPaid
                        pool.withRights[i + l] += cell.count
                    }
                }
            }
        }
    }

    /// Fills exp(−β_x κ_t) by age and lane (1 when κ_t = 0); one row of lanes when β is uniform.
    func fillFactors(_ d: LaneDrivers, t: Int) {
        let grid = context.grid
        for l in 0..<lanes {
            let kappa = d.kappa[t * lanes + l]
            if grid.uniformBeta {
                factors[l] = MortalityRate.periodFactor(beta: grid.beta[0], kappa: kappa)
            } else {
                for x in 0..<ages { factors[x * lanes + l] = MortalityRate.periodFactor(beta: grid.beta[x], kappa: kappa) }
            }
        }
    }

    /// 1/ä^{(12)} (pension per unit of premium) at `age` from the start of y0+t+1 on the annuitant
    /// basis, κ held at κ_t, at the year's annuity rate (ä^{(12)} as
    /// ``MortalityGrid/annuityDueMonthly(_:age:yearIndex:kappa:rate:)``), per lane; priced once per
    /// cell and year.
    func inverseAnnuityFactor(sex s: Int, age: Int, t: Int) -> Lanes {
        let cell = s * ages + age
        let inverse = inverseAnnuities + cell * lanes
        if annuityStamp[cell] == t { return inverse }
        annuityStamp[cell] = t
        let grid = context.grid
        let sex = Sex.at(s)
        let correction = MortalityGrid.monthlyCorrection  // read once, outside the lane loops
        // The cohort diagonal: u at age a in year y0 + t + 1 + (a − age).
        for a in age..<(ages - 1) {
            diagonal[a] = grid.uncapped(.annuitants, sex, age: a, yearIndex: min(t + 1 + (a - age), grid.years - 1))
        }
        // ä = 1 + v (1 − min(1, u f)) ä(next age), from ä(ω) = 1, sixteen lanes at a time in
        // registers (four independent recursions overlap), then four at a time; the discounted
        // survival v (1 − min(1, u f)) = v − min(v, u · v f) is
        // AnnuityRecursion.discountedSurvival(discount:discountedUncapped:), with v f by age and
        // lane in `discountedFactors`. The step 1 + v p ä is AnnuityRecursion.annuityDue's,
        // written with the concrete 1: the rule's generic V(repeating: 1) goes through
        // RuleNumber's SIMD4 witness (the SIMD protocol's element-wise init), which here compiles
        // to split 128-bit arithmetic and doubles this kernel's time.
        @inline(__always) func step(_ a: Int, _ c: Int, _ v: LaneVector, _ next: LaneVector) -> LaneVector {
            let uvf = diagonal[a] * discountedFactors[vector: a * factorStride + c]
            return 1 + AnnuityRecursion.discountedSurvival(discount: v, discountedUncapped: uvf) * next
        }
        @inline(__always) func store(_ c: Int, _ value: LaneVector) {
            inverse[vector: c] = 1 / (value - correction)
        }
        var c = 0
        while c + 4 * laneWidth <= lanes {
            var v0 = LaneVector(repeating: 1), v1 = v0, v2 = v0, v3 = v0
            let r0 = rateV[vector: c], r1 = rateV[vector: c + laneWidth]
            let r2 = rateV[vector: c + 2 * laneWidth], r3 = rateV[vector: c + 3 * laneWidth]
            var a = ages - 2
            while a >= age {
                v0 = step(a, c, r0, v0)
                v1 = step(a, c + laneWidth, r1, v1)
                v2 = step(a, c + 2 * laneWidth, r2, v2)
                v3 = step(a, c + 3 * laneWidth, r3, v3)
                a -= 1
            }
            store(c, v0)
            store(c + laneWidth, v1)
            store(c + 2 * laneWidth, v2)
            store(c + 3 * laneWidth, v3)
            c += 4 * laneWidth
        }
        while c < lanes {
            var v = LaneVector(repeating: 1)
            let r = rateV[vector: c]
            var a = ages - 2
            while a >= age {
                v = step(a, c, r, v)
                a -= 1
            }
            store(c, v)
            c += laneWidth
        }
        return inverse
    }

    /// The first portfolio return at or below −100% on any lane (in path order), as the
    /// general engine would report it.
    func checkReturns(_ d: LaneDrivers, dc: DCRules) throws(PortfolioReturnError) {
        guard let tr = rules.reformIndex else { return }
        for l in 0..<lanes {
            for t in max(0, tr)..<horizon {
                let e = d.equity[t * lanes + l], b = d.bondReturn[t * lanes + l], c = d.cash[t * lanes + l]
                // Ages from the glide path's last one have its weights, so their return is that age's.
                for x in 0..<min(ages, dc.glidePath.count) {
                    let r = dc.portfolioReturn(age: x, equity: e, bond: b, cash: c)
                    if r <= -1 { throw PortfolioReturnError(path: d.paths[l], year: context.startYear + t, age: x, value: r) }
                }
            }
        }
    }

    /// Runs the scheme over the horizon on the block's drivers, writing every metric into
    /// `results` (one per real lane; padding lanes are projected and dropped).
    func project(_ d: LaneDrivers, into results: inout [SchemePathResult]) throws {
        reset()
        let db = rules.rules.db, dc = rules.rules.dc
        let h = horizon, n = lanes
        if let dc { try checkReturns(d, dc: dc) }
        let months = db.monthsPaid, monthsDC = dc?.monthsPaidDC ?? 12
        let payout = dc?.payout ?? .annuity
        let deferredCells = 2 * trackCount * ages
        for t in 0..<h {
            let wage = d.wage + t * n
            let dcActive = dc != nil && rules.reformIndex.map { t >= $0 } == true
            if let tr = rules.reformIndex, dc != nil, t == tr {
                for l in 0..<n { frozenIndex[l] = wage[l]; reformWage[l] = wage[l] }
            }
            for l in 0..<n { frozenRatio[l] = frozenIndex[l] / wage[l] }
            laneZero(sums, Sum.allCases.count * n)
            laneZero(replacementSum, ReplacementKind.allCases.count * trackCount * n)
            laneZero(replacementCount, ReplacementKind.allCases.count * trackCount * n)
            laneZero(replacementSumBySex, ReplacementKind.allCases.count * 2 * n)
            laneZero(replacementCountBySex, ReplacementKind.allCases.count * 2 * n)
            laneZero(dcBaseByGroup, trackCount * n)
            fillFactors(d, t: t)
            if dcActive, let dc {
                let returnAges = plan.dcAges.map { Range($0) } ?? 0..<0
                for x in returnAges {
                    if x > returnAges.lowerBound && x >= dc.glidePath.count {
                        // Past the glide path's last age the weights, so the returns, are the same.
                        (returns + x * n).update(from: returns + (x - 1) * n, count: n)
                        (halfGrowth + x * n).update(from: halfGrowth + (x - 1) * n, count: n)
                        continue
                    }
                    for l in 0..<n {
                        let r = dc.portfolioReturn(age: x, equity: d.equity[t * n + l], bond: d.bondReturn[t * n + l], cash: d.cash[t * n + l])
                        returns[x * n + l] = r
                        halfGrowth[x * n + l] = (1 + r).squareRoot()
                    }
                }
                for l in 0..<n {
                    let j = dc.annuityRate(bondYield: d.bondYield[t * n + l])
                    rateV[l] = 1 / (1 + j)
                }
                for x in 0..<(factorStride == 0 ? 1 : ages) {
                    var c = 0
                    while c < n {
                        discountedFactors[vector: x * n + c] = rateV[vector: c] * factors[vector: x * n + c]
                        c += laneWidth
                    }
                }
            }
            // Deferred members at the start of the year, then their returns.
            // Four lanes at a time over every cell, the sums in registers (each lane adds its cells
            // in the same order).
            let deferredTotal = sum(.deferred), deferredFund = sum(.deferredFund), returnsTotal = sum(.returns)
            if let deferredAges = plan.deferredAges {
                // Their government bonds first, at the balances of the start of the year.
                if !bondWeights.isEmpty { sumDeferredGovernmentBonds(deferredAges) }
                var c = 0
                while c < n {
                    var total = deferredTotal[vector: c], fund = deferredFund[vector: c], earned = returnsTotal[vector: c]
                    for s in 0..<2 { for k in 0..<trackCount { for x in deferredAges {
                        let i = ((s * trackCount + k) * ages + x) * n + c
                        let b = deferredBalance[vector: i]
                        total += deferredCount[vector: i]
                        fund += b
                        if dcActive {
                            let r = returns[vector: x * n + c]
                            earned += b * r
                            deferredBalance[vector: i] = b * (1 + r)
                        }
                    } } }
                    deferredTotal[vector: c] = total
                    deferredFund[vector: c] = fund
                    returnsTotal[vector: c] = earned
                    c += laneWidth
                }
            }

            // Beneficiaries: stocks and payments of the year, deaths, contingent survivors, ageing
            // and indexation (survivors first, so that new spouses are not aged this year); deferred
            // members; then the year's awards of the actives join the aged pools.
            for l in 0..<n { index[l] = d.indexation(rules.indexation[t], t, l) }
            let escalation = 1 + (dc?.annuityEscalation ?? 0)
            if plan.keepsFrozen {
                ageFrozen(survivors, kind: .survivors, spouses: nil, basis: .survivors, t: t)
                ageFrozen(retired, kind: .retired, spouses: survivors, basis: .pensioners, t: t)
                ageFrozen(disabled, kind: .disabled, spouses: survivors, basis: .disabled, t: t)
            }
            agePool(survivors, kind: .survivors, spouses: nil, basis: .survivors, t: t, exits: .survivorExits, stock: .survivors, escalation: escalation)
            // The year's DB-type benefits so far are the survivors' pool's alone.
            sum(.survivorBenefits).update(from: sum(.dbBenefits), count: n)
            agePool(retired, kind: .retired, spouses: survivors, basis: .pensioners, t: t, exits: .pensionerExits, stock: .pensioners, escalation: escalation)
            agePool(disabled, kind: .disabled, spouses: survivors, basis: .disabled, t: t, exits: .pensionerExits, stock: .pensioners, escalation: escalation)
            // The survivor entries so far are the spouses of the pools' deaths alone (the rows'
            // deaths in service follow, in `projectRows`).
            sum(.survivorEntriesAfterAward).update(from: sum(.survivorEntries), count: n)
            if let dc { ageDeferred(dc, t: t) }
            let dcYear = dcActive ? dc.map { beginDC($0, d, t: t, payout: payout, months: months, monthsDC: monthsDC) } : nil
            projectRows(t: t, wage: wage, dc: dcYear)
            for (k, s) in Self.demographySums.enumerated() {
                let year = (t * Self.demographySums.count + k) * n
                if let shared = sharedDemography { sum(s).update(from: shared + year, count: n) }
                else if let recorded = recordedDemography { (recorded + year).update(from: sum(s), count: n) }
            }
            if plan.totalIsDB {
                // Every total rate is the DB rate, summed in the same order: copied.
                let rows = trackCount * n, total = replacementOffset(.total, track: 0), db = replacementOffset(.db, track: 0)
                (replacementSum + total).update(from: replacementSum + db, count: rows)
                (replacementCount + total).update(from: replacementCount + db, count: rows)
                let bySex = 2 * n, totalBySex = replacementOffset(.total, sex: 0), dbBySex = replacementOffset(.db, sex: 0)
                (replacementSumBySex + totalBySex).update(from: replacementSumBySex + dbBySex, count: bySex)
                (replacementCountBySex + totalBySex).update(from: replacementCountBySex + dbBySex, count: bySex)
            }
            if let dcYear { endDC(dcYear) }

            // DB reserve: mid-year inflows at the bond return.
            let cDB = rules.employeeDBRate[t], ce = rules.dcEmployeeRate[t], cr = rules.dcEmployerRate[t]
            let recordedReserve = Array(UnsafeBufferPointer(start: reserve, count: n))
            if db.destination == .reserve {
                for l in 0..<n {
                    let b = d.bondReturn[t * n + l]
                    let employeeDB = sum(.payDB)[l] * wage[l] * cDB
                    reserve[l] = DCRules.grown(balance: reserve[l], contribution: employeeDB, onePlusReturn: 1 + b,
                                               halfGrowth: (1 + b).squareRoot())
                }
            }

            // The year's metrics.
            let flowsActive = dcActive
            func write(_ l: Int, _ r: inout SchemePathResult) {
                let w = wage[l], bondUnit = reformWage[l]
                let payroll = sum(.pay)[l] * w
                let employeeDB = sum(.payDB)[l] * w * cDB
                let employeeDC = sum(.dcBase)[l] * w * ce, employerDC = sum(.dcBase)[l] * w * cr
                let dbBenefits = sum(.dbBenefits)[l], topups = sum(.topups)[l]
                let bonds = sum(.bondRedeemed)[l] * bondUnit
                let burden = BudgetBurden.amount(dbBenefits: dbBenefits, employerDC: employerDC, topUps: topups, bondRedemptions: bonds,
                                                 employeeDBToBudget: db.destination == .budget ? employeeDB : 0)
                let gdp = d.gdp[t * n + l]
                let active = sum(.active)[l], pensioners = sum(.pensioners)[l]
                let fund = sum(.fundStart)[l] + sum(.deferredFund)[l]
                // Straight into the path's arrays: one uniqueness check each, not one per value.
                r.values.withUnsafeMutableBufferPointer { v in
                    func set(_ metric: Metric, _ value: Double) { v[SchemePathResult.valueIndex(metric, t, horizon: h)] = value }
                    set(.actives, active)
                    set(.pensioners, pensioners)
                    set(.survivors, sum(.survivors)[l])
                    set(.deferred, sum(.deferred)[l])
                    set(.dcFundAssets, fund)
                    set(.dcAssetsPctGDP, fund / gdp)
                    set(.bondsOutstanding, sum(.bondStock)[l] * bondUnit)
                    set(.dbReserveAssets, recordedReserve[l])
                    set(.dependencyRatio, active > 0 ? pensioners / active : .nan)
                    set(.payroll, payroll)
                    set(.contributionsEmployee, employeeDB + employeeDC)
                    set(.contributionsEmployer, employerDC)
                    set(.dbBenefits, dbBenefits)
                    set(.dcAnnuities, sum(.annuities)[l])
                    set(.guaranteeTopups, topups)
                    set(.bondRedemptions, bonds)
                    set(.budgetBurden, burden)
                    set(.burdenPctGDP, burden / gdp)
                    set(.burdenReal, burden / d.price[t * n + l])
                    set(.burdenPctPayroll, payroll > 0 ? burden / payroll : .nan)
                    set(.retirements, sum(.retirements)[l])
                    set(.survivorEntriesInService, sum(.survivorEntriesInService)[l])
                    set(.survivorEntriesAfterAward, sum(.survivorEntriesAfterAward)[l])
                    set(.survivorBenefits, sum(.survivorBenefits)[l])
                    set(.survivorBenefitsPctGDP, sum(.survivorBenefits)[l] / gdp)
                    set(.dbBenefitsFrozen, sum(.dbBenefitsFrozen)[l])
                    set(.contributionsEmployeeDBBudget, db.destination == .budget ? employeeDB : 0)
                    set(.dcFundGovernmentBonds, sum(.governmentBondsStart)[l] + sum(.deferredGovernmentBonds)[l])
                    // The employer DC contributions by scenario track (the pay groups of each added).
                    r.employerDCByTrack.withUnsafeMutableBufferPointer { byTrack in
                        let trackOf = context.payGroups.track
                        for g in 0..<trackCount { byTrack[trackOf[g] * h + t] += dcBaseByGroup[g * n + l] * w * cr }
                    }
                    // The year's retirements, from which every rate follows (SchemePathResult.fillRates).
                    r.awardSums.withUnsafeMutableBufferPointer { sums in
                        for kind in ReplacementKind.allCases {
                            for k in 0..<trackCount {
                                let i = replacementOffset(kind, track: k) + l
                                sums[SchemePathResult.trackIndex(kind.rawValue * 2, k, t, horizon: h, trackCount: trackCount)] = replacementSum[i]
                                sums[SchemePathResult.trackIndex(kind.rawValue * 2 + 1, k, t, horizon: h, trackCount: trackCount)] = replacementCount[i]
                            }
                        }
                    }
                    r.awardSumsBySex.withUnsafeMutableBufferPointer { sums in
                        for kind in ReplacementKind.allCases {
                            for s in 0..<2 {
                                let i = replacementOffset(kind, sex: s) + l
                                sums[SchemePathResult.sexIndex(kind, count: false, sex: s, t, horizon: h)] = replacementSumBySex[i]
                                sums[SchemePathResult.sexIndex(kind, count: true, sex: s, t, horizon: h)] = replacementCountBySex[i]
                            }
                        }
                    }
                }
                var ledger = PopulationLedger()
                // Σ (A μ(t) − A_next μ(t+1)) over the rows.
                ledger.activeExits = sum(.active)[l] - sum(.surviving)[l]
                ledger.pensionerEntries = sum(.pensionerEntries)[l]
                ledger.pensionerExits = sum(.pensionerExits)[l]
                ledger.survivorEntries = sum(.survivorEntries)[l]
                ledger.survivorExits = sum(.survivorExits)[l]
                ledger.deferredEntries = sum(.deferredEntries)[l]
                ledger.deferredExits = sum(.deferredExits)[l]
                var flows = DCMoneyFlows()
                flows.contributions = flowsActive ? employeeDC + employerDC : 0
                flows.returns = sum(.returns)[l]
                flows.bondsRedeemedIntoAccounts = flowsActive ? bonds : 0
                flows.annuityPurchases = sum(.annuityPurchases)[l]
                flows.lumpSums = sum(.lumpSums)[l]
                flows.deathBenefits = sum(.deathBenefits)[l] + sum(.bondDeaths)[l] * bondUnit
                flows.cashWithdrawals = sum(.cashWithdrawals)[l]
                r.ledger[t] = ledger
                r.dcFlows[t] = flows
            }
            for l in 0..<results.count { write(l, &results[l]) }
            // Entrants at the start of y+1 (not after the last year).
            if t + 1 < h {
                for l in 0..<n {
                    let needed = max(0, context.target(t + 1) - sum(.surviving)[l])
                    entrants[l] = context.entrantProfile.isEmpty ? 0 : needed
                    if l < results.count { results[l].ledger[t].activeEntries = entrants[l] }
                }
                for g in plan.entrantGroups[t + 1] { for l in 0..<n { mu[g * n + l] = entrants[l] } }
            }
            // Frozen bases are revalued by the DB rule.
            if let tr = rules.reformIndex, dc != nil, t >= tr { for l in 0..<n { frozenIndex[l] *= index[l] } }
        }
        // Stocks at the end of the horizon.
        for s in [Sum.pensioners, .survivors, .deferred, .deferredFund, .deferredGovernmentBonds] { laneZero(sum(s), n) }
        for pool in [retired, disabled] {
            for i in 0..<cells { for l in 0..<n { sum(.pensioners)[l] += pool.count[i * n + l] } }
        }
        for i in 0..<cells { for l in 0..<n { sum(.survivors)[l] += survivors.count[i * n + l] } }
        for i in 0..<deferredCells { for l in 0..<n {
            sum(.deferred)[l] += deferredCount[i * n + l]
            sum(.deferredFund)[l] += deferredBalance[i * n + l]
        } }
        if !bondWeights.isEmpty {
            for i in 0..<deferredCells { for l in 0..<n {
                sum(.deferredGovernmentBonds)[l] += deferredBalance[i * n + l] * bondWeights[i % ages]
            } }
        }
        for l in 0..<results.count {
            let active = sum(.surviving)[l], pensioners = sum(.pensioners)[l]
            let fund = sum(.fundEnd)[l] + sum(.deferredFund)[l]
            results[l][.actives, h] = active
            results[l][.pensioners, h] = pensioners
            results[l][.survivors, h] = sum(.survivors)[l]
            results[l][.deferred, h] = sum(.deferred)[l]
            results[l][.dcFundAssets, h] = fund
            results[l][.dcAssetsPctGDP, h] = fund / d.gdp[h * n + l]
            results[l][.bondsOutstanding, h] = sum(.bondEnd)[l] * reformWage[l]
            results[l][.dbReserveAssets, h] = reserve[l]
            results[l][.dependencyRatio, h] = active > 0 ? pensioners / active : .nan
            results[l][.dcFundGovernmentBonds, h] = sum(.governmentBondsEnd)[l] + sum(.deferredGovernmentBonds)[l]
        }
    }
}

extension LaneProjector {
    /// Adds the deferred members' government bonds at the start of the year (their balances of
    /// `ages` × the glide path's bond weight) to `deferredGovernmentBonds`, before their returns
    /// are credited: read in a pass of its own, so the sums of the deferred loop are unchanged.
    func sumDeferredGovernmentBonds(_ ages: ClosedRange<Int>) {
        let n = lanes, total = sum(.deferredGovernmentBonds)
        for s in 0..<2 { for k in 0..<trackCount { for x in ages {
            let weight = LaneVector(repeating: bondWeights[x])
            var c = 0
            while c < n {
                total[vector: c] += deferredBalance[vector: ((s * trackCount + k) * self.ages + x) * n + c] * weight
                c += laneWidth
            }
        } } }
    }
}
