import Foundation
import PensiunActuarial
import PensiunRandom

/// A portfolio return at or below −100%: the run stops (docs/model.md §3), naming path and year.
public struct PortfolioReturnError: Error, Equatable, CustomStringConvertible, Sendable {
    public let path: Int
    public let year: Int
    public let age: Int
    public let value: Double
    public var description: String {
        "path \(path), year \(year): the DC portfolio return at age \(age) is \(value), at or below −100%; the model cannot project it (lower the equity weight or the volatilities)"
    }
}

/// Projects one scheme on one path, year by year, in the order of docs/model.md §2: flows of the year
/// paid to those in each state at its start; returns; decrements at the end of the year (§4);
/// awards; indexation; entrants; ageing. Buffers are reused from path to path.
struct SchemeProjector {
    let context: ProjectionContext
    let rules: SchemeYearRules
    let ages: Int
    let trackCount: Int

    var actives = ActiveCohorts()
    var retired: BeneficiaryPool
    var disabled: BeneficiaryPool
    var survivors: BeneficiaryPool
    var deferred: DeferredPool
    // Awards of the end of the current year, by age at the start of the next.
    var newRetired: BeneficiaryPool
    var newDisabled: BeneficiaryPool
    var newSurvivors: BeneficiaryPool
    var newDeferred: DeferredPool
    var reserve = 0.0
    var rates: [Double]
    var maleRates: [Double]
    var femaleRates: [Double]
    var returnByAge: [Double]
    var halfGrowthByAge: [Double]
    var annuityCache: [Double]
    var bupThisYear: [Int]
    let tables: DenseTables
    var annuityCacheYear = -1

    init(context: ProjectionContext, scheme: Scheme) {
        self.context = context
        rules = context.schemes[scheme.rawValue]
        ages = context.maximumAge + 1
        trackCount = context.inputs.tracks.count
        retired = BeneficiaryPool(ages: ages)
        disabled = retired
        survivors = retired
        newRetired = retired
        newDisabled = retired
        newSurvivors = retired
        deferred = DeferredPool(tracks: trackCount, ages: ages)
        newDeferred = deferred
        rates = .init(repeating: 0, count: ages)
        maleRates = rates
        femaleRates = rates
        returnByAge = rates
        halfGrowthByAge = rates
        tables = context.tables
        bupThisYear = .init(repeating: 0, count: context.inputs.tracks.count)
        annuityCache = .init(repeating: .nan, count: 2 * ages)
    }

    // MARK: Set-up of a path

    /// Loads the y0 population.
    mutating func reset(processRisk: Bool) {
        actives.removeAll()
        for cell in context.initialActives {
            let n = processRisk ? cell.count.rounded() : cell.count
            actives.append(sex: cell.sex.index, track: cell.track, entryAge: cell.age - cell.service,
                           entryIndex: -cell.service, count: n, accruesDB: true, isDC: false)
        }
        retired.reset(); disabled.reset(); survivors.reset(); deferred.reset()
        let db = rules.rules.db
        let months = db.monthsPaid
        let floor0 = db.floor
        for (pool, cells) in [(0, context.inputs.population.pensioners), (1, context.inputs.population.disabled),
                              (2, context.inputs.population.survivors)] {
            for cell in cells {
                let i = cell.sex.index * ages + min(cell.age, ages - 1)
                let contingentMonthly = cell.monthlySurvivorPension
                    ?? max(db.survivorOfPensioner / db.cap * cell.monthlyPension,
                           db.survivorOfPensionerFloor * floor0 * cell.count)
                switch pool {
                case 0:
                    retired.count[i] += cell.count
                    retired.db[i] += cell.monthlyPension * months
                    retired.contingent[i] += contingentMonthly * months
                    retired.withSurvivorRights[i] += cell.count
                case 1:
                    disabled.count[i] += cell.count
                    disabled.db[i] += cell.monthlyPension * months
                    disabled.contingent[i] += contingentMonthly * months
                    disabled.withSurvivorRights[i] += cell.count
                default:
                    survivors.count[i] += cell.count
                    survivors.db[i] += cell.monthlyPension * months
                }
            }
        }
        reserve = 0
        annuityCacheYear = -1
    }

    // MARK: The projection

