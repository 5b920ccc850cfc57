import Foundation
import PensiunActuarial
import PensiunInputs
import PensiunRandom

extension SchemeProjector {
    /// What the year's decrements of actives leave for the year's results.
    struct YearExits {
        var bondRedemptions = 0.0
        var replacement: ReplacementAccumulator
        var retirementCount = 0.0
        /// The spouses left with a survivor pension by the year's deaths in service.
        var survivorEntriesInService = 0.0
        /// j_y, the rate DC annuities are bought at in the year (0 without a DC).
        let annuityRate: Double
    }
}

extension SchemeProjector {
    /// The members of an active cohort leaving at the end of year y: what their awards depend on.
    struct Leaver {
        let sex: Int
        let track: Int
        let age: Int
        /// n+1, the years of service at exit.
        let yearsOfService: Int
        /// B = scale_k(n)·W_y.
        let salary: Double
        let accruesDB: Bool
        let rights: HeldRights
        /// A DC member with the DC in force.
        let isDC: Bool
        /// The DC balance with any bond redeemed, per member, at the end of y.
        let pot: Double
        /// B_f (0 without frozen DB rights).
        let frozenBase: Double
        /// n_r.
        let serviceAtReform: Int
        /// min(x+1, ω), the age at the start of y+1.
        let nextAge: Int

        /// A switcher whose DB-type awards are on frozen DB rights (``DBRules/award(accruesDB:rights:eligible:yearsOfService:base:floor:frozenBase:serviceAtReform:)``).
        var holdsFrozenRights: Bool { !accruesDB && rights == .frozenDB }
    }
}

extension SchemeProjector {
    /// The awards of one year's exits (docs/model.md §5–6), one function per exit kind, each
    /// calling the rule layer; the pools are the projector's, taken out for the year's loop.
    struct ExitAwards {
        var retired: BeneficiaryPool
        var disabled: BeneficiaryPool
        var survivors: BeneficiaryPool
        var deferred: DeferredPool
        var flows: DCMoneyFlows
        var ledger: PopulationLedger
        var exits: YearExits
        let db: DBRules
        /// The DC rules when the DC is in force.
        let dc: DCRules?
        /// floor_y.
        let floor: Double
        let paidPension: Double, paidSurvivor: Double
        let monthsDC: Double
        let ages: Int, trackCount: Int

        /// Deaths in service: the survivor pension (``DBRules/survivorOfDeathInService(accruesDB:rights:yearsOfService:base:floor:frozenBase:serviceAtReform:)``)
        /// to the m_s(x) who leave a spouse, aged x+1+Δ_s; the DC pot to the heirs.
        mutating func deathsInService(_ deaths: Double, of m: Leaver, leaveProbability leave: Double, gap: Int) {
            let monthly = db.survivorOfDeathInService(accruesDB: m.accruesDB, rights: m.rights, yearsOfService: m.yearsOfService,
                                                      base: m.salary, floor: floor, frozenBase: m.frozenBase,
                                                      serviceAtReform: m.serviceAtReform)
            if monthly > 0 && leave > 0 {
                let spouse = (1 - m.sex) * ages + Spouse.age(ofMemberAged: m.age, gap: gap, maximumAge: ages - 1)
                survivors.addSurvivors(deaths * leave, at: spouse, monthly: monthly, paid: paidSurvivor)
                if m.holdsFrozenRights && survivors.keepsFrozen {
                    survivors.addFrozenSurvivors(deaths * leave, at: spouse, monthly: monthly, paid: paidSurvivor)
                }
                ledger.survivorEntries += deaths * leave
                exits.survivorEntriesInService += deaths * leave
            }
            if m.isDC { flows.deathBenefits += deaths * m.pot }
        }

