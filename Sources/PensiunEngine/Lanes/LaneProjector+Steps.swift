import PensiunActuarial
import PensiunInputs

extension LaneProjector {
    /// The group rows of year t: for each row, one pass over the lanes takes μ through the year's
    /// deaths and adds every DB-type flow and award as coefficient × multiplier (μ(t), μ(t)q or
    /// μ(t+1), times W·x or Φ·x for amounts); m0 = μ(t), md = μ(t) q, m1 = μ(t+1) are kept for the
    /// bonds, the track entries and the DC. In a DC year, each group's DC records follow its row
    /// while its μ lanes are at hand.
    func projectRows(t: Int, wage: UnsafeMutablePointer<Double>, dc year: DCYear?) {
        let n = lanes, grid = context.grid
        let first = plan.rowStart[t], last = plan.rowStart[t + 1]
        let active = sum(.active), surviving = sum(.surviving), pay = sum(.pay), payDB = sum(.payDB)
        let dcBase = sum(.dcBase), retirements = sum(.retirements)
        let pensionerEntries = sum(.pensionerEntries), survivorEntries = sum(.survivorEntries)
        let inService = sum(.survivorEntriesInService)
        let bondStock = sum(.bondStock), bondRedeemed = sum(.bondRedeemed), bondDeaths = sum(.bondDeaths)
        let bondEnd = sum(.bondEnd)
        var record = plan.dcStart[t]
        let recordEnd = year == nil ? record : plan.dcStart[t + 1]
        plan.rows.withUnsafeBufferPointer { rows in
            plan.trackEntries.withUnsafeBufferPointer { entries in
                plan.dc.withUnsafeBufferPointer { records in
                var c = 0
                while c < n {
                    indexedWage[vector: c] = wage[vector: c] * index[vector: c]
                    indexedFrozen[vector: c] = frozenIndex[vector: c] * index[vector: c]
                    c += laneWidth
                }
                let frozen = plan.hasFrozenAwards, rights = !plan.rightsAreCounts
                // The frozen parts of the awards, kept apart for db_benefits_frozen.
                let keepsFrozen = plan.keepsFrozen
                // The active sums, unless taken from the current scheme (project(_:into:)).
                let sums = sharedDemography == nil
                for r in first..<last {
                    // Through a pointer: a copy of the row (296 bytes) would be a memcpy per row.
                    let row = rows.baseAddress.unsafelyUnwrapped + r
                    let a0 = m0, ad = md, a1 = m1
                    let g = mu + row.pointee.group * n
                    let u = grid.uncapped(.actives, Sex.at(row.pointee.sex), age: row.pointee.age, yearIndex: t)
                    let f = factors + row.pointee.age * factorStride
                    let spouse = row.pointee.spouseCell * n, cell = row.pointee.toCell * n
                    let hasBonds = row.pointee.bondStart != 0 || row.pointee.bondDeaths != 0
                    // The row's coefficients, read once (stores through the lane pointers could
                    // alias the row, so reads inside the loop would be repeated).
                    let count = row.pointee.count, countNext = row.pointee.countNext, rowPay = row.pointee.pay
                    let rowPayDB = row.pointee.payDB, rowDCBase = row.pointee.dcBase
                    let survivorCount = row.pointee.survivorCount, survivorAmount = row.pointee.survivorAmount
                    let survivorAmountFrozen = row.pointee.survivorAmountFrozen
                    let survivorAmountFrozenW = row.pointee.survivorAmountFrozenW
                    let disabledAward = row.pointee.disabled, retiredAward = row.pointee.retired
                    let retiredAll = row.pointee.retiredAll
                    /// μ through the year's deaths and every DB-type sum and award of the row in one
                    /// pass over the lanes (each target gets its terms in the order of docs/model.md §2's
                    /// flows, so the numbers are those of one pass per target). μ(t), μ(t)q and μ(t+1)
                    /// are kept in a0, ad, a1 only for the bonds, the track entries and the DC.
                    /// `flows` is a constant at each call of the common cases (``RowFlows``), so each
                    /// such call is its own loop. Coefficients that are zero add +0 to non-negative amounts.
                    @inline(__always) func step(_ flows: RowFlows) {
                        let keep = flows.keep, db = flows.db, dc = flows.dc, survivor = flows.survivor
                        let disability = flows.disability, retirement = flows.retirement, award = flows.award
                        var c = 0
                        while c < n {
                            let m = g[vector: c]
                            let dead = m * capped(u * f[vector: c])
                            let next = m - dead
                            g[vector: c] = next
                            if keep {
                                a0[vector: c] = m
                                ad[vector: c] = dead
                                a1[vector: c] = next
                            }
                            if sums {
                                active[vector: c] += count * m
                                surviving[vector: c] += countNext * next
                                pay[vector: c] += rowPay * m
                            }
                            if db { payDB[vector: c] += rowPayDB * m }
                            if dc { dcBase[vector: c] += rowDCBase * m }
                            if survivor || disability || award {
                                let w = indexedWage[vector: c]
                                let phi = frozen ? indexedFrozen[vector: c] : .zero
                                if survivor {
                                    let spouses = survivorCount * dead
                                    survivors.count[vector: spouse + c] += spouses
                                    survivorEntries[vector: c] += spouses
                                    inService[vector: c] += spouses
                                    survivors.db[vector: spouse + c] += survivorAmount * (dead * w)
                                    if frozen { survivors.db[vector: spouse + c] += survivorAmountFrozen * (dead * phi) }
                                    if keepsFrozen {
                                        survivors.frozenDB[vector: spouse + c] += survivorAmountFrozenW * (dead * w)
                                            + survivorAmountFrozen * (dead * phi)
                                    }
                                }
                                let nextW = next * w, nextPhi = next * phi
                                /// A pension award into `pool`'s cell: its count, amounts and rights.
                                @inline(__always) func join(_ pool: LanePool, _ k: LanePlan.Award) {
                                    let awarded = k.count * next
                                    pool.count[vector: cell + c] += awarded
                                    pensionerEntries[vector: c] += awarded
                                    pool.db[vector: cell + c] += k.db * nextW
                                    pool.contingent[vector: cell + c] += k.contingent * nextW
                                    if rights { pool.withRights[vector: cell + c] += k.withRights * next }
                                    if frozen {
                                        pool.db[vector: cell + c] += k.dbFrozen * nextPhi
                                        pool.contingent[vector: cell + c] += k.contingentFrozen * nextPhi
                                    }
                                    if keepsFrozen {
                                        pool.frozenDB[vector: cell + c] += k.dbFrozenW * nextW + k.dbFrozen * nextPhi
                                        pool.frozenContingent[vector: cell + c] += k.contingentFrozenW * nextW + k.contingentFrozen * nextPhi
                                    }
                                }
                                if disability { join(disabled, disabledAward) }
                                if retirement { retirements[vector: c] += retiredAll * next }
                                if award { join(retired, retiredAward) }
                            } else if retirement {
                                retirements[vector: c] += retiredAll * next
                            }
                            c += laneWidth
                        }
                    }
                    let flows = RowFlows(keep: hasBonds || retiredAll != 0 || (year != nil && row.pointee.hasDC),
                                         db: rowPayDB != 0, dc: rowDCBase != 0, survivor: survivorCount != 0,
                                         disability: disabledAward.count != 0, retirement: retiredAll != 0,
                                         award: retiredAll != 0 && retiredAward.count != 0)
                    // The common rows, each its own loop; the rest through the general one.
                    if flows == .working { step(.working) }
                    else if flows == .retiring { step(.retiring) }
                    else if flows == .dcMembers { step(.dcMembers) }
                    else { step(flows) }
                    if hasBonds {
                        laneAdd(bondStock, row.pointee.bondStart, a0, n)
                        laneAdd(bondRedeemed, row.pointee.bondDeaths, ad, n)
                        laneAdd(bondDeaths, row.pointee.bondDeaths, ad, n)
                        laneAdd(bondRedeemed, row.pointee.bondExits, a1, n)
                        if t == horizon - 1 { laneAdd(bondEnd, row.pointee.bondNext, a1, n) }
                    }
                    if retiredAll != 0 {
                        for e in row.pointee.tracks {
                            let entry = entries[e]
                            let db = replacementOffset(.db, track: entry.track)
                            let total = replacementOffset(.total, track: entry.track)
                            // The same terms into the sums by sex (apart from the sums by track).
                            let dbBySex = replacementOffset(.db, sex: row.pointee.sex)
                            let totalBySex = replacementOffset(.total, sex: row.pointee.sex)
                            if entry.dbCount != 0 {
                                laneAdd(replacementCount + db, entry.dbCount, replacementSum + db, entry.dbSum, a1, n)
                                laneAdd(replacementCountBySex + dbBySex, entry.dbCount, replacementSumBySex + dbBySex, entry.dbSum, a1, n)
                                if entry.dbSumFrozen != 0 {
                                    // The frozen part of the DB rate is Φ/W times its coefficient.
                                    var c = 0
                                    while c < n {
                                        replacementSum[vector: db + c] += entry.dbSumFrozen * a1[vector: c] * frozenRatio[vector: c]
                                        replacementSumBySex[vector: dbBySex + c] += entry.dbSumFrozen * a1[vector: c] * frozenRatio[vector: c]
                                        c += laneWidth
                                    }
                                }
                            }
                            if entry.totalCount != 0 && !plan.totalIsDB {
                                laneAdd(replacementCount + total, entry.totalCount, replacementSum + total, entry.totalSum, a1, n)
                                laneAdd(replacementCountBySex + totalBySex, entry.totalCount, replacementSumBySex + totalBySex,
                                        entry.totalSum, a1, n)
                            }
                        }
                    }
                    if let year, row.pointee.hasDC {
                        // The row's contribution base by pay group, apart from `dcBase`.
                        for e in row.pointee.tracks where entries[e].dcBase != 0 {
                            laneAdd(dcBaseByGroup + entries[e].track * n, entries[e].dcBase, a0, n)
                        }
                        projectDCGroup(row, a0: a0, ad: ad, a1: a1, year: year)
                        let fund = groupFund + row.pointee.group * n
                        while record < recordEnd && records[record].row == r - first {
                            projectDCRecord(records[record], fund: fund, a1: a1, year: year)
                            record += 1
                        }
                    }
                }
                }
            }
        }
    }

