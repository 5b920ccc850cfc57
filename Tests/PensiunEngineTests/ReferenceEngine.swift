import Foundation
import PensiunActuarial
@testable import PensiunEngine
import PensiunInputs

/// A slow, readable reference projection: one member record at a time, plain loops, mortality
/// computed from the inputs' formula directly (each rate once a year). The fast engines must match it.
///
/// It follows docs/model.md Part I: the order of a year (§2), decrements (§4), the DB (§5), the DC
/// and the transition (§6, with the membership rule of §11), the metrics (§8) and the flows the
/// exact checks of §10 add up. Each member record is a cohort of identical members (`weight` of
/// them, with per-member amounts): actives are never merged; beneficiaries and deferred members
/// are held in the (sex, age) cells of §4 (``cells(_:)``), with per-member means, not in the
/// engines' aggregate pools.
struct ReferenceEngine {
    enum State { case active, retired, disabled, deferred, survivor }

    /// The lane engine's groups (docs/model.md Part II, "Two engines, one model"): the initial
    /// actives of one (sex, year of birth), or the entrants of one (sex, entry age, entry year).
    enum GroupKey: Hashable {
        case initial(sex: Sex, birthYear: Int)
        case entrant(sex: Sex, entryAge: Int, entryYear: Int)
    }

    struct Member {
        var weight: Double
        var state: State
        var sex: Sex
        var track: Int
        var age: Int
        var service = 0
        /// The pay level within the track and its multiplier m_l (docs/model.md Part II, "Pay
        /// levels within a track"): salary = m_l × scale_k(n).
        var level = 0
        var pay = 1.0
        /// The calendar year the member joined (y − n, docs/model.md §6).
        var entryYear = 0
        /// The active's group (nil for beneficiaries).
        var group: GroupKey?
        var accruesDB = true
        var isDC = false
        var rights = 0            // 1 frozen, 2 bond
        var serviceAtReform = 0
        var frozenBase = 0.0
        var bond = 0.0
        var balance = 0.0
        // Annual amounts per member (beneficiaries).
        var db = 0.0, topup = 0.0, annuity = 0.0, contingent = 0.0
        /// The contingent part f·A of a joint-and-survivor DC annuity, passed to the spouse at death.
        var dcContingent = 0.0
        /// The parts of `db` and `contingent` on a switcher's frozen DB rights (docs/model.md §8,
        /// `db_benefits_frozen`): all of them for a frozen-rights award and its survivors.
        var frozenDB = 0.0, frozenContingent = 0.0
    }

    /// Everything one scheme produces on one path.
    struct Result {
        /// Every metric by year index (H+1 values; flows leave index H at 0).
        var values: [Metric: [Double]] = [:]
        /// Replacement rates by rate (the position in `Metric.rates`), track and year index (NaN
        /// when not applicable).
        var byTrack: [[[Double]]] = []
        var ledger: [PopulationLedger] = []
        var flows: [DCMoneyFlows] = []
        /// Employer DC contributions by scenario track and year index (H values each).
        var employerDCByTrack: [[Double]] = []
        /// Actives by group at the start of each year index t = 0 … H.
        var groupCounts: [[GroupKey: Double]] = []
        /// The youngest age (capped at ω) seen in each pool (0 pensioners, 1 disabled, 2 survivors)
        /// by sex index, over every year; ω + 1 when the pool never has anyone.
        var youngestInPool: [[Int]] = []

        subscript(_ m: Metric) -> [Double] { values[m]! }
    }

    /// ä^(12) = ä − 11/24 (docs/model.md §6), stated here on its own so the reference stays
    /// independent of the engine's `MortalityGrid.monthlyCorrection`.
    static let monthlyAdjustment = 11.0 / 24.0

    let inputs: ProjectionInputs
    let rules: SchemeRules
    /// ω, and the last year a life table is read for (read once: a debug build copies `inputs`
    /// at every access to one of its members).
    let omega: Int
    let lastYear: Int
    let mortality: MortalityInputs

    init(inputs: ProjectionInputs, rules: SchemeRules) {
        self.inputs = inputs
        self.rules = rules
        omega = inputs.calendar.maximumAge
        lastYear = inputs.calendar.startYear + inputs.calendar.horizon + inputs.calendar.maximumAge + 1
        mortality = inputs.mortality
    }

    func q(_ basis: MortalityBasisKind, _ sex: Sex, _ age: Int, _ year: Int, _ kappa: Double) -> Double {
        if age >= omega { return 1 }
        let m = mortality
        let table = m.base(sex)
        let base = table.q(max(age, table.firstAge))
        let value = m.factor(basis, sex) * base * pow(1 - m.improvementRate(age: age), Double(year - m.baseYear))
            * exp(-m.beta(age: age) * kappa)
        return min(1, value)
    }

    /// ä along the cohort diagonal, plain forward sum: Σ_k v^k ₖp.
    func annuityDue(_ sex: Sex, age: Int, year: Int, kappa: Double, rate: Double) -> Double {
        var total = 0.0, survival = 1.0, v = 1.0
        var a = age, y = year
        while a <= omega {
            total += v * survival
            survival *= 1 - q(.annuitants, sex, a, min(y, lastYear), kappa)
            v /= 1 + rate
            a += 1
            y += 1
        }
        return total
    }

