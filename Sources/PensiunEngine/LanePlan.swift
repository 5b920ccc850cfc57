import Foundation
import PensiunActuarial

/// The path-independent part of one scheme's projection when process risk is off (docs/model.md §4–§6),
/// computed once per run for the lane engine (``LaneProjector``).
///
/// Every active cohort c (sex, track, entry age, entry year) belongs to a group g: the initial cells
/// of one (sex, year of birth), or the entrants of one (sex, entry age, entry year). Its expected
/// count factorises into a path part shared by the group and a deterministic part:
///
///     N_c(t) = μ_g(t) · A_c(t)
///     μ_g(t+1) = μ_g(t) · (1 − q_actives(s, x, y0+t; κ_t))     μ_g = 1 at y0, or E_{t_e} at entry
///     A_c(t+1) = A_c(t) · (1 − q^i)(1 − w)(1 − r)              A_c = the y0 count, or the entrant share
///
/// because deaths are the only active decrement that depends on the path, and they depend only on
/// (sex, age, year), which the group shares. Deaths of the year are then μ_g(t) q · A_c, and the
/// other exits μ_g(t+1) · A_c · (their deterministic fractions). Every DB-type flow of a cohort is
/// such a count times a per-member amount that is a deterministic number times W_y (salary-linked)
/// or Φ_y (a frozen base revalued since the reform year), so the plan stores one ``Row`` of
/// coefficients per group and year, summed over the group's cohorts. DC members need per-member
/// balances that depend on the path, so the plan stores one ``DCRecord`` per DC cohort and year.
struct LanePlan: Sendable {
    struct Group: Sendable {
        let sex: Int
        /// Birth index b: the age at year index t is t − b.
        let birth: Int
        /// First year index of the group (0 for the initial cells, t_e for entrants).
        let start: Int
        let isEntrant: Bool
    }

    /// One group in one year: coefficients of the group's flows per unit of μ and path index.
    struct Row: Sendable {
        var group = 0
        var sex = 0
        /// Age index min(x, ω) at the start of the year.
        var age = 0
        /// Pool cell s·(ω+1) + min(x+1, ω) of awards, and the spouse's cell of survivor awards.
        var toCell = 0
        var spouseCell = 0
        /// ΣA at the start of the year (× μ(t)) and after the year's exits (× μ(t+1)).
        var count = 0.0
        var countNext = 0.0
        /// Σ A · scale · 12 over all, over DB accruers, and Σ A · m_DC · scale · 12 over DC members (× μ(t) W).
        var pay = 0.0
        var payDB = 0.0
        var dcBase = 0.0
        /// Deaths in service leaving a survivor: ΣA·m (× μ q), monthly amounts × months paid (× μ q W, × μ q Φ).
        var survivorCount = 0.0
        var survivorAmount = 0.0
        var survivorAmountFrozen = 0.0
        /// Disablements with a DB award (× μ(t+1)), and their amounts (× μ(t+1) W or Φ).
        var disabled = Award()
        /// All normal and early retirements (× μ(t+1)), and those with a DB award, as above.
        var retiredAll = 0.0
        var retired = Award()
        /// Recognition bonds per unit W at the reform year: Σ A · bond at the start (× μ(t)), Σ A ·
        /// bond at the end (deaths, × μ q), Σ (other exits) · bond at the end (× μ(t+1)), and
        /// Σ A_next · bond at the end (× μ(t+1)).
        var bondStart = 0.0
        var bondDeaths = 0.0
        var bondExits = 0.0
        var bondNext = 0.0
        /// Replacement-rate entries by track, in ``LanePlan/trackEntries``.
        var tracks: Range<Int> = 0..<0
        /// DC members of the group (docs/model.md §6). Their balances enter the year's sums through the
        /// group's fund per unit μ, F = Σ A · balance (``LaneProjector``), since every member of a
        /// group has the group's age, return and disability rate: whether the group has DC
        /// records this year; q^i of its age (disablements = q^i · Σ A · balance); Σ disabled ·
        /// bond at the end (× W at the reform year); the disablements counted as new pensioners
        /// (those without a DB award and with a positive pot); and Σ withdrawn.
        var hasDC = false
        var dcDisability = 0.0
        var dcDisabledBond = 0.0
        var dcDisabledCounted = 0.0
        var dcWithdrawn = 0.0
    }