    /// The DC year being projected: its parameters, for ``projectDCGroup(_:a0:ad:a1:year:)`` and
    /// ``projectDCRecord(_:fund:a1:year:)``.
    struct DCYear {
        /// Whether withdrawn members keep a deferred balance (else they take it in cash).
        let deferredWithdrawal: Bool
        let t: Int
        let last: Bool
        let payout: PayoutForm
        let months: Double
        let monthsDC: Double
        /// c_e and c_r of the year (``DCRules/contribution(employeeRate:employerRate:base:)``), and W_y by lane.
        let employeeRate: Double, employerRate: Double
        let wage: Lanes
    }

    /// Sets up the DC year t (1/W by lane) for the records projected with the group rows.
    func beginDC(_ dc: DCRules, _ d: LaneDrivers, t: Int, payout: PayoutForm, months: Double, monthsDC: Double) -> DCYear {
        let wage = d.wage + t * lanes
        var c = 0
        while c < lanes { inverseWage[vector: c] = 1 / wage[vector: c]; c += laneWidth }
        return DCYear(deferredWithdrawal: dc.withdrawal == .deferred, t: t, last: t == horizon - 1, payout: payout, months: months, monthsDC: monthsDC,
                      employeeRate: rules.dcEmployeeRate[t], employerRate: rules.dcEmployerRate[t], wage: wage)
    }

