import Foundation
import PensiunActuarial
import PensiunInputs

extension LanePlan {
    /// One active cohort (sex, track, entry age, entry year) while the plan is built: its
    /// deterministic count A_c and where it stands with respect to the reform (docs/model.md §6).
    struct Cohort {
        let sex, track, entryAge, entryIndex: Int
        let start: Int
        var a: Double
        /// Where the cohort stands with respect to the reform; ``accruesDB`` and ``isDC`` follow from it.
        var membership = ReformMembership.db
        var accruesDB: Bool { membership.accruesDB }
        var isDC: Bool { membership.isDC }
        var rights = HeldRights.none, serviceAtReform = 0
        var bond = 0.0   // per unit W at the reform year, at the start of the current year
        var slot = -1
        /// Whether a contribution has been paid into the balance (which is then positive).
        var contributed = false

        /// Sets the membership of a cohort that entered in year index `entryIndex` when the scheme
        /// has a reform at index `reformIndex`: a DC member from entry when entry ≥ reform
        /// (``ReformMembership/isDCFromEntry(entryYear:reformYear:)``, the year indices being
        /// offsets from y0 like the years).
        mutating func joinAtEntry(reformIndex: Int?) {
            guard let tr = reformIndex, ReformMembership.isDCFromEntry(entryYear: entryIndex, reformYear: tr) else { return }
            membership = .dcFromEntry
        }
    }

    /// The plan while it is built, one named step at a time (see ``LanePlan/init(context:scheme:)``).
    struct Builder {
        let context: ProjectionContext
        let rules: SchemeYearRules
        let db: DBRules
        let dcRules: DCRules?
        /// t_r when the scheme has DC rules.
        let reformIndex: Int?
        let h: Int, ages: Int, trackCount: Int
        let tables: DenseTables, grid: MortalityGrid, inputs: ProjectionInputs
        let months: Double, paidPension: Double, paidSurvivor: Double
        /// Frozen DB rights on the final salary (else on a base revalued by the DB rule), or a
        /// recognition bond's rate.
        let finalSalary: Bool, bondRate: Double?

        var groups: [Group] = []
        var cohorts: [Cohort] = []
        /// The cohorts of each group.
        var members: [[Int]] = []
        var entrantGroups: [Range<Int>]
        var rows: [Row] = [], rowStart: [Int] = [], trackEntries: [TrackEntry] = []
        var records: [DCRecord] = [], dcStart: [Int] = []
        var slots = 0

        init(context: ProjectionContext, scheme: Scheme) {
            self.context = context
            rules = context.schemes[scheme.rawValue]
            db = rules.rules.db
            dcRules = rules.rules.dc
            h = context.horizon
            ages = context.maximumAge + 1
            trackCount = context.inputs.tracks.count
            tables = context.tables
            grid = context.grid
            inputs = context.inputs
            reformIndex = dcRules == nil ? nil : rules.reformIndex
            months = db.monthsPaid
            paidPension = db.paidPerMonthlyPension
            paidSurvivor = db.paidPerMonthlySurvivorPension
            var finalSalary = false, bondRate: Double?
            switch dcRules?.accruedRights {
            case .frozenDB(let final)?: finalSalary = final
            case .recognitionBond(let rho)?: bondRate = rho
            case nil: break
            }
            self.finalSalary = finalSalary
            self.bondRate = bondRate
            entrantGroups = [Range<Int>](repeating: 0..<0, count: h + 1)
        }

        /// The cohorts of y0: one per initial cell, entered in year index −n; a group per (sex,
        /// year of birth).
        mutating func addInitialCohorts() {
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
                var cohort = Cohort(sex: cell.sex.index, track: cell.track, entryAge: cell.age - cell.service,
                                    entryIndex: -cell.service, start: 0, a: cell.count)
                cohort.joinAtEntry(reformIndex: reformIndex)
                cohorts.append(cohort)
            }
        }

        /// The entrants of every year index t_e ≥ 1: one cohort per share of the entrant profile,
        /// A = the share (μ carries the year's entrants); a group per (sex, entry age) and year.
        mutating func addEntrants() {
            for te in 1..<max(1, h) {
                let first = groups.count
                var byKey: [Int: Int] = [:]
                for share in context.entrantProfile {
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
                    cohort.joinAtEntry(reformIndex: reformIndex)
                    cohorts.append(cohort)
                }
                entrantGroups[te] = first..<groups.count
            }
        }

        /// At most one row per group and one record per DC cohort a year from their first year:
        /// reserved (address space only, pages are touched as rows are written) so that the arrays
        /// are not copied as they grow (tens of megabytes for the flagship).
        mutating func reserveCapacity() {
            rows.reserveCapacity(groups.reduce(0) { $0 + h - $1.start })
            if dcRules != nil { records.reserveCapacity(cohorts.reduce(0) { $0 + h - $1.start }) }
        }

        /// Starts the rows and records of the next year (and, after the last, closes the ranges).
        mutating func beginYear() {
            rowStart.append(rows.count)
            dcStart.append(records.count)
        }

        /// The transition at the start of the reform year t_r (docs/model.md §6), for the cohorts
        /// present then, by ``ReformMembership/at(reformYear:entryYear:age:transition:)``: DC members
        /// from entry (entered in t_r, already set at entry) are left alone; under `supplementary`
        /// the others add a DC account; switchers leave the DB with the rights of the reform
        /// (``HeldRights``), a recognition bond worth ``ProjectionContext/recognitionBond(sex:age:service:bup:t:rho:base:db:)``.
        mutating func applyTransition(_ dc: DCRules, t: Int) {
            for c in cohorts.indices where cohorts[c].start <= t {
                let service = t - cohorts[c].entryIndex
                let age = cohorts[c].entryAge + service
                let membership = ReformMembership.at(reformYear: t, entryYear: cohorts[c].entryIndex, age: age,
                                                     transition: dc.transition)
                switch membership {
                case .db, .dcFromEntry:
                    continue
                case .supplementary:
                    cohorts[c].membership = membership
                case .switcher:
                    let k = cohorts[c].track
                    cohorts[c].membership = membership
                    cohorts[c].serviceAtReform = service
                    cohorts[c].rights = HeldRights(switchingUnder: dc.accruedRights)
                    if let rho = bondRate {
                        cohorts[c].bond = context.recognitionBond(sex: Sex.at(cohorts[c].sex), age: age, service: service,
                                                                  bup: rules.retirementAge[k][t], t: t, rho: rho,
                                                                  base: inputs.tracks[k].scale(service: service), db: db)
                    }
                }
            }
        }
    }
}