        /// Disablements: the DB award (no minimum service), and the DC pot annuitised or paid out.
        mutating func disablements(_ n: Double, of m: Leaver, annuityFactor: Double) {
            let award = db.award(accruesDB: m.accruesDB, rights: m.rights, eligible: true, yearsOfService: m.yearsOfService,
                                 base: m.salary, floor: floor, frozenBase: m.frozenBase, serviceAtReform: m.serviceAtReform)
            let annuity = payOut(n, of: m, annuityFactor: annuityFactor)
            if award.pension > 0 || annuity > 0 {
                disabled.addPensioners(n, at: m.sex * ages + m.nextAge, award: award, paidPension: paidPension,
                                       paidSurvivor: paidSurvivor, annuity: annuity, topup: 0,
                                       contingentAnnuity: contingentAnnuity(of: annuity))
                if m.holdsFrozenRights && disabled.keepsFrozen {
                    disabled.addFrozenPensioners(n, at: m.sex * ages + m.nextAge, award: award, paidPension: paidPension,
                                                 paidSurvivor: paidSurvivor)
                }
                ledger.pensionerEntries += n
            }
        }

        /// Withdrawals: nothing from the DB; the DC balance is deferred or paid out.
        mutating func withdrawals(_ n: Double, of m: Leaver) {
            guard m.isDC, let dc else { return }
            if dc.withdrawal == .deferred {
                let i = (m.sex * trackCount + m.track) * ages + m.nextAge
                deferred.count[i] += n
                deferred.balance[i] += n * m.pot
                ledger.deferredEntries += n
            } else {
                flows.cashWithdrawals += n * m.pot
            }
        }

        /// Normal and early retirements: the DB award if eligible, the DC annuity with the guarantee's
        /// top-up (or a lump sum), and the replacement rates at award.
        mutating func retirements(_ n: Double, of m: Leaver, early: Bool, annuityFactor: Double) {
            exits.retirementCount += n
            guard n > 0 else { return }
            let award = db.award(accruesDB: m.accruesDB, rights: m.rights,
                                 eligible: db.isEligible(early: early, yearsOfService: m.yearsOfService),
                                 yearsOfService: m.yearsOfService, base: m.salary, floor: floor, frozenBase: m.frozenBase,
                                 serviceAtReform: m.serviceAtReform)
            let annuity = payOut(n, of: m, annuityFactor: annuityFactor)
            var topup = 0.0
            if m.isDC, let dc, dc.payout == .annuity, let g = dc.guarantee, g.covers(yearsOfService: m.yearsOfService) {
                let shortfall = g.shortfall(floor: floor, monthsPaid: db.monthsPaid, dbTypeAnnual: award.pension * paidPension)
                topup = Guarantee.topUp(shortfall: shortfall, annuity: annuity)
            }
            if award.pension > 0 || annuity > 0 || topup > 0 {
                retired.addPensioners(n, at: m.sex * ages + m.nextAge, award: award, paidPension: paidPension,
                                      paidSurvivor: paidSurvivor, annuity: annuity, topup: topup,
                                      contingentAnnuity: contingentAnnuity(of: annuity))
                if m.holdsFrozenRights && retired.keepsFrozen {
                    retired.addFrozenPensioners(n, at: m.sex * ages + m.nextAge, award: award, paidPension: paidPension,
                                                paidSurvivor: paidSurvivor)
                }
                ledger.pensionerEntries += n
            }
            let hasDBRights = ReplacementRate.countsInDB(accruesDB: m.accruesDB, holdsFrozenDB: m.rights == .frozenDB)
            let dbRate = ReplacementRate.db(monthlyPension: award.pension, salary: m.salary)
            let dcRate = ReplacementRate.dc(annualAnnuity: annuity, paymentsPerYear: monthsDC, salary: m.salary)
            let totalRate = ReplacementRate.total(db: dbRate, dc: dcRate, annualTopUp: topup, monthsPaid: db.monthsPaid,
                                                  salary: m.salary)
            exits.replacement.add(sex: m.sex, track: m.track, count: n, db: hasDBRights ? dbRate : nil, dc: m.isDC ? dcRate : nil,
                                  total: totalRate)
        }

        /// ``DCRules/contingentAnnuity(of:)`` (0 without a DC in force). The guarantee's top-up has none.
        func contingentAnnuity(of annuity: Double) -> Double { dc?.contingentAnnuity(of: annuity) ?? 0 }

