import Foundation
import PensiunActuarial
import PensiunInputs
import PensiunRandom

extension SchemeProjector {
    /// The transition at the start of y_r (docs/model.md §6), by ``ReformMembership/at(reformYear:entryYear:age:transition:)``:
    /// switchers leave the DB with the rights earned (a frozen DB pension or a recognition bond);
    /// supplementary members add a DC account; members who entered in y_r or later are DC members
    /// from entry already (they have no rights to carry over); everyone else stays in the DB.
    mutating func applyTransition(_ dc: DCRules, t: Int, wage: Double) {
        let db = rules.rules.db
        for c in 0..<actives.cohortCount {
            let service = t - actives.entryIndex[c]
            let age = actives.entryAge[c] + service
            let membership = ReformMembership.at(reformYear: dc.year, entryYear: context.startYear + actives.entryIndex[c],
                                                 age: age, transition: dc.transition)
            switch membership {
            case .db, .dcFromEntry:
                continue
            case .supplementary:
                actives.isDC[c] = true
            case .switcher:
                let k = actives.track[c]
                let br = context.inputs.tracks[k].scale(service: service) * wage
                actives.accruesDB[c] = membership.accruesDB
                actives.isDC[c] = membership.isDC
                actives.serviceAtReform[c] = service
                let rights = HeldRights(switchingUnder: dc.accruedRights)
                actives.rights[c] = rights
                switch dc.accruedRights {
                case .frozenDB:
                    actives.frozenBase[c] = br
                case let .recognitionBond(rho):
                    actives.bond[c] = context.recognitionBond(sex: Sex.at(actives.sex[c]), age: age, service: service,
                                                              bup: rules.retirementAge[k][t], t: t, rho: rho, base: br, db: db)
                }
            }
        }
    }

    /// Stocks at the start of year index t (t = H: the end of the horizon).
    func recordStocks(t: Int, drivers: PathDrivers, into result: inout SchemePathResult) {
        let activeCount = actives.count.reduce(0, +)
        var pensioners = 0.0, survivorCount = 0.0
        for i in 0..<(2 * ages) {
            pensioners += retired.count[i] + disabled.count[i]
            survivorCount += survivors.count[i]
        }
        var fund = 0.0, bonds = 0.0
        for c in 0..<actives.cohortCount {
            fund += actives.count[c] * actives.balance[c]
            bonds += actives.count[c] * actives.bond[c]
        }
        let deferredCount = deferred.count.reduce(0, +)
        fund += deferred.balance.reduce(0, +)
        result[.actives, t] = activeCount
        result[.pensioners, t] = pensioners
        result[.survivors, t] = survivorCount
        result[.deferred, t] = deferredCount
        result[.dcFundAssets, t] = fund
        result[.dcAssetsPctGDP, t] = fund / drivers.gdp[t]
        result[.bondsOutstanding, t] = bonds
        result[.dbReserveAssets, t] = reserve
        result[.dependencyRatio, t] = activeCount > 0 ? pensioners / activeCount : .nan
        if let dc = rules.rules.dc { result[.dcFundGovernmentBonds, t] = governmentBonds(dc, t: t) }
    }

    /// The DC fund's government bonds at the start of year index t: Σ balance × the glide path's
    /// bond weight at the member's age in the year (the bond sleeve taken as government bonds),
    /// actives then deferred members; summed apart from `dc_fund_assets`, which it leaves as it is.
    func governmentBonds(_ dc: DCRules, t: Int) -> Double {
        var bonds = 0.0
        for c in 0..<actives.cohortCount where actives.balance[c] != 0 {
            let age = min(actives.entryAge[c] + t - actives.entryIndex[c], ages - 1)
            bonds += actives.count[c] * actives.balance[c] * dc.weights(age: age).bonds
        }
        for i in deferred.balance.indices where deferred.balance[i] != 0 {
            bonds += deferred.balance[i] * dc.weights(age: i % ages).bonds
        }
        return bonds
    }

    /// The first portfolio return at or below −100% of a scheme on one path, in the order
    /// ``project(_:riskGenerator:into:)`` computes them (year by year from the reform, every age).
    static func checkReturns(_ drivers: PathDrivers, rules: SchemeYearRules,
                             context: ProjectionContext) throws(PortfolioReturnError) {
        guard let dc = rules.rules.dc, let tr = rules.reformIndex else { return }
        for t in max(0, tr)..<max(max(0, tr), context.horizon) {
            for x in 0...context.maximumAge {
                _ = try portfolioReturn(dc, age: x, equity: drivers.equityReturn[t], bond: drivers.bondReturn[t],
                                        cash: drivers.cashReturn[t], path: drivers.path, year: context.startYear + t)
            }
        }
    }

