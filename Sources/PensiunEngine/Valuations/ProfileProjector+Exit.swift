import PensiunActuarial
import PensiunInputs

extension ProfileProjector {
    /// The values of a profile whose member withdraws at the end of year index t, aged `age` with
    /// n = `service` years (docs/model.md §9, "early leavers"), as the engines' withdrawals treat
    /// the member (SchemeProjector's `ExitAwards.withdrawals` and `ageDeferred`, the lane engine's
    /// deferred cells):
    ///
    /// - nothing from the DB (§5), frozen DB rights lapse; a recognition bond is redeemed at exit
    ///   (accrued to the end of the exit year) into the DC account;
    /// - a DC member's balance is deferred (`withdrawal: deferred`): from the next year on it earns
    ///   the glide path's return at the member's age, R_u(x), with no contribution
    ///   (``DCRules/grown(balance:contribution:onePlusReturn:halfGrowth:)``), and at the end of the
    ///   year in which the member reaches the track's BUP it buys the annuity (or is paid as a lump
    ///   sum) at the price a deferred member pays in the engines, ``ProjectionContext/dcAnnuityFactor(sex:age:t:kappa:rate:survivorFraction:)``;
    ///   no guarantee. Or it is paid in cash at exit (`withdrawal: cash`), accumulated to y_R at the
    ///   path's yields like the contributions;
    /// - the profile's convention holds: the member survives to the BUP (no death while deferred),
    ///   so the balance is the engines' balance per surviving deferred member;
    /// - pay after exit is not projected: the profile is valued at the end of y_R, the year the
    ///   member reaches the BUP (under each scheme's retirement ages), and its rates are taken on
    ///   the salary at exit revalued with the wage index, S·W_{y_R}/W_{exit year}, reported as
    ///   the final salary. Contributions stop at exit and accumulate to y_R.
    func withdraw(at t: Int, age x: Int, service n: Int, salary s: Double, spec: ProfileSpec, rules: SchemeYearRules,
                  basis: LikeForLikeBasis, drivers d: PathDrivers, member: RetiringMember, accumulatedEmployee: Double,
                  accumulatedTotal: Double) -> [Double] {
        let dc = rules.rules.dc
        let year = context.startYear + t
        let bond = member.rights == .recognitionBond
            ? DBRules.bondValue(member.bond, rate: dc?.accruedRights.bondRate ?? 0, years: year + 1 - (dc?.year ?? year)) : 0
        let pot = member.isDC ? member.balance + bond : 0
        let deferred = member.isDC && dc?.withdrawal == .deferred
        var balance = deferred ? pot : 0, cash = deferred ? 0 : pot
        var employee = accumulatedEmployee, total = accumulatedTotal
        for u in (t + 1)..<max(t + 1, context.horizon) {
            let age = x + (u - t)
            let i = d.yieldAtStart(u)
            employee = MoneysWorth.accumulated(employee, paidMidYear: 0, rate: i)
            total = MoneysWorth.accumulated(total, paidMidYear: 0, rate: i)
            cash = MoneysWorth.accumulated(cash, paidMidYear: 0, rate: i)
            if deferred, let dc {
                let r = dc.portfolioReturn(age: min(age, context.maximumAge), equity: d.equityReturn[u], bond: d.bondReturn[u],
                                           cash: d.cashReturn[u])
                balance = DCRules.grown(balance: balance, contribution: 0, onePlusReturn: 1 + r, halfGrowth: 1)
            }
            if RetirementChance.reachesNormalAge(age: age, normalAge: rules.retirementAge[context.payGroups.first[spec.track]][u]) {
                return retire(at: u, age: age, service: n, salary: s * d.wageIndex[u] / d.wageIndex[t], spec: spec, rules: rules,
                              basis: basis, drivers: d,
                              member: RetiringMember(accruesDB: false, isDC: deferred, rights: member.rights,
                                                     serviceAtReform: member.serviceAtReform, frozenBase: 0, bond: bond,
                                                     balance: balance, withdrew: true, cash: cash),
                              accumulatedEmployee: employee, accumulatedTotal: total)
            }
        }
        return Array(repeating: .nan, count: ProfileOutcome.Quantity.allCases.count)
    }
}
