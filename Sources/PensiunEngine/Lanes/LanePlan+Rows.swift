import Foundation
import PensiunActuarial
import PensiunInputs

extension LanePlan.Builder {
    typealias Row = LanePlan.Row
    typealias DCRecord = LanePlan.DCRecord
    typealias TrackEntry = LanePlan.TrackEntry

    /// What a group's cohorts share in one year: the age, the pool cells, the year's death and
    /// disability rates at that age, and where the row and its track entries start.
    struct GroupYear {
        let t: Int
        let sex: Int
        let age: Int, ageIndex: Int, nextAge: Int
        /// m_s(x): the probability that a death leaves a survivor.
        let leave: Double
        /// q^i of the age.
        let qi: Double
        /// Whether DC membership is in force (t ≥ t_r).
        let dcActive: Bool
        /// The row's index among the year's rows, and its first track entry.
        let rowIndex: Int
        let trackFirst: Int
    }

    /// The rows of year index t: one per group with members (docs/model.md §4–§6), with the
    /// year's DC records of its cohorts.
    mutating func addRows(t: Int) {
        let dcActive = reformIndex.map { t >= $0 } == true
        let firstRow = rows.count
        for g in groups.indices where groups[g].start <= t {
            let group = groups[g]
            var row = Row()
            let s = group.sex
            let age = t - group.birth
            let ageIndex = min(age, ages - 1)
            let nextAge = min(age + 1, ages - 1)
            row.group = g
            row.sex = s
            row.age = ageIndex
            row.toCell = s * ages + nextAge
            row.spouseCell = (1 - s) * ages + Spouse.age(ofMemberAged: age, gap: tables.gap[s], maximumAge: ages - 1)
            let year = GroupYear(t: t, sex: s, age: age, ageIndex: ageIndex, nextAge: nextAge,
                                 leave: tables.leave[s * ages + ageIndex], qi: grid.disability[s * ages + ageIndex],
                                 dcActive: dcActive, rowIndex: rows.count - firstRow, trackFirst: trackEntries.count)
            var alive = false
            for c in members[g] where cohorts[c].a > 0 {
                alive = true
                addCohort(c, to: &row, year)
            }
            guard alive else { continue }
            row.tracks = year.trackFirst..<trackEntries.count
            rows.append(row)
        }
    }