    /// The words naming an active cohort in messages.
    func activeCell(sex: Int, track: Int, age: Int, service: Int) -> String {
        let cell = ActiveCell(sex: sex == 0 ? .male : .female, track: track, age: age, service: service, count: 0)
        return ProcessRiskLimit.describe(cell, tracks: context.inputs.tracks)
    }

    /// R_y(x) = Σ_j w_j(x) r_{j,y} − fee; stops the run at or below −100%.
    static func portfolioReturn(_ dc: DCRules, age: Int, equity: Double, bond: Double, cash: Double,
                                path: Int, year: Int) throws(PortfolioReturnError) -> Double {
        let r = dc.portfolioReturn(age: age, equity: equity, bond: bond, cash: cash)
        if r <= -1 { throw PortfolioReturnError(path: path, year: year, age: age, value: r) }
        return r
    }

    /// The DC annuity's price at `age` at the start of y0+t+1, priced at the end of y0+t (κ held
    /// at κ_y): ä^{(12)}, or the joint-and-survivor price when the DC's survivor fraction f > 0
    /// (``ProjectionContext/dcAnnuityFactor(sex:age:t:kappa:rate:survivorFraction:)``), cached for the year.
    mutating func annuityFactor(sex: Sex, age: Int, t: Int, kappa: Double, rate: Double) -> Double {
        if annuityCacheYear != t {
            for i in annuityCache.indices { annuityCache[i] = .nan }
            annuityCacheYear = t
        }
        let i = sex.index * ages + min(age, ages - 1)
        if annuityCache[i].isNaN {
            annuityCache[i] = context.dcAnnuityFactor(sex: sex, age: min(age, ages - 1), t: t, kappa: kappa, rate: rate,
                                                      survivorFraction: rules.rules.dc?.survivorFraction ?? 0)
        }
        return annuityCache[i]
    }

    /// Step 5 of year y: deaths among beneficiaries with their contingent survivor pensions,
    /// deferred members' deaths and annuity purchases, ageing; then the year's awards join the pools.
    /// Returns the survivor entries of the year's deaths of pensioners and the disabled.
    mutating func ageBeneficiaries(_ y: ProjectionYear, annuityRate: Double, flows: inout DCMoneyFlows,
                                   ledger: inout PopulationLedger) throws -> Double {
        let t = y.t, kappa = y.kappa
        var afterAward = 0.0
        ledger.pensionerExits += Self.agePool(&retired, spouses: &newSurvivors, passContingent: true, basis: .pensioners,
                                              t: t, kappa: kappa, context: context, rates: &rates, ledger: &ledger,
                                              survivorEntries: &afterAward)
        ledger.pensionerExits += Self.agePool(&disabled, spouses: &newSurvivors, passContingent: true, basis: .disabled,
                                              t: t, kappa: kappa, context: context, rates: &rates, ledger: &ledger,
                                              survivorEntries: &afterAward)
        ledger.survivorExits += Self.agePool(&survivors, spouses: &newSurvivors, passContingent: false, basis: .survivors,
                                             t: t, kappa: kappa, context: context, rates: &rates, ledger: &ledger,
                                             survivorEntries: &afterAward)
        if let dc = rules.rules.dc {
            try ageDeferred(dc, t: t, kappa: kappa, annuityRate: annuityRate, flows: &flows, ledger: &ledger)
        }
        // Annuities in payment escalate at λ from the end of the year after their award, with
        // their contingent parts; a spouse's DC annuity continues the annuitant's, so those passed
        // at the year's deaths (in `newSurvivors`) escalate with those already in payment.
        if let dc = rules.rules.dc, dc.annuityEscalation != 0 {
            let g = 1 + dc.annuityEscalation
            for i in 0..<(2 * ages) { retired.annuity[i] *= g; disabled.annuity[i] *= g }
            if dc.survivorFraction > 0 {
                for i in 0..<(2 * ages) {
                    retired.contingentAnnuity[i] *= g; disabled.contingentAnnuity[i] *= g
                    survivors.annuity[i] *= g; newSurvivors.annuity[i] *= g
                }
            }
        }
        retired.add(newRetired)
        disabled.add(newDisabled)
        survivors.add(newSurvivors)
        for i in deferred.count.indices {
            deferred.count[i] += newDeferred.count[i]
            deferred.balance[i] += newDeferred.balance[i]
        }
        return afterAward
    }

