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
    /// The year's employer DC contributions by scenario track (``SchemePathResult/employerDCByTrack``).
    var employerDCByTrack: [Double]
    var annuityCache: [Double]
    var bupThisYear: [Int]
    let tables: DenseTables
    /// The scheme's like-for-like rate basis.
    let rateBasis: LikeForLikeBasis
    var annuityCacheYear = -1

    init(context: ProjectionContext, scheme: Scheme) {
        self.context = context
        rateBasis = context.rateBasis[scheme.rawValue]
        rules = context.schemes[scheme.rawValue]
        ages = context.maximumAge + 1
        trackCount = context.inputs.tracks.count
        // The frozen parts of DB-type amounts are kept only when the scheme can create frozen rights.
        var frozen = false
        if case .frozenDB? = rules.rules.dc?.accruedRights { frozen = true }
        retired = BeneficiaryPool(ages: ages, frozen: frozen)
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
        employerDCByTrack = .init(repeating: 0, count: context.payGroups.tracks.count)
        tables = context.tables
        bupThisYear = .init(repeating: 0, count: context.inputs.tracks.count)
        annuityCache = .init(repeating: .nan, count: 2 * ages)
    }

    // MARK: Set-up of a path

    /// Loads the y0 population. An active of service n entered in y0 − n: a DC member from entry
    /// when that is the reform year or later (``ReformMembership/isDCFromEntry(entryYear:reformYear:)``,
    /// docs/model.md §6), in the DB otherwise.
    mutating func reset(processRisk: Bool) {
        actives.removeAll()
        let reformYear = rules.rules.dc?.year
        for cell in context.initialActives {
            let n = processRisk ? cell.count.rounded() : cell.count
            let dcFromEntry = reformYear.map {
                ReformMembership.isDCFromEntry(entryYear: context.startYear - cell.service, reformYear: $0)
            } ?? false
            actives.append(sex: cell.sex.index, track: cell.track, entryAge: cell.age - cell.service,
                           entryIndex: -cell.service, count: n, accruesDB: !dcFromEntry, isDC: dcFromEntry)
        }
        retired.reset(); disabled.reset(); survivors.reset(); deferred.reset()
        let db = rules.rules.db
        let months = db.monthsPaid
        let population = context.inputs.population
        for (kind, cells) in [(PoolKind.retired, population.pensioners), (.disabled, population.disabled),
                              (.survivors, population.survivors)] {
            for cell in cells {
                let i = cell.sex.index * ages + min(cell.age, ages - 1)
                let contingentMonthly = cell.monthlySurvivorPension
                    ?? db.initialContingentSurvivor(monthlyPension: cell.monthlyPension, count: cell.count)
                switch kind {
                case .retired:
                    retired.count[i] += cell.count
                    retired.db[i] += cell.monthlyPension * months
                    retired.contingent[i] += contingentMonthly * months
                    retired.withSurvivorRights[i] += cell.count
                case .disabled:
                    disabled.count[i] += cell.count
                    disabled.db[i] += cell.monthlyPension * months
                    disabled.contingent[i] += contingentMonthly * months
                    disabled.withSurvivorRights[i] += cell.count
                case .survivors:
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
    /// `riskGenerator` supplies process-risk draws when process risk is on. Each year runs the
    /// steps of docs/model.md §2 in order; each step is a function of its own.
    mutating func project(_ drivers: PathDrivers, riskGenerator: inout RandomGenerator,
                          into result: inout SchemePathResult) throws {
        let processRisk = context.inputs.decrements.processRisk
        reset(processRisk: processRisk)
        let horizon = context.horizon
        let dc = rules.rules.dc
        for t in 0..<horizon {
            let wage = drivers.wageIndex[t]
            let y = ProjectionYear(t: t, year: context.startYear + t, wage: wage, floor: rules.rules.db.floor * wage,
                                   kappa: drivers.kappa[t],
                                   dcActive: dc != nil && rules.reformIndex.map { t >= $0 } == true)
            // 0. The transition at the start of the reform year.
            if let dc, let tr = rules.reformIndex, t == tr { applyTransition(dc, t: t, wage: wage) }
            // 1. Stocks at the start of the year.
            recordStocks(t: t, drivers: drivers, into: &result)
            // 2–3. Flows of the year to those in each state at its start; returns.
            var flows = DCMoneyFlows()
            let paid = try payYear(y, drivers: drivers, flows: &flows)
            // 4. Decrements of actives at the end of the year, and awards.
            var ledger = PopulationLedger()
            let exits = try decrementActives(y, drivers: drivers, processRisk: processRisk, riskGenerator: &riskGenerator,
                                             flows: &flows, ledger: &ledger)
            // 5. Beneficiaries: deaths, contingent survivors, ageing; the year's awards join.
            let afterAward = try ageBeneficiaries(y, annuityRate: exits.annuityRate, flows: &flows, ledger: &ledger)
            // 6. Indexation of every DB-type amount payable in y+1, awards included.
            index(t: t, drivers: drivers)
            // The year's results.
            recordYear(paid, exits, survivorEntriesAfterAward: afterAward, t: t, drivers: drivers, into: &result)
            actives.compact()
            // 7. Entrants at the start of y+1 (not after the last year: stocks at y0+H are
            // reported before its entrants).
            if t + 1 < horizon {
                let surviving = actives.count.reduce(0, +)
                let needed = max(0, context.target(t + 1) - surviving)
                let dcFromEntry = dc.map { ReformMembership.isDCFromEntry(entryYear: y.year + 1, reformYear: $0.year) } ?? false
                ledger.activeEntries = try addEntrants(needed, t: t + 1, dcFromEntry: dcFromEntry,
                                                       processRisk: processRisk, generator: &riskGenerator, path: drivers.path)
            }
            result.ledger[t] = ledger
            result.dcFlows[t] = flows
        }
        recordStocks(t: horizon, drivers: drivers, into: &result)
        result.fillRates(rateBasis, groups: context.payGroups, takeHome: context.tables.takeHome,
                         indexation: rules.indexation, drivers: drivers)
    }
}

extension SchemeProjector {
    /// What the steps of year index t share.
    struct ProjectionYear {
        let t: Int
        /// y = y0 + t.
        let year: Int
        /// W_y.
        let wage: Double
        /// floor_y = floor_base·W_y.
        let floor: Double
        /// κ_y.
        let kappa: Double
        /// Whether the DC is in force (y ≥ y_r).
        let dcActive: Bool
    }
}