    /// One kind of pension award (disability or retirement) of a row, as coefficients: members
    /// (× μ(t+1)), annual DB and contingent survivor amounts (× μ(t+1) W·x, or × μ(t+1) Φ·x for the
    /// frozen parts), and members whose award carries survivor rights (× μ(t+1)).
    struct Award: Sendable {
        var count = 0.0, db = 0.0, contingent = 0.0, withRights = 0.0, dbFrozen = 0.0, contingentFrozen = 0.0

        /// Adds `members` awarded monthly amounts (db, contingent) paid `paidPension` and
        /// `paidSurvivor` times a year, per unit Φ when `frozen` (a base revalued by the DB rule).
        mutating func add(_ members: Double, _ monthly: (db: Double, contingent: Double), frozen: Bool,
                          paidPension: Double, paidSurvivor: Double) {
            count += members
            if frozen {
                dbFrozen += members * monthly.db * paidPension
                contingentFrozen += members * monthly.contingent * paidSurvivor
            } else {
                db += members * monthly.db * paidPension
                contingent += members * monthly.contingent * paidSurvivor
            }
            if monthly.contingent > 0 { withRights += members }
        }

        var hasFrozen: Bool { dbFrozen != 0 || contingentFrozen != 0 }
        var rightsAreCounts: Bool { withRights == count }
    }

    /// Retirements of one row on one track, for the replacement rates (× μ(t+1)).
    struct TrackEntry: Sendable {
        var track: Int
        /// Members with DB rights: Σ ret and Σ ret · DB rate (the frozen part × Φ/W).
        var dbCount = 0.0
        var dbSum = 0.0
        var dbSumFrozen = 0.0
        /// Members outside the DC (the total rate is the DB rate).
        var totalCount = 0.0
        var totalSum = 0.0
    }

    /// One DC cohort in one year, with per-member amounts per unit of path index.
    struct DCRecord: Sendable {
        /// Index of the group's row among the year's rows, and the cohort's balance slot.
        var row = 0
        var slot = 0
        var sex = 0
        var track = 0
        /// Age index at the start of the year; pool and deferred cells of its exits.
        var age = 0
        var toCell = 0
        var deferredCell = 0
        /// A after the year's exits, and the withdrawal and retirement fractions times A (the
        /// group's sums carry the rest: see Row.hasDC).
        var countNext = 0.0
        var withdrawn = 0.0
        var retired = 0.0
        /// m_DC · scale · 12 per member (× (c_e + c_r)_y W_y).
        var contribution = 0.0
        /// Recognition bond per member (× W at the reform year) at the end of the year.
        var bondEnd = 0.0
        /// Whether the group rows already count the member's retirement award.
        var countedRetired = false
        /// Guarantee: top-up = max(0, W·guaranteeW − Φ·guaranteeFrozen − annuity) when eligible.
        var guaranteed = false
        var guaranteeW = 0.0
        var guaranteeFrozen = 0.0
        /// scale (salary per unit W), and the DB replacement rate at retirement (the frozen part × Φ/W).
        var salary = 0.0
        var dbRate = 0.0
        var dbRateFrozen = 0.0
    }

    let groups: [Group]
    /// Rows of year index t: rows[rowStart[t]..<rowStart[t+1]].
    let rows: [Row]
    let rowStart: [Int]
    let trackEntries: [TrackEntry]
    /// DC records of year index t: dc[dcStart[t]..<dcStart[t+1]].
    let dc: [DCRecord]
    let dcStart: [Int]
    /// Balance slots (cohorts that are DC members at some time).
    let slotCount: Int
    /// Entrant groups starting in year index t: entrantGroups[t].
    let entrantGroups: [Range<Int>]
    /// The lowest age index any member of a pool can have, by pool (0 pensioners, 1 disabled,
    /// 2 survivors) and sex: pools only age, so the cells below are empty in every year and path.
    let poolFloor: [[Int]]
    /// The ages deferred members can have (empty when none).
    let deferredAges: ClosedRange<Int>?
    /// The ages at which DC balances earn a return: those of the DC records and deferred members.
    let dcAges: ClosedRange<Int>?
    /// Whether any row has an award per unit Φ (a frozen base revalued by the DB rule).
    let hasFrozenAwards: Bool
    /// Whether the total replacement rate of every retirement is its DB rate (a scheme without DC
    /// whose track entries carry the same members and sums twice, and no frozen part): the
    /// projector then sums the DB rates only and copies them.
    let totalIsDB: Bool
    /// Whether every pensioner and disabled member has survivor rights, so that their count with
    /// rights is their count: a scheme without DC (whose annuitants have none) whose every
    /// disability and retirement award carries a survivor pension, as every initial pensioner does.
    let rightsAreCounts: Bool