    /// Step 6 of year y: the DB indexation factor (``IndexationRule``, docs/model.md §5) applied to
    /// every DB-type amount payable in y+1, awards included, and to active switchers' frozen bases;
    /// recognition bonds accrue (``DBRules/bondAccrued(_:rate:)``).
    mutating func index(t: Int, drivers: PathDrivers) {
        let index = drivers.indexation(rules.indexation[t], t)
        if index != 1 {
            for i in 0..<(2 * ages) {
                retired.db[i] *= index; retired.topup[i] *= index; retired.contingent[i] *= index
                disabled.db[i] *= index; disabled.topup[i] *= index; disabled.contingent[i] *= index
                survivors.db[i] *= index
            }
            if retired.keepsFrozen {
                for i in 0..<(2 * ages) {
                    retired.frozenDB[i] *= index; retired.frozenContingent[i] *= index
                    disabled.frozenDB[i] *= index; disabled.frozenContingent[i] *= index
                    survivors.frozenDB[i] *= index
                }
            }
        }
        let bondRate = rules.rules.dc?.accruedRights.bondRate ?? 0
        for c in 0..<actives.cohortCount where actives.rights[c] != .none {
            actives.frozenBase[c] *= index
            actives.bond[c] = DBRules.bondAccrued(actives.bond[c], rate: bondRate)
        }
    }

    /// The year's flows and rates into `result` (docs/model.md §5–6 burdens, §8 metrics).
    func recordYear(_ paid: YearFlows, _ exits: YearExits, survivorEntriesAfterAward: Double, t: Int, drivers: PathDrivers,
                    into result: inout SchemePathResult) {
        let db = rules.rules.db
        let burden = BudgetBurden.amount(dbBenefits: paid.dbBenefits, employerDC: paid.employerDC, topUps: paid.topups,
                                         bondRedemptions: exits.bondRedemptions,
                                         employeeDBToBudget: db.destination == .budget ? paid.employeeDB : 0)
        result[.payroll, t] = paid.payroll
        result[.contributionsEmployee, t] = paid.employeeDB + paid.employeeDC
        result[.contributionsEmployer, t] = paid.employerDC
        for k in employerDCByTrack.indices { result[employerDC: k, t] = employerDCByTrack[k] }
        result[.dbBenefits, t] = paid.dbBenefits
        result[.dcAnnuities, t] = paid.annuities
        result[.guaranteeTopups, t] = paid.topups
        result[.bondRedemptions, t] = exits.bondRedemptions
        result[.budgetBurden, t] = burden
        result[.burdenPctGDP, t] = burden / drivers.gdp[t]
        result[.burdenReal, t] = burden / drivers.priceIndex[t]
        result[.burdenPctPayroll, t] = paid.payroll > 0 ? burden / paid.payroll : .nan
        exits.replacement.write(t: t, into: &result)
        result[.retirements, t] = exits.retirementCount
        result[.survivorEntriesInService, t] = exits.survivorEntriesInService
        result[.survivorEntriesAfterAward, t] = survivorEntriesAfterAward
        result[.survivorBenefits, t] = paid.survivorBenefits
        result[.survivorBenefitsPctGDP, t] = paid.survivorBenefits / drivers.gdp[t]
        result[.dbBenefitsFrozen, t] = paid.frozenBenefits
        result[.contributionsEmployeeDBBudget, t] = db.destination == .budget ? paid.employeeDB : 0
    }

    mutating func clearAwards() {
        newRetired.reset(); newDisabled.reset(); newSurvivors.reset(); newDeferred.reset()
    }