    /// Runs the scheme over the horizon on `drivers`, writing every metric into `result`.
    /// `riskGenerator` supplies process-risk draws when process risk is on.
    mutating func project(_ drivers: PathDrivers, riskGenerator: inout RandomGenerator,
                          into result: inout SchemePathResult) throws {
        let inputs = context.inputs
        let processRisk = inputs.decrements.processRisk
        reset(processRisk: processRisk)
        let horizon = context.horizon
        let db = rules.rules.db
        let dc = rules.rules.dc
        let grid = context.grid
        let months = db.monthsPaid
        let monthsDC = dc?.monthsPaidDC ?? 12
        // Amounts paid include the allowances paid with DB pensions.
        let paidPension = months * (1 + db.pensionAllowance), paidSurvivor = months * (1 + db.survivorAllowance)
        for t in 0..<horizon {
            let year = context.startYear + t
            let wage = drivers.wageIndex[t]
            let floorY = db.floor * wage
            let kappa = drivers.kappa[t]
            // 0. The transition at the start of the reform year.
            if let dc, let tr = rules.reformIndex, t == tr { applyTransition(dc, t: t, wage: wage) }
            let dcActive = dc != nil && rules.reformIndex.map { t >= $0 } == true

            // 1. Stocks at the start of the year.
            recordStocks(t: t, drivers: drivers, into: &result)

            // 2. Flows of the year, to those in each state at its start. The cohort arrays are
            // taken out of `actives` for the loops (no copy, no uniqueness checks inside).
            var payroll = 0.0, employeeDB = 0.0, employeeDC = 0.0, employerDC = 0.0
            let cDB = rules.employeeDBRate[t], ce = rules.dcEmployeeRate[t], cr = rules.dcEmployerRate[t]
            var flows = DCMoneyFlows()
            let equity = drivers.equityReturn[t], bondR = drivers.bondReturn[t], cash = drivers.cashReturn[t]
            let cohorts = actives.cohortCount
            let counts = actives.count, trackOf = actives.track, entryIndex = actives.entryIndex
            let entryAge = actives.entryAge, accruesDB = actives.accruesDB, isDCMember = actives.isDC
            if dcActive, let dc {
                // Portfolio returns by age for this year: R(x) and (1+R(x))^{1/2}.
                for x in 0..<ages {
                    let r = try Self.portfolioReturn(dc, age: x, equity: equity, bond: bondR, cash: cash, path: drivers.path, year: year)
                    returnByAge[x] = r
                    halfGrowthByAge[x] = (1 + r).squareRoot()
                }
            }
            var balances = actives.balance
            actives.balance = []
            for c in 0..<cohorts {
                let n = counts[c]
                if n == 0 { continue }
                let k = trackOf[c]
                let service = t - entryIndex[c]
                let s = tables.salaryScale(track: k, service: service) * wage
                payroll += n * s * 12
                if accruesDB[c] { employeeDB += n * cDB * s * 12 }
                if dcActive && isDCMember[c] {
                    let base = tables.dcMultiplier[k] * s * 12
                    let contribution = (ce + cr) * base
                    employeeDC += n * ce * base
                    employerDC += n * cr * base
                    // 3. Returns: b ← b(1+R) + C(1+R)^{1/2}, at the member's age at the start of y.
                    let age = min(entryAge[c] + service, ages - 1)
                    let r = returnByAge[age]
                    let before = balances[c]
                    let after = before * (1 + r) + contribution * halfGrowthByAge[age]
                    flows.contributions += n * contribution
                    flows.returns += n * (after - before - contribution)
                    balances[c] = after
                }
            }
            actives.balance = balances
            var dbBenefits = 0.0, annuities = 0.0, topups = 0.0
            for i in 0..<(2 * ages) {
                dbBenefits += retired.db[i] + disabled.db[i] + survivors.db[i]
                annuities += retired.annuity[i] + disabled.annuity[i]
                topups += retired.topup[i] + disabled.topup[i]
            }
            // Deferred balances earn the portfolio return at their age.
            if dcActive {
                for s in 0..<2 { for k in 0..<trackCount { for x in 0..<ages {
                    let i = (s * trackCount + k) * ages + x
                    let b = deferred.balance[i]
                    if b == 0 { continue }
                    let r = returnByAge[x]
                    flows.returns += b * r
                    deferred.balance[i] = b * (1 + r)
                } } }
            }
            // DB reserve: mid-year inflows at the bond return.
            let toReserve = db.destination == .reserve ? employeeDB : 0
            reserve = reserve * (1 + bondR) + toReserve * (1 + bondR).squareRoot()

            // 4. Decrements of actives at the end of the year, and awards.
            var ledger = PopulationLedger()
            var bondRedemptions = 0.0
            var replacement = ReplacementAccumulator(tracks: trackCount)
            var retirementCount = 0.0
            clearAwards()
            grid.fillRates(.actives, .male, yearIndex: t, kappa: kappa, into: &maleRates)
            grid.fillRates(.actives, .female, yearIndex: t, kappa: kappa, into: &femaleRates)
            let annuityRate = dc.map { $0.annuityRate(bondYield: drivers.bondYield[t]) } ?? 0
            let bondGrowth: Double
            if case let .recognitionBond(rho)? = dc?.accruedRights { bondGrowth = 1 + rho } else { bondGrowth = 1 }
            let finalSalaryFrozen: Bool
            if case .frozenDB(finalSalary: true)? = dc?.accruedRights { finalSalaryFrozen = true } else { finalSalaryFrozen = false }
            let earlyAge = inputs.decrements.earlyAge, earlyService = inputs.decrements.earlyService
            // BUP of each track this year, read once (not through the nested array per cohort).
            for k in 0..<trackCount { bupThisYear[k] = rules.retirementAge[k][t] }
            let sexOf = actives.sex, rightsOf = actives.rights, serviceAtReform = actives.serviceAtReform
            let frozenBases = actives.frozenBase, bonds = actives.bond
            var newCounts = actives.count
            actives.count = []
            var awardsRetired = newRetired, awardsDisabled = newDisabled, awardsSurvivors = newSurvivors, awardsDeferred = newDeferred
            newRetired = BeneficiaryPool(ages: 0); newDisabled = newRetired; newSurvivors = newRetired
            newDeferred = DeferredPool(tracks: 0, ages: 0)
            for c in 0..<cohorts {
                let n = newCounts[c]
                if n == 0 { continue }
                let sIndex = sexOf[c], k = trackOf[c]
                let service = t - entryIndex[c]
                let age = entryAge[c] + service
                let ageIndex = min(age, ages - 1)
                let b = tables.salaryScale(track: k, service: service) * wage
                let qd = sIndex == 0 ? maleRates[ageIndex] : femaleRates[ageIndex]
                let qi = grid.disability[sIndex * ages + ageIndex]
                let w = tables.withdrawalRate(service: service)
                let bup = bupThisYear[k]
                let r: Double
                var early = false
                if age + 1 >= bup {
                    r = 1
                } else if age + 1 >= earlyAge && service + 1 >= earlyService {
                    r = tables.early[ageIndex]
                    early = true
                } else {
                    r = 0
                }
                var deaths: Double, disablements: Double, withdrawals: Double, retirements: Double
                if processRisk {
                    var remaining = try ProcessRiskLimit.trials(
                        n, cell: activeCell(sex: sIndex, track: k, age: age, service: service), path: drivers.path, year: year)
                    let d = try riskGenerator.binomial(n: remaining, p: qd); remaining -= d
                    let i = try riskGenerator.binomial(n: remaining, p: qi); remaining -= i
                    let wd = try riskGenerator.binomial(n: remaining, p: w); remaining -= wd
                    let rt = try riskGenerator.binomial(n: remaining, p: r)
                    (deaths, disablements, withdrawals, retirements) = (Double(d), Double(i), Double(wd), Double(rt))
                } else {
                    deaths = n * qd
                    disablements = (n - deaths) * qi
                    withdrawals = (n - deaths - disablements) * w
                    retirements = (n - deaths - disablements - withdrawals) * r
                }
                let exits = deaths + disablements + withdrawals + retirements
                ledger.activeExits += exits
                newCounts[c] = r == 1 && !processRisk ? 0 : n - exits
                if exits == 0 { continue }

                let isDC = dcActive && isDCMember[c]
                let rights = rightsOf[c]
                let balance = isDC ? balances[c] : 0
                // The bond at the end of y, redeemed on any exit.
                let bondValue = rights == 2 ? bonds[c] * bondGrowth : 0
                let pot = balance + bondValue
                bondRedemptions += exits * bondValue
                if isDC { flows.bondsRedeemedIntoAccounts += exits * bondValue }
                let nr = serviceAtReform[c]
                let frozenB = rights == 1 ? (finalSalaryFrozen ? b : frozenBases[c]) : 0
                let nextAge = min(age + 1, ages - 1)
                let to = sIndex * ages + nextAge
                let memberAccruesDB = accruesDB[c]

                // Deaths in service.
                if deaths > 0 {
                    let m = tables.leave[sIndex * ages + ageIndex]
                    let spouseAge = min(max(age + 1 + tables.gap[sIndex], 0), ages - 1)
                    let spouse = (1 - sIndex) * ages + spouseAge
                    var monthly = 0.0
                    if memberAccruesDB {
                        monthly = (1 - db.dutyShare) * max(db.survivorOfActive * b, db.survivorOfActiveFloor * floorY)
                            + db.dutyShare * max(db.survivorOfDuty * b, db.survivorOfDutyFloor * floorY)
                    } else if rights == 1 {
                        monthly = db.survivorOfActive * frozenB * Double(nr) / Double(service + 1)
                    }
                    if monthly > 0 && m > 0 {
                        awardsSurvivors.count[spouse] += deaths * m
                        awardsSurvivors.db[spouse] += deaths * m * monthly * paidSurvivor
                        ledger.survivorEntries += deaths * m
                    }
                    if isDC { flows.deathBenefits += deaths * pot }
                }
                // Disability.
                if disablements > 0 {
                    var dbMonthly = 0.0, contingentMonthly = 0.0
                    if memberAccruesDB {
                        dbMonthly = max(floorY, min(db.cap, db.accrualRate * Double(service + 1)) * b)
                        contingentMonthly = max(db.survivorOfPensioner * b, db.survivorOfPensionerFloor * floorY)
                    } else if rights == 1 {
                        dbMonthly = min(db.cap, db.accrualRate * Double(nr)) * frozenB
                        contingentMonthly = db.survivorOfPensioner * frozenB * Double(nr) / Double(service + 1)
                    }
                    var annuity = 0.0
                    if isDC {
                        if dc!.payout == .annuity {
                            annuity = pot / annuityFactor(sex: Sex.at(sIndex), age: age + 1, t: t, kappa: kappa, rate: annuityRate)
                            flows.annuityPurchases += disablements * pot
                        } else {
                            flows.lumpSums += disablements * pot
                        }
                    }
                    if dbMonthly > 0 || annuity > 0 {
                        awardsDisabled.count[to] += disablements
                        awardsDisabled.db[to] += disablements * dbMonthly * paidPension
                        awardsDisabled.contingent[to] += disablements * contingentMonthly * paidSurvivor
                        if contingentMonthly > 0 { awardsDisabled.withSurvivorRights[to] += disablements }
                        awardsDisabled.annuity[to] += disablements * annuity
                        ledger.pensionerEntries += disablements
                    }
                }
                // Withdrawal: nothing from the DB; the DC balance is deferred or paid out.
                if withdrawals > 0 && isDC {
                    if dc!.withdrawal == .deferred {
                        let i = (sIndex * trackCount + k) * ages + nextAge
                        awardsDeferred.count[i] += withdrawals
                        awardsDeferred.balance[i] += withdrawals * pot
                        ledger.deferredEntries += withdrawals
                    } else {
                        flows.cashWithdrawals += withdrawals * pot
                    }
                }
                // Normal and early retirement.
                retirementCount += retirements
                if retirements > 0 {
                    let eligible = early || service + 1 >= db.minimumService
                    var dbMonthly = 0.0, contingentMonthly = 0.0
                    let hasDBRights = memberAccruesDB || rights == 1
                    if memberAccruesDB && eligible {
                        dbMonthly = max(floorY, min(db.cap, db.accrualRate * Double(service + 1)) * b)
                        contingentMonthly = max(db.survivorOfPensioner * b, db.survivorOfPensionerFloor * floorY)
                    } else if rights == 1 && eligible {
                        dbMonthly = min(db.cap, db.accrualRate * Double(nr)) * frozenB
                        contingentMonthly = db.survivorOfPensioner * frozenB * Double(nr) / Double(service + 1)
                    }
                    var annuity = 0.0, topup = 0.0
                    if isDC {
                        if dc!.payout == .annuity {
                            annuity = pot / annuityFactor(sex: Sex.at(sIndex), age: age + 1, t: t, kappa: kappa, rate: annuityRate)
                            flows.annuityPurchases += retirements * pot
                            if let g = dc!.guarantee, service + 1 >= g.minimumService {
                                topup = max(0, months * g.level * floorY - (dbMonthly * paidPension + annuity))
                            }
                        } else {
                            flows.lumpSums += retirements * pot
                        }
                    }
                    if dbMonthly > 0 || annuity > 0 || topup > 0 {
                        awardsRetired.count[to] += retirements
                        awardsRetired.db[to] += retirements * dbMonthly * paidPension
                        awardsRetired.contingent[to] += retirements * contingentMonthly * paidSurvivor
                        if contingentMonthly > 0 { awardsRetired.withSurvivorRights[to] += retirements }
                        awardsRetired.annuity[to] += retirements * annuity
                        awardsRetired.topup[to] += retirements * topup
                        ledger.pensionerEntries += retirements
                    }
                    let dbRate = dbMonthly / b
                    let dcRate = annuity / monthsDC / b
                    let totalRate = dbRate + dcRate + topup / months / b
                    replacement.add(track: k, count: retirements, db: hasDBRights ? dbRate : nil,
                                    dc: isDC ? dcRate : nil, total: totalRate)
                }
            }
            actives.count = newCounts
            newRetired = awardsRetired; newDisabled = awardsDisabled; newSurvivors = awardsSurvivors; newDeferred = awardsDeferred

            // 5. Beneficiaries: deaths, contingent survivors, ageing.
            ledger.pensionerExits += Self.agePool(&retired, spouses: &newSurvivors, passContingent: true, basis: .pensioners,
                                                  t: t, kappa: kappa, context: context, rates: &rates, ledger: &ledger)
            ledger.pensionerExits += Self.agePool(&disabled, spouses: &newSurvivors, passContingent: true, basis: .disabled,
                                                  t: t, kappa: kappa, context: context, rates: &rates, ledger: &ledger)
            ledger.survivorExits += Self.agePool(&survivors, spouses: &newSurvivors, passContingent: false, basis: .survivors,
                                                 t: t, kappa: kappa, context: context, rates: &rates, ledger: &ledger)
            if let dc {
                try ageDeferred(dc, t: t, kappa: kappa, annuityRate: annuityRate, flows: &flows, ledger: &ledger)
            }
            // Annuities in payment escalate at λ from the end of the year after their award.
            if let dc, dc.annuityEscalation != 0 {
                let g = 1 + dc.annuityEscalation
                for i in 0..<(2 * ages) { retired.annuity[i] *= g; disabled.annuity[i] *= g }
            }
            retired.add(newRetired)
            disabled.add(newDisabled)
            survivors.add(newSurvivors)
            for i in deferred.count.indices {
                deferred.count[i] += newDeferred.count[i]
                deferred.balance[i] += newDeferred.balance[i]
            }
            // 6. Indexation of every DB-type amount payable in y+1, awards included.
            let index = drivers.indexation(rules.indexation[t], t)
            if index != 1 {
                for i in 0..<(2 * ages) {
                    retired.db[i] *= index; retired.topup[i] *= index; retired.contingent[i] *= index
                    disabled.db[i] *= index; disabled.topup[i] *= index; disabled.contingent[i] *= index
                    survivors.db[i] *= index
                }
            }
            // Active switchers' frozen bases are revalued by the same rule; bonds accrue.
            for c in 0..<actives.cohortCount where actives.rights[c] != 0 {
                actives.frozenBase[c] *= index
                actives.bond[c] *= bondGrowth
            }

            // The year's flows.
            let burden = dbBenefits + employerDC + topups + bondRedemptions
                - (db.destination == .budget ? employeeDB : 0)
            result[.payroll, t] = payroll
            result[.contributionsEmployee, t] = employeeDB + employeeDC
            result[.contributionsEmployer, t] = employerDC
            result[.dbBenefits, t] = dbBenefits
            result[.dcAnnuities, t] = annuities
            result[.guaranteeTopups, t] = topups
            result[.bondRedemptions, t] = bondRedemptions
            result[.budgetBurden, t] = burden
            result[.burdenPctGDP, t] = burden / drivers.gdp[t]
            result[.burdenReal, t] = burden / drivers.priceIndex[t]
            result[.burdenPctPayroll, t] = payroll > 0 ? burden / payroll : .nan
            replacement.write(t: t, into: &result)
            result[.retirements, t] = retirementCount
            actives.compact()

            // 7. Entrants at the start of y+1 (not after the last year: stocks at y0+H are
            // reported before its entrants).
            if t + 1 < horizon {
                let surviving = actives.count.reduce(0, +)
                let needed = max(0, context.target(t + 1) - surviving)
                ledger.activeEntries = try addEntrants(needed, t: t + 1, dcFromEntry: dc != nil && (rules.reformIndex.map { t + 1 >= $0 } ?? false),
                                                       processRisk: processRisk, generator: &riskGenerator, path: drivers.path)
            }
            result.ledger[t] = ledger
            result.dcFlows[t] = flows
        }
        recordStocks(t: horizon, drivers: drivers, into: &result)
    }
}
