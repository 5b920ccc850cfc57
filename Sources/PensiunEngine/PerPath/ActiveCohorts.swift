/// The actives of one scheme on one path, as cohorts of identical members: same sex, track, entry
/// age and entry year, hence the same age, service, salary and (per member) DC balance.
/// Structure of arrays; cohort c is at age entryAge[c] + t − entryIndex[c] and service
/// t − entryIndex[c] in year index t.
struct ActiveCohorts {
    var sex: [Int] = []
    var track: [Int] = []
    var entryAge: [Int] = []
    /// t of entry (negative for members already in service at y0).
    var entryIndex: [Int] = []
    var count: [Double] = []
    /// Accruing DB rights (and paying DB contributions).
    var accruesDB: [Bool] = []
    /// A DC member (from entry, a switcher, or supplementary).
    var isDC: [Bool] = []
    /// The DB rights carried out of the DB at the reform year (``HeldRights``, one byte each).
    var rights: [HeldRights] = []
    /// n_r: service at the start of the reform year (switchers).
    var serviceAtReform: [Int] = []
    /// B_f per member: the frozen base revalued to the end of the previous year.
    var frozenBase: [Double] = []
    /// Recognition bond per member, at the start of the current year.
    var bond: [Double] = []
    /// DC balance per member, at the start of the current year.
    var balance: [Double] = []

    var cohortCount: Int { count.count }

    mutating func removeAll() {
        sex.removeAll(keepingCapacity: true)
        track.removeAll(keepingCapacity: true)
        entryAge.removeAll(keepingCapacity: true)
        entryIndex.removeAll(keepingCapacity: true)
        count.removeAll(keepingCapacity: true)
        accruesDB.removeAll(keepingCapacity: true)
        isDC.removeAll(keepingCapacity: true)
        rights.removeAll(keepingCapacity: true)
        serviceAtReform.removeAll(keepingCapacity: true)
        frozenBase.removeAll(keepingCapacity: true)
        bond.removeAll(keepingCapacity: true)
        balance.removeAll(keepingCapacity: true)
    }

    mutating func append(sex s: Int, track k: Int, entryAge e: Int, entryIndex te: Int, count n: Double,
                         accruesDB db: Bool, isDC dc: Bool) {
        sex.append(s)
        track.append(k)
        entryAge.append(e)
        entryIndex.append(te)
        count.append(n)
        accruesDB.append(db)
        isDC.append(dc)
        rights.append(.none)
        serviceAtReform.append(0)
        frozenBase.append(0)
        bond.append(0)
        balance.append(0)
    }

    /// Drops cohorts with no members left, keeping the order of the others.
    mutating func compact() {
        var w = 0
        for c in 0..<count.count where count[c] > 0 {
            if w != c {
                sex[w] = sex[c]; track[w] = track[c]; entryAge[w] = entryAge[c]; entryIndex[w] = entryIndex[c]
                count[w] = count[c]; accruesDB[w] = accruesDB[c]; isDC[w] = isDC[c]; rights[w] = rights[c]
                serviceAtReform[w] = serviceAtReform[c]; frozenBase[w] = frozenBase[c]; bond[w] = bond[c]
                balance[w] = balance[c]
            }
            w += 1
        }
        let n = count.count
        if w < n {
            sex.removeLast(n - w); track.removeLast(n - w); entryAge.removeLast(n - w); entryIndex.removeLast(n - w)
            count.removeLast(n - w); accruesDB.removeLast(n - w); isDC.removeLast(n - w); rights.removeLast(n - w)
            serviceAtReform.removeLast(n - w); frozenBase.removeLast(n - w); bond.removeLast(n - w)
            balance.removeLast(n - w)
        }
    }
}

/// Beneficiaries by (sex, age) with aggregate annual amounts per component, so that cash flows
/// stay exact when awards of different years merge. Index s · (ω + 1) + x.
struct BeneficiaryPool {
    var count: [Double]
    /// DB-type pension (DB, disability, survivor, frozen DB), annual, indexed by the DB rule.
    var db: [Double]
    /// Guarantee top-ups, annual, indexed like DB pensions.
    var topup: [Double]
    /// DC annuities, annual, escalating at λ.
    var annuity: [Double]
    /// Contingent survivor pensions (DB-type), annual, passed to a spouse at death.
    var contingent: [Double]
    /// The DC annuity's contingent part f·A (annual, escalating at λ like the annuity), passed
    /// to a spouse at death under a joint-and-survivor form (``DCRules/survivorFraction``).
    var contingentAnnuity: [Double]
    /// How many of `count` carry a contingent survivor pension or a contingent DC annuity (each
    /// counted once; single-life DC annuitants and bond holders carry neither), so that spouses
    /// are counted only for them.
    var withSurvivorRights: [Double]
    /// The parts of `db` and `contingent` that come from a switcher's frozen DB rights (a
    /// frozen pension, a survivor pension after a switcher's death in service, a frozen
    /// pensioner's contingent survivor pension), kept beside them for `db_benefits_frozen`
    /// (docs/model.md §8): aged, indexed and passed to spouses as they are. Empty (never
    /// touched) in a scheme without frozen rights.
    var frozenDB: [Double]
    var frozenContingent: [Double]