        /// The DC pot of `n` members leaving on retirement or disability: it buys an annuity
        /// (``DCRules/annuity(pot:factor:)``, returned per member) or is paid as a lump sum (0 returned).
        mutating func payOut(_ n: Double, of m: Leaver, annuityFactor: Double) -> Double {
            guard m.isDC, let dc else { return 0 }
            if dc.payout == .annuity {
                flows.annuityPurchases += n * m.pot
                return DCRules.annuity(pot: m.pot, factor: annuityFactor)
            }
            flows.lumpSums += n * m.pot
            return 0
        }
    }
}

extension SchemeProjector {
    /// Step 4 of year y: the decrements of every active cohort at the end of the year (death,
    /// disability, withdrawal, retirement by ``RetirementChance``; expected numbers, or binomial
    /// draws under process risk) and their awards (``ExitAwards``), for the pools of the end of y.
    mutating func decrementActives(_ y: ProjectionYear, drivers: PathDrivers, processRisk: Bool,
                                   riskGenerator: inout RandomGenerator, flows: inout DCMoneyFlows,
                                   ledger: inout PopulationLedger) throws -> YearExits {
        let t = y.t
        let db = rules.rules.db
        let dc = rules.rules.dc
        let grid = context.grid
        let decrementInputs = context.inputs.decrements
        clearAwards()
        grid.fillRates(.actives, .male, yearIndex: t, kappa: y.kappa, into: &maleRates)
        grid.fillRates(.actives, .female, yearIndex: t, kappa: y.kappa, into: &femaleRates)
        let annuityRate = dc.map { $0.annuityRate(bondYield: drivers.bondYield[t]) } ?? 0
        let bondRate = dc?.accruedRights.bondRate ?? 0
        let onFinalSalary = dc?.accruedRights.freezesOnFinalSalary ?? false
        let buysAnnuities = dc?.payout == .annuity
        let earlyAge = decrementInputs.earlyAge, earlyService = decrementInputs.earlyService
        // BUP of each track this year, read once (not through the nested array per cohort).
        for k in 0..<trackCount { bupThisYear[k] = rules.retirementAge[k][t] }
        // The cohort arrays are taken out of `actives` for the loop (no copy, no uniqueness checks inside).
        let sexOf = actives.sex, trackOf = actives.track, entryIndex = actives.entryIndex, entryAge = actives.entryAge
        let accruesDB = actives.accruesDB, isDCMember = actives.isDC, rightsOf = actives.rights
        let serviceAtReform = actives.serviceAtReform, frozenBases = actives.frozenBase, bonds = actives.bond
        let balances = actives.balance
        let cohorts = actives.cohortCount
        var newCounts = actives.count
        actives.count = []
        var awards = ExitAwards(retired: newRetired, disabled: newDisabled, survivors: newSurvivors, deferred: newDeferred,
                                flows: flows, ledger: ledger,
                                exits: YearExits(replacement: ReplacementAccumulator(tracks: trackCount), annuityRate: annuityRate),
                                db: db, dc: y.dcActive ? dc : nil, floor: y.floor,
                                paidPension: db.paidPerMonthlyPension, paidSurvivor: db.paidPerMonthlySurvivorPension,
                                monthsDC: dc?.monthsPaidDC ?? 12, ages: ages, trackCount: trackCount)
        newRetired = BeneficiaryPool(ages: 0); newDisabled = newRetired; newSurvivors = newRetired
        newDeferred = DeferredPool(tracks: 0, ages: 0)
        for c in 0..<cohorts {
            let n = newCounts[c]
            if n == 0 { continue }
            let sIndex = sexOf[c], k = trackOf[c]
            let service = t - entryIndex[c]
            let age = entryAge[c] + service
            let ageIndex = min(age, ages - 1)
            let chance = RetirementChance(age: age, service: service, normalAge: bupThisYear[k], earlyAge: earlyAge,
                                          earlyService: earlyService, earlyRate: tables.early[ageIndex])
            let qd = sIndex == 0 ? maleRates[ageIndex] : femaleRates[ageIndex]
            let (deaths, disablements, withdrawals, retirements) = try decrements(
                n, death: qd, disability: grid.disability[sIndex * ages + ageIndex], withdrawal: tables.withdrawalRate(service: service),
                retirement: chance.rate, processRisk: processRisk, generator: &riskGenerator,
                cell: (sIndex, k, age, service), path: drivers.path, year: y.year)
            let exits = deaths + disablements + withdrawals + retirements
            awards.ledger.activeExits += exits
            newCounts[c] = chance.rate == 1 && !processRisk ? 0 : n - exits
            if exits == 0 { continue }

            let b = tables.salaryScale(track: k, service: service) * y.wage
            let isDC = y.dcActive && isDCMember[c]
            let rights = rightsOf[c]
            // The bond at the end of y, redeemed on any exit.
            let bondValue = rights == .recognitionBond ? DBRules.bondAccrued(bonds[c], rate: bondRate) : 0
            awards.exits.bondRedemptions += exits * bondValue
            if isDC { awards.flows.bondsRedeemedIntoAccounts += exits * bondValue }
            let member = Leaver(
                sex: sIndex, track: k, age: age, yearsOfService: service + 1, salary: b, accruesDB: accruesDB[c],
                rights: rights, isDC: isDC, pot: (isDC ? balances[c] : 0) + bondValue,
                frozenBase: rights == .frozenDB ? DBRules.frozenBase(revalued: frozenBases[c], finalSalary: b, onFinalSalary: onFinalSalary) : 0,
                serviceAtReform: serviceAtReform[c], nextAge: min(age + 1, ages - 1))
            let factor = isDC && buysAnnuities && (disablements > 0 || retirements > 0)
                ? annuityFactor(sex: Sex.at(sIndex), age: age + 1, t: t, kappa: y.kappa, rate: annuityRate) : .nan
            if deaths > 0 {
                awards.deathsInService(deaths, of: member, leaveProbability: tables.leave[sIndex * ages + ageIndex],
                                       gap: tables.gap[sIndex])
            }
            if disablements > 0 { awards.disablements(disablements, of: member, annuityFactor: factor) }
            if withdrawals > 0 { awards.withdrawals(withdrawals, of: member) }
            awards.retirements(retirements, of: member, early: chance.isEarly, annuityFactor: factor)
        }
        actives.count = newCounts
        newRetired = awards.retired; newDisabled = awards.disabled; newSurvivors = awards.survivors; newDeferred = awards.deferred
        flows = awards.flows
        ledger = awards.ledger
        return awards.exits
    }

