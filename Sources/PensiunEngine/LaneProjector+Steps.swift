import PensiunActuarial

extension LaneProjector {
    /// The group rows of year t: μ through the year's deaths (m0 = μ(t), md = μ(t) q, m1 = μ(t+1)),
    /// then every DB-type flow and award as coefficient × multiplier (W and Φ applied later).
    func projectRows(t: Int) {
        let n = lanes, grid = context.grid
        let first = plan.rowStart[t], last = plan.rowStart[t + 1]
        let active = sum(.active), surviving = sum(.surviving), pay = sum(.pay), payDB = sum(.payDB)
        let dcBase = sum(.dcBase), exits = sum(.activeExits), retirements = sum(.retirements)
        let pensionerEntries = sum(.pensionerEntries), survivorEntries = sum(.survivorEntries)
        plan.rows.withUnsafeBufferPointer { rows in
            plan.trackEntries.withUnsafeBufferPointer { entries in
                for r in first..<last {
                    let row = rows[r]
                    let local = (r - first) * n
                    let a0 = m0 + local, ad = md + local, a1 = m1 + local
                    let g = mu + row.group * n
                    let u = grid.uncapped(.actives, Sex.at(row.sex), age: row.age, yearIndex: t)
                    let f = factors + row.age * n
                    for l in 0..<n {
                        let m = g[l]
                        let q = min(1, u * f[l])
                        let dead = m * q
                        a0[l] = m
                        ad[l] = dead
                        a1[l] = m - dead
                        g[l] = m - dead
                    }
                    laneAdd(active, row.count, a0, n)
                    laneAdd(surviving, row.countNext, a1, n)
                    laneAdd(exits, row.count, a0, n)
                    laneAdd(exits, -row.countNext, a1, n)
                    laneAdd(pay, row.pay, a0, n)
                    if row.payDB != 0 { laneAdd(payDB, row.payDB, a0, n) }
                    if row.dcBase != 0 { laneAdd(dcBase, row.dcBase, a0, n) }
                    if row.survivorCount != 0 {
                        let c = row.spouseCell * n
                        laneAdd(newSurvivors.count + c, row.survivorCount, ad, n)
                        laneAdd(survivorEntries, row.survivorCount, ad, n)
                        if row.survivorAmount != 0 { laneAdd(newSurvivors.db + c, row.survivorAmount, ad, n) }
                        if row.survivorAmountFrozen != 0 { laneAdd(survivorFrozen + c, row.survivorAmountFrozen, ad, n) }
                    }
                    let c = row.toCell * n
                    if row.disabledCount != 0 {
                        laneAdd(newDisabled.count + c, row.disabledCount, a1, n)
                        laneAdd(pensionerEntries, row.disabledCount, a1, n)
                        laneAdd(newDisabled.db + c, row.disabledDB, a1, n)
                        laneAdd(newDisabled.contingent + c, row.disabledContingent, a1, n)
                        laneAdd(newDisabled.withRights + c, row.disabledWithRights, a1, n)
                        if row.disabledDBFrozen != 0 || row.disabledContingentFrozen != 0 {
                            laneAdd(disabledDBFrozen + c, row.disabledDBFrozen, a1, n)
                            laneAdd(disabledContingentFrozen + c, row.disabledContingentFrozen, a1, n)
                        }
                    }
                    if row.retiredAll != 0 {
                        laneAdd(retirements, row.retiredAll, a1, n)
                        if row.retiredCount != 0 {
                            laneAdd(newRetired.count + c, row.retiredCount, a1, n)
                            laneAdd(pensionerEntries, row.retiredCount, a1, n)
                            laneAdd(newRetired.db + c, row.retiredDB, a1, n)
                            laneAdd(newRetired.contingent + c, row.retiredContingent, a1, n)
                            laneAdd(newRetired.withRights + c, row.retiredWithRights, a1, n)
                            if row.retiredDBFrozen != 0 || row.retiredContingentFrozen != 0 {
                                laneAdd(retiredDBFrozen + c, row.retiredDBFrozen, a1, n)
                                laneAdd(retiredContingentFrozen + c, row.retiredContingentFrozen, a1, n)
                            }
                        }
                        for e in row.tracks {
                            let entry = entries[e]
                            let db = entry.track * n, total = (2 * trackCount + entry.track) * n
                            if entry.dbCount != 0 {
                                laneAdd(replacementCount + db, entry.dbCount, a1, n)
                                laneAdd(replacementSum + db, entry.dbSum, a1, n)
                                if entry.dbSumFrozen != 0 {
                                    // The frozen part of the DB rate is Φ/W times its coefficient.
                                    for l in 0..<n { replacementSum[db + l] += entry.dbSumFrozen * a1[l] * frozenRatio[l] }
                                }
                            }
                            if entry.totalCount != 0 {
                                laneAdd(replacementCount + total, entry.totalCount, a1, n)
                                laneAdd(replacementSum + total, entry.totalSum, a1, n)
                            }
                        }
                    }
                }
            }
        }
    }
}