    /// The DC flows of a group's members in year t (docs/model.md §6), from its fund per unit μ,
    /// F = Σ A · balance at the start of the year (a0 = μ(t), ad = μ(t) q, a1 = μ(t+1)):
    ///
    ///     F' = F (1 + r_x) + (Σ A m_DC · scale · 12) (c_e + c_r) W √(1 + r_x)     (Σ A · balance after)
    ///     fund at the start += a0 F,  returns += a0 (F' − F − contributions),  death benefits += ad F'
    ///     disability pots += a1 (q^i F' + Σ disabled · bond · W_reform)
    ///
    /// since the group's members share its age (so its return r_x) and its disability rate. The
    /// pots of one pool cell are converted into annuities in ``endDC(_:)``: Σ pot / ä = (Σ pot) · (1/ä).
    /// F is then rebuilt by the group's records for the next year (``projectDCRecord(_:fund:a1:year:)``).
    func projectDCGroup(_ row: UnsafePointer<LanePlan.Row>, a0: Lanes, ad: Lanes, a1: Lanes, year: DCYear) {
        let n = lanes
        let fundStart = sum(.fundStart), returnsSum = sum(.returns), deathBenefits = sum(.deathBenefits)
        let governmentBonds = sum(.governmentBondsStart), bondWeight = LaneVector(repeating: bondWeights[row.pointee.age])
        let lumpSums = sum(.lumpSums), pensionerEntries = sum(.pensionerEntries), deferredEntries = sum(.deferredEntries)
        let fund = groupFund + row.pointee.group * n
        let growth = returns + row.pointee.age * n, half = halfGrowth + row.pointee.age * n
        let annuities = year.payout == .annuity
        let toCell = row.pointee.toCell, cell = toCell * n
        let contributionRate = DCRules.contribution(employeeRate: year.employeeRate, employerRate: year.employerRate,
                                                    base: row.pointee.dcBase)
        let wage = year.wage
        let disability = row.pointee.dcDisability, bond = row.pointee.dcDisabledBond, counted = row.pointee.dcDisabledCounted
        if annuities && disability > 0 && !cellTouched[toCell] {
            cellTouched[toCell] = true
            touchedCells.append(toCell)
        }
        let withdrawn = year.deferredWithdrawal ? row.pointee.dcWithdrawn : 0
        let pots = annuities ? disabledPots + cell : lumpSums, countedPool = disabled.count + cell
        var c = 0
        while c < n {
            let before = fund[vector: c]
            let contribution = contributionRate * wage[vector: c]
            let after = DCRules.grown(balance: before, contribution: contribution, onePlusReturn: 1 + growth[vector: c],
                                      halfGrowth: half[vector: c])
            let m = a0[vector: c], m1 = a1[vector: c]
            fundStart[vector: c] += m * before
            governmentBonds[vector: c] += m * before * bondWeight
            returnsSum[vector: c] += m * (after - before - contribution)
            deathBenefits[vector: c] += ad[vector: c] * after
            fund[vector: c] = .zero
            if disability > 0 { pots[vector: c] += m1 * (disability * after + bond * reformWage[vector: c]) }
            if counted != 0 && annuities {
                countedPool[vector: c] += counted * m1
                pensionerEntries[vector: c] += counted * m1
            }
            if withdrawn != 0 { deferredEntries[vector: c] += withdrawn * m1 }
            c += laneWidth
        }
    }

