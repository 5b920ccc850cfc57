import Foundation
import PensiunInputs
import Testing
import PensiunActuarial
@testable import PensiunEngine

/// Every parameter that is active under the scenario's options moves some output when changed
/// (docs/model.md §10), one test case per parameter.
@Suite struct ParameterEffectTests {
    typealias Mutation = @Sendable (inout ProjectionInputs) -> Void

    static let base: @Sendable () -> ProjectionInputs = {
        var inputs = Fixture.inputs(horizon: 30, volatility: 0.01, kappaVolatility: 0.02,
                                    dc: Fixture.dc(transition: .switchUnderAge(40), rights: .recognitionBond(rate: 0.04)))
        inputs.decrements.earlyRetirement = Array(repeating: 0, count: 50) + [0.05]
        return inputs
    }

    static let cases: [(String, Mutation)] = [
        ("economy.inflation.mean", { $0.economy.inflation.mean = $0.economy.inflation.mean.map { $0 + 0.01 } }),
        ("economy.real_wage_growth.mean", { $0.economy.realWageGrowth.mean = $0.economy.realWageGrowth.mean.map { $0 + 0.01 } }),
        ("economy.real_gdp_growth.mean", { $0.economy.realGDPGrowth.mean = $0.economy.realGDPGrowth.mean.map { $0 + 0.01 } }),
        ("economy.bond_yield.mean", { $0.economy.bondYield.mean = $0.economy.bondYield.mean.map { $0 + 0.01 } }),
        ("economy.equity.log_mean", { $0.economy.equityLogMean += 0.01 }),
        ("economy.bond_duration", { $0.economy.bondDuration += 1 }),
        ("economy.cash_spread", { $0.economy.cashSpread += 0.01 }),
        ("economy.gdp_start", { $0.economy.gdpStart *= 2 }),
        ("economy.wage_index.lump_period", { $0.economy.wageLumpPeriod = 3 }),
        ("mortality.base", { $0.mortality.male = Fixture.table(scale: 1.5) }),
        ("mortality.factors.pensioners", { $0.mortality.factors[.pensioners] = [.male: 1.2, .female: 1.2] }),
        ("mortality.factors.annuitants", { $0.mortality.factors[.annuitants] = [.male: 1.2, .female: 1.2] }),
        ("mortality.improvement", { $0.mortality.improvement = [0.02] }),
        ("mortality.base_year", { $0.mortality.baseYear -= 5 }),
        ("decrements.disability", { $0.decrements.disability = .factorOfBaseMortality(1.0) }),
        ("decrements.withdrawal", { $0.decrements.withdrawal = [0.05] }),
        ("decrements.early_retirement.rates", { $0.decrements.earlyRetirement = Array(repeating: 0, count: 50) + [0.2] }),
        ("decrements.early_retirement.age", { $0.decrements.earlyAge = 55 }),
        ("survivors.probability", { $0.survivors.probability = [.male: [0.4], .female: [0.2]] }),
        ("survivors.age_gap", { $0.survivors.ageGap = [.male: -8, .female: 8] }),
        ("tracks.salary_scale", { $0.tracks[0].salaryScale = $0.tracks[0].salaryScale.map { $0 * 1.1 } }),
        ("tracks.take_home_multiplier", { $0.tracks[1].takeHomeMultiplier = ByYear(2) }),
        ("tracks.retirement_age", { $0.current.retirementAges[0] = ByYear(60); $0.reform.retirementAges[0] = ByYear(60) }),
        ("entrants.target", { $0.entrants.target = .growth(0.02) }),
        ("entrants.profile", { $0.entrants.profile[0].age = 30 }),
        ("current_scheme.accrual_rate", { $0.current.db.accrualRate = 0.02 }),
        ("current_scheme.cap", { $0.current.db.cap = 0.6 }),
        ("current_scheme.floor", { $0.current.db.floor = 1_800 }),
        ("current_scheme.minimum_service", { $0.current.db.minimumService = 36 }),
        ("current_scheme.months_paid", { $0.current.db.monthsPaid = 12 }),
        ("current_scheme.survivor.pensioner", { $0.current.db.survivorOfPensioner = 0.5 }),
        ("current_scheme.survivor.active", { $0.current.db.survivorOfActive = 0.5 }),
        ("current_scheme.survivor.duty_share", { $0.current.db.dutyShare = 0.5 }),
        ("current_scheme.allowances.pension", { $0.current.db.pensionAllowance = 0.1 }),
        ("current_scheme.allowances.survivor", { $0.current.db.survivorAllowance = 0.1 }),
        ("current_scheme.indexation", { $0.current.db.indexation = ByYear(.wages) }),
        ("current_scheme.employee_contribution.rate", { $0.current.db.employeeRate = ByYear(0.08) }),
        ("current_scheme.employee_contribution.destination", { $0.current.db.destination = .reserve }),
        ("reform.dc.year", { $0.reform.dc!.year = 2025 }),
        ("reform.dc.transition", { $0.reform.dc!.transition = .all }),
        ("reform.dc.accrued_rights.rate", { $0.reform.dc!.accruedRights = .recognitionBond(rate: 0.06) }),
        ("reform.dc.employee_rate", { $0.reform.dc!.employeeRate = ByYear(0.07) }),
        ("reform.dc.employer_rate", { $0.reform.dc!.employerRate = ByYear(0.12) }),
        ("reform.dc.fee", { $0.reform.dc!.fee = 0.02 }),
        ("reform.dc.portfolio", { $0.reform.dc!.glidePath = [PortfolioWeights(equity: 0, bonds: 1, cash: 0)] }),
        ("reform.dc.payout.margin", { $0.reform.dc!.annuityMargin = 0.03 }),
        ("reform.dc.payout.escalation", { $0.reform.dc!.annuityEscalation = 0.02 }),
        ("reform.dc.payout.months_paid", { $0.reform.dc!.monthsPaidDC = 13 }),
        ("reform.dc.payout.form", { $0.reform.dc!.payout = .lumpSum }),
        ("reform.dc.withdrawal", { $0.reform.dc!.withdrawal = .cash }),
        ("reform.dc.guarantee.level", { $0.reform.dc!.guarantee = Guarantee(level: 2, minimumService: 10) }),
        ("reporting.discount_rate", { $0.valuation.discountRate = 0.03 }),
        ("reporting.burden_threshold", { $0.valuation.burdenThreshold = .share(0.5) }),
        ("reform.financing", { $0.valuation.financing = .borrowing }),
    ]

    @Test(arguments: 0..<cases.count)
    func changingTheParameterMovesSomeOutput(case index: Int) throws {
        let (name, mutate) = Self.cases[index]
        let base = Self.base()
        var changed = base
        mutate(&changed)
        let a = try MonteCarloProjection(inputs: base).run(paths: 0..<2, seed: 9, threads: 1)
        let b = try MonteCarloProjection(inputs: changed).run(paths: 0..<2, seed: 9, threads: 1)
        let moved = !sameBits(a.values, b.values) || a.summaries != b.summaries
        #expect(moved, "changing \(name) moved no output")
    }
}
