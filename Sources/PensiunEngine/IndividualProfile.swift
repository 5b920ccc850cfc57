import Foundation
import PensiunActuarial

/// A representative member's career and pension under one scheme on one path (docs/model.md §9): a
/// member of (sex, track, entry age, entry year ≥ y0) who survives in service to the normal
/// retirement age.
public struct ProfileOutcome: Sendable, Equatable {
    /// The quantities recorded per path, in this order in ``ProjectionResults/profiles``.
    public enum Quantity: Int, CaseIterable, Sendable {
        case retirementYear, finalSalary, employeeContributions, totalContributions, dcBalance
        case monthlyPension, replacementRate, moneysWorthEmployee, moneysWorthTotal

        public var name: String {
            switch self {
            case .retirementYear: return "retirement_year"
            case .finalSalary: return "final_salary"
            case .employeeContributions: return "contributions_employee"
            case .totalContributions: return "contributions_total"
            case .dcBalance: return "dc_balance_at_retirement"
            case .monthlyPension: return "pension_monthly"
            case .replacementRate: return "replacement_rate"
            case .moneysWorthEmployee: return "moneys_worth_employee"
            case .moneysWorthTotal: return "moneys_worth_total"
            }
        }
    }

    /// Values by quantity (NaN when the member does not retire within the horizon).
    public var values: [Double]
    /// Year by year while in service: salary S_y (monthly), contributions (employee, employer; a
    /// year) and the DC balance at the end of the year.
    public var years: [Int] = []
    public var salary: [Double] = []
    public var employeeContribution: [Double] = []
    public var employerContribution: [Double] = []
    public var balance: [Double] = []
}

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
///   and for the DC also employee + employer (the DB's state cost is not a contribution).
public struct ProfileProjector: Sendable {
    public let context: ProjectionContext

    public init(context: ProjectionContext) { self.context = context }