    /// Deaths at the end of year t on `basis`, survivor pensions to spouses (when `spouses` is
    /// given), then ageing by one year (q = 1 at ω). Returns the number of deaths; the spouses
    /// left are added to the ledger's survivor entries and to `survivorEntries`.
    static func agePool(_ pool: inout BeneficiaryPool, spouses: inout BeneficiaryPool, passContingent: Bool,
                        basis: MortalityBasisKind, t: Int, kappa: Double, context: ProjectionContext,
                        rates: inout [Double], ledger: inout PopulationLedger, survivorEntries: inout Double) -> Double {
        var deathsTotal = 0.0
        let ages = context.maximumAge + 1
        // The frozen parts (``BeneficiaryPool/frozenDB``) follow their pool and go to its spouses.
        let frozen = pool.keepsFrozen && spouses.keepsFrozen
        for sIndex in 0..<2 {
            let sex = Sex.at(sIndex)
            context.grid.fillRates(basis, sex, yearIndex: t, kappa: kappa, into: &rates)
            let gap = context.tables.gap[sIndex]
            let base = sIndex * ages
            var x = ages - 1
            while x >= 0 {
                let i = base + x
                let n = pool.count[i]
                let q = rates[x]
                let deaths = n * q
                deathsTotal += deaths
                if passContingent, pool.contingent[i] > 0 || pool.contingentAnnuity[i] > 0 {
                    let m = context.tables.leave[sIndex * ages + x]
                    if m > 0 {
                        let spouse = sex.other.index * ages + Spouse.age(ofMemberAged: x, gap: gap, maximumAge: ages - 1)
                        let spouseCount = pool.withSurvivorRights[i] * q * m
                        spouses.count[spouse] += spouseCount
                        spouses.db[spouse] += pool.contingent[i] * q * m
                        // A joint-and-survivor DC annuity's f·A, paid to the spouse as a DC annuity.
                        if pool.contingentAnnuity[i] > 0 { spouses.annuity[spouse] += pool.contingentAnnuity[i] * q * m }
                        ledger.survivorEntries += spouseCount
                        survivorEntries += spouseCount
                        if frozen { spouses.frozenDB[spouse] += pool.frozenContingent[i] * q * m }
                    }
                }
                if x + 1 < ages {
                    let keep = 1 - q
                    pool.count[i + 1] = n * keep
                    pool.db[i + 1] = pool.db[i] * keep
                    pool.topup[i + 1] = pool.topup[i] * keep
                    pool.annuity[i + 1] = pool.annuity[i] * keep
                    pool.contingent[i + 1] = pool.contingent[i] * keep
                    pool.contingentAnnuity[i + 1] = pool.contingentAnnuity[i] * keep
                    pool.withSurvivorRights[i + 1] = pool.withSurvivorRights[i] * keep
                    if frozen {
                        pool.frozenDB[i + 1] = pool.frozenDB[i] * keep
                        pool.frozenContingent[i + 1] = pool.frozenContingent[i] * keep
                    }
                }
                x -= 1
            }
            pool.count[base] = 0; pool.db[base] = 0; pool.topup[base] = 0; pool.annuity[base] = 0; pool.contingent[base] = 0
            pool.contingentAnnuity[base] = 0
            pool.withSurvivorRights[base] = 0
            if frozen { pool.frozenDB[base] = 0; pool.frozenContingent[base] = 0 }
        }
        return deathsTotal
    }

    /// Deferred members: deaths (balance to heirs), then those reaching the former track's BUP buy
    /// an annuity (or take a lump sum); the rest age by one year.
    mutating func ageDeferred(_ dc: DCRules, t: Int, kappa: Double, annuityRate: Double,
                              flows: inout DCMoneyFlows, ledger: inout PopulationLedger) throws {
        for sIndex in 0..<2 {
            let sex = Sex.at(sIndex)
            context.grid.fillRates(.deferred, sex, yearIndex: t, kappa: kappa, into: &rates)
            for k in 0..<trackCount {
                let base = (sIndex * trackCount + k) * ages
                let bup = rules.retirementAge[k][t]
                var x = ages - 1
                while x >= 0 {
                    let i = base + x
                    let n = deferred.count[i], b = deferred.balance[i]
                    var movedCount = 0.0, movedBalance = 0.0
                    if n != 0 || b != 0 {
                        let q = rates[x]
                        flows.deathBenefits += b * q
                        ledger.deferredExits += n * q
                        movedCount = n * (1 - q)
                        movedBalance = b * (1 - q)
                        if RetirementChance.reachesNormalAge(age: x, normalAge: bup) || x + 1 >= ages {
                            // Annuity purchase (or lump sum) at the former track's BUP.
                            ledger.deferredExits += movedCount
                            if dc.payout == .annuity && x + 1 < ages {
                                let annuity = DCRules.annuity(pot: movedBalance,
                                                              factor: annuityFactor(sex: sex, age: x + 1, t: t, kappa: kappa, rate: annuityRate))
                                flows.annuityPurchases += movedBalance
                                let to = sIndex * ages + x + 1
                                newRetired.count[to] += movedCount
                                newRetired.annuity[to] += annuity
                                let contingent = dc.contingentAnnuity(of: annuity)
                                if contingent > 0 {
                                    newRetired.contingentAnnuity[to] += contingent
                                    newRetired.withSurvivorRights[to] += movedCount
                                }
                                ledger.pensionerEntries += movedCount
                            } else {
                                flows.lumpSums += movedBalance
                            }
                            movedCount = 0
                            movedBalance = 0
                        }
                    }
                    if x + 1 < ages {
                        deferred.count[i + 1] = movedCount
                        deferred.balance[i + 1] = movedBalance
                    }
                    x -= 1
                }
                deferred.count[base] = 0
                deferred.balance[base] = 0
            }
        }
    }

