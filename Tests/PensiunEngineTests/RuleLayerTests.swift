import Foundation
import PensiunInputs
import Testing
import PensiunActuarial
@testable import PensiunEngine

/// The rule layer (Sources/PensiunEngine/Rules) against values computed by hand, and the two
/// membership errors of issue 16 — (a) reform-year joiners treated as switchers, (b) y0 actives
/// of service 0 kept in the DB when y_r = y0 — in the per-path engine.
@Suite("Rule layer")
struct RuleLayerTests {
    let db = Fixture.dbRules   // a 2.5%, cap 75%, floor 1,000, min service 10, 14 months, σ 36%/72%, d 10%

    @Test("DB award: the floor binds for short service, the cap for long service")
    func award() {
        #expect(db.accruedFraction(yearsOfService: 10) == 0.25)
        #expect(db.accruedFraction(yearsOfService: 31) == 0.75)                           // 0.775 capped
        #expect(db.pension(yearsOfService: 5, base: 2_000, floor: 1_000) == 1_000)        // 0.125·2000 = 250 < floor
        #expect(db.pension(yearsOfService: 20, base: 4_000, floor: 1_000) == 2_000)       // 0.5·4000
        #expect(db.pension(yearsOfService: 40, base: 2_000, floor: 1_000) == 1_500)       // cap 0.75·2000
        #expect(db.pensionerSurvivor(base: 2_000, floor: 1_000) == 750)                    // max(720, 0.75·1000)
        #expect(db.pensionerSurvivor(base: 4_000, floor: 1_000) == 1_440)                  // max(1440, 750)
        // 0.9·max(1440, 750) + 0.1·max(2880, 1000)
        #expect(abs(db.deathInServiceSurvivor(base: 4_000, floor: 1_000) - 1_584) < 1e-9)
        let member = db.award(accruesDB: true, rights: .none, eligible: true, yearsOfService: 5, base: 2_000, floor: 1_000,
                              frozenBase: 0, serviceAtReform: 0)
        #expect(member == DBAward(pension: 1_000, contingentSurvivor: 750))
        #expect(db.award(accruesDB: true, rights: .none, eligible: false, yearsOfService: 5, base: 2_000, floor: 1_000,
                         frozenBase: 0, serviceAtReform: 0) == .none)
    }

    @Test("Frozen DB award: no floor, survivor pensions prorated by n_r/(n+1)")
    func frozen() {
        #expect(db.frozenPension(serviceAtReform: 10, base: 3_000) == 750)                 // 0.25·3000, no floor
        #expect(db.frozenPension(serviceAtReform: 0, base: 3_000) == 0)
        let award = db.award(accruesDB: false, rights: .frozenDB, eligible: true, yearsOfService: 30, base: 5_000,
                             floor: 1_000, frozenBase: 3_000, serviceAtReform: 10)
        #expect(award.pension == 750)
        #expect(abs(award.contingentSurvivor - 360) < 1e-9)                               // 0.36·3000·10/30
        #expect(abs(db.frozenSurvivor(rate: 0.5, base: 3_000, serviceAtReform: 10, yearsOfService: 40) - 375) < 1e-9)
        #expect(abs(db.survivorOfDeathInService(accruesDB: false, rights: .frozenDB, yearsOfService: 30, base: 5_000,
                                                floor: 1_000, frozenBase: 3_000, serviceAtReform: 10) - 360) < 1e-9)
        // Bond holders and DC members from entry hold no DB award.
        #expect(db.award(accruesDB: false, rights: .recognitionBond, eligible: true, yearsOfService: 30, base: 5_000,
                         floor: 1_000, frozenBase: 3_000, serviceAtReform: 10) == .none)
        #expect(db.survivorOfDeathInService(accruesDB: false, rights: .none, yearsOfService: 30, base: 5_000,
                                            floor: 1_000, frozenBase: 0, serviceAtReform: 0) == 0)
        #expect(DBRules.frozenBase(revalued: 3_000, finalSalary: 5_000, onFinalSalary: true) == 5_000)
        #expect(DBRules.frozenBase(revalued: 3_000, finalSalary: 5_000, onFinalSalary: false) == 3_000)
    }

    @Test("Eligibility: early retirement always, at BUP from the minimum service")
    func eligibility() {
        #expect(db.isEligible(early: true, yearsOfService: 5))
        #expect(!db.isEligible(early: false, yearsOfService: 9))
        #expect(db.isEligible(early: false, yearsOfService: 10))
    }

    @Test("Guarantee: covered from N_g, top-up zero when the pension exceeds it, the shortfall otherwise")
    func guarantee() {
        let g = Guarantee(level: 1, minimumService: 10)
        #expect(!g.covers(yearsOfService: 9) && g.covers(yearsOfService: 10))
        let guaranteed = g.annualAmount(floor: 1_000, monthsPaid: 14)
        #expect(guaranteed == 14_000)
        #expect(Guarantee.topUp(shortfall: guaranteed - 0, annuity: 15_000) == 0)
        #expect(Guarantee.topUp(shortfall: guaranteed - 5_000, annuity: 4_000) == 5_000)
        // 14·1·1,000 − 5,000 of DB-type pension a year leaves 9,000 for the annuity to cover.
        #expect(g.shortfall(floor: 1_000, monthsPaid: 14, dbTypeAnnual: 5_000) == 9_000)
        #expect(Guarantee(level: 0.5, minimumService: 10).shortfall(floor: 1_000, monthsPaid: 14, dbTypeAnnual: 8_000) == -1_000)
    }

    @Test("Reform membership: entry year ≥ y_r is DC from entry, reform-year joiners never switch")
    func membership() {
        let yr = 2022
        // Reform-year joiners (entry year = y_r) are DC members from entry under every policy.
        for policy in [TransitionPolicy.newEntrants, .switchUnderAge(40), .all, .supplementary] {
            #expect(ReformMembership.at(reformYear: yr, entryYear: 2022, age: 23, transition: policy) == .dcFromEntry)
        }
        #expect(ReformMembership.at(reformYear: yr, entryYear: 2021, age: 30, transition: .all) == .switcher)
        #expect(ReformMembership.at(reformYear: yr, entryYear: 2021, age: 30, transition: .switchUnderAge(40)) == .switcher)
        #expect(ReformMembership.at(reformYear: yr, entryYear: 2001, age: 45, transition: .switchUnderAge(40)) == .db)
        #expect(ReformMembership.at(reformYear: yr, entryYear: 2021, age: 30, transition: .newEntrants) == .db)
        #expect(ReformMembership.at(reformYear: yr, entryYear: 2021, age: 30, transition: .supplementary) == .supplementary)
        // y_r = y0 = 2020: a y0 active of service 0 entered in 2020, one of service 1 in 2019.
        #expect(ReformMembership.isDCFromEntry(entryYear: 2020 - 0, reformYear: 2020))
        #expect(!ReformMembership.isDCFromEntry(entryYear: 2020 - 1, reformYear: 2020))
        #expect(ReformMembership.at(reformYear: 2020, entryYear: 2020, age: 22, transition: .supplementary) == .dcFromEntry)
        let flags = ReformMembership.allCases.map { ($0.accruesDB, $0.isDC) }
        #expect(flags.map(\.0) == [true, false, false, true])   // db, dcFromEntry, switcher, supplementary
        #expect(flags.map(\.1) == [false, true, true, true])
        #expect(HeldRights(switchingUnder: .frozenDB(finalSalary: false)) == .frozenDB)
        #expect(HeldRights(switchingUnder: .recognitionBond(rate: 0.07)) == .recognitionBond)
        #expect(TransitionPolicy.all.switches(age: 64) && TransitionPolicy.switchUnderAge(40).switches(age: 39))
        #expect(!TransitionPolicy.switchUnderAge(40).switches(age: 40) && !TransitionPolicy.newEntrants.switches(age: 20))
    }

    @Test("Exit choice: certain at BUP, the early rate once eligible, zero before")
    func retirementChance() {
        let normal = RetirementChance(age: 57, service: 5, normalAge: 58, earlyAge: 51, earlyService: 20, earlyRate: 0.05)
        #expect(normal.rate == 1 && !normal.isEarly)
        let early = RetirementChance(age: 52, service: 25, normalAge: 58, earlyAge: 51, earlyService: 20, earlyRate: 0.05)
        #expect(early.rate == 0.05 && early.isEarly)
        let tooShort = RetirementChance(age: 52, service: 10, normalAge: 58, earlyAge: 51, earlyService: 20, earlyRate: 0.05)
        #expect(tooShort.rate == 0 && !tooShort.isEarly)
        let tooYoung = RetirementChance(age: 48, service: 25, normalAge: 58, earlyAge: 51, earlyService: 20, earlyRate: 0.05)
        #expect(tooYoung.rate == 0)
        #expect(RetirementChance.reachesNormalAge(age: 57, normalAge: 58) && !RetirementChance.reachesNormalAge(age: 56, normalAge: 58))
    }

    @Test("DC, replacement rates, money's worth, recognition bond")
    func amounts() {
        #expect(DCRules.contributionBase(multiplier: 1.5, salary: 2_000) == 36_000)
        #expect(DCRules.contribution(employeeRate: 0.05, employerRate: 0.10, base: 36_000) == 0.15000000000000002 * 36_000)
        #expect(abs(DCRules.contribution(rate: 0.05, multiplier: 1.5, salary: 2_000) - 1_800) < 1e-9)
        #expect(DCRules.grown(balance: 100.0, contribution: 10.0, onePlusReturn: 1.21, halfGrowth: 1.1) == 132)
        #expect(DCRules.annuity(pot: 1_000, factor: 8) == 125)
        #expect(DBRules.employeeContribution(rate: 0.05, salary: 2_000) == 1_200)
        #expect(ReplacementRate.db(monthlyPension: 1_500, salary: 2_000) == 0.75)
        #expect(ReplacementRate.dc(annualAnnuity: 12_000, paymentsPerYear: 12, salary: 2_000) == 0.5)
        #expect(ReplacementRate.total(db: 0.75, dc: 0.5, annualTopUp: 2_800, monthsPaid: 14, salary: 2_000) == 1.35)
        #expect(ReplacementRate.monthlyPension(db: 1_500, annualAnnuity: 12_000, paymentsPerYear: 12, annualTopUp: 2_800,
                                               monthsPaid: 14) == 2_700)
        #expect(MoneysWorth.ratio(benefits: 3, contributions: 2) == 1.5)
        #expect(MoneysWorth.ratio(benefits: 3, contributions: 0).isNaN)
        #expect(MoneysWorth.accumulated(100, paidMidYear: 10, rate: 0.21) == 132)
        // 0.25·3000 · 14 · ä 10 · 1.05^−2
        let bond = db.recognitionBond(serviceAtReform: 10, base: 3_000, annuityFactor: 10, rate: 0.05, yearsToBUP: 2)
        #expect(abs(bond - 750 * 14 * 10 / 1.1025) < 1e-6)
        #expect(DBRules.bondAccrued(100, rate: 0.05) == 105)
        #expect(abs(DBRules.bondValue(100, rate: 0.05, years: 2) - 110.25) < 1e-12)
        var with = db
        with.pensionAllowance = 0.1
        #expect(abs(with.annualPension(monthly: 1_000) - 15_400) < 1e-9)
        #expect(abs(with.paidPerMonthlyPension - 15.4) < 1e-12)                            // 14·1.1
        #expect(abs(db.initialContingentSurvivor(monthlyPension: 30_000, count: 10) - 14_400) < 1e-9)   // max(0.48·30000, 7500)
    }

    @Test("DC annuity: pot / ä^(12), and the same with 1/ä^(12) precomputed")
    func dcAnnuity() {
        #expect(DCRules.annuity(pot: 1_000, factor: 8) == 125)
        #expect(DCRules.annuity(pot: 1_000.0, inverseFactor: 0.125) == 125)
        let factor = 13.7
        #expect(abs(DCRules.annuity(pot: 250_000.0, inverseFactor: 1 / factor) - DCRules.annuity(pot: 250_000, factor: factor))
                <= 1e-12 * 250_000 / factor)
    }

    @Test("Replacement rates: DC (annuity/m_DC)/B, total DB + DC + (top-up/months_paid)/B, the lane forms equal")
    func replacementRates() {
        // An annuity of 9,000 a year paid 12 times on a salary of 1,500: 750/1500 = 0.5.
        #expect(ReplacementRate.dc(annualAnnuity: 9_000, paymentsPerYear: 12, salary: 1_500) == 0.5)
        // 0.4 + 0.5 + (4,200/14)/1,500 = 0.4 + 0.5 + 0.2
        #expect(abs(ReplacementRate.total(db: 0.4, dc: 0.5, annualTopUp: 4_200, monthsPaid: 14, salary: 1_500) - 1.1) < 1e-15)
        #expect(ReplacementRate.total(db: 0.4, dc: 0, annualTopUp: 0, monthsPaid: 14, salary: 1_500) == 0.4)
        #expect(ReplacementRate.db(monthlyPension: 600, salary: 1_500) == 0.4)
        // 600 + 9,000/12 + 4,200/14 = 600 + 750 + 300
        #expect(ReplacementRate.monthlyPension(db: 600, annualAnnuity: 9_000, paymentsPerYear: 12, annualTopUp: 4_200,
                                               monthsPaid: 14) == 1_650)
        // Who is in replacement_rate_db's denominator: DB accruers and frozen DB holders only.
        #expect(ReplacementRate.countsInDB(accruesDB: true, holdsFrozenDB: false))
        #expect(ReplacementRate.countsInDB(accruesDB: false, holdsFrozenDB: true))
        #expect(!ReplacementRate.countsInDB(accruesDB: false, holdsFrozenDB: false))
        // The lane engine's forms (Rules/LaneRules.swift), per unit of W = 1,000 with a scale of 1.5.
        let perUnitDC = ReplacementRate.perUnitAnnualAmount(paymentsPerYear: 12, salary: 1.5)
        #expect(abs(ReplacementRate.ofAnnualAmount(9_000.0, perUnit: perUnitDC, inverseWage: 1.0 / 1_000) - 0.5) < 1e-15)
        let perUnitTopUp = ReplacementRate.perUnitAnnualAmount(paymentsPerYear: 14, salary: 1.5)
        let topUpRate = ReplacementRate.ofAnnualAmount(4_200.0, perUnit: perUnitTopUp, inverseWage: 1.0 / 1_000)
        #expect(abs(ReplacementRate.total(db: 0.4, dc: 0.5, topUpRate: topUpRate) - 1.1) < 1e-15)
    }

    @Test("Budget burden: DB + employer DC + top-ups + bond redemptions − employee DB contributions to the budget")
    func budgetBurden() {
        #expect(BudgetBurden.amount(dbBenefits: 100, employerDC: 20, topUps: 5, bondRedemptions: 7, employeeDBToBudget: 12) == 120)
        #expect(BudgetBurden.amount(dbBenefits: 100, employerDC: 0, topUps: 0, bondRedemptions: 0, employeeDBToBudget: 0) == 100)
    }

    @Test("The value of a survivor pension at award: m_s·P_s·months_paid·(1 + allowance)·ä_{x+1|y}")
    func survivorPensionValue() {
        var with = db
        with.survivorAllowance = 0.06
        // 0.8·500·14·1.06·3 = 17,808
        #expect(abs(with.valueOfSurvivorPension(monthly: 500, leaveProbability: 0.8, reversionaryAnnuity: 3) - 17_808) < 1e-9)
        #expect(db.valueOfSurvivorPension(monthly: 500, leaveProbability: 0, reversionaryAnnuity: 3) == 0)
    }

    @Test("A surviving spouse's age: the member's next age plus the gap, within 0…ω")
    func spouseAge() {
        #expect(Spouse.age(ofMemberAged: 60, gap: -3, maximumAge: 110) == 58)
        #expect(Spouse.age(ofMemberAged: 60, gap: 3, maximumAge: 110) == 64)
        #expect(Spouse.age(ofMemberAged: 108, gap: 5, maximumAge: 110) == 110)     // 114 capped at ω
        #expect(Spouse.age(ofMemberAged: 1, gap: -5, maximumAge: 110) == 0)        // −3 floored at 0
    }

    @Test("The long-run mean escalation of each indexation rule")
    func escalation() {
        let pi = 0.03, g = 0.01
        #expect(IndexationRule.prices.expectedEscalation(meanInflation: pi, meanRealWageGrowth: g) == 0.03)
        #expect(abs(IndexationRule.wages.expectedEscalation(meanInflation: pi, meanRealWageGrowth: g) - 0.0403) < 1e-15)   // 1.03·1.01 − 1
        #expect(IndexationRule.fixed(0.02).expectedEscalation(meanInflation: pi, meanRealWageGrowth: g) == 0.02)
        #expect(IndexationRule.none.expectedEscalation(meanInflation: pi, meanRealWageGrowth: g) == 0)
    }

    @Test("The engines' monthly annuity: ä^(12) = ä − 11/24")
    func monthlyAdjustment() {
        #expect(abs(MortalityGrid.monthlyCorrection - 11.0 / 24) < 1e-16)
        let inputs = Fixture.inputs(horizon: 5)
        let grid = MortalityGrid(mortality: inputs.mortality, disability: inputs.decrements.disability, calendar: inputs.calendar)
        for (sex, age, t) in [(Sex.male, 60, 0), (.female, 65, 3), (.male, 109, 1)] {
            let annual = grid.annuityDue(.annuitants, sex, age: age, yearIndex: t, kappa: 0, rate: 0.04)
            let monthly = grid.annuityDueMonthly(sex, age: age, yearIndex: t, kappa: 0, rate: 0.04)
            #expect(abs(monthly - (annual - 11.0 / 24)) < 1e-12, "\(sex) \(age) \(t): \(monthly) vs \(annual) − 11/24")
            #expect(annual >= 1)
        }
    }

    // MARK: The per-path engine's symptoms of (a) and (b)

    /// Only the y0 actives of service 0 (two cells aged 22), reform year y_r = y0 = 2020.
    func serviceZeroInputs(_ transition: TransitionPolicy) -> ProjectionInputs {
        var inputs = Fixture.inputs(horizon: 3, volatility: 0, dc: Fixture.dc(transition: transition, year: 2020))
        inputs.population.actives = inputs.population.actives.filter { $0.service == 0 }
        return inputs
    }

    /// Under `new_entrants` and `supplementary` the fix changes these members' contributions (before
    /// it they paid c_DB·S·12, and under `new_entrants` nothing to the DC). Under `all` they were
    /// DC-only switchers before too, so the contributions do not tell; ``reformYearJoiners(_:)``
    /// covers what `all` changes (no frozen rights, out of `replacement_rate_db`).
    @Test("(b) y_r = y0: y0 actives of service 0 are DC members from entry, paying no DB contributions",
          arguments: [TransitionPolicy.newEntrants, .supplementary])
    func serviceZeroAtReformYear(_ transition: TransitionPolicy) throws {
        let inputs = serviceZeroInputs(transition)
        #expect(!inputs.population.actives.isEmpty)
        let (_, reform, _) = try MonteCarloProjection(inputs: inputs, engine: .general).deterministic()
        // DC only: employee contributions c_e·S_DC·12 are half the employer's c_r·S_DC·12 (5% vs 10%);
        // a DB member would pay c_DB·S·12 on top (or, under new_entrants, no DC at all).
        let employee = reform[.contributionsEmployee, 0], employer = reform[.contributionsEmployer, 0]
        #expect(employer > 0)
        #expect(abs(employee - 0.5 * employer) <= 1e-12 * employer, "employee \(employee), employer \(employer)")
    }

    /// ImplicitPensionDebt values the closed group as if all switched at y0 with frozen DB rights.
    /// Under (b) the y0 actives of service 0 are DC members from entry there, not switchers with
    /// n_r = 0: either way they hold no DB rights, so the debt is what it is without them. (Their
    /// cells are emptied rather than removed: the valuation's horizon follows the youngest cell.)
    @Test("(b) leaves the implicit debt's valuation unchanged: service-0 actives hold no rights at y0")
    func implicitDebtValuation() throws {
        let inputs = Fixture.inputs(horizon: 5, volatility: 0)
        #expect(inputs.population.actives.contains { $0.service == 0 })
        func emptied(_ service: Int) -> ProjectionInputs {
            var copy = inputs
            copy.population.actives = inputs.population.actives.map { var c = $0; if c.service == service { c.count = 0 }; return c }
            return copy
        }
        let debt = try ImplicitPensionDebt.compute(inputs)
        let withoutNewcomers = try ImplicitPensionDebt.compute(emptied(0))
        #expect(debt.actives > 0 && debt.pensioners > 0 && debt.survivors > 0)
        #expect(abs(debt.actives - withoutNewcomers.actives) <= 1e-12 * debt.actives, "\(debt.actives) vs \(withoutNewcomers.actives)")
        #expect(debt.pensioners == withoutNewcomers.pensioners && debt.survivors == withoutNewcomers.survivors)
        // Members with service > 0 do hold rights: emptying the service-2 cells lowers the debt.
        #expect(try ImplicitPensionDebt.compute(emptied(2)).actives < debt.actives)
    }

    /// Entrants only of one kind (men of track 0 aged 23, BUP 58), no early retirement, reform year
    /// 2022 with frozen DB rights: the entrants of 2022 retire at the end of 2056 (t = 36), alone.
    func reformYearJoinerInputs(_ transition: TransitionPolicy) -> ProjectionInputs {
        var inputs = Fixture.inputs(horizon: 40, volatility: 0,
                                    dc: Fixture.dc(transition: transition, rights: .frozenDB(finalSalary: false), year: 2022))
        inputs.decrements.earlyRetirement = [0]
        inputs.entrants = EntrantInputs(target: .constant, profile: [EntrantShare(sex: .male, track: 0, age: 23, share: 1)])
        return inputs
    }

    @Test("(a) reform-year joiners are DC members from entry, not switchers with zero frozen rights",
          arguments: [TransitionPolicy.all, .switchUnderAge(40)])
    func reformYearJoiners(_ transition: TransitionPolicy) throws {
        let inputs = reformYearJoinerInputs(transition)
        let (_, reform, _) = try MonteCarloProjection(inputs: inputs, engine: .general).deterministic()
        // 2055: the 2021 entrants retire with frozen rights of n_r = 1 year.
        #expect(reform[.retirements, 35] > 0)
        #expect(reform[.replacementRateDB, 35] > 0)
        // 2056: only the 2022 entrants retire; they hold no DB rights, so the DB rate is empty.
        #expect(reform[.retirements, 36] > 0)
        #expect(reform[.replacementRateDB, 36].isNaN, "replacement_rate_db \(reform[.replacementRateDB, 36])")
        #expect(reform[.replacementRateDC, 36] > 0)
        #expect(reform[rate: .replacementRateDB, track: 0, 36].isNaN)
    }
}