    /// The decrements of year y among the n members of a cohort (docs/model.md §4), in the order
    /// death, disability, withdrawal, retirement, each among those left by the previous ones:
    /// expected numbers, or binomial draws under process risk.
    func decrements(_ n: Double, death qd: Double, disability qi: Double, withdrawal w: Double, retirement r: Double,
                    processRisk: Bool, generator: inout RandomGenerator, cell: (sex: Int, track: Int, age: Int, service: Int),
                    path: Int, year: Int) throws -> (Double, Double, Double, Double) {
        if processRisk {
            var remaining = try ProcessRiskLimit.trials(
                n, cell: activeCell(sex: cell.sex, track: cell.track, age: cell.age, service: cell.service), path: path, year: year)
            let d = try generator.binomial(n: remaining, p: qd); remaining -= d
            let i = try generator.binomial(n: remaining, p: qi); remaining -= i
            let wd = try generator.binomial(n: remaining, p: w); remaining -= wd
            let rt = try generator.binomial(n: remaining, p: r)
            return (Double(d), Double(i), Double(wd), Double(rt))
        }
        let deaths = n * qd
        let disablements = (n - deaths) * qi
        let withdrawals = (n - deaths - disablements) * w
        let retirements = (n - deaths - disablements - withdrawals) * r
        return (deaths, disablements, withdrawals, retirements)
    }
}