    /// The transition at the start of the reform year y_r (docs/model.md §6 and §11): membership is
    /// decided by the entry year. A member who entered in y_r or later is a DC member from entry
    /// (no DB accrual, no accrued rights), whatever the policy; one who entered earlier stays in
    /// the DB, switches with accrued rights (`switch_under_age`, `all`) or adds a DC account on
    /// top of the DB (`supplementary`).
    func applyTransition(_ m: inout Member, dc: DCRules, year: Int, wage w: Double) {
        let db = rules.db
        if m.entryYear >= dc.year {
            m.accruesDB = false; m.isDC = true
            return
        }
        let switches: Bool
        switch dc.transition {
        case .newEntrants: switches = false
        case let .switchUnderAge(a): switches = m.age < a
        case .all: switches = true
        case .supplementary: m.isDC = true; switches = false
        }
        guard switches else { return }
        m.accruesDB = false; m.isDC = true; m.serviceAtReform = m.service
        let br = inputs.tracks[m.track].scale(service: m.service) * w * m.pay
        switch dc.accruedRights {
        case .frozenDB: m.rights = 1; m.frozenBase = br
        case let .recognitionBond(rho):
            m.rights = 2
            let bup = rules.retirementAges[m.track](year)
            let ann = annuityDue(m.sex, age: bup, year: year + (bup - m.age), kappa: 0, rate: rho) - Self.monthlyAdjustment
            m.bond = min(db.cap, db.accrualRate * Double(m.service)) * br * db.monthsPaid * ann * pow(1 + rho, -Double(bup - m.age))
        }
    }

    /// The reform's transition cost (burden^reform − burden^current)/GDP by year (docs/model.md §8).
    static func transitionCost(current: Result, reform: Result, gdp: [Double], horizon: Int) -> [Double] {
        (0...horizon).map { t in t < horizon ? (reform[.budgetBurden][t] - current[.budgetBurden][t]) / gdp[t] : 0 }
    }

    /// The LMDI-I effects on burden / GDP since y0 of dependency (pensioners + survivors per active),
    /// benefit ratio (DB benefits per beneficiary over payroll per active), payroll / GDP and
    /// burden / DB benefits, by year (docs/model.md Part II, "Where the change in spending comes
    /// from"), written directly: L(V_t, V_0)·ln(f_t/f_0) with each factor's own logarithm. NaN where
    /// a factor has no logarithm; 0 in the end-of-horizon slot.
    static func spendingChange(_ r: Result, gdp: [Double], horizon: Int) -> [[Double]] {
        func factors(_ t: Int) -> [Double]? {
            let a = r[.actives][t], n = r[.pensioners][t] + r[.survivors][t], w = r[.payroll][t], d = r[.dbBenefits][t]
            let b = r[.budgetBurden][t]
            guard a > 0, n > 0, w > 0, d > 0, b != 0 else { return nil }
            return [n / a, (d / n) / (w / a), w / gdp[t], b / d]
        }
        var out = Array(repeating: Array(repeating: 0.0, count: horizon + 1), count: 4)
        for t in 0..<horizon {
            guard let f0 = factors(0), let f = factors(t), (f0[3] > 0) == (f[3] > 0) else {
                for k in 0..<4 { out[k][t] = .nan }
                continue
            }
            let v0 = r[.burdenPctGDP][0], v = r[.burdenPctGDP][t]
            let weight = v == v0 ? v : (v - v0) / log(v / v0)
            for k in 0..<4 { out[k][t] = weight * log(f[k] / f0[k]) }
        }
        return out
    }

    /// Who pays (docs/model.md Part II, "Who pays"), member by member's track sums: regional =
    /// Σ_k ρ_k · C^r_k under the reform, 0 under the current scheme; central = burden − regional;
    /// each also over GDP. H+1 values each (index H at 0).
    static func budgetSharing(_ r: Result, reform: Bool, shares: [Double], gdp: [Double], horizon h: Int) -> [Metric: [Double]] {
        var central = [Double](repeating: 0, count: h + 1), regional = central, centralShare = central, regionalShare = central
        for t in 0..<h {
            regional[t] = reform ? shares.indices.reduce(0) { $0 + shares[$1] * r.employerDCByTrack[$1][t] } : 0
            central[t] = r[.budgetBurden][t] - regional[t]
            regionalShare[t] = regional[t] / gdp[t]
            centralShare[t] = central[t] / gdp[t]
        }
        return [.burdenCentral: central, .burdenRegional: regional, .burdenCentralPctGDP: centralShare, .burdenRegionalPctGDP: regionalShare]
    }

    /// The reform's financing metrics (docs/model.md Part II, "Financing the transition"), by
    /// metric, H+1 values each: NaN without a financing rule; under borrowing, the difference of
    /// the burdens borrowed at mid-year, half a year at a time at the yield known at the start of
    /// the year: M = N·√(1+i) + Δ, N' = M·√(1+i), the interest of the half-years in debt.
    static func financing(_ rule: TransitionFinancing, current: Result, reform: Result, drivers d: PathDrivers,
                          horizon h: Int) -> [Metric: [Double]] {
        guard rule == .borrowing else {
            return Dictionary(uniqueKeysWithValues: Metric.financing.map { m in
                (m, (0...h).map { t in t < m.length(horizon: h) ? .nan : 0 })
            })
        }
        var debt = [Double](repeating: 0, count: h + 1), reserve = debt, interest = debt, share = debt
        var net = 0.0
        for t in 0..<h {
            let root = (1 + d.yieldAtStart(t)).squareRoot()
            let difference = reform[.budgetBurden][t] - current[.budgetBurden][t]
            let mid = net * root + difference
            interest[t] = (root - 1) * (max(net, 0) + max(mid, 0))
            net = mid * root
            debt[t + 1] = max(net, 0)
            reserve[t + 1] = max(-net, 0)
        }
        for t in 0...h { share[t] = debt[t] / d.gdp[t] }
        return [.transitionDebt: debt, .transitionDebtPctGDP: share, .transitionDebtInterest: interest, .transitionReserve: reserve]
    }