    /// One DC cohort of the group in year t, after ``projectDCGroup(_:a0:ad:a1:year:)``: its
    /// per-member balance through contributions and returns, its share A_next · balance of the
    /// group's next fund, then its withdrawals and retirements with the balance and any bond
    /// (docs/model.md §6), which depend on the cohort's track.
    func projectDCRecord(_ rec: borrowing LanePlan.DCRecord, fund: Lanes, a1: Lanes, year: DCYear) {
        let n = lanes, t = year.t, last = year.last, payout = year.payout
        let months = year.months, monthsDC = year.monthsDC, wage = year.wage
        let purchases = sum(.annuityPurchases), lumpSums = sum(.lumpSums), cash = sum(.cashWithdrawals)
        let pensionerEntries = sum(.pensionerEntries)
        let fundEnd = sum(.fundEnd), governmentBondsEnd = sum(.governmentBondsEnd)
        // The bond weight at the age of the end of the horizon (the start of the year after).
        let endBondWeight = LaneVector(repeating: last ? bondWeights[min(rec.age + 1, ages - 1)] : 0)
        let zero = LaneVector.zero
        let balance = balances + rec.slot * n
        let growth = returns + rec.age * n, half = halfGrowth + rec.age * n
        let perMember = DCRules.contribution(employeeRate: year.employeeRate, employerRate: year.employerRate,
                                             base: rec.contribution)
        var c = 0
        while c < n {
            let before = balance[vector: c]
            let contribution = perMember * wage[vector: c]
            let after = DCRules.grown(balance: before, contribution: contribution, onePlusReturn: 1 + growth[vector: c],
                                      halfGrowth: half[vector: c])
            balance[vector: c] = after
            fund[vector: c] += rec.countNext * after
            if last {
                fundEnd[vector: c] += a1[vector: c] * rec.countNext * after
                governmentBondsEnd[vector: c] += a1[vector: c] * rec.countNext * after * endBondWeight
            }
            c += laneWidth
        }
        let nextAge = rec.toCell - rec.sex * ages
        let cell = rec.toCell * n
        if rec.withdrawn > 0 {
            c = 0
            if year.deferredWithdrawal {
                let count = deferredCount + rec.deferredCell * n, pots = deferredBalance + rec.deferredCell * n
                while c < n {
                    let withdrawn = a1[vector: c] * rec.withdrawn
                    count[vector: c] += withdrawn
                    pots[vector: c] += withdrawn * (balance[vector: c] + rec.bondEnd * reformWage[vector: c])
                    c += laneWidth
                }
            } else {
                while c < n {
                    cash[vector: c] += a1[vector: c] * rec.withdrawn * (balance[vector: c] + rec.bondEnd * reformWage[vector: c])
                    c += laneWidth
                }
            }
        }
        if rec.retired > 0 {
            let inverse = payout == .annuity ? inverseAnnuityFactor(sex: rec.sex, age: nextAge, t: t) : nil
            let repDC = replacementOffset(.dc, track: rec.track), repTotal = replacementOffset(.total, track: rec.track)
            let sexDC = replacementOffset(.dc, sex: rec.sex), sexTotal = replacementOffset(.total, sex: rec.sex)
            // Rates per unit of an annual amount and of 1/W: a DC annuity paid m_DC times a year,
            // a top-up paid months_paid times.
            let perSalaryDC = LaneVector(repeating: ReplacementRate.perUnitAnnualAmount(paymentsPerYear: monthsDC, salary: rec.salary))
            let perSalaryTopup = LaneVector(repeating: ReplacementRate.perUnitAnnualAmount(paymentsPerYear: months, salary: rec.salary))
            c = 0
            while c < n {
                let retired = a1[vector: c] * rec.retired
                let pot = balance[vector: c] + rec.bondEnd * reformWage[vector: c]
                let w = wage[vector: c]
                var annuity = zero, topup = zero
                if let inverse {
                    annuity = DCRules.annuity(pot: pot, inverseFactor: inverse[vector: c])
                    purchases[vector: c] += retired * pot
                    if rec.guaranteed {
                        topup = Guarantee.topUp(shortfall: w * rec.guaranteeW - frozenIndex[vector: c] * rec.guaranteeFrozen,
                                                annuity: annuity)
                    }
                } else {
                    lumpSums[vector: c] += retired * pot
                }
                self.retired.annuity[vector: cell + c] += retired * annuity
                self.retired.topup[vector: cell + c] += retired * topup * index[vector: c]
                if !rec.countedRetired {
                    let counted = zero.replacing(with: retired, where: (annuity .> zero) .| (topup .> zero))
                    self.retired.count[vector: cell + c] += counted
                    pensionerEntries[vector: c] += counted
                }
                let perWage = inverseWage[vector: c]
                let dcRate = ReplacementRate.ofAnnualAmount(annuity, perUnit: perSalaryDC, inverseWage: perWage)
                let total = ReplacementRate.total(db: rec.dbRate + rec.dbRateFrozen * frozenRatio[vector: c], dc: dcRate,
                                                  topUpRate: ReplacementRate.ofAnnualAmount(topup, perUnit: perSalaryTopup,
                                                                                            inverseWage: perWage))
                replacementSum[vector: repDC + c] += retired * dcRate
                replacementCount[vector: repDC + c] += retired
                replacementSum[vector: repTotal + c] += retired * total
                replacementCount[vector: repTotal + c] += retired
                replacementSumBySex[vector: sexDC + c] += retired * dcRate
                replacementCountBySex[vector: sexDC + c] += retired
                replacementSumBySex[vector: sexTotal + c] += retired * total
                replacementCountBySex[vector: sexTotal + c] += retired
                c += laneWidth
            }
        }
    }

