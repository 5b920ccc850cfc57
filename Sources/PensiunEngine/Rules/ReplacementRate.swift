import Foundation
import PensiunActuarial
import PensiunInputs

/// Replacement rates at award (docs/model.md §8): monthly amounts over the final monthly
/// pensionable salary B = scale_k(n)·W_y of the year of retirement.
public enum ReplacementRate {
    /// Whether a retiring member is in the denominator of `replacement_rate_db` (docs/model.md §8,
    /// §11 "who switches"): a member accruing DB rights or holding frozen DB rights. DC members
    /// from entry and holders of a recognition bond are not (their DB rate would be a written 0).
    @inlinable public static func countsInDB(accruesDB: Bool, holdsFrozenDB: Bool) -> Bool {
        accruesDB || holdsFrozenDB
    }

    /// The DB (or frozen DB) rate: P / B, ``of(monthly:salary:)`` of the DB pension.
    @inlinable public static func db(monthlyPension p: Double, salary b: Double) -> Double { of(monthly: p, salary: b) }

    /// The DC rate: (annuity / m_DC) / B, m_DC the DC annuity payments a year.
    @inlinable public static func dc(annualAnnuity a: Double, paymentsPerYear m: Double, salary b: Double) -> Double {
        a / m / b
    }

    /// The total rate: DB + DC + (top-up / months_paid) / B.
    @inlinable public static func total(db: Double, dc: Double, annualTopUp u: Double, monthsPaid m: Double,
                                        salary b: Double) -> Double {
        db + dc + u / m / b
    }
}

/// Money's worth of an individual profile (docs/model.md §9): the value of benefits over the
/// value of contributions, both at the end of the retirement year; not applicable (NaN) when no
/// contribution was paid.
public enum MoneysWorth {
    /// benefits / contributions, or NaN when contributions ≤ 0.
    @inlinable public static func ratio(benefits: Double, contributions: Double) -> Double {
        contributions > 0 ? benefits / contributions : .nan
    }
}

extension ReplacementRate {
    /// The monthly pension at award of a profile (docs/model.md §9): the DB (or frozen DB) pension
    /// plus the monthly DC annuity plus the monthly top-up,
    ///
    ///     P + annuity/m_DC + top-up/months_paid
    @inlinable public static func monthlyPension(db p: Double, annualAnnuity a: Double, paymentsPerYear mdc: Double,
                                                 annualTopUp u: Double, monthsPaid m: Double) -> Double {
        p + a / mdc + u / m
    }

    /// Any monthly amount at award over the final monthly salary B: P / B (``db(monthlyPension:salary:)``
    /// is this for the DB pension).
    @inlinable public static func of(monthly p: Double, salary b: Double) -> Double { p / b }
}

extension MoneysWorth {
    /// A value accumulated one more year at rate i, with `paid` paid at mid-year (docs/model.md §9,
    /// the profiles' convention; the same form as a DC balance's growth):
    ///
    ///     V·(1 + i) + paid·(1 + i)^{1/2}
    @inlinable public static func accumulated(_ value: Double, paidMidYear c: Double, rate i: Double) -> Double {
        DCRules.grown(balance: value, contribution: c, onePlusReturn: 1 + i, halfGrowth: (1 + i).squareRoot())
    }
}