    /// Beneficiaries and deferred members in cells (docs/model.md §4, "Cells"): those of the same
    /// state, sex and age share mortality, indexation and escalation from then on, so they are
    /// one record with their count and the per-member mean of each amount. Pensioners and the
    /// disabled are kept apart by whether they carry a contingent survivor pension (which decides
    /// whether their deaths leave spouses), deferred members by former track (whose BUP they
    /// retire at). Actives are never merged.
    static func cells(_ list: [Member]) -> [Member] {
        struct Key: Hashable { let state: State, sex: Sex, age: Int, track: Int, rights: Bool }
        var out: [Member] = [], index: [Key: Int] = [:]
        for m in list {
            guard m.state != .active else { out.append(m); continue }
            let key = Key(state: m.state, sex: m.sex, age: m.age, track: m.state == .deferred ? m.track : 0, rights: m.contingent > 0 || m.dcContingent > 0)
            guard let i = index[key] else { index[key] = out.count; out.append(m); continue }
            var c = out[i]
            let total = c.weight + m.weight
            func mean(_ a: Double, _ b: Double) -> Double { (a * c.weight + b * m.weight) / total }
            c.db = mean(c.db, m.db); c.topup = mean(c.topup, m.topup); c.annuity = mean(c.annuity, m.annuity)
            c.contingent = mean(c.contingent, m.contingent); c.balance = mean(c.balance, m.balance)
            c.dcContingent = mean(c.dcContingent, m.dcContingent)
            c.frozenDB = mean(c.frozenDB, m.frozenDB); c.frozenContingent = mean(c.frozenContingent, m.frozenContingent)
            c.weight = total
            out[i] = c
        }
        return out
    }

