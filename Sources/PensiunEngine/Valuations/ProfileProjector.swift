import Foundation
import PensiunActuarial
import PensiunInputs

/// Projects individual profiles. Conventions:
/// - contributions and benefits are valued at the end of the retirement year y_R: each year's
///   contributions (paid at mid-year) accumulate at the path's yield known at the start of the
///   year, (1 + i_{y−1})^{1/2} to the end of the year and (1 + i_{u−1}) for later years;
/// - benefits are valued with annuities on the pensioners' basis, κ held at κ_{y_R}, at
///   j = (1 + i_{y_R})/(1 + g) − 1, where g is the expected escalation of the amount (the mean of
///   the indexation rule: μ_π for prices, (1+μ_π)(1+μ_g) − 1 for wages, r for fixed, 0 for none;
///   λ for a DC annuity). The survivor pension is a reversionary annuity to a spouse of the other
///   sex aged x+1+Δ, weighted by the probability m_s(x) of leaving one;
/// - money's worth = value of benefits / value of contributions: employee contributions only,
///   and for the DC also employee + employer (the DB's state cost is not a contribution);
/// - a member in service at y0 (entry year < y0) is followed from y0 with n0 = y0 − entry year
///   years of service: the benefits are the whole pension (rights for service before y0
///   included), the contributions those from y0 on ("prospective" money's worth); no salary
///   history before y0 is assumed.
public struct ProfileProjector: Sendable {
    public let context: ProjectionContext

    public init(context: ProjectionContext) { self.context = context }

