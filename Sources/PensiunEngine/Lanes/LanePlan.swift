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
        /// The part of `survivorAmount` on frozen DB rights on the final salary (× μ q W), for
        /// `db_benefits_frozen` only (with `survivorAmountFrozen`, every frozen-rights survivor amount).
        var survivorAmountFrozenW = 0.0
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
        /// The parts of `db` and `contingent` on frozen DB rights on the final salary (× μ(t+1) W·x),
        /// for `db_benefits_frozen` only: with `dbFrozen` and `contingentFrozen`, every amount on
        /// frozen rights.
        var dbFrozenW = 0.0, contingentFrozenW = 0.0

        /// Adds `members` given the monthly `award` (``DBRules/award(accruesDB:rights:eligible:yearsOfService:base:floor:frozenBase:serviceAtReform:)``)
        /// paid `paidPension` and `paidSurvivor` times a year
        /// (``DBRules/paidPerMonthlyPension``, ``DBRules/paidPerMonthlySurvivorPension``), per unit Φ
        /// when `frozen` (a base revalued by the DB rule).
        mutating func add(_ members: Double, _ award: DBAward, frozen: Bool, paidPension: Double, paidSurvivor: Double) {
            count += members
            if frozen {
                dbFrozen += members * award.pension * paidPension
                contingentFrozen += members * award.contingentSurvivor * paidSurvivor
            } else {
                db += members * award.pension * paidPension
                contingent += members * award.contingentSurvivor * paidSurvivor
            }
            if award.contingentSurvivor > 0 { withRights += members }
        }

        /// Records the award of ``add(_:_:frozen:paidPension:paidSurvivor:)`` as on frozen rights
        /// on the final salary (the same amounts, per unit W, in `dbFrozenW`, `contingentFrozenW`).
        mutating func addFrozenOnFinalSalary(_ members: Double, _ award: DBAward, paidPension: Double, paidSurvivor: Double) {
            dbFrozenW += members * award.pension * paidPension
            contingentFrozenW += members * award.contingentSurvivor * paidSurvivor
        }

        var hasFrozen: Bool { dbFrozen != 0 || contingentFrozen != 0 }
        var hasFrozenOnFinalSalary: Bool { dbFrozenW != 0 || contingentFrozenW != 0 }
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
        /// Σ A · S_DC · 12 of the track's DC members in the row (× μ(t) W), the part of the row's
        /// `dcBase` on this track: for the employer DC contributions by track (``BudgetSharing``).
        var dcBase = 0.0
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
    /// Whether any row has an amount on frozen DB rights (per unit Φ or, on the final salary, per
    /// unit W): the projector then keeps the frozen parts of its pools for `db_benefits_frozen`.
    let keepsFrozen: Bool
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

    /// Builds the plan of `scheme` (docs/model.md §4–§6) in named steps: the cohorts of y0 and of
    /// the entrants (``Builder/addInitialCohorts()``, ``Builder/addEntrants()``), then year by year
    /// the transition at the reform year (``Builder/applyTransition(_:t:)``) and one row per group
    /// with its DC records (``Builder/addRows(t:)``); then the pool floors (``PoolFloors``).
    init(context: ProjectionContext, scheme: Scheme) {
        var plan = Builder(context: context, scheme: scheme)
        plan.addInitialCohorts()
        plan.addEntrants()
        plan.reserveCapacity()
        for t in 0..<context.horizon {
            plan.beginYear()
            if let dc = plan.dcRules, t == plan.reformIndex { plan.applyTransition(dc, t: t) }
            plan.addRows(t: t)
        }
        plan.beginYear()
        let rows = plan.rows, records = plan.records, trackEntries = plan.trackEntries
        hasFrozenAwards = rows.contains {
            $0.survivorAmountFrozen != 0 || $0.disabled.hasFrozen || $0.retired.hasFrozen
        }
        keepsFrozen = hasFrozenAwards || rows.contains {
            $0.survivorAmountFrozenW != 0 || $0.disabled.hasFrozenOnFinalSalary || $0.retired.hasFrozenOnFinalSalary
        }
        totalIsDB = records.isEmpty && trackEntries.allSatisfy {
            $0.totalCount == $0.dbCount && $0.totalSum == $0.dbSum && $0.dbSumFrozen == 0
        }
        self.groups = plan.groups
        self.rows = rows
        self.rowStart = plan.rowStart
        self.trackEntries = trackEntries
        self.dc = records
        self.dcStart = plan.dcStart
        self.slotCount = plan.slots
        self.entrantGroups = plan.entrantGroups

        let floors = PoolFloors(context: context, rules: plan.rules, rows: rows, records: records)
        poolFloor = floors.floor
        deferredAges = floors.deferredAges
        rightsAreCounts = plan.dcRules == nil
            && rows.allSatisfy { $0.disabled.rightsAreCounts && $0.retired.rightsAreCounts }
        var ageList = records.map(\.age)
        if let deferredAges { ageList += [deferredAges.lowerBound, deferredAges.upperBound] }
        if let low = ageList.min(), let high = ageList.max() { dcAges = low...high } else { dcAges = nil }
        assert(invariantViolations(context: context, scheme: scheme).isEmpty,
               "lane plan invariants: \(invariantViolations(context: context, scheme: scheme))")
    }
}