    func project(_ d: PathDrivers) -> Result {
        let h = inputs.calendar.horizon, y0 = inputs.calendar.startYear
        let tracks = inputs.tracks, decrements = inputs.decrements, survivorRules = inputs.survivors
        let db = rules.db
        let trackCount = inputs.tracks.count
        var result = Result()
        for m in Metric.allCases { result.values[m] = Array(repeating: 0, count: h + 1) }
        result.employerDCByTrack = Array(repeating: Array(repeating: 0, count: h), count: trackCount)
        result.byTrack = Array(repeating: Array(repeating: Array(repeating: .nan, count: h), count: trackCount),
                               count: Metric.rates.count)
        // Like-for-like rates (docs/model.md Part II), member by member: each retirement's annual
        // amounts (DB-type with allowances, DC annuity, top-up), kept by cohort for the rates
        // after 10 and 20 years; the DB indexation factor of each year.
        struct Retired { let t: Int, sex: Sex, track: Int, level: Int, weight: Double, hasDB: Bool, isDC: Bool, db: Double, dc: Double, topUp: Double, salary: Double }
        var retiredCohorts: [Retired] = []
        var indexFactors: [Double] = []
        let basicPay = inputs.pay.salaryPaymentsPerYear * (1 + (inputs.current.db.pensionAllowance > 0 ? inputs.pay.allowances : 0))
        let escalation = rules.dc?.annuityEscalation ?? 0
        result.ledger = Array(repeating: PopulationLedger(), count: h)
        result.flows = Array(repeating: DCMoneyFlows(), count: h)
        result.youngestInPool = Array(repeating: [omega + 1, omega + 1], count: 3)
        var members: [Member] = []
        for c in inputs.population.actives where c.count > 0 {
            for (l, level) in inputs.tracks[c.track].payLevels.enumerated() {
                members.append(Member(weight: c.count * level.share, state: .active, sex: c.sex, track: c.track, age: c.age, service: c.service,
                                      level: l, pay: level.multiplier, entryYear: y0 - c.service,
                                      group: .initial(sex: c.sex, birthYear: y0 - c.age)))
            }
        }
        for (state, cells) in [(State.retired, inputs.population.pensioners), (.disabled, inputs.population.disabled), (.survivor, inputs.population.survivors)] {
            for c in cells where c.count > 0 {
                var m = Member(weight: c.count, state: state, sex: c.sex, track: 0, age: c.age)
                m.db = c.monthlyPension / c.count * db.monthsPaid
                if state != .survivor {
                    let contingent = c.monthlySurvivorPension.map { $0 / c.count }
                        ?? max(db.survivorOfPensioner / db.cap * c.monthlyPension / c.count, db.survivorOfPensionerFloor * db.floor)
                    m.contingent = contingent * db.monthsPaid
                }
                members.append(m)
            }
        }
        let headcount = inputs.population.actives.reduce(0) { $0 + $1.count }
        var reserve = 0.0
        /// Stocks at the start of year index t (t = H: the end of the horizon), docs/model.md §2, §8.
        func stocks(_ t: Int) {
            var actives = 0.0, pensioners = 0.0, survivors = 0.0, deferred = 0.0, fund = 0.0, bonds = 0.0
            // The fund's government bonds: each balance × the glide path's bond weight at the member's age.
            var governmentBonds = 0.0
            func bondWeight(_ m: Member) -> Double { rules.dc?.weights(age: min(m.age, omega)).bonds ?? 0 }
            var groups: [GroupKey: Double] = [:]
            for m in members where m.weight > 0 {
                switch m.state {
                case .active:
                    actives += m.weight; fund += m.weight * m.balance; bonds += m.weight * m.bond
                    governmentBonds += m.weight * m.balance * bondWeight(m)
                    groups[m.group!, default: 0] += m.weight
                case .retired, .disabled: pensioners += m.weight
                case .survivor: survivors += m.weight
                case .deferred: deferred += m.weight; fund += m.weight * m.balance
                    governmentBonds += m.weight * m.balance * bondWeight(m)
                }
                let pool = m.state == .retired ? 0 : m.state == .disabled ? 1 : m.state == .survivor ? 2 : nil
                if let pool { result.youngestInPool[pool][m.sex.index] = min(result.youngestInPool[pool][m.sex.index], min(m.age, omega)) }
            }
            result.values[.actives]![t] = actives; result.values[.pensioners]![t] = pensioners
            result.values[.survivors]![t] = survivors; result.values[.deferred]![t] = deferred
            result.values[.dcFundAssets]![t] = fund; result.values[.dcAssetsPctGDP]![t] = fund / d.gdp[t]
            result.values[.bondsOutstanding]![t] = bonds; result.values[.dbReserveAssets]![t] = reserve
            result.values[.dependencyRatio]![t] = actives > 0 ? pensioners / actives : .nan
            result.values[.dcFundGovernmentBonds]![t] = governmentBonds
            result.groupCounts.append(groups)
        }
        for t in 0..<h {
            let year = y0 + t
            let w = d.wageIndex[t]
            let floorY = db.floor * w
            let kappa = d.kappa[t]
            let dc = rules.dc
            let inDC = dc.map { year >= $0.year } ?? false
            if let dc, year == dc.year {
                for i in members.indices where members[i].state == .active { applyTransition(&members[i], dc: dc, year: year, wage: w) }
            }
            stocks(t)
            var ledger = PopulationLedger(), flows = DCMoneyFlows()
            var payroll = 0.0, eeDB = 0.0, eeDC = 0.0, erDC = 0.0, dbBen = 0.0, ann = 0.0, top = 0.0, redemptions = 0.0
            var retirements = 0.0
            // Survivor entries by the state of the member who died (docs/model.md §8), and the
            // survivors' DB-type pensions.
            var entriesInService = 0.0, entriesAfterAward = 0.0, survivorBen = 0.0
            // The DB-type benefits paid on frozen rights.
            var frozenBen = 0.0
            // Replacement rates: sums and counts by kind (0 db, 1 dc, 2 total) and track.
            var rrSum = Array(repeating: Array(repeating: 0.0, count: trackCount), count: 3)
            var rrCount = rrSum
            for m in members {
                switch m.state {
                case .active:
                    let s = tracks[m.track].scale(service: m.service) * w * m.pay
                    payroll += m.weight * s * 12
                    if m.accruesDB { eeDB += m.weight * db.employeeRate(year) * s * 12 }
                    if inDC && m.isDC {
                        let base = (dc!.onTakeHomePay ? tracks[m.track].takeHomeMultiplier(year) : 1) * s * 12
                        eeDC += m.weight * dc!.employeeRate(year) * base
                        erDC += m.weight * dc!.employerRate(year) * base
                        result.employerDCByTrack[m.track][t] += m.weight * dc!.employerRate(year) * base
                    }
                case .retired, .disabled:
                    dbBen += m.weight * m.db; ann += m.weight * m.annuity; top += m.weight * m.topup
                    frozenBen += m.weight * m.frozenDB
                case .survivor:
                    dbBen += m.weight * m.db; ann += m.weight * m.annuity
                    survivorBen += m.weight * m.db
                    frozenBen += m.weight * m.frozenDB
                case .deferred: break
                }
            }
            func portfolio(_ age: Int) -> Double {
                let wts = dc!.weights(age: age)
                return wts.equity * d.equityReturn[t] + wts.bonds * d.bondReturn[t] + wts.cash * d.cashReturn[t] - dc!.fee
            }
            let rho: Double
            if case let .recognitionBond(r)? = dc?.accruedRights { rho = r } else { rho = 0 }
            let annuityRate = dc.map { (1 + d.bondYield[t] - $0.annuityMargin) / (1 + $0.annuityEscalation) - 1 } ?? 0
            let annuityPayout = dc?.payout == .annuity
            // The year's mortality rates and annuity prices, each computed once from q(…) and
            // annuityDue(…) when first asked for (only to keep the reference quick).
            var rates = [Double](repeating: .nan, count: MortalityBasisKind.allCases.count * 2 * (omega + 1))
            func rate(_ basis: MortalityBasisKind, _ sex: Sex, _ age: Int) -> Double {
                let i = (basis.rawValue * 2 + sex.index) * (omega + 1) + min(age, omega)
                if rates[i].isNaN { rates[i] = q(basis, sex, age, year, kappa) }
                return rates[i]
            }
            var prices = [Double](repeating: .nan, count: 2 * (omega + 2))
            /// ä^{(12)} = ä − 11/24 at `age` at the start of y+1, κ held at κ_y, at the year's annuity rate (§6).
            func annuityPrice(_ sex: Sex, age: Int) -> Double {
                let i = sex.index * (omega + 2) + age
                if prices[i].isNaN {
                    prices[i] = annuityDue(sex, age: age, year: year + 1, kappa: kappa, rate: annuityRate) - Self.monthlyAdjustment
                    let f = dc?.survivorFraction ?? 0
                    if f > 0 && age <= omega {
                        // Joint and survivor (docs/model.md §6): a death at age a = age + k in year
                        // y+1+k leaves, with probability m(a), a spouse of the other sex aged
                        // a + 1 + Δ (within 0…ω) paid f a year from y+2+k, on the annuitant basis.
                        var survival = 1.0, discount = 1 / (1 + annuityRate), reversion = 0.0
                        for a in age...omega {
                            let qa = a == omega ? 1 : q(.annuitants, sex, a, min(year + 1 + (a - age), lastYear), kappa)
                            let z = min(max(a + 1 + (survivorRules.ageGap[sex] ?? 0), 0), omega)
                            let spouse = annuityDue(sex.other, age: z, year: year + 2 + (a - age), kappa: kappa, rate: annuityRate)
                                - Self.monthlyAdjustment
                            reversion += discount * survival * qa * survivorRules.leaveProbability(sex, age: a) * spouse
                            survival *= 1 - qa
                            discount /= 1 + annuityRate
                        }
                        prices[i] += f * reversion
                    }
                }
                return prices[i]
            }
            var next: [Member] = []
            /// A spouse left by a death of the year (docs/model.md §4), aged x + 1 + Δ at the start of y+1.
            func addSurvivor(of m: Member, weight: Double, annual: Double, annuity: Double = 0, frozen: Double = 0) {
                if m.state == .active { entriesInService += weight } else { entriesAfterAward += weight }
                var sp = Member(weight: weight, state: .survivor, sex: m.sex.other, track: 0,
                                age: min(max(m.age + 1 + (survivorRules.ageGap[m.sex] ?? 0), 0), omega))
                sp.db = annual; sp.annuity = annuity; sp.frozenDB = frozen
                next.append(sp)
                ledger.survivorEntries += weight
            }
            for var m in members {
                switch m.state {
                case .active:
                    let s = tracks[m.track].scale(service: m.service) * w * m.pay
                    let isDC = inDC && m.isDC
                    if isDC {
                        // b ← b(1+R) + C(1+R)^{1/2} (docs/model.md §2).
                        let contribution = (dc!.employeeRate(year) + dc!.employerRate(year)) * (dc!.onTakeHomePay ? tracks[m.track].takeHomeMultiplier(year) : 1) * s * 12
                        let r = portfolio(m.age)
                        let before = m.balance
                        m.balance = m.balance * (1 + r) + contribution * (1 + r).squareRoot()
                        flows.contributions += m.weight * contribution
                        flows.returns += m.weight * (m.balance - before - contribution)
                    }
                    let qd = rate(.actives, m.sex, m.age)
                    let table = mortality.base(m.sex)
                    var qi = 0.0
                    switch decrements.disability {
                    case .none: qi = 0
                    case let .factorOfBaseMortality(k): qi = min(1, k * table.q(max(m.age, table.firstAge)))
                    case let .table(r): qi = r[m.sex].map { $0[min(m.age, $0.count - 1)] } ?? 0
                    }
                    let wd = decrements.withdrawalRate(service: m.service)
                    let bup = rules.retirementAges[m.track](year)
                    var r = 0.0, early = false
                    if m.age + 1 >= bup { r = 1 }
                    else if m.age + 1 >= decrements.earlyAge && m.service + 1 >= decrements.earlyService {
                        r = decrements.earlyRate(age: m.age); early = true
                    }
                    let deaths = m.weight * qd
                    let dis = (m.weight - deaths) * qi
                    let wdr = (m.weight - deaths - dis) * wd
                    let ret = (m.weight - deaths - dis - wdr) * r
                    ledger.activeExits += deaths + dis + wdr + ret
                    retirements += ret
                    let bondNow = m.rights == 2 ? m.bond * (1 + rho) : 0
                    let pot = (isDC ? m.balance : 0) + bondNow
                    redemptions += (deaths + dis + wdr + ret) * bondNow
                    if isDC { flows.bondsRedeemedIntoAccounts += (deaths + dis + wdr + ret) * bondNow }
                    var fb = m.frozenBase
                    if case .frozenDB(finalSalary: true)? = dc?.accruedRights { fb = s }
                    let nr = Double(m.serviceAtReform), n1 = Double(m.service + 1)
                    let nextAge = min(m.age + 1, omega)
                    if deaths > 0 {
                        if isDC { flows.deathBenefits += deaths * pot }
                        let prob = survivorRules.leaveProbability(m.sex, age: m.age)
                        var monthly = 0.0
                        if m.accruesDB {
                            monthly = (1 - db.dutyShare) * max(db.survivorOfActive * s, db.survivorOfActiveFloor * floorY)
                                + db.dutyShare * max(db.survivorOfDuty * s, db.survivorOfDutyFloor * floorY)
                        } else if m.rights == 1 { monthly = db.survivorOfActive * fb * nr / n1 }
                        if monthly > 0 && prob > 0 {
                            let annual = monthly * db.monthsPaid * (1 + db.survivorAllowance)
                            addSurvivor(of: m, weight: deaths * prob, annual: annual, frozen: !m.accruesDB && m.rights == 1 ? annual : 0)
                        }
                    }
                    if dis > 0 {
                        var dbm = 0.0, cm = 0.0, a = 0.0
                        if m.accruesDB {
                            dbm = max(floorY, min(db.cap, db.accrualRate * n1) * s)
                            cm = max(db.survivorOfPensioner * s, db.survivorOfPensionerFloor * floorY)
                        } else if m.rights == 1 {
                            dbm = min(db.cap, db.accrualRate * nr) * fb
                            cm = db.survivorOfPensioner * fb * nr / n1
                        }
                        if isDC {
                            if annuityPayout {
                                a = pot / (annuityPrice(m.sex, age: m.age + 1))
                                flows.annuityPurchases += dis * pot
                            } else {
                                flows.lumpSums += dis * pot
                            }
                        }
                        if dbm > 0 || a > 0 {
                            var p = Member(weight: dis, state: .disabled, sex: m.sex, track: m.track, age: nextAge)
                            p.db = dbm * db.monthsPaid * (1 + db.pensionAllowance)
                            p.contingent = cm * db.monthsPaid * (1 + db.survivorAllowance); p.annuity = a
                            p.dcContingent = (dc?.survivorFraction ?? 0) * a
                            if !m.accruesDB && m.rights == 1 { p.frozenDB = p.db; p.frozenContingent = p.contingent }
                            next.append(p)
                            ledger.pensionerEntries += dis
                        }
                    }
                    if wdr > 0 && isDC {
                        if dc!.withdrawal == .deferred {
                            var p = Member(weight: wdr, state: .deferred, sex: m.sex, track: m.track, age: nextAge)
                            p.balance = pot
                            next.append(p)
                            ledger.deferredEntries += wdr
                        } else {
                            flows.cashWithdrawals += wdr * pot
                        }
                    }
                    if ret > 0 {
                        let eligible = early || m.service + 1 >= db.minimumService
                        var dbm = 0.0, cm = 0.0, a = 0.0, tp = 0.0
                        if m.accruesDB && eligible {
                            dbm = max(floorY, min(db.cap, db.accrualRate * n1) * s)
                            cm = max(db.survivorOfPensioner * s, db.survivorOfPensionerFloor * floorY)
                        } else if m.rights == 1 && eligible {
                            dbm = min(db.cap, db.accrualRate * nr) * fb
                            cm = db.survivorOfPensioner * fb * nr / n1
                        }
                        if isDC {
                            if annuityPayout {
                                a = pot / (annuityPrice(m.sex, age: m.age + 1))
                                flows.annuityPurchases += ret * pot
                                if let g = dc!.guarantee, m.service + 1 >= g.minimumService {
                                    tp = max(0, db.monthsPaid * g.level * floorY - (dbm * db.monthsPaid * (1 + db.pensionAllowance) + a))
                                }
                            } else {
                                flows.lumpSums += ret * pot
                            }
                        }
                        if dbm > 0 || a > 0 || tp > 0 {
                            var p = Member(weight: ret, state: .retired, sex: m.sex, track: m.track, age: nextAge)
                            p.db = dbm * db.monthsPaid * (1 + db.pensionAllowance)
                            p.contingent = cm * db.monthsPaid * (1 + db.survivorAllowance); p.annuity = a; p.topup = tp
                            p.dcContingent = (dc?.survivorFraction ?? 0) * a
                            if !m.accruesDB && m.rights == 1 { p.frozenDB = p.db; p.frozenContingent = p.contingent }
                            next.append(p)
                            ledger.pensionerEntries += ret
                        }
                        // docs/model.md §8: _db over members with DB rights (ineligible ones count 0),
                        // _dc over DC members (annuity only), _total over all (every component).
                        let k = m.track
                        let hasDB = m.accruesDB || m.rights == 1
                        if hasDB { rrSum[0][k] += ret * dbm / s; rrCount[0][k] += ret }
                        if isDC { rrSum[1][k] += ret * a / (dc?.monthsPaidDC ?? 12) / s; rrCount[1][k] += ret }
                        rrSum[2][k] += ret * (dbm / s + a / (dc?.monthsPaidDC ?? 12) / s + tp / db.monthsPaid / s); rrCount[2][k] += ret
                        retiredCohorts.append(Retired(t: t, sex: m.sex, track: k, level: m.level, weight: ret, hasDB: hasDB, isDC: isDC,
                                                      db: dbm * db.monthsPaid * (1 + db.pensionAllowance), dc: a, topUp: tp, salary: s))
                    }
                    let stay = m.weight - deaths - dis - wdr - ret
                    if r < 1 && stay > 0 {
                        m.weight = stay
                        m.age += 1; m.service += 1
                        if m.rights != 0 { m.frozenBase *= d.indexation(db.indexation(year), t); m.bond *= 1 + rho }
                        next.append(m)
                    }
                case .retired, .disabled, .survivor:
                    let basis: MortalityBasisKind = m.state == .retired ? .pensioners : m.state == .disabled ? .disabled : .survivors
                    let qx = rate(basis, m.sex, m.age)
                    let deaths = m.weight * qx
                    if m.state == .survivor { ledger.survivorExits += deaths } else { ledger.pensionerExits += deaths }
                    if m.state != .survivor && (m.contingent > 0 || m.dcContingent > 0) {
                        // The spouse's DC annuity continues the annuitant's: it escalates at the
                        // year's end like the annuity in payment.
                        let prob = survivorRules.leaveProbability(m.sex, age: m.age)
                        if prob > 0 && deaths > 0 {
                            addSurvivor(of: m, weight: deaths * prob, annual: m.contingent,
                                        annuity: m.dcContingent * (1 + (dc?.annuityEscalation ?? 0)), frozen: m.frozenContingent)
                        }
                    }
                    m.weight -= deaths
                    m.age += 1
                    m.annuity *= 1 + (dc?.annuityEscalation ?? 0)
                    m.dcContingent *= 1 + (dc?.annuityEscalation ?? 0)
                    if m.weight > 0 && m.age <= omega { next.append(m) }
                case .deferred:
                    let r = portfolio(m.age)
                    flows.returns += m.weight * m.balance * r
                    m.balance *= 1 + r
                    let qx = rate(.deferred, m.sex, m.age)
                    flows.deathBenefits += m.weight * qx * m.balance
                    ledger.deferredExits += m.weight * qx
                    m.weight *= 1 - qx
                    let bup = rules.retirementAges[m.track](year)
                    if m.age + 1 >= bup || m.age + 1 > omega {
                        // The balance buys an annuity at the former track's BUP, or is paid out.
                        ledger.deferredExits += m.weight
                        if annuityPayout && m.age + 1 <= omega {
                            var p = Member(weight: m.weight, state: .retired, sex: m.sex, track: m.track, age: m.age + 1)
                            p.annuity = m.balance / (annuityPrice(m.sex, age: m.age + 1))
                            p.dcContingent = (dc?.survivorFraction ?? 0) * p.annuity
                            flows.annuityPurchases += m.weight * m.balance
                            next.append(p)
                            ledger.pensionerEntries += m.weight
                        } else {
                            flows.lumpSums += m.weight * m.balance
                        }
                    } else {
                        m.age += 1
                        next.append(m)
                    }
                }
            }
            // Indexation of DB-type amounts (awards included); new annuities are not escalated.
            let index = d.indexation(db.indexation(year), t)
            for i in next.indices where next[i].state != .active && next[i].state != .deferred {
                next[i].db *= index; next[i].topup *= index; next[i].contingent *= index
                next[i].frozenDB *= index; next[i].frozenContingent *= index
            }
            members = Self.cells(next)
            reserve = reserve * (1 + d.bondReturn[t]) + (db.destination == .reserve ? eeDB : 0) * (1 + d.bondReturn[t]).squareRoot()
            if t + 1 < h {
                let target: Double
                switch inputs.entrants.target {
                case .constant: target = headcount
                case let .growth(g): target = headcount * pow(1 + g, Double(t + 1))
                case let .series(s): target = s(year + 1)
                }
                let surviving = members.filter { $0.state == .active }.reduce(0) { $0 + $1.weight }
                let needed = max(0, target - surviving)
                let total = inputs.entrants.profile.reduce(0) { $0 + $1.share }
                // Entrants from y_r on are DC members from entry (docs/model.md §6, §11).
                let entersDC = dc.map { year + 1 >= $0.year } ?? false
                for share in inputs.entrants.profile where share.share > 0 && needed > 0 {
                    for (l, level) in inputs.tracks[share.track].payLevels.enumerated() {
                        var m = Member(weight: needed * share.share / total * level.share, state: .active, sex: share.sex,
                                       track: share.track, age: share.age, level: l, pay: level.multiplier, entryYear: year + 1,
                                       group: .entrant(sex: share.sex, entryAge: share.age, entryYear: year + 1))
                        m.accruesDB = !entersDC
                        m.isDC = entersDC
                        members.append(m)
                        ledger.activeEntries += m.weight
                    }
                }
            }
            let burden = dbBen + erDC + top + redemptions - (db.destination == .budget ? eeDB : 0)
            func set(_ metric: Metric, _ value: Double) { result.values[metric]![t] = value }
            set(.payroll, payroll)
            set(.contributionsEmployee, eeDB + eeDC)
            set(.contributionsEmployer, erDC)
            set(.dbBenefits, dbBen)
            set(.dcAnnuities, ann)
            set(.guaranteeTopups, top)
            set(.bondRedemptions, redemptions)
            set(.budgetBurden, burden)
            set(.burdenPctGDP, burden / d.gdp[t])
            set(.burdenReal, burden / d.priceIndex[t])
            set(.burdenPctPayroll, payroll > 0 ? burden / payroll : .nan)
            set(.retirements, retirements)
            set(.survivorEntriesInService, entriesInService)
            set(.survivorEntriesAfterAward, entriesAfterAward)
            set(.survivorBenefits, survivorBen)
            set(.survivorBenefitsPctGDP, survivorBen / d.gdp[t])
            set(.dbBenefitsFrozen, frozenBen)
            set(.contributionsEmployeeDBBudget, db.destination == .budget ? eeDB : 0)
            for (kind, metric) in [(0, Metric.replacementRateDB), (1, .replacementRateDC), (2, .replacementRateTotal)] {
                let s = rrSum[kind].reduce(0, +), c = rrCount[kind].reduce(0, +)
                set(metric, c > 0 ? s / c : .nan)
                for k in 0..<trackCount {
                    result.byTrack[kind][k][t] = rrCount[kind][k] > 0 ? rrSum[kind][k] / rrCount[kind][k] : .nan
                }
            }
            // Like for like: the count-weighted mean of each member's ratio, by track and overall.
            func likeForLike(_ metrics: [Metric], _ members: [Retired], ratio: (Retired, Int) -> Double) {
                for (kind, metric) in metrics.enumerated() {
                    let counted = members.filter { kind == 0 ? $0.hasDB : kind == 1 ? $0.isDC : true }
                    let all = counted.reduce(0.0) { $0 + $1.weight }
                    set(metric, all > 0 ? counted.reduce(0.0) { $0 + $1.weight * ratio($1, kind) } / all : .nan)
                    for k in 0..<trackCount {
                        let mine = counted.filter { $0.track == k }, n = mine.reduce(0.0) { $0 + $1.weight }
                        result.byTrack[Metric.rates.firstIndex(of: metric)!][k][t] =
                            n > 0 ? mine.reduce(0.0) { $0 + $1.weight * ratio($1, kind) } / n : .nan
                    }
                }
            }
            func annual(_ c: Retired, _ kind: Int, indexed: Double = 1, escalated: Double = 1) -> Double {
                kind == 0 ? c.db * indexed : kind == 1 ? c.dc * escalated : (c.db + c.topUp) * indexed + c.dc * escalated
            }
            let awarded = retiredCohorts.filter { $0.t == t }
            likeForLike([.rrBasicDB, .rrBasicDC, .rrBasicTotal], awarded) { annual($0, $1) / ($0.salary * basicPay) }
            // By sex (overall only): the same count-weighted mean over the retirees of one sex.
            for (sex, metrics) in [(Sex.male, [Metric.rrBasicDCMale, .rrBasicTotalMale]), (.female, [.rrBasicDCFemale, .rrBasicTotalFemale])] {
                for (metric, kind) in zip(metrics, [1, 2]) {
                    let counted = awarded.filter { $0.sex == sex && (kind == 1 ? $0.isDC : true) }
                    let n = counted.reduce(0.0) { $0 + $1.weight }
                    set(metric, n > 0 ? counted.reduce(0.0) { $0 + $1.weight * annual($1, kind) / ($1.salary * basicPay) } / n : .nan)
                }
            }
            likeForLike([.rrTakeHomeDB, .rrTakeHomeDC, .rrTakeHomeTotal], awarded) {
                annual($0, $1) / ($0.salary * inputs.pay.salaryPaymentsPerYear * tracks[$0.track].takeHomeMultiplier(year))
            }
            // Member percentiles: each (track, pay level)'s mean rr_basic_total, weighted by its
            // retirements; the lower quantile (the first rate whose cumulative weight reaches q).
            func percentile(_ members: [Retired], _ q: Double) -> Double {
                var groups: [(rate: Double, weight: Double)] = []
                for key in Set(members.map { [$0.track, $0.level] }) {
                    let mine = members.filter { [$0.track, $0.level] == key }, n = mine.reduce(0.0) { $0 + $1.weight }
                    if n > 0 { groups.append((mine.reduce(0.0) { $0 + $1.weight * annual($1, 2) / ($1.salary * basicPay) } / n, n)) }
                }
                let total = groups.reduce(0.0) { $0 + $1.weight }
                var cumulative = 0.0
                for g in groups.sorted(by: { $0.rate < $1.rate }) {
                    cumulative += g.weight
                    if cumulative >= q * total { return g.rate }
                }
                return .nan
            }
            for (metric, q) in [(Metric.rrBasicTotalMemberP10, 0.1), (.rrBasicTotalMemberP50, 0.5), (.rrBasicTotalMemberP90, 0.9)] {
                set(metric, percentile(awarded, q))
                for k in 0..<trackCount {
                    result.byTrack[Metric.rates.firstIndex(of: metric)!][k][t] = percentile(awarded.filter { $0.track == k }, q)
                }
            }
            for (years, metrics) in [(10, [Metric.rrBasicDBAfter10, .rrBasicDCAfter10, .rrBasicTotalAfter10]),
                                     (20, [.rrBasicDBAfter20, .rrBasicDCAfter20, .rrBasicTotalAfter20])] {
                let tau = t - years
                let indexed = tau >= 0 ? indexFactors[tau..<t].reduce(1, *) : 1
                let escalated = pow(1 + escalation, Double(years - 1))
                likeForLike(metrics, tau >= 0 ? retiredCohorts.filter { $0.t == tau } : []) {
                    annual($0, $1, indexed: indexed, escalated: escalated) / ($0.salary * d.wageIndex[t] / d.wageIndex[tau] * basicPay)
                }
            }
            indexFactors.append(index)
            result.ledger[t] = ledger
            result.flows[t] = flows
        }
        stocks(h)
        return result
    }
}