    /// Ends the DC year: the disability annuities bought this year, cell by cell.
    func endDC(_ year: DCYear) {
        let n = lanes, t = year.t
        let purchases = sum(.annuityPurchases)
        let zero = LaneVector.zero
        for touched in touchedCells {
            let inverse = inverseAnnuityFactor(sex: touched / ages, age: touched % ages, t: t)
            let pots = disabledPots + touched * n, pool = disabled.annuity + touched * n
            var c = 0
            while c < n {
                let pot = pots[vector: c]
                purchases[vector: c] += pot
                pool[vector: c] += DCRules.annuity(pot: pot, inverseFactor: inverse[vector: c])
                pots[vector: c] = zero
                c += laneWidth
            }
            cellTouched[touched] = false
        }
        touchedCells.removeAll(keepingCapacity: true)
    }

    /// Stocks and payments of the year (to `stock`, db benefits, annuities, top-ups), deaths at
    /// the end of year t on `basis`, survivor pensions to `spouses` (already aged), then ageing by
    /// one year (q = 1 at ω) with the end-of-year indexation x of DB-type amounts and the
    /// escalation of annuities, per lane (as ``SchemeProjector/agePool`` followed by the
    /// indexation of docs/model.md §5). Cells below the pool's floor (``LanePlan/poolFloor``) are
    /// always empty and skipped. Four lanes at a time, every age: the year's sums stay in
    /// registers, and each lane still adds its ages in the same order.
    func agePool(_ pool: LanePool, kind: PoolKind, spouses: LanePool?, basis: MortalityBasisKind, t: Int,
                 exits: Sum, stock: Sum, escalation: Double) {
        let n = lanes, grid = context.grid, tables = context.tables
        let deaths = sum(exits), entries = sum(.survivorEntries), counts = sum(stock)
        let benefits = sum(.dbBenefits), annuities = sum(.annuities), topups = sum(.topups)
        let zero = LaneVector.zero
        // DC annuities exist only in a scheme with DC rules, guarantee top-ups only among its
        // retirees; and when every member of the pool has survivor rights (a DB-only scheme whose
        // awards all carry them, ``LanePlan/rightsAreCounts``) the count of those with rights is
        // the count itself.
        let hasAnnuities = rules.rules.dc != nil
        let hasTopups = hasAnnuities && kind == .retired && rules.rules.dc?.guarantee != nil
        let rightsAreCounts = plan.rightsAreCounts
        for s in 0..<2 {
            let sex = Sex.at(s)
            let gap = tables.gap[s]
            let floor = plan.poolFloor[kind.rawValue][s]
            guard floor < ages else { continue }
            for x in floor..<ages { rates[x] = grid.uncapped(basis, sex, age: x, yearIndex: t) }
            var c = 0
            while c < n {
                let indexation = index[vector: c]
                var stockSum = counts[vector: c], dbSum = benefits[vector: c], deathSum = deaths[vector: c]
                var x = ages - 1
                if let spouses {
                    var annuitySum = annuities[vector: c], topupSum = topups[vector: c], entrySum = entries[vector: c]
                    while x >= floor {
                        let i = (s * ages + x) * n + c
                        let q = capped(rates[x] * factors[vector: x * factorStride + c])
                        let count = pool.count[vector: i], db = pool.db[vector: i]
                        let contingent = pool.contingent[vector: i]
                        let rights = rightsAreCounts ? count : pool.withRights[vector: i]
                        stockSum += count
                        dbSum += db
                        deathSum += count * q
                        let m = tables.leave[s * ages + x]
                        if m > 0 {
                            let spouse = ((1 - s) * ages + Spouse.age(ofMemberAged: x, gap: gap, maximumAge: ages - 1)) * n + c
                            let has = contingent .> zero
                            let spouseCount = zero.replacing(with: rights * q * m, where: has)
                            spouses.count[vector: spouse] += spouseCount
                            spouses.db[vector: spouse] += zero.replacing(with: contingent * q * m, where: has) * indexation
                            entrySum += spouseCount
                        }
                        let keep = 1 - q, indexed = keep * indexation
                        if x + 1 < ages {
                            let o = i + n
                            pool.count[vector: o] = count * keep
                            pool.db[vector: o] = db * indexed
                            pool.contingent[vector: o] = contingent * indexed
                            if !rightsAreCounts { pool.withRights[vector: o] = rights * keep }
                        }
                        if hasAnnuities {
                            let annuity = pool.annuity[vector: i]
                            annuitySum += annuity
                            if x + 1 < ages { pool.annuity[vector: i + n] = annuity * keep * escalation }
                        }
                        if hasTopups {
                            let topup = pool.topup[vector: i]
                            topupSum += topup
                            if x + 1 < ages { pool.topup[vector: i + n] = topup * indexed }
                        }
                        x -= 1
                    }
                    annuities[vector: c] = annuitySum
                    topups[vector: c] = topupSum
                    entries[vector: c] = entrySum
                } else {
                    while x >= floor {
                        let i = (s * ages + x) * n + c
                        let q = capped(rates[x] * factors[vector: x * factorStride + c])
                        let count = pool.count[vector: i], db = pool.db[vector: i]
                        stockSum += count
                        dbSum += db
                        deathSum += count * q
                        if x + 1 < ages {
                            let keep = 1 - q
                            pool.count[vector: i + n] = count * keep
                            pool.db[vector: i + n] = db * keep * indexation
                        }
                        x -= 1
                    }
                }
                counts[vector: c] = stockSum
                benefits[vector: c] = dbSum
                deaths[vector: c] = deathSum
                c += laneWidth
            }
            let base = (s * ages + floor) * n
            for array in [pool.count, pool.db, pool.topup, pool.annuity, pool.contingent, pool.withRights] {
                laneZero(array + base, n)
            }
        }
    }