    /// One cohort's year in its group's row: its decrements (``RetirementChance``), pay, the
    /// survivor pensions of its deaths in service, the DB awards of its disablements and
    /// retirements (``DBRules/award(accruesDB:rights:eligible:yearsOfService:base:floor:frozenBase:serviceAtReform:)``),
    /// its replacement rates, and for a DC member its record (``addRecord(_:row:_:)``).
    mutating func addCohort(_ c: Int, to row: inout Row, _ year: GroupYear) {
        let t = year.t, age = year.age, ageIndex = year.ageIndex, qi = year.qi
        let cohort = cohorts[c]
        let a = cohort.a, k = cohort.track
        let service = t - cohort.entryIndex
        let scale = tables.salaryScale(track: k, service: service)
        let w = tables.withdrawalRate(service: service)
        let decrements = inputs.decrements
        let chance = RetirementChance(age: age, service: service, normalAge: rules.retirementAge[k][t],
                                      earlyAge: decrements.earlyAge, earlyService: decrements.earlyService,
                                      earlyRate: tables.early[ageIndex])
        let r = chance.rate
        let disabled = a * qi, withdrawn = a * (1 - qi) * w, retired = a * (1 - qi) * (1 - w) * r
        let next = r == 1 ? 0 : a * (1 - qi) * (1 - w) * (1 - r)
        cohorts[c].a = next
        let isDC = year.dcActive && cohort.isDC
        row.count += a
        row.countNext += next
        row.pay += a * scale * 12
        if cohort.accruesDB { row.payDB += a * scale * 12 }
        // Σ A · S_DC · 12: the contribution base of A members (the rule is linear in m_DC).
        if isDC {
            let base = DCRules.contributionBase(multiplier: a * tables.dcMultiplier(track: k, t: t), salary: scale)
            row.dcBase += base
            addDCBase(base, track: k, trackFirst: year.trackFirst)
        }
        let nr = cohort.serviceAtReform
        let frozenRights = cohort.rights == .frozenDB
        // Frozen DB amounts: per unit Φ (revalued base) or per unit W (final salary).
        let frozenScale = frozenRights
            ? DBRules.frozenBase(revalued: tables.salaryScale(track: k, service: nr), finalSalary: scale,
                                 onFinalSalary: finalSalary)
            : 0
        let frozenByIndex = frozenRights && !finalSalary
        // Deaths in service.
        if year.leave > 0 {
            let monthly = db.survivorOfDeathInService(accruesDB: cohort.accruesDB, rights: cohort.rights,
                                                      yearsOfService: service + 1, base: scale, floor: db.floor,
                                                      frozenBase: frozenScale, serviceAtReform: nr)
            if monthly > 0 {
                row.survivorCount += a * year.leave
                if frozenByIndex && !cohort.accruesDB {
                    row.survivorAmountFrozen += a * year.leave * monthly * paidSurvivor
                } else {
                    row.survivorAmount += a * year.leave * monthly * paidSurvivor
                }
                if frozenRights && finalSalary && !cohort.accruesDB {
                    row.survivorAmountFrozenW += a * year.leave * monthly * paidSurvivor
                }
            }
        }
        // DB amounts of a disability or retirement award (monthly, per unit W or Φ).
        func award(eligible: Bool) -> DBAward {
            db.award(accruesDB: cohort.accruesDB, rights: cohort.rights, eligible: eligible, yearsOfService: service + 1,
                     base: scale, floor: db.floor, frozenBase: frozenScale, serviceAtReform: nr)
        }
        let dis = award(eligible: true)
        let disCounted = dis.pension > 0
        if disabled > 0 && disCounted {
            row.disabled.add(disabled, dis, frozen: frozenByIndex, paidPension: paidPension, paidSurvivor: paidSurvivor)
            if frozenRights && finalSalary && !cohort.accruesDB {
                row.disabled.addFrozenOnFinalSalary(disabled, dis, paidPension: paidPension, paidSurvivor: paidSurvivor)
            }
        }
        let ret = award(eligible: db.isEligible(early: chance.isEarly, yearsOfService: service + 1))
        let retCounted = ret.pension > 0
        let hasDBRights = ReplacementRate.countsInDB(accruesDB: cohort.accruesDB, holdsFrozenDB: frozenRights)
        let dbRate = ReplacementRate.db(monthlyPension: ret.pension, salary: scale)
        if retired > 0 {
            row.retiredAll += retired
            if retCounted {
                row.retired.add(retired, ret, frozen: frozenByIndex, paidPension: paidPension, paidSurvivor: paidSurvivor)
                if frozenRights && finalSalary && !cohort.accruesDB {
                    row.retired.addFrozenOnFinalSalary(retired, ret, paidPension: paidPension, paidSurvivor: paidSurvivor)
                }
            }
            addRetirements(retired, track: k, dbRate: dbRate, hasDBRights: hasDBRights, frozen: frozenByIndex,
                           isDC: isDC, trackFirst: year.trackFirst)
        }
        guard isDC else { return }
        if cohorts[c].slot < 0 { cohorts[c].slot = slots; slots += 1 }
        var record = DCRecord()
        record.row = year.rowIndex
        record.slot = cohorts[c].slot
        record.sex = year.sex
        record.track = k
        record.age = ageIndex
        record.toCell = year.sex * ages + year.nextAge
        record.deferredCell = (year.sex * trackCount + k) * ages + year.nextAge
        record.countNext = next
        record.withdrawn = withdrawn
        record.retired = retired
        record.contribution = DCRules.contributionBase(multiplier: tables.dcMultiplier(track: k, t: year.t), salary: scale)
        if cohort.rights == .recognitionBond, let rho = bondRate {
            record.bondEnd = DBRules.bondAccrued(cohort.bond, rate: rho)
            cohorts[c].bond = record.bondEnd
            row.bondStart += a * cohort.bond
            row.bondDeaths += a * record.bondEnd
            row.bondExits += (disabled + withdrawn + retired) * record.bondEnd
            row.bondNext += next * record.bondEnd
        }
        record.countedRetired = retCounted
        // The group's DC sums (see Row.hasDC). A balance is positive once a contribution
        // is paid (returns stay above −100%, W > 0), so whether a pot is positive is
        // known here.
        let paid = DCRules.contribution(employeeRate: rules.dcEmployeeRate[t], employerRate: rules.dcEmployerRate[t],
                                        base: record.contribution)
        if paid > 0 { cohorts[c].contributed = true }
        let hasPot = cohorts[c].contributed || record.bondEnd > 0
        row.hasDC = true
        row.dcDisability = qi
        row.dcDisabledBond += disabled * record.bondEnd
        if !disCounted && hasPot { row.dcDisabledCounted += disabled }
        row.dcWithdrawn += withdrawn
        if let guarantee = dcRules?.guarantee, guarantee.covers(yearsOfService: service + 1) {
            // months_paid·G_y less the DB-type part of the pension at award (per unit W), or that
            // part alone per unit Φ (see ``Guarantee/topUp(shortfall:annuity:)``).
            let dbPart = ret.pension * paidPension
            record.guaranteed = true
            record.guaranteeW = guarantee.shortfall(floor: db.floor, monthsPaid: months,
                                                   dbTypeAnnual: frozenByIndex ? 0 : dbPart)
            record.guaranteeFrozen = frozenByIndex ? dbPart : 0
        }
        record.salary = scale
        record.dbRate = frozenByIndex ? 0 : dbRate
        record.dbRateFrozen = frozenByIndex ? dbRate : 0
        records.append(record)
    }

    /// A DC cohort's contribution base on its track's entry of the row (apart from `row.dcBase`).
    mutating func addDCBase(_ base: Double, track k: Int, trackFirst: Int) {
        if let found = trackEntries[trackFirst...].firstIndex(where: { $0.track == k }) {
            trackEntries[found].dcBase += base
        } else {
            var entry = TrackEntry(track: k)
            entry.dcBase = base
            trackEntries.append(entry)
        }
    }

    /// Retirements of a cohort for the replacement rates of its track (docs/model.md §8): the DB
    /// rate of those with DB rights, and the total rate of those outside the DC (their DB rate).
    mutating func addRetirements(_ retired: Double, track k: Int, dbRate: Double, hasDBRights: Bool, frozen: Bool,
                                 isDC: Bool, trackFirst: Int) {
        var entry: Int
        if let found = trackEntries[trackFirst...].firstIndex(where: { $0.track == k }) { entry = found } else {
            entry = trackEntries.count
            trackEntries.append(TrackEntry(track: k))
        }
        if hasDBRights {
            trackEntries[entry].dbCount += retired
            if frozen { trackEntries[entry].dbSumFrozen += retired * dbRate } else {
                trackEntries[entry].dbSum += retired * dbRate
            }
        }
        if !isDC {
            trackEntries[entry].totalCount += retired
            trackEntries[entry].totalSum += retired * dbRate
        }
    }
}