    /// The profile on one path; with `careers` false the year-by-year arrays are left empty (the
    /// Monte Carlo run keeps only the values). Every scheme quantity comes from the rule layer.
    public func project(_ spec: ProfileSpec, scheme: Scheme, drivers d: PathDrivers, careers: Bool = true) -> ProfileOutcome {
        let rules = context.schemes[scheme.rawValue]
        let db = rules.rules.db
        let dc = rules.rules.dc
        // The member is paid the track's salary path × its pay level's multiplier (1 without one);
        // its BUP and θ are those of every pay group of the track, read from the first.
        let track = context.payGroups.tracks[spec.track], k = context.payGroups.first[spec.track]
        let pay = spec.payMultiplier(context.payGroups.tracks)
        let y0 = context.startYear, h = context.horizon
        var out = ProfileOutcome(values: Array(repeating: .nan, count: ProfileOutcome.Quantity.allCases.count))
        // An entrant is followed from entry, a member in service at y0 (entry year < y0) from y0
        // with n0 = y0 − entry year years of service: contributions before y0 are not projected.
        let first = max(0, spec.entryYear - y0)
        guard spec.entryYear < y0 + h, spec.entryAge + (y0 + first - spec.entryYear) < context.maximumAge else { return out }
        let isDCFromEntry = dc.map { ReformMembership.isDCFromEntry(entryYear: spec.entryYear, reformYear: $0.year) } ?? false
        var accruesDB = !isDCFromEntry, isDC = isDCFromEntry
        var rights = HeldRights.none, nr = 0
        var frozenBase = 0.0, bond = 0.0, balance = 0.0
        var accumulatedEmployee = 0.0, accumulatedTotal = 0.0
        for t in first..<h {
            let year = y0 + t
            let n = year - spec.entryYear
            let age = spec.entryAge + n
            let w = d.wageIndex[t]
            let s = track.scale(service: n) * pay * w
            if let dc, year == dc.year {
                let membership = ReformMembership.at(reformYear: dc.year, entryYear: spec.entryYear, age: age,
                                                     transition: dc.transition)
                if membership == .supplementary { isDC = true }
                if membership == .switcher {
                    accruesDB = membership.accruesDB; isDC = membership.isDC; nr = n
                    let br = track.scale(service: n) * pay * w
                    rights = HeldRights(switchingUnder: dc.accruedRights)
                    switch dc.accruedRights {
                    case .frozenDB: frozenBase = br
                    case let .recognitionBond(rho):
                        bond = context.recognitionBond(sex: spec.sex, age: age, service: n, bup: rules.retirementAge[k][t],
                                                       t: t, rho: rho, base: br, db: db)
                    }
                }
            }
            let dcNow = isDC && (dc.map { year >= $0.year } ?? false)
            let employeeDB = accruesDB ? DBRules.employeeContribution(rate: rules.employeeDBRate[t], salary: s) : 0
            let employeeDC = dcNow ? DCRules.contribution(rate: rules.dcEmployeeRate[t], multiplier: context.tables.dcMultiplier(track: k, t: t), salary: s) : 0
            let employer = dcNow ? DCRules.contribution(rate: rules.dcEmployerRate[t], multiplier: context.tables.dcMultiplier(track: k, t: t), salary: s) : 0
            let employee = employeeDB + employeeDC
            // Accumulate everything to the end of this year at the yield known at its start.
            let i = d.yieldAtStart(t)
            accumulatedEmployee = MoneysWorth.accumulated(accumulatedEmployee, paidMidYear: employee, rate: i)
            accumulatedTotal = MoneysWorth.accumulated(accumulatedTotal, paidMidYear: employee + employer, rate: i)
            if dcNow, let dc {
                let r = dc.portfolioReturn(age: age, equity: d.equityReturn[t], bond: d.bondReturn[t], cash: d.cashReturn[t])
                balance = DCRules.grown(balance: balance, contribution: employeeDC + employer, onePlusReturn: 1 + r,
                                        halfGrowth: (1 + r).squareRoot())
            }
            if careers {
                out.years.append(year)
                out.salary.append(s)
                out.employeeContribution.append(employee)
                out.employerContribution.append(employer)
                out.balance.append(balance)
            }
            // A withdrawal at the end of the exit year comes before retirement, as in the engines'
            // order of decrements (docs/model.md §4); the member is then deferred or paid out.
            if year == spec.exitYear {
                out.values = withdraw(at: t, age: age, service: n, salary: s, spec: spec, rules: rules,
                                      basis: context.rateBasis[scheme.rawValue], drivers: d,
                                      member: RetiringMember(accruesDB: accruesDB, isDC: dcNow, rights: rights, serviceAtReform: nr,
                                                             frozenBase: frozenBase, bond: bond, balance: balance),
                                      accumulatedEmployee: accumulatedEmployee, accumulatedTotal: accumulatedTotal)
                return out
            }
            if RetirementChance.reachesNormalAge(age: age, normalAge: rules.retirementAge[k][t]) {
                out.values = retire(at: t, age: age, service: n, salary: s, spec: spec, rules: rules,
                                    basis: context.rateBasis[scheme.rawValue], drivers: d,
                                    member: RetiringMember(accruesDB: accruesDB, isDC: isDC, rights: rights, serviceAtReform: nr,
                                                           frozenBase: frozenBase, bond: bond, balance: balance),
                                    accumulatedEmployee: accumulatedEmployee, accumulatedTotal: accumulatedTotal)
                return out
            }
            if rights != .none { frozenBase *= d.indexation(rules.indexation[t], t) }
        }
        return out
    }

    /// A profile's member at retirement: membership and what the member holds.
    struct RetiringMember {
        let accruesDB: Bool, isDC: Bool
        let rights: HeldRights
        let serviceAtReform: Int
        /// B_f revalued to the end of the previous year.
        let frozenBase: Double
        /// The recognition bond at y_r; for a member who withdrew, at its redemption at exit.
        let bond: Double
        let balance: Double
        /// Whether the member withdrew before the BUP (``withdraw(at:age:service:salary:spec:rules:basis:drivers:member:accumulatedEmployee:accumulatedTotal:)``):
        /// no DB award, frozen DB rights lapsed, the bond redeemed at exit and in `balance`, no guarantee.
        var withdrew = false
        /// A DC balance paid out in cash at a withdrawal, accumulated to the end of y_R.
        var cash = 0.0
    }