    /// Whether `other` projects the same active demography: the same groups and rows with the same
    /// counts and pay in every year (two schemes with the same retirement ages). Their groups'
    /// multipliers μ, entrants and the yearly sums Σ A μ and Σ pay μ are then the same on every path.
    func sharesDemography(with other: LanePlan) -> Bool {
        guard groups.count == other.groups.count, rowStart == other.rowStart, entrantGroups == other.entrantGroups else { return false }
        return zip(rows, other.rows).allSatisfy {
            $0.group == $1.group && $0.age == $1.age && $0.sex == $1.sex && $0.count == $1.count
                && $0.countNext == $1.countNext && $0.pay == $1.pay
        }
    }

    init(context: ProjectionContext, scheme: Scheme) {
        let rules = context.schemes[scheme.rawValue]
        let db = rules.rules.db, dcRules = rules.rules.dc
        let h = context.horizon, ages = context.maximumAge + 1, trackCount = context.inputs.tracks.count
        let tables = context.tables, grid = context.grid, inputs = context.inputs
        let reformIndex = dcRules == nil ? nil : rules.reformIndex
        let months = db.monthsPaid
        let paidPension = months * (1 + db.pensionAllowance), paidSurvivor = months * (1 + db.survivorAllowance)
        var finalSalary = false, bondRate: Double?
        switch dcRules?.accruedRights {
        case .frozenDB(let final)?: finalSalary = final
        case .recognitionBond(let rho)?: bondRate = rho
        case nil: break
        }

        // Cohorts and groups.
        struct Cohort {
            let sex, track, entryAge, entryIndex: Int
            let start: Int
            var a: Double
            var accruesDB = true, isDC = false
            var rights = 0, serviceAtReform = 0
            var bond = 0.0   // per unit W at the reform year, at the start of the current year
            var slot = -1
            /// Whether a contribution has been paid into the balance (which is then positive).
            var contributed = false
        }
        var groups: [Group] = []
        var cohorts: [Cohort] = []
        var members: [[Int]] = []
        var initialKey: [Int: Int] = [:]
        for cell in context.initialActives {
            let birth = -cell.age
            let key = cell.sex.index * 100_000 + (birth + 50_000)
            let g: Int
            if let found = initialKey[key] { g = found } else {
                g = groups.count
                initialKey[key] = g
                groups.append(Group(sex: cell.sex.index, birth: birth, start: 0, isEntrant: false))
                members.append([])
            }
            members[g].append(cohorts.count)
            cohorts.append(Cohort(sex: cell.sex.index, track: cell.track, entryAge: cell.age - cell.service,
                                  entryIndex: -cell.service, start: 0, a: cell.count))
        }
        var entrantGroups = [Range<Int>](repeating: 0..<0, count: h + 1)
        let profile = context.entrantProfile
        for te in 1..<max(1, h) {
            let first = groups.count
            var byKey: [Int: Int] = [:]
            for share in profile {
                let key = share.sex.index * 1_000 + share.age
                let g: Int
                if let found = byKey[key] { g = found } else {
                    g = groups.count
                    byKey[key] = g
                    groups.append(Group(sex: share.sex.index, birth: te - share.age, start: te, isEntrant: true))
                    members.append([])
                }
                members[g].append(cohorts.count)
                var cohort = Cohort(sex: share.sex.index, track: share.track, entryAge: share.age, entryIndex: te,
                                    start: te, a: share.share)
                if reformIndex.map({ te >= $0 }) == true { cohort.accruesDB = false; cohort.isDC = true }
                cohorts.append(cohort)
            }
            entrantGroups[te] = first..<groups.count
        }

        var rows: [Row] = [], rowStart: [Int] = [], trackEntries: [TrackEntry] = []
        var records: [DCRecord] = [], dcStart: [Int] = []
        // At most one row per group and one record per DC cohort a year from their first year:
        // reserved (address space only, pages are touched as rows are written) so that the arrays
        // are not copied as they grow (tens of megabytes for the flagship).
        rows.reserveCapacity(groups.reduce(0) { $0 + h - $1.start })
        if dcRules != nil { records.reserveCapacity(cohorts.reduce(0) { $0 + h - $1.start }) }
        var slots = 0
        let earlyAge = inputs.decrements.earlyAge, earlyService = inputs.decrements.earlyService
        for t in 0..<h {
            rowStart.append(rows.count)
            dcStart.append(records.count)
            // The transition at the start of the reform year (docs/model.md §6), for cohorts present then.
            if let dc = dcRules, let tr = reformIndex, t == tr {
                for c in cohorts.indices where cohorts[c].start <= t {
                    let service = t - cohorts[c].entryIndex
                    let age = cohorts[c].entryAge + service
                    if dc.transition == .supplementary { cohorts[c].isDC = true }
                    guard dc.transition.switches(age: age) else { continue }
                    let k = cohorts[c].track
                    cohorts[c].accruesDB = false
                    cohorts[c].isDC = true
                    cohorts[c].serviceAtReform = service
                    if let rho = bondRate {
                        cohorts[c].rights = 2
                        cohorts[c].bond = context.recognitionBond(sex: Sex.at(cohorts[c].sex), age: age, service: service,
                                                                  bup: rules.retirementAge[k][t], t: t, rho: rho,
                                                                  base: inputs.tracks[k].scale(service: service), db: db)
                    } else {
                        cohorts[c].rights = 1
                    }
                }
            }
            let dcActive = reformIndex.map { t >= $0 } == true
            let firstRow = rows.count
            for (g, group) in groups.enumerated() where group.start <= t {
                var row = Row()
                var alive = false
                let s = group.sex
                let age = t - group.birth
                let ageIndex = min(age, ages - 1)
                let nextAge = min(age + 1, ages - 1)
                row.group = g
                row.sex = s
                row.age = ageIndex
                row.toCell = s * ages + nextAge
                row.spouseCell = (1 - s) * ages + min(max(age + 1 + tables.gap[s], 0), ages - 1)
                let leave = tables.leave[s * ages + ageIndex]
                let qi = grid.disability[s * ages + ageIndex]
                let trackFirst = trackEntries.count
                for c in members[g] where cohorts[c].a > 0 {
                    alive = true
                    let cohort = cohorts[c]
                    let a = cohort.a, k = cohort.track
                    let service = t - cohort.entryIndex
                    let scale = tables.salaryScale(track: k, service: service)
                    let w = tables.withdrawalRate(service: service)
                    let bup = rules.retirementAge[k][t]
                    var r = 0.0, early = false
                    if age + 1 >= bup { r = 1 } else if age + 1 >= earlyAge && service + 1 >= earlyService {
                        r = tables.early[ageIndex]; early = true
                    }
                    let disabled = a * qi, withdrawn = a * (1 - qi) * w, retired = a * (1 - qi) * (1 - w) * r
                    let next = r == 1 ? 0 : a * (1 - qi) * (1 - w) * (1 - r)
                    cohorts[c].a = next
                    let isDC = dcActive && cohort.isDC
                    row.count += a
                    row.countNext += next
                    row.pay += a * scale * 12
                    if cohort.accruesDB { row.payDB += a * scale * 12 }
                    if isDC { row.dcBase += a * tables.dcMultiplier[k] * scale * 12 }
                    let nr = cohort.serviceAtReform
                    let frozenFactor = Double(nr) / Double(service + 1)
                    // Frozen DB amounts: per unit Φ (revalued base) or per unit W (final salary).
                    let frozenScale = cohort.rights == 1 ? (finalSalary ? scale : tables.salaryScale(track: k, service: nr)) : 0
                    // Deaths in service.
                    if leave > 0 {
                        if cohort.accruesDB {
                            let monthly = (1 - db.dutyShare) * max(db.survivorOfActive * scale, db.survivorOfActiveFloor * db.floor)
                                + db.dutyShare * max(db.survivorOfDuty * scale, db.survivorOfDutyFloor * db.floor)
                            if monthly > 0 {
                                row.survivorCount += a * leave
                                row.survivorAmount += a * leave * monthly * paidSurvivor
                            }
                        } else if cohort.rights == 1 {
                            let monthly = db.survivorOfActive * frozenScale * frozenFactor
                            if monthly > 0 {
                                row.survivorCount += a * leave
                                if finalSalary { row.survivorAmount += a * leave * monthly * paidSurvivor } else {
                                    row.survivorAmountFrozen += a * leave * monthly * paidSurvivor
                                }
                            }
                        }
                    }
                    // DB amounts of a disability or retirement award (monthly, per unit W or Φ).
                    func award(eligible: Bool) -> (db: Double, contingent: Double) {
                        guard eligible else { return (0, 0) }
                        if cohort.accruesDB {
                            return (max(db.floor, min(db.cap, db.accrualRate * Double(service + 1)) * scale),
                                    max(db.survivorOfPensioner * scale, db.survivorOfPensionerFloor * db.floor))
                        } else if cohort.rights == 1 {
                            return (min(db.cap, db.accrualRate * Double(nr)) * frozenScale,
                                    db.survivorOfPensioner * frozenScale * frozenFactor)
                        }
                        return (0, 0)
                    }
                    let frozenByIndex = cohort.rights == 1 && !finalSalary
                    let dis = award(eligible: true)
                    let disCounted = dis.db > 0
                    if disabled > 0 && disCounted {
                        row.disabled.add(disabled, dis, frozen: frozenByIndex, paidPension: paidPension, paidSurvivor: paidSurvivor)
                    }
                    let eligible = early || service + 1 >= db.minimumService
                    let ret = award(eligible: eligible)
                    let retCounted = ret.db > 0
                    let hasDBRights = cohort.accruesDB || cohort.rights == 1
                    let dbRate = ret.db / scale
                    if retired > 0 {
                        row.retiredAll += retired
                        if retCounted {
                            row.retired.add(retired, ret, frozen: frozenByIndex, paidPension: paidPension, paidSurvivor: paidSurvivor)
                        }
                        var entry: Int
                        if let found = trackEntries[trackFirst...].firstIndex(where: { $0.track == k }) { entry = found } else {
                            entry = trackEntries.count
                            trackEntries.append(TrackEntry(track: k))
                        }
                        if hasDBRights {
                            trackEntries[entry].dbCount += retired
                            if frozenByIndex { trackEntries[entry].dbSumFrozen += retired * dbRate } else {
                                trackEntries[entry].dbSum += retired * dbRate
                            }
                        }
                        if !isDC {
                            trackEntries[entry].totalCount += retired
                            trackEntries[entry].totalSum += retired * dbRate
                        }
                    }
                    guard isDC else { continue }
                    if cohorts[c].slot < 0 { cohorts[c].slot = slots; slots += 1 }
                    var record = DCRecord()
                    record.row = rows.count - firstRow
                    record.slot = cohorts[c].slot
                    record.sex = s
                    record.track = k
                    record.age = ageIndex
                    record.toCell = s * ages + nextAge
                    record.deferredCell = (s * trackCount + k) * ages + nextAge
                    record.countNext = next
                    record.withdrawn = withdrawn
                    record.retired = retired
                    record.contribution = tables.dcMultiplier[k] * scale * 12
                    if cohort.rights == 2, let rho = bondRate {
                        record.bondEnd = cohort.bond * (1 + rho)
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
                    if record.contribution * (rules.dcEmployeeRate[t] + rules.dcEmployerRate[t]) > 0 { cohorts[c].contributed = true }
                    let hasPot = cohorts[c].contributed || record.bondEnd > 0
                    row.hasDC = true
                    row.dcDisability = qi
                    row.dcDisabledBond += disabled * record.bondEnd
                    if !disCounted && hasPot { row.dcDisabledCounted += disabled }
                    row.dcWithdrawn += withdrawn
                    if let guarantee = dcRules?.guarantee, service + 1 >= guarantee.minimumService {
                        record.guaranteed = true
                        record.guaranteeW = months * guarantee.level * db.floor - (frozenByIndex ? 0 : ret.db * paidPension)
                        record.guaranteeFrozen = frozenByIndex ? ret.db * paidPension : 0
                    }
                    record.salary = scale
                    record.dbRate = frozenByIndex ? 0 : dbRate
                    record.dbRateFrozen = frozenByIndex ? dbRate : 0
                    records.append(record)
                }
                guard alive else { continue }
                row.tracks = trackFirst..<trackEntries.count
                rows.append(row)
            }
        }
        rowStart.append(rows.count)
        dcStart.append(records.count)
        hasFrozenAwards = rows.contains {
            $0.survivorAmountFrozen != 0 || $0.disabled.hasFrozen || $0.retired.hasFrozen
        }
        totalIsDB = records.isEmpty && trackEntries.allSatisfy {
            $0.totalCount == $0.dbCount && $0.totalSum == $0.dbSum && $0.dbSumFrozen == 0
        }
        self.groups = groups
        self.rows = rows
        self.rowStart = rowStart
        self.trackEntries = trackEntries
        self.dc = records
        self.dcStart = dcStart
        self.slotCount = slots
        self.entrantGroups = entrantGroups

        // Floors of the pools: the initial beneficiaries and every award's cell.
        var floor = [[Int]](repeating: [ages, ages], count: 3)
        func lower(_ kind: Int, cell: Int) {
            floor[kind][cell / ages] = min(floor[kind][cell / ages], cell % ages)
        }
        for (kind, list) in [(0, inputs.population.pensioners), (1, inputs.population.disabled),
                             (2, inputs.population.survivors)] {
            for cell in list where cell.count > 0 { lower(kind, cell: cell.sex.index * ages + min(cell.age, ages - 1)) }
        }
        for row in rows {
            if row.retired.count != 0 { lower(0, cell: row.toCell) }
            if row.disabled.count != 0 || row.dcDisability > 0 { lower(1, cell: row.toCell) }
            if row.survivorCount != 0 { lower(2, cell: row.spouseCell) }
        }
        var deferredLow = ages, deferredHigh = -1
        for record in records {
            if record.retired > 0 { lower(0, cell: record.toCell) }
            if record.withdrawn > 0 {
                deferredLow = min(deferredLow, record.deferredCell % ages)
                deferredHigh = max(deferredHigh, record.deferredCell % ages)
            }
        }
        if deferredLow <= deferredHigh {
            // Deferred members buy their pension at the BUP (at ω at the latest), in the pensioners' pool.
            let lowestBUP = rules.retirementAge.flatMap { $0 }.min() ?? ages
            let highestBUP = rules.retirementAge.flatMap { $0 }.max() ?? ages
            for s in 0..<2 { lower(0, cell: s * ages + min(lowestBUP, ages - 1)) }
            deferredAges = deferredLow...min(ages - 1, max(deferredHigh, highestBUP))
        } else {
            deferredAges = nil
        }
        // Survivors of pensioners and of the disabled: spouse age x + 1 + gap of the member's sex.
        for s in 0..<2 {
            let youngest = min(floor[0][s], floor[1][s])
            if youngest < ages { lower(2, cell: (1 - s) * ages + min(max(youngest + 1 + tables.gap[s], 0), ages - 1)) }
        }
        poolFloor = floor
        rightsAreCounts = dcRules == nil
            && rows.allSatisfy { $0.disabled.rightsAreCounts && $0.retired.rightsAreCounts }
        var ageList = records.map(\.age)
        if let deferredAges { ageList += [deferredAges.lowerBound, deferredAges.upperBound] }
        if let low = ageList.min(), let high = ageList.max() { dcAges = low...high } else { dcAges = nil }
    }
}