    /// The profile on one path; with `careers` false the year-by-year arrays are left empty (the
    /// Monte Carlo run keeps only the values).
    public func project(_ spec: ProfileSpec, scheme: Scheme, drivers d: PathDrivers, careers: Bool = true) -> ProfileOutcome {
        let inputs = context.inputs
        let rules = context.schemes[scheme.rawValue]
        let db = rules.rules.db
        let dc = rules.rules.dc
        let track = inputs.tracks[spec.track]
        let y0 = context.startYear, h = context.horizon
        var out = ProfileOutcome(values: Array(repeating: .nan, count: ProfileOutcome.Quantity.allCases.count))
        guard spec.entryYear >= y0, spec.entryYear < y0 + h else { return out }
        let isDCFromEntry = dc.map { spec.entryYear >= $0.year } ?? false
        var accruesDB = !isDCFromEntry, isDC = isDCFromEntry
        var rights = 0, nr = 0
        var frozenBase = 0.0, bond = 0.0, balance = 0.0
        var accumulatedEmployee = 0.0, accumulatedTotal = 0.0
        var bondRate = 0.0
        if case let .recognitionBond(rho)? = dc?.accruedRights { bondRate = rho }
        for t in (spec.entryYear - y0)..<h {
            let year = y0 + t
            let n = year - spec.entryYear
            let age = spec.entryAge + n
            let w = d.wageIndex[t]
            let s = track.scale(service: n) * w
            if let dc, year == dc.year, !isDC {
                if dc.transition == .supplementary { isDC = true }
                if dc.transition.switches(age: age) {
                    accruesDB = false; isDC = true; nr = n
                    let br = track.scale(service: n) * w
                    switch dc.accruedRights {
                    case .frozenDB: rights = 1; frozenBase = br
                    case let .recognitionBond(rho):
                        rights = 2
                        bond = context.recognitionBond(sex: spec.sex, age: age, service: n, bup: rules.retirementAge[spec.track][t],
                                                       t: t, rho: rho, base: br, db: db)
                    }
                }
            }
            let dcNow = isDC && (dc.map { year >= $0.year } ?? false)
            let employee = (accruesDB ? rules.employeeDBRate[t] * s * 12 : 0)
                + (dcNow ? rules.dcEmployeeRate[t] * track.dcBaseMultiplier * s * 12 : 0)
            let employer = dcNow ? rules.dcEmployerRate[t] * track.dcBaseMultiplier * s * 12 : 0
            // Accumulate everything to the end of this year at the yield known at its start.
            let i = d.yieldAtStart(t)
            accumulatedEmployee = accumulatedEmployee * (1 + i) + employee * (1 + i).squareRoot()
            accumulatedTotal = accumulatedTotal * (1 + i) + (employee + employer) * (1 + i).squareRoot()
            if dcNow, let dc {
                let r = dc.portfolioReturn(age: age, equity: d.equityReturn[t], bond: d.bondReturn[t], cash: d.cashReturn[t])
                balance = balance * (1 + r) + (employee - (accruesDB ? rules.employeeDBRate[t] * s * 12 : 0) + employer) * (1 + r).squareRoot()
            }
            if careers {
                out.years.append(year)
                out.salary.append(s)
                out.employeeContribution.append(employee)
                out.employerContribution.append(employer)
                out.balance.append(balance)
            }
            let bup = rules.retirementAge[spec.track][t]
            if age + 1 >= bup {
                let floorY = db.floor * w
                let pot = balance + (rights == 2 ? bond * pow(1 + bondRate, Double(year + 1 - (dc?.year ?? year))) : 0)
                var dbMonthly = 0.0, contingentMonthly = 0.0
                if accruesDB && n + 1 >= db.minimumService {
                    dbMonthly = max(floorY, min(db.cap, db.accrualRate * Double(n + 1)) * s)
                    contingentMonthly = max(db.survivorOfPensioner * s, db.survivorOfPensionerFloor * floorY)
                } else if rights == 1 && n + 1 >= db.minimumService {
                    var b = frozenBase
                    if case .frozenDB(finalSalary: true)? = dc?.accruedRights { b = s }
                    dbMonthly = min(db.cap, db.accrualRate * Double(nr)) * b
                    contingentMonthly = db.survivorOfPensioner * b * Double(nr) / Double(n + 1)
                }
                var annuity = 0.0, topup = 0.0
                let kappa = d.kappa[t]
                if isDC, let dc, dc.payout == .annuity {
                    let j = dc.annuityRate(bondYield: d.bondYield[t])
                    annuity = pot / context.grid.annuityDueMonthly(spec.sex, age: age + 1, yearIndex: t + 1, kappa: kappa, rate: j)
                    if let g = dc.guarantee, n + 1 >= g.minimumService {
                        topup = max(0, db.monthsPaid * g.level * floorY - (dbMonthly * db.monthsPaid * (1 + db.pensionAllowance) + annuity))
                    }
                }
                // Values at the end of y_R.
                let iR = d.bondYield[t]
                let g = expectedEscalation(rules.indexation[t])
                let dbRate = (1 + iR) / (1 + g) - 1
                let ann = context.grid.annuityDue(.pensioners, spec.sex, age: age + 1, yearIndex: t + 1, kappa: kappa, rate: dbRate)
                var benefits = (dbMonthly * db.monthsPaid * (1 + db.pensionAllowance) + topup) * ann
                if let dc, annuity > 0 {
                    let r = (1 + iR) / (1 + dc.annuityEscalation) - 1
                    benefits += annuity * context.grid.annuityDue(.pensioners, spec.sex, age: age + 1, yearIndex: t + 1, kappa: kappa, rate: r)
                } else if let dc, dc.payout == .lumpSum, isDC {
                    benefits += pot
                }
                if contingentMonthly > 0 {
                    let m = inputs.survivors.leaveProbability(spec.sex, age: age)
                    let spouseAge = min(max(age + 1 + (inputs.survivors.ageGap[spec.sex] ?? 0), 0), context.maximumAge)
                    benefits += m * contingentMonthly * db.monthsPaid * (1 + db.survivorAllowance)
                        * reversionary(member: spec.sex, age: age + 1, spouseAge: spouseAge, t: t + 1, kappa: kappa, rate: dbRate)
                }
                let monthly = dbMonthly + annuity / (dc?.monthsPaidDC ?? 12) + topup / db.monthsPaid
                out.values = [Double(year), s, accumulatedEmployee, accumulatedTotal, pot, monthly, monthly / s,
                              accumulatedEmployee > 0 ? benefits / accumulatedEmployee : .nan,
                              accumulatedTotal > 0 ? benefits / accumulatedTotal : .nan]
                return out
            }
            if rights != 0 { frozenBase *= d.indexation(rules.indexation[t], t) }
        }
        return out
    }

    /// The long-run mean escalation of an indexation rule.
    func expectedEscalation(_ rule: IndexationRule) -> Double {
        let e = context.inputs.economy
        switch rule {
        case .prices: return e.inflation.mean
        case .wages: return (1 + e.inflation.mean) * (1 + e.realWageGrowth.mean) - 1
        case let .fixed(r): return r
        case .none: return 0
        }
    }

    /// ä_{x|y} = ä_y − ä_xy: 1 a year in advance to the spouse (aged y) after the member's death,
    /// independent lives on the pensioners' (member) and survivors' (spouse) bases, κ held.
    func reversionary(member sex: Sex, age x: Int, spouseAge y: Int, t: Int, kappa: Double, rate: Double) -> Double {
        let grid = context.grid
        let v = 1 / (1 + rate)
        var joint = 0.0, single = 0.0, pm = 1.0, ps = 1.0, discount = 1.0
        var k = 0
        while x + k <= grid.maximumAge || y + k <= grid.maximumAge {
            single += discount * ps
            joint += discount * ps * pm
            let year = min(t + k, grid.years - 1)
            pm *= 1 - grid.q(.pensioners, sex, age: x + k, yearIndex: year, kappa: kappa)
            ps *= 1 - grid.q(.survivors, sex.other, age: y + k, yearIndex: year, kappa: kappa)
            discount *= v
            k += 1
            if ps == 0 { break }
        }
        return single - joint
    }
}