extension LaneProjector {
    /// DC members of year t, cohort by cohort: contributions and returns on the per-member
    /// balance, then the end-of-year exits with the balance and any bond (MODEL.md §6).
    func projectDC(_ dc: DCRules, _ d: LaneDrivers, t: Int, last: Bool, payout: PayoutForm, months: Double, monthsDC: Double) {
        let n = lanes
        let first = plan.dcStart[t], end = plan.dcStart[t + 1]
        let rate = rules.dcEmployeeRate[t] + rules.dcEmployerRate[t]
        let wage = d.wage.withUnsafeBufferPointer { $0.baseAddress! + t * n }
        let fundStart = sum(.fundStart), bondStock = sum(.bondStock), bondRedeemed = sum(.bondRedeemed)
        let contributions = sum(.contributions), returnsSum = sum(.returns), deathBenefits = sum(.deathBenefits)
        let purchases = sum(.annuityPurchases), lumpSums = sum(.lumpSums), cash = sum(.cashWithdrawals)
        let pensionerEntries = sum(.pensionerEntries), deferredEntries = sum(.deferredEntries)
        let fundEnd = sum(.fundEnd), bondEnd = sum(.bondEnd)
        let floorLevel = rules.rules.db.floor
        _ = floorLevel
        plan.dc.withUnsafeBufferPointer { records in
            for i in first..<end {
                let rec = records[i]
                let a0 = m0 + rec.row * n, ad = md + rec.row * n, a1 = m1 + rec.row * n
                let balance = balances + rec.slot * n
                let growth = returns + rec.age * n, half = halfGrowth + rec.age * n
                let perMember = rec.contribution * rate
                let nextAge = rec.toCell - rec.sex * ages
                let disabledAnnuity = rec.disabled > 0 && payout == .annuity ? annuityFactor(sex: rec.sex, age: nextAge, t: t) : nil
                let retiredAnnuity = rec.retired > 0 && payout == .annuity ? annuityFactor(sex: rec.sex, age: nextAge, t: t) : nil
                let cell = rec.toCell * n
                let repDC = (trackCount + rec.track) * n, repTotal = (2 * trackCount + rec.track) * n
                for l in 0..<n {
                    let before = balance[l]
                    let contribution = perMember * wage[l]
                    let after = before * (1 + growth[l]) + contribution * half[l]
                    let members = a0[l] * rec.count
                    fundStart[l] += members * before
                    contributions[l] += members * contribution
                    returnsSum[l] += members * (after - before - contribution)
                    balance[l] = after
                    let bondValue = rec.bondEnd * reformWage[l]
                    bondStock[l] += members * rec.bondStart * reformWage[l]
                    let pot = after + bondValue
                    let deaths = ad[l] * rec.count, disabled = a1[l] * rec.disabled
                    let withdrawn = a1[l] * rec.withdrawn, retired = a1[l] * rec.retired
                    bondRedeemed[l] += (deaths + disabled + withdrawn + retired) * bondValue
                    deathBenefits[l] += deaths * pot
                    if last {
                        fundEnd[l] += a1[l] * rec.countNext * after
                        bondEnd[l] += a1[l] * rec.countNext * rec.bondEnd * reformWage[l]
                    }
                }
                if rec.disabled > 0 {
                    if let factor = disabledAnnuity {
                        for l in 0..<n {
                            let disabled = a1[l] * rec.disabled
                            let pot = balance[l] + rec.bondEnd * reformWage[l]
                            let annuity = pot / factor[l]
                            purchases[l] += disabled * pot
                            newDisabled.annuity[cell + l] += disabled * annuity
                            if !rec.countedDisabled && annuity > 0 {
                                newDisabled.count[cell + l] += disabled
                                pensionerEntries[l] += disabled
                            }
                        }
                    } else {
                        for l in 0..<n { lumpSums[l] += a1[l] * rec.disabled * (balance[l] + rec.bondEnd * reformWage[l]) }
                    }
                }
                if rec.withdrawn > 0 {
                    if dc.withdrawal == .deferred {
                        let k = rec.deferredCell * n
                        for l in 0..<n {
                            let withdrawn = a1[l] * rec.withdrawn
                            newDeferredCount[k + l] += withdrawn
                            newDeferredBalance[k + l] += withdrawn * (balance[l] + rec.bondEnd * reformWage[l])
                            deferredEntries[l] += withdrawn
                        }
                    } else {
                        for l in 0..<n { cash[l] += a1[l] * rec.withdrawn * (balance[l] + rec.bondEnd * reformWage[l]) }
                    }
                }
                if rec.retired > 0 {
                    for l in 0..<n {
                        let retired = a1[l] * rec.retired
                        let pot = balance[l] + rec.bondEnd * reformWage[l]
                        var annuity = 0.0, topup = 0.0
                        if let factor = retiredAnnuity {
                            annuity = pot / factor[l]
                            purchases[l] += retired * pot
                            if rec.guaranteed {
                                topup = max(0, wage[l] * rec.guaranteeW - frozenIndex[l] * rec.guaranteeFrozen - annuity)
                            }
                        } else {
                            lumpSums[l] += retired * pot
                        }
                        newRetired.annuity[cell + l] += retired * annuity
                        newRetired.topup[cell + l] += retired * topup
                        if !rec.countedRetired && (annuity > 0 || topup > 0) {
                            newRetired.count[cell + l] += retired
                            pensionerEntries[l] += retired
                        }
                        let salary = rec.salary * wage[l]
                        let dcRate = annuity / monthsDC / salary
                        let total = rec.dbRate + rec.dbRateFrozen * frozenRatio[l] + dcRate + topup / months / salary
                        replacementSum[repDC + l] += retired * dcRate
                        replacementCount[repDC + l] += retired
                        replacementSum[repTotal + l] += retired * total
                        replacementCount[repTotal + l] += retired
                    }
                }
            }
        }
    }

