import Foundation
import PensiunActuarial
@testable import PensiunEngine

/// A slow, readable reference projection: one member record at a time, plain loops, no pooling,
/// no caches, mortality computed from the inputs' formula directly. The fast engine must match it.
struct ReferenceEngine {
    enum State { case active, retired, disabled, deferred, survivor }

    struct Member {
        var weight: Double
        var state: State
        var sex: Sex
        var track: Int
        var age: Int
        var service = 0
        var accruesDB = true
        var isDC = false
        var rights = 0            // 1 frozen, 2 bond
        var serviceAtReform = 0
        var frozenBase = 0.0
        var bond = 0.0
        var balance = 0.0
        // Annual amounts per member (beneficiaries).
        var db = 0.0, topup = 0.0, annuity = 0.0, contingent = 0.0
    }

    let inputs: ProjectionInputs
    let rules: SchemeRules

    func q(_ basis: MortalityBasisKind, _ sex: Sex, _ age: Int, _ year: Int, _ kappa: Double) -> Double {
        let omega = inputs.calendar.maximumAge
        if age >= omega { return 1 }
        let m = inputs.mortality
        let table = m.base[sex]!
        let base = table.q(max(age, table.firstAge))
        let value = m.factor(basis, sex) * base * pow(1 - m.improvementRate(age: age), Double(year - m.baseYear))
            * exp(-m.beta(age: age) * kappa)
        return min(1, value)
    }

    /// ä along the cohort diagonal, plain forward sum: Σ_k v^k ₖp.
    func annuityDue(_ sex: Sex, age: Int, year: Int, kappa: Double, rate: Double) -> Double {
        var total = 0.0, survival = 1.0, v = 1.0
        var a = age, y = year
        while a <= inputs.calendar.maximumAge {
            total += v * survival
            survival *= 1 - q(.annuitants, sex, a, min(y, inputs.calendar.startYear + inputs.calendar.horizon + inputs.calendar.maximumAge + 1), kappa)
            v /= 1 + rate
            a += 1
            y += 1
        }
        return total
    }