/// The basis of the like-for-like replacement rates of a scheme (model 2.3; docs/model.md
/// Part II, "Like-for-like replacement rates"). For a retiree with monthly DB-type pension P
/// (before allowances), annual DC annuity A and annual guarantee top-up U, retiring from monthly
/// basic salary B:
///
///     annual benefit at award   = P·months_paid·(1 + a_p) + A + U
///     annual basic pay          = B·p_s·(1 + a_act)    (a_act only when the current scheme's pensions carry allowances)
///     annual take-home pay      = B·p_s·θ_{k,y}
///
/// `rr_basic_*` = benefit ÷ basic pay, `rr_takehome_*` = benefit ÷ take-home pay, each the
/// count-weighted mean over the year's normal and early retirements (`_db` over members with DB
/// rights, `_dc` over DC members, `_total` over all, as the model-2.2 rates). In terms of the
/// model-2.2 per-member rates db = P/B, dc = A/m_DC/B and total = db + dc + U/months_paid/B, the
/// annual benefit per unit of B is ``annual(db:dc:topUp:)``.
///
/// After L years in payment (`_after10`, `_after20`), in year y, for the cohort that retired at
/// the end of y − L: the DB-type parts and the top-up indexed by the scheme's rule at the end of
/// each year y − L … y − 1 (awards are indexed in their award year), the DC annuity escalated
/// (1 + λ)^{L−1} (from the end of the year after its award), over the annual basic pay of the
/// same position (track and service at exit) in y, B·W_y/W_{y−L}·p_s·(1 + a_act); the count is
/// the cohort's at award (a member's amount does not depend on who survives).
public struct LikeForLikeBasis: Sendable, Equatable {
    /// months_paid·(1 + a_p): the annual DB-type amount per unit of monthly pension.
    public let dbAnnualPerMonthly: Double
    /// m_DC, the DC annuity's payments a year.
    public let dcPayments: Double
    /// months_paid (the model-2.2 total rate takes the top-up per DB payment).
    public let monthsPaid: Double
    /// p_s·(1 + a_act): annual basic pay per unit of monthly basic salary.
    public let basicPay: Double
    /// p_s.
    public let salaryPayments: Double
    /// λ.
    public let escalation: Double
    /// Whether the scheme pays guarantee top-ups (otherwise the top-up part is exactly 0).
    public let hasTopUps: Bool

    public init(db: DBRules, dc: DCRules?, pay: PayInputs, currentPaysAllowances: Bool) {
        dbAnnualPerMonthly = db.paidPerMonthlyPension
        dcPayments = dc?.monthsPaidDC ?? 12
        monthsPaid = db.monthsPaid
        salaryPayments = pay.salaryPaymentsPerYear
        basicPay = pay.salaryPaymentsPerYear * (1 + (currentPaysAllowances ? pay.allowances : 0))
        escalation = dc?.annuityEscalation ?? 0
        hasTopUps = dc?.guarantee != nil && dc?.payout == .annuity
    }

    /// The bases of the current scheme and the reform: the actives' allowances are in the
    /// denominator of both when the current scheme's pensions carry allowances (one basis of pay
    /// for the two schemes).
    public static func schemes(_ inputs: ProjectionInputs) -> [LikeForLikeBasis] {
        let allowances = inputs.current.db.pensionAllowance > 0
        return [inputs.current, inputs.reform].map {
            LikeForLikeBasis(db: $0.db, dc: $0.dc, pay: inputs.pay, currentPaysAllowances: allowances)
        }
    }

    /// Whether the actives' allowances are in ``basicPay``.
    public var includesPayAllowances: Bool { basicPay != salaryPayments }

    /// The annual benefit at award per unit of monthly basic salary B, from sums (or values) of the
    /// model-2.2 rates: db·months_paid·(1 + a_p) + dc·m_DC + (total − db − dc)·months_paid.
    @inlinable public func annual(db: Double, dc: Double, topUp: Double) -> (db: Double, dc: Double, topUp: Double) {
        (db * dbAnnualPerMonthly, dc * dcPayments, hasTopUps ? topUp * monthsPaid : 0)
    }

    /// Annual take-home pay per unit of monthly basic salary: p_s·θ.
    @inlinable public func takeHomePay(multiplier theta: Double) -> Double { salaryPayments * theta }

    /// The rates after L years in payment of annual amounts `a` at award (per unit of monthly basic
    /// salary B, ``annual(db:dc:topUp:)``): the DB-type part and the top-up times the indexation
    /// `indexed` since the award, the annuity times ``annuityEscalation(years:)``, over the annual
    /// basic pay of the same position, ``basicPay``·W_y/W_{y−L} (`wageGrowth`):
    ///
    ///     (db·I, dc·(1+λ)^{L−1}, db·I + dc·(1+λ)^{L−1} + topUp·I) / (p_s·(1 + a_act)·W_y/W_{y−L})
    @inlinable public func after(years l: Int, _ a: (db: Double, dc: Double, topUp: Double), indexed: Double,
                                 wageGrowth: Double) -> (db: Double, dc: Double, total: Double) {
        let pay = basicPay * wageGrowth
        let db = a.db * indexed, dc = a.dc * annuityEscalation(years: l)
        return (db / pay, dc / pay, (db + dc + a.topUp * indexed) / pay)
    }

    /// The DC annuity's escalation after L ≥ 1 years in payment: (1 + λ)^{L−1}.
    @inlinable public func annuityEscalation(years l: Int) -> Double {
        escalation == 0 ? 1 : pow(1 + escalation, Double(l - 1))
    }
}