    /// The profile's values when the member retires at the end of year index t, aged `age` with
    /// n = `service` years (docs/model.md §9): the award (``DBRules/award(accruesDB:rights:eligible:yearsOfService:base:floor:frozenBase:serviceAtReform:)``,
    /// the DC annuity and the guarantee's top-up), its value at the end of y_R and money's worth.
    func retire(at t: Int, age: Int, service n: Int, salary s: Double, spec: ProfileSpec, rules: SchemeYearRules,
                basis: LikeForLikeBasis, drivers d: PathDrivers, member: RetiringMember, accumulatedEmployee: Double, accumulatedTotal: Double) -> [Double] {
        let db = rules.rules.db
        let dc = rules.rules.dc
        let year = context.startYear + t
        let floorY = db.floor * d.wageIndex[t]
        let bondValue = member.rights != .recognitionBond ? 0 : member.withdrew ? member.bond
            : DBRules.bondValue(member.bond, rate: dc?.accruedRights.bondRate ?? 0, years: year + 1 - (dc?.year ?? year))
        let pot = member.balance + (member.withdrew ? 0 : bondValue)
        let frozenBase = DBRules.frozenBase(revalued: member.frozenBase, finalSalary: s,
                                            onFinalSalary: dc?.accruedRights.freezesOnFinalSalary ?? false)
        // Withdrawal gives nothing from the DB (§5), as in the engines' withdrawals.
        let award = member.withdrew ? DBAward.none : db.award(accruesDB: member.accruesDB, rights: member.rights,
                             eligible: db.isEligible(early: false, yearsOfService: n + 1), yearsOfService: n + 1,
                             base: s, floor: floorY, frozenBase: frozenBase, serviceAtReform: member.serviceAtReform)
        let dbMonthly = award.pension, contingentMonthly = award.contingentSurvivor
        var annuity = 0.0, topup = 0.0
        let kappa = d.kappa[t]
        if member.isDC, let dc, dc.payout == .annuity {
            let j = dc.annuityRate(bondYield: d.bondYield[t])
            annuity = DCRules.annuity(pot: pot, factor: context.dcAnnuityFactor(sex: spec.sex, age: age + 1, t: t, kappa: kappa,
                                                                                rate: j, survivorFraction: dc.survivorFraction))
            if !member.withdrew, let g = dc.guarantee, g.covers(yearsOfService: n + 1) {
                let shortfall = g.shortfall(floor: floorY, monthsPaid: db.monthsPaid,
                                            dbTypeAnnual: db.annualPension(monthly: dbMonthly))
                topup = Guarantee.topUp(shortfall: shortfall, annuity: annuity)
            }
        }
        // Values at the end of y_R.
        let iR = d.bondYield[t]
        let dbRate = InterestRate.net(iR, ofEscalation: expectedEscalation(rules.indexation[t]))
        let ann = context.grid.annuityDue(.pensioners, spec.sex, age: age + 1, yearIndex: t + 1, kappa: kappa, rate: dbRate)
        var benefits = (db.annualPension(monthly: dbMonthly) + topup) * ann + member.cash
        if let dc, annuity > 0 {
            let r = InterestRate.net(iR, ofEscalation: dc.annuityEscalation)
            benefits += annuity * context.grid.annuityDue(.pensioners, spec.sex, age: age + 1, yearIndex: t + 1, kappa: kappa, rate: r)
        } else if let dc, dc.payout == .lumpSum, member.isDC {
            benefits += pot
        }
        if contingentMonthly > 0 {
            let spouseAge = Spouse.age(ofMemberAged: age, gap: inputs.survivors.ageGap[spec.sex] ?? 0,
                                       maximumAge: context.maximumAge)
            benefits += db.valueOfSurvivorPension(
                monthly: contingentMonthly, leaveProbability: inputs.survivors.leaveProbability(spec.sex, age: age),
                reversionaryAnnuity: reversionary(member: spec.sex, age: age + 1, spouseAge: spouseAge, t: t + 1, kappa: kappa,
                                                  rate: dbRate))
        }
        let monthly = ReplacementRate.monthlyPension(db: dbMonthly, annualAnnuity: annuity, paymentsPerYear: dc?.monthsPaidDC ?? 12,
                                                     annualTopUp: topup, monthsPaid: db.monthsPaid)
        // Like for like (``LikeForLikeBasis``): annual amounts per unit of B, at award and 20 years on.
        let mdc = dc?.monthsPaidDC ?? 12
        let a = basis.annual(db: dbMonthly / s, dc: annuity / mdc / s, topUp: topup / db.monthsPaid / s)
        let atAward = a.db + a.dc + a.topUp
        let later = t + 20 < context.horizon
            ? basis.after(years: 20, a, indexed: d.indexed(rules.indexation, from: t, to: t + 20),
                          wageGrowth: d.wageIndex[t + 20] / d.wageIndex[t]).total
            : .nan
        // Money's worth on the projection's own conventions (docs/model.md §11).
        var projected = projectedBenefits(
            AnnualBenefits(indexed: db.annualPension(monthly: dbMonthly) + topup, annuity: annuity,
                           survivor: contingentMonthly * db.paidPerMonthlySurvivorPension,
                           survivorAnnuity: dc?.contingentAnnuity(of: annuity) ?? 0),
            age: age, sex: spec.sex, t: t, rules: rules, escalation: dc?.annuityEscalation ?? 0, drivers: d)
        if let dc, dc.payout == .lumpSum, member.isDC { projected += pot }
        projected += member.cash
        return [Double(year), s, accumulatedEmployee, accumulatedTotal, pot, monthly, ReplacementRate.of(monthly: monthly, salary: s),
                MoneysWorth.ratio(benefits: benefits, contributions: accumulatedEmployee),
                MoneysWorth.ratio(benefits: benefits, contributions: accumulatedTotal),
                member.rights == .frozenDB ? dbMonthly : .nan, member.rights == .recognitionBond ? bondValue : .nan,
                atAward / basis.basicPay,
                atAward / basis.takeHomePay(multiplier: context.tables.takeHomeMultiplier(track: context.payGroups.first[spec.track], t: t)), later,
                MoneysWorth.ratio(benefits: projected, contributions: accumulatedEmployee),
                MoneysWorth.ratio(benefits: projected, contributions: accumulatedTotal)]
    }