    /// Whether the pool keeps the frozen parts.
    var keepsFrozen: Bool { !frozenDB.isEmpty }

    init(ages: Int, frozen: Bool = false) {
        count = .init(repeating: 0, count: 2 * ages)
        db = count
        topup = count
        annuity = count
        contingent = count
        contingentAnnuity = count
        withSurvivorRights = count
        frozenDB = frozen ? count : []
        frozenContingent = frozenDB
    }

    mutating func reset() {
        for i in count.indices {
            count[i] = 0; db[i] = 0; topup[i] = 0; annuity[i] = 0; contingent[i] = 0; contingentAnnuity[i] = 0
            withSurvivorRights[i] = 0
        }
        for i in frozenDB.indices { frozenDB[i] = 0; frozenContingent[i] = 0 }
    }

    /// The frozen parts of ``addPensioners(_:at:award:paidPension:paidSurvivor:annuity:topup:contingentAnnuity:)``
    /// for an award on frozen DB rights: the same amounts, apart.
    @inline(__always)
    mutating func addFrozenPensioners(_ n: Double, at i: Int, award: DBAward, paidPension: Double, paidSurvivor: Double) {
        frozenDB[i] += n * award.pension * paidPension
        frozenContingent[i] += n * award.contingentSurvivor * paidSurvivor
    }

    /// The frozen part of ``addSurvivors(_:at:monthly:paid:)`` after a switcher's death in service.
    @inline(__always)
    mutating func addFrozenSurvivors(_ n: Double, at i: Int, monthly: Double, paid: Double) {
        frozenDB[i] += n * monthly * paid
    }

    /// Adds `n` pensioners at index i with their award: the monthly DB-type pension and contingent
    /// survivor pension (paid `paidPension` and `paidSurvivor` times their amount a year), the
    /// annual DC annuity and the annual guarantee top-up, each per member.
    @inline(__always)
    mutating func addPensioners(_ n: Double, at i: Int, award: DBAward, paidPension: Double, paidSurvivor: Double,
                                annuity a: Double, topup u: Double, contingentAnnuity ca: Double = 0) {
        count[i] += n
        db[i] += n * award.pension * paidPension
        contingent[i] += n * award.contingentSurvivor * paidSurvivor
        if ca > 0 { contingentAnnuity[i] += n * ca }
        if award.contingentSurvivor > 0 || ca > 0 { withSurvivorRights[i] += n }
        annuity[i] += n * a
        topup[i] += n * u
    }

    /// Adds `n` survivors at index i, each with a monthly survivor pension paid `paid` times its
    /// amount a year.
    @inline(__always)
    mutating func addSurvivors(_ n: Double, at i: Int, monthly: Double, paid: Double) {
        count[i] += n
        db[i] += n * monthly * paid
    }

    mutating func add(_ other: BeneficiaryPool) {
        for i in count.indices {
            count[i] += other.count[i]; db[i] += other.db[i]; topup[i] += other.topup[i]
            annuity[i] += other.annuity[i]; contingent[i] += other.contingent[i]
            contingentAnnuity[i] += other.contingentAnnuity[i]
            withSurvivorRights[i] += other.withSurvivorRights[i]
        }
        if keepsFrozen && other.keepsFrozen {
            for i in frozenDB.indices {
                frozenDB[i] += other.frozenDB[i]; frozenContingent[i] += other.frozenContingent[i]
            }
        }
    }

}

/// Deferred DC members by (sex, former track, age): count and aggregate balance.
/// Index (s · K + k) · (ω + 1) + x.
struct DeferredPool {
    var count: [Double]
    var balance: [Double]
    init(tracks: Int, ages: Int) {
        count = .init(repeating: 0, count: 2 * tracks * ages)
        balance = count
    }
    mutating func reset() {
        for i in count.indices { count[i] = 0; balance[i] = 0 }
    }
}
