import Foundation
import PensiunActuarial
import PensiunInputs

extension SchemeProjector {
    /// The money of one year paid to those in each state at its start (docs/model.md §2, steps 2–3).
    struct YearFlows {
        var payroll = 0.0
        var employeeDB = 0.0
        var employeeDC = 0.0
        var employerDC = 0.0
        /// DB-type benefits, DC annuities and guarantee top-ups paid in the year.
        var dbBenefits = 0.0, annuities = 0.0, topups = 0.0
        /// The survivors' part of `dbBenefits`.
        var survivorBenefits = 0.0
        /// The part of `dbBenefits` paid on frozen DB rights (``BeneficiaryPool/frozenDB``).
        var frozenBenefits = 0.0
    }
}

extension SchemeProjector {
    /// Steps 2–3 of year y: contributions of the actives and the growth of their DC balances
    /// (``DCRules/grown(balance:contribution:onePlusReturn:halfGrowth:)``), the benefits in payment,
    /// the returns of deferred balances and the DB reserve's growth.
    mutating func payYear(_ y: ProjectionYear, drivers: PathDrivers, flows: inout DCMoneyFlows) throws -> YearFlows {
        let t = y.t
        let db = rules.rules.db
        let dc = y.dcActive ? rules.rules.dc : nil
        var paid = YearFlows()
        let cDB = rules.employeeDBRate[t], ce = rules.dcEmployeeRate[t], cr = rules.dcEmployerRate[t]
        let bondR = drivers.bondReturn[t]
        if let dc {
            // Portfolio returns by age for this year: R(x) and (1+R(x))^{1/2}.
            let equity = drivers.equityReturn[t], cash = drivers.cashReturn[t]
            for x in 0..<ages {
                let r = try Self.portfolioReturn(dc, age: x, equity: equity, bond: bondR, cash: cash, path: drivers.path, year: y.year)
                returnByAge[x] = r
                halfGrowthByAge[x] = (1 + r).squareRoot()
            }
        }
        // The cohort arrays are taken out of `actives` for the loop (no copy, no uniqueness checks inside).
        let counts = actives.count, trackOf = actives.track, entryIndex = actives.entryIndex
        let entryAge = actives.entryAge, accruesDB = actives.accruesDB, isDCMember = actives.isDC
        var balances = actives.balance
        actives.balance = []
        for k in employerDCByTrack.indices { employerDCByTrack[k] = 0 }
        let trackOfGroup = context.payGroups.track
        for c in 0..<actives.cohortCount {
            let n = counts[c]
            if n == 0 { continue }
            let k = trackOf[c]
            let service = t - entryIndex[c]
            let s = tables.salaryScale(track: k, service: service) * y.wage
            paid.payroll += n * s * 12
            if accruesDB[c] { paid.employeeDB += n * DBRules.employeeContribution(rate: cDB, salary: s) }
            if dc != nil && isDCMember[c] {
                let base = DCRules.contributionBase(multiplier: tables.dcMultiplier(track: k, t: t), salary: s)
                let contribution = DCRules.contribution(employeeRate: ce, employerRate: cr, base: base)
                paid.employeeDC += n * DCRules.contribution(employeeRate: ce, employerRate: 0, base: base)
                let employer = n * DCRules.contribution(employeeRate: 0, employerRate: cr, base: base)
                paid.employerDC += employer
                employerDCByTrack[trackOfGroup[k]] += employer
                // 3. Returns, at the member's age at the start of y.
                let age = min(entryAge[c] + service, ages - 1)
                let before = balances[c]
                let after = DCRules.grown(balance: before, contribution: contribution, onePlusReturn: 1 + returnByAge[age],
                                          halfGrowth: halfGrowthByAge[age])
                flows.contributions += n * contribution
                flows.returns += n * (after - before - contribution)
                balances[c] = after
            }
        }
        actives.balance = balances
        for i in 0..<(2 * ages) {
            paid.dbBenefits += retired.db[i] + disabled.db[i] + survivors.db[i]
            paid.survivorBenefits += survivors.db[i]
            paid.annuities += retired.annuity[i] + disabled.annuity[i] + survivors.annuity[i]
            paid.topups += retired.topup[i] + disabled.topup[i]
        }
        if retired.keepsFrozen {
            for i in 0..<(2 * ages) { paid.frozenBenefits += retired.frozenDB[i] + disabled.frozenDB[i] + survivors.frozenDB[i] }
        }
        // Deferred balances earn the portfolio return at their age.
        if dc != nil {
            for s in 0..<2 { for k in 0..<trackCount { for x in 0..<ages {
                let i = (s * trackCount + k) * ages + x
                let b = deferred.balance[i]
                if b == 0 { continue }
                let r = returnByAge[x]
                flows.returns += b * r
                deferred.balance[i] = DCRules.grown(balance: b, contribution: 0, onePlusReturn: 1 + r, halfGrowth: 1)
            } } }
        }
        // DB reserve: mid-year inflows at the bond return (the growth of a DC balance).
        let toReserve = db.destination == .reserve ? paid.employeeDB : 0
        reserve = DCRules.grown(balance: reserve, contribution: toReserve, onePlusReturn: 1 + bondR,
                                halfGrowth: (1 + bondR).squareRoot())
        return paid
    }
}