    /// Deaths at the end of year t on `basis`, survivor pensions to spouses, then ageing by one
    /// year (q = 1 at ω), per lane (as ``SchemeProjector/agePool``).
    func agePool(_ pool: LanePool, spouses: LanePool?, passContingent: Bool, basis: MortalityBasisKind, t: Int, exits: Sum) {
        let n = lanes, grid = context.grid, tables = context.tables
        let deaths = sum(exits), entries = sum(.survivorEntries)
        for s in 0..<2 {
            let sex = Sex.at(s)
            let gap = tables.gap[s]
            var x = ages - 1
            while x >= 0 {
                let i = (s * ages + x) * n
                let u = grid.uncapped(basis, sex, age: x, yearIndex: t)
                let f = factors + x * n
                let m = tables.leave[s * ages + x]
                if passContingent, m > 0, let spouses {
                    let j = ((1 - s) * ages + min(max(x + 1 + gap, 0), ages - 1)) * n
                    for l in 0..<n where pool.contingent[i + l] > 0 {
                        let q = min(1, u * f[l])
                        let count = pool.withRights[i + l] * q * m
                        spouses.count[j + l] += count
                        spouses.db[j + l] += pool.contingent[i + l] * q * m
                        entries[l] += count
                    }
                }
                if x + 1 < ages {
                    let o = i + n
                    for l in 0..<n {
                        let q = min(1, u * f[l])
                        let keep = 1 - q
                        let count = pool.count[i + l]
                        deaths[l] += count * q
                        pool.count[o + l] = count * keep
                        pool.db[o + l] = pool.db[i + l] * keep
                        pool.topup[o + l] = pool.topup[i + l] * keep
                        pool.annuity[o + l] = pool.annuity[i + l] * keep
                        pool.contingent[o + l] = pool.contingent[i + l] * keep
                        pool.withRights[o + l] = pool.withRights[i + l] * keep
                    }
                } else {
                    for l in 0..<n { deaths[l] += pool.count[i + l] * min(1, u * f[l]) }
                }
                x -= 1
            }
            let base = s * ages * n
            for l in 0..<n {
                pool.count[base + l] = 0; pool.db[base + l] = 0; pool.topup[base + l] = 0
                pool.annuity[base + l] = 0; pool.contingent[base + l] = 0; pool.withRights[base + l] = 0
            }
        }
    }