    /// Entrants at the start of year index t: `needed` members spread by the profile (a
    /// multinomial of the rounded number under process risk; more than
    /// ``ProcessRiskLimit/maximum`` throws ``ProcessRiskLimitError`` for `path`). Returns the
    /// number added.
    mutating func addEntrants(_ needed: Double, t: Int, dcFromEntry: Bool, processRisk: Bool,
                              generator: inout RandomGenerator, path: Int) throws -> Double {
        let profile = context.entrantProfile
        guard needed > 0, !profile.isEmpty else { return 0 }
        var counts: [Double]
        if processRisk {
            let trials = try ProcessRiskLimit.trials(needed, cell: "the entrants of the year", path: path, year: context.startYear + t)
            let drawn = try generator.multinomial(trials: trials, weights: profile.map(\.share))
            counts = drawn.map(Double.init)
        } else {
            counts = profile.map { needed * $0.share }
        }
        var added = 0.0
        for (share, n) in zip(profile, counts) where n > 0 {
            actives.append(sex: share.sex.index, track: share.track, entryAge: share.age, entryIndex: t, count: n,
                           accruesDB: !dcFromEntry, isDC: dcFromEntry)
            added += n
        }
        return added
    }
}

/// Count-weighted replacement rates of the year's retirements, overall and by track (docs/model.md §8).
struct ReplacementAccumulator {
    var sums: [[Double]]   // [kind.rawValue][track]
    var counts: [[Double]]
    /// The same by sex ([kind.rawValue][sex]), every track added: apart, so `sums` and `counts`
    /// add exactly what they added before.
    var sumsBySex: [[Double]]
    var countsBySex: [[Double]]
    init(tracks: Int) {
        sums = Array(repeating: Array(repeating: 0, count: tracks), count: ReplacementKind.allCases.count)
        counts = sums
        sumsBySex = Array(repeating: [0, 0], count: ReplacementKind.allCases.count)
        countsBySex = sumsBySex
    }

    /// `db` and `dc` are nil when the retiree has no such rights (not in that average).
    mutating func add(sex s: Int, track k: Int, count n: Double, db: Double?, dc: Double?, total: Double) {
        if let db { add(.db, sex: s, track: k, count: n, rate: db) }
        if let dc { add(.dc, sex: s, track: k, count: n, rate: dc) }
        add(.total, sex: s, track: k, count: n, rate: total)
    }

    @inline(__always) mutating func add(_ kind: ReplacementKind, sex s: Int, track k: Int, count n: Double, rate: Double) {
        sums[kind.rawValue][k] += n * rate
        counts[kind.rawValue][k] += n
        sumsBySex[kind.rawValue][s] += n * rate
        countsBySex[kind.rawValue][s] += n
    }

    /// The year's sums into ``SchemePathResult/awardSums`` (the rates follow from them,
    /// ``SchemePathResult/fillRates(_:groups:takeHome:indexation:drivers:)``).
    func write(t: Int, into result: inout SchemePathResult) {
        for kind in ReplacementKind.allCases {
            for k in sums[kind.rawValue].indices {
                result[award: kind, count: false, group: k, t] = sums[kind.rawValue][k]
                result[award: kind, count: true, group: k, t] = counts[kind.rawValue][k]
            }
            for s in 0..<2 {
                result[award: kind, count: false, sex: s, t] = sumsBySex[kind.rawValue][s]
                result[award: kind, count: true, sex: s, t] = countsBySex[kind.rawValue][s]
            }
        }
    }
}