    var inputs: ProjectionInputs { context.inputs }

    /// The long-run mean escalation of an indexation rule (the means from their last dated value on).
    func expectedEscalation(_ rule: IndexationRule) -> Double {
        let e = context.inputs.economy
        return rule.expectedEscalation(meanInflation: e.inflation.mean.last, meanRealWageGrowth: e.longRunRealWageGrowth)
    }

    /// ä_{x|y} = ä_y − ä_xy: 1 a year in advance to the spouse (aged y) after the member's death,
    /// independent lives on the pensioners' (member) and survivors' (spouse) bases along their
    /// cohort diagonals from y0+t, κ held: PensiunActuarial's
    /// ``ReversionaryAnnuity/annuityDue(discount:years:member:survivor:)`` on the grid's rates.
    func reversionary(member sex: Sex, age x: Int, spouseAge y: Int, t: Int, kappa: Double, rate: Double) -> Double {
        let grid = context.grid
        let lastYear = grid.years - 1, omega = grid.maximumAge
        return ReversionaryAnnuity.annuityDue(
            discount: 1 / (1 + rate), years: max(omega - x, omega - y) + 1,
            member: { k in 1 - grid.q(.pensioners, sex, age: x + k, yearIndex: min(t + k, lastYear), kappa: kappa) },
            survivor: { k in 1 - grid.q(.survivors, sex.other, age: y + k, yearIndex: min(t + k, lastYear), kappa: kappa) })
    }
}