    /// Deferred members: deaths (balance to heirs), then those reaching the former track's BUP buy
    /// an annuity (or take a lump sum); the rest age by one year (as ``SchemeProjector/ageDeferred``).
    func ageDeferred(_ dc: DCRules, t: Int) {
        let n = lanes, grid = context.grid
        let deathBenefits = sum(.deathBenefits), exits = sum(.deferredExits), purchases = sum(.annuityPurchases)
        let lumpSums = sum(.lumpSums), entries = sum(.pensionerEntries)
        for s in 0..<2 {
            let sex = Sex.at(s)
            for k in 0..<trackCount {
                let base = (s * trackCount + k) * ages
                let bup = rules.retirementAge[k][t]
                var x = ages - 1
                while x >= 0 {
                    let i = (base + x) * n
                    var any = false
                    for l in 0..<n where deferredCount[i + l] != 0 || deferredBalance[i + l] != 0 { any = true }
                    if any {
                        let u = grid.uncapped(.deferred, sex, age: x, yearIndex: t)
                        let f = factors + x * n
                        let buys = x + 1 >= bup || x + 1 >= ages
                        let annuity = buys && dc.payout == .annuity && x + 1 < ages ? annuityFactor(sex: s, age: x + 1, t: t) : nil
                        let to = (s * ages + min(x + 1, ages - 1)) * n
                        for l in 0..<n {
                            let q = min(1, u * f[l])
                            let count = deferredCount[i + l], balance = deferredBalance[i + l]
                            deathBenefits[l] += balance * q
                            exits[l] += count * q
                            var movedCount = count * (1 - q), movedBalance = balance * (1 - q)
                            if buys {
                                exits[l] += movedCount
                                if let annuity {
                                    purchases[l] += movedBalance
                                    newRetired.count[to + l] += movedCount
                                    newRetired.annuity[to + l] += movedBalance / annuity[l]
                                    entries[l] += movedCount
                                } else {
                                    lumpSums[l] += movedBalance
                                }
                                movedCount = 0
                                movedBalance = 0
                            }
                            if x + 1 < ages {
                                deferredCount[i + n + l] = movedCount
                                deferredBalance[i + n + l] = movedBalance
                            }
                        }
                    } else if x + 1 < ages {
                        for l in 0..<n { deferredCount[i + n + l] = 0; deferredBalance[i + n + l] = 0 }
                    }
                    x -= 1
                }
                for l in 0..<n { deferredCount[base * n + l] = 0; deferredBalance[base * n + l] = 0 }
            }
        }
    }
}