    func project(_ d: PathDrivers) -> [Metric: [Double]] {
        let h = inputs.calendar.horizon, y0 = inputs.calendar.startYear, omega = inputs.calendar.maximumAge
        let db = rules.db
        var out: [Metric: [Double]] = [:]
        for m in Metric.allCases { out[m] = Array(repeating: 0, count: h + 1) }
        var members: [Member] = []
        for c in inputs.population.actives {
            members.append(Member(weight: c.count, state: .active, sex: c.sex, track: c.track, age: c.age, service: c.service))
        }
        for (state, cells) in [(State.retired, inputs.population.pensioners), (.disabled, inputs.population.disabled), (.survivor, inputs.population.survivors)] {
            for c in cells {
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
        func stocks(_ t: Int) {
            var actives = 0.0, pensioners = 0.0, survivors = 0.0, deferred = 0.0, fund = 0.0, bonds = 0.0
            for m in members {
                switch m.state {
                case .active: actives += m.weight; fund += m.weight * m.balance; bonds += m.weight * m.bond
                case .retired, .disabled: pensioners += m.weight
                case .survivor: survivors += m.weight
                case .deferred: deferred += m.weight; fund += m.weight * m.balance
                }
            }
            out[.actives]![t] = actives; out[.pensioners]![t] = pensioners; out[.survivors]![t] = survivors
            out[.deferred]![t] = deferred; out[.dcFundAssets]![t] = fund; out[.bondsOutstanding]![t] = bonds
            out[.dbReserveAssets]![t] = reserve
        }
        for t in 0..<h {
            let year = y0 + t
            let w = d.wageIndex[t]
            let floorY = db.floor * w
            let kappa = d.kappa[t]
            let dc = rules.dc
            let inDC = dc.map { year >= $0.year } ?? false
            if let dc, year == dc.year {
                for i in members.indices where members[i].state == .active {
                    var m = members[i]
                    let switches: Bool
                    switch dc.transition {
                    case .newEntrants: switches = false
                    case let .switchUnderAge(a): switches = m.age < a
                    case .all: switches = true
                    case .supplementary: m.isDC = true; switches = false
                    }
                    if switches {
                        m.accruesDB = false; m.isDC = true; m.serviceAtReform = m.service
                        let br = inputs.tracks[m.track].scale(service: m.service) * w
                        switch dc.accruedRights {
                        case .frozenDB: m.rights = 1; m.frozenBase = br
                        case let .recognitionBond(rho):
                            m.rights = 2
                            let bup = rules.retirementAges[m.track](year)
                            let ann = annuityDue(m.sex, age: bup, year: year + (bup - m.age), kappa: 0, rate: rho) - 11.0 / 24.0
                            m.bond = min(db.cap, db.accrualRate * Double(m.service)) * br * db.monthsPaid * ann * pow(1 + rho, -Double(bup - m.age))
                        }
                    }
                    members[i] = m
                }
            }
            stocks(t)
            var payroll = 0.0, eeDB = 0.0, eeDC = 0.0, erDC = 0.0, dbBen = 0.0, ann = 0.0, top = 0.0, redemptions = 0.0
            var rrSum = [0.0, 0.0, 0.0], rrCount = [0.0, 0.0, 0.0]
            for m in members {
                switch m.state {
                case .active:
                    let s = inputs.tracks[m.track].scale(service: m.service) * w
                    payroll += m.weight * s * 12
                    if m.accruesDB { eeDB += m.weight * db.employeeRate(year) * s * 12 }
                    if inDC && m.isDC {
                        let base = inputs.tracks[m.track].dcBaseMultiplier * s * 12
                        eeDC += m.weight * dc!.employeeRate(year) * base
                        erDC += m.weight * dc!.employerRate(year) * base
                    }
                case .retired, .disabled:
                    dbBen += m.weight * m.db; ann += m.weight * m.annuity; top += m.weight * m.topup
                case .survivor:
                    dbBen += m.weight * m.db
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
            var next: [Member] = []
            for var m in members {
                switch m.state {
                case .active:
                    let s = inputs.tracks[m.track].scale(service: m.service) * w
                    if inDC && m.isDC {
                        let contribution = (dc!.employeeRate(year) + dc!.employerRate(year)) * inputs.tracks[m.track].dcBaseMultiplier * s * 12
                        let r = portfolio(m.age)
                        m.balance = m.balance * (1 + r) + contribution * (1 + r).squareRoot()
                    }
                    let qd = q(.actives, m.sex, m.age, year, kappa)
                    let table = inputs.mortality.base[m.sex]!
                    var qi = 0.0
                    switch inputs.decrements.disability {
                    case .none: qi = 0
                    case let .factorOfBaseMortality(k): qi = min(1, k * table.q(max(m.age, table.firstAge)))
                    case let .table(r): qi = r[m.sex].map { $0[min(m.age, $0.count - 1)] } ?? 0
                    }
                    let wd = inputs.decrements.withdrawalRate(service: m.service)
                    let bup = rules.retirementAges[m.track](year)
                    var r = 0.0, early = false
                    if m.age + 1 >= bup { r = 1 }
                    else if m.age + 1 >= inputs.decrements.earlyAge && m.service + 1 >= inputs.decrements.earlyService {
                        r = inputs.decrements.earlyRate(age: m.age); early = true
                    }
                    let deaths = m.weight * qd
                    let dis = (m.weight - deaths) * qi
                    let wdr = (m.weight - deaths - dis) * wd
                    let ret = (m.weight - deaths - dis - wdr) * r
                    let isDC = inDC && m.isDC
                    let bondNow = m.rights == 2 ? m.bond * (1 + rho) : 0
                    let pot = (isDC ? m.balance : 0) + bondNow
                    redemptions += (deaths + dis + wdr + ret) * bondNow
                    var fb = m.frozenBase
                    if case .frozenDB(finalSalary: true)? = dc?.accruedRights { fb = s }
                    let nr = Double(m.serviceAtReform), n1 = Double(m.service + 1)
                    let nextAge = min(m.age + 1, omega)
                    if deaths > 0 {
                        let prob = inputs.survivors.leaveProbability(m.sex, age: m.age)
                        var monthly = 0.0
                        if m.accruesDB {
                            monthly = (1 - db.dutyShare) * max(db.survivorOfActive * s, db.survivorOfActiveFloor * floorY)
                                + db.dutyShare * max(db.survivorOfDuty * s, db.survivorOfDutyFloor * floorY)
                        } else if m.rights == 1 { monthly = db.survivorOfActive * fb * nr / n1 }
                        if monthly > 0 && prob > 0 {
                            var sp = Member(weight: deaths * prob, state: .survivor, sex: m.sex.other, track: 0,
                                            age: min(max(m.age + 1 + (inputs.survivors.ageGap[m.sex] ?? 0), 0), omega))
                            sp.db = monthly * db.monthsPaid * (1 + db.survivorAllowance)
                            next.append(sp)
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
                        if isDC && dc!.payout == .annuity {
                            a = pot / (annuityDue(m.sex, age: m.age + 1, year: year + 1, kappa: kappa, rate: annuityRate) - 11.0 / 24.0)
                        }
                        if dbm > 0 || a > 0 {
                            var p = Member(weight: dis, state: .disabled, sex: m.sex, track: m.track, age: nextAge)
                            p.db = dbm * db.monthsPaid * (1 + db.pensionAllowance)
                            p.contingent = cm * db.monthsPaid * (1 + db.survivorAllowance); p.annuity = a
                            next.append(p)
                        }
                    }
                    if wdr > 0 && isDC && dc!.withdrawal == .deferred {
                        var p = Member(weight: wdr, state: .deferred, sex: m.sex, track: m.track, age: nextAge)
                        p.balance = pot
                        next.append(p)
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
                        if isDC && dc!.payout == .annuity {
                            a = pot / (annuityDue(m.sex, age: m.age + 1, year: year + 1, kappa: kappa, rate: annuityRate) - 11.0 / 24.0)
                            if let g = dc!.guarantee, m.service + 1 >= g.minimumService {
                                tp = max(0, db.monthsPaid * g.level * floorY - (dbm * db.monthsPaid * (1 + db.pensionAllowance) + a))
                            }
                        }
                        if dbm > 0 || a > 0 || tp > 0 {
                            var p = Member(weight: ret, state: .retired, sex: m.sex, track: m.track, age: nextAge)
                            p.db = dbm * db.monthsPaid * (1 + db.pensionAllowance)
                            p.contingent = cm * db.monthsPaid * (1 + db.survivorAllowance); p.annuity = a; p.topup = tp
                            next.append(p)
                        }
                        let hasDB = m.accruesDB || m.rights == 1
                        if hasDB { rrSum[0] += ret * dbm / s; rrCount[0] += ret }
                        if isDC { rrSum[1] += ret * a / (dc?.monthsPaidDC ?? 12) / s; rrCount[1] += ret }
                        rrSum[2] += ret * (dbm / s + a / (dc?.monthsPaidDC ?? 12) / s + tp / db.monthsPaid / s); rrCount[2] += ret
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
                    let qx = q(basis, m.sex, m.age, year, kappa)
                    let deaths = m.weight * qx
                    if m.state != .survivor && m.contingent > 0 {
                        let prob = inputs.survivors.leaveProbability(m.sex, age: m.age)
                        if prob > 0 && deaths > 0 {
                            var sp = Member(weight: deaths * prob, state: .survivor, sex: m.sex.other, track: 0,
                                            age: min(max(m.age + 1 + (inputs.survivors.ageGap[m.sex] ?? 0), 0), omega))
                            sp.db = m.contingent / prob * prob
                            next.append(sp)
                        }
                    }
                    m.weight -= deaths
                    m.age += 1
                    m.annuity *= 1 + (dc?.annuityEscalation ?? 0)
                    if m.weight > 0 && m.age <= omega { next.append(m) }
                case .deferred:
                    let r = portfolio(m.age)
                    m.balance *= 1 + r
                    let qx = q(.deferred, m.sex, m.age, year, kappa)
                    m.weight *= 1 - qx
                    let bup = rules.retirementAges[m.track](year)
                    if m.age + 1 >= bup || m.age + 1 > omega {
                        if dc!.payout == .annuity && m.age + 1 <= omega {
                            var p = Member(weight: m.weight, state: .retired, sex: m.sex, track: m.track, age: m.age + 1)
                            p.annuity = m.balance / (annuityDue(m.sex, age: m.age + 1, year: year + 1, kappa: kappa, rate: annuityRate) - 11.0 / 24.0)
                            next.append(p)
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
            }
            members = next
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
                let entersDC = dc.map { year + 1 >= $0.year } ?? false
                for share in inputs.entrants.profile where share.share > 0 && needed > 0 {
                    var m = Member(weight: needed * share.share / total, state: .active, sex: share.sex, track: share.track, age: share.age)
                    m.accruesDB = !entersDC
                    m.isDC = entersDC
                    members.append(m)
                }
            }
            let burden = dbBen + erDC + top + redemptions - (db.destination == .budget ? eeDB : 0)
            out[.payroll]![t] = payroll
            out[.contributionsEmployee]![t] = eeDB + eeDC
            out[.contributionsEmployer]![t] = erDC
            out[.dbBenefits]![t] = dbBen
            out[.dcAnnuities]![t] = ann
            out[.guaranteeTopups]![t] = top
            out[.bondRedemptions]![t] = redemptions
            out[.budgetBurden]![t] = burden
            out[.replacementRateDB]![t] = rrCount[0] > 0 ? rrSum[0] / rrCount[0] : .nan
            out[.replacementRateDC]![t] = rrCount[1] > 0 ? rrSum[1] / rrCount[1] : .nan
            out[.replacementRateTotal]![t] = rrCount[2] > 0 ? rrSum[2] / rrCount[2] : .nan
        }
        stocks(h)
        return out
    }
}