    /// Deferred members: deaths (balance to heirs), then those reaching the former track's BUP buy
    /// an annuity (or take a lump sum); the rest age by one year (as ``SchemeProjector/ageDeferred``).
    /// Only the ages of ``LanePlan/deferredAges`` can hold members.
    func ageDeferred(_ dc: DCRules, t: Int) {
        let n = lanes, grid = context.grid
        let deathBenefits = sum(.deathBenefits), exits = sum(.deferredExits), purchases = sum(.annuityPurchases)
        let lumpSums = sum(.lumpSums), entries = sum(.pensionerEntries)
        guard let occupiedAges = plan.deferredAges else { return }
        for s in 0..<2 {
            let sex = Sex.at(s)
            for k in 0..<trackCount {
                let base = (s * trackCount + k) * ages
                let bup = rules.retirementAge[k][t]
                var x = occupiedAges.upperBound
                while x >= occupiedAges.lowerBound {
                    let i = (base + x) * n
                    var occupied = false
                    var c = 0
                    while c < n {
                        if any((deferredCount[vector: i + c] .!= 0) .| (deferredBalance[vector: i + c] .!= 0)) { occupied = true }
                        c += laneWidth
                    }
                    if occupied {
                        let u = grid.uncapped(.deferred, sex, age: x, yearIndex: t)
                        let f = factors + x * factorStride
                        let buys = RetirementChance.reachesNormalAge(age: x, normalAge: bup) || x + 1 >= ages
                        let annuity = buys && dc.payout == .annuity && x + 1 < ages ? inverseAnnuityFactor(sex: s, age: x + 1, t: t) : nil
                        let to = (s * ages + min(x + 1, ages - 1)) * n
                        c = 0
                        while c < n {
                            let q = capped(u * f[vector: c])
                            let count = deferredCount[vector: i + c], balance = deferredBalance[vector: i + c]
                            deathBenefits[vector: c] += balance * q
                            exits[vector: c] += count * q
                            var movedCount = count * (1 - q), movedBalance = balance * (1 - q)
                            if buys {
                                exits[vector: c] += movedCount
                                if let annuity {
                                    purchases[vector: c] += movedBalance
                                    retired.count[vector: to + c] += movedCount
                                    retired.annuity[vector: to + c] += DCRules.annuity(pot: movedBalance, inverseFactor: annuity[vector: c])
                                    entries[vector: c] += movedCount
                                } else {
                                    lumpSums[vector: c] += movedBalance
                                }
                                movedCount = .zero
                                movedBalance = .zero
                            }
                            if x + 1 < ages {
                                deferredCount[vector: i + n + c] = movedCount
                                deferredBalance[vector: i + n + c] = movedBalance
                            }
                            c += laneWidth
                        }
                    } else if x + 1 < ages {
                        laneZero(deferredCount + i + n, n)
                        laneZero(deferredBalance + i + n, n)
                    }
                    x -= 1
                }
                let lowest = (base + occupiedAges.lowerBound) * n
                laneZero(deferredCount + lowest, n)
                laneZero(deferredBalance + lowest, n)
            }
        }
    }
}
