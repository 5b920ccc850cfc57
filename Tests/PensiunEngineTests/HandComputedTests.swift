import Foundation
import PensiunInputs
import Testing
import PensiunActuarial
import PensiunEconomy
@testable import PensiunEngine

/// One member, one year, known rates: every amount computed by hand.
@Suite struct HandComputedTests {
    /// No deaths before the closing age 110, no other decrements, a flat salary of 1,000 a month,
    /// a deterministic economy with 2% inflation, 0 real wage growth, yields and bond returns of 5%
    /// (duration 0), equity 5%: R = 5% − fee.
    static func oneMember(age: Int, service: Int, dc: DCRules?, floor: Double = 600, months: Double = 14) -> ProjectionInputs {
        let zero = try! MortalityTable(firstAge: 0, rates: Array(repeating: 0, count: 111), basis: "no deaths")
        var db = Fixture.dbRules
        db.floor = floor
        db.monthsPaid = months
        db.employeeRate = ByYear(0.05)
        let economy = EconomyParameters(
            inflation: AR1Process(mean: 0.02, persistence: 0, volatility: 0, start: 0.02),
            realWageGrowth: AR1Process(mean: 0, persistence: 0, volatility: 0, start: 0),
            realGDPGrowth: AR1Process(mean: 0.03, persistence: 0, volatility: 0, start: 0.03),
            bondYield: AR1Process(mean: 0.05, persistence: 0, volatility: 0, start: 0.05),
            equityLogMean: log(1.05), equityLogVolatility: 0, bondDuration: 0, cashSpread: 0,
            correlation: EconomyParameters.uncorrelated, gdpStart: 1e9)
        return ProjectionInputs(
            calendar: ProjectionCalendar(startYear: 2030, horizon: 4, maximumAge: 110),
            economy: economy,
            mortality: MortalityInputs(male: zero, female: zero, baseYear: 2030),
            decrements: DecrementInputs(),
            survivors: SurvivorInputs(probability: [.male: [0], .female: [0]], ageGap: [.male: 0, .female: 0]),
            tracks: [Track(name: "flat", salaryScale: [1_000], takeHomeMultiplier: ByYear(2))],
            population: InitialPopulation(actives: [ActiveCell(sex: .male, track: 0, age: age, service: service, count: 1)]),
            entrants: EntrantInputs(target: .series(ByYear(0)), profile: [EntrantShare(sex: .male, track: 0, age: 25, share: 1)]),
            current: SchemeRules(db: db, retirementAges: [ByYear(60)]),
            reform: SchemeRules(db: db, retirementAges: [ByYear(60)], dc: dc),
            valuation: ValuationInputs())
    }

    static func dc(rights: AccruedRights = .frozenDB(finalSalary: false), guarantee: Guarantee? = nil) -> DCRules {
        DCRules(year: 2030, transition: .all, accruedRights: rights, employeeRate: ByYear(0.05), employerRate: ByYear(0.10),
                fee: 0.01, glidePath: [PortfolioWeights(equity: 1, bonds: 0, cash: 0)], annuityMargin: 0.01, guarantee: guarantee)
    }

    @Test func aDBPensionAtRetirement() throws {
        // Aged 59 with 29 years: retires at the end of 2030 on min(75%, 2.5% × 30) × 1,000 = 750 a
        // month, paid 14 times from 2031, indexed by 2% at the end of 2030.
        let (current, _, _) = try MonteCarloProjection(inputs: Self.oneMember(age: 59, service: 29, dc: nil)).deterministic()
        #expect(current[.payroll, 0] == 12_000)
        #expect(abs(current[.contributionsEmployee, 0] - 600) < 1e-9)
        #expect(abs(current[.budgetBurden, 0] - (-600)) < 1e-9)
        #expect(abs(current[.dbBenefits, 1] - 750 * 14 * 1.02) < 1e-9)
        #expect(abs(current[.dbBenefits, 2] - 750 * 14 * 1.02 * 1.02) < 1e-9)
        #expect(abs(current[.replacementRateDB, 0] - 0.75) < 1e-15)
        #expect(current[.pensioners, 1] == 1 && current[.actives, 1] == 0)
    }

    @Test func theFloorAppliesAtAwardOnly() throws {
        // 12 years: 2.5% × 12 × 1,000 = 300 < floor 600 × W = 600 (W = 1 in 2030).
        let (current, _, _) = try MonteCarloProjection(inputs: Self.oneMember(age: 59, service: 11, dc: nil)).deterministic()
        #expect(abs(current[.dbBenefits, 1] - 600 * 14 * 1.02) < 1e-9)
    }

    @Test func aDCBalanceAnnuityAndFrozenPension() throws {
        // Switches at 2030 with 29 years: frozen DB min(75%, 2.5% × 29) × 1,000 = 725 a month.
        // DC contributions 15% × 2 × 1,000 × 12 = 3,600 at mid-year, R = 5% − 1% = 4%:
        // balance 3,600 × √1.04 at the end of 2030, which buys an annuity at 60 priced at
        // j = 5% − 1% = 4% with no deaths to 110: ä = Σ_{k=0}^{50} 1.04^{−k}, ä(12) = ä − 11/24.
        let (_, reform, _) = try MonteCarloProjection(inputs: Self.oneMember(age: 59, service: 29, dc: Self.dc())).deterministic()
        let balance = 3_600 * 1.04.squareRoot()
        let annuityDue = (0...50).reduce(0.0) { $0 + pow(1.04, -Double($1)) }
        let annuity = balance / (annuityDue - 11.0 / 24.0)
        #expect(abs(reform[.contributionsEmployer, 0] - 2_400) < 1e-9)
        #expect(abs(reform[.contributionsEmployee, 0] - 1_200) < 1e-9)
        #expect(abs(reform[.budgetBurden, 0] - 2_400) < 1e-9)
        #expect(abs(reform[.dcAnnuities, 1] - annuity) < 1e-9)
        #expect(abs(reform[.dbBenefits, 1] - 725 * 14 * 1.02) < 1e-9)
        #expect(abs(reform[.replacementRateDC, 0] - annuity / 12 / 1_000) < 1e-12)
        #expect(abs(reform[.replacementRateDB, 0] - 0.725) < 1e-12)
    }

    @Test func theGuaranteeTopsUpToTheFloor() throws {
        // Guarantee level 2 × floor 600 → 1,200 × 14 = 16,800 a year; the frozen DB pays 725 × 14
        // and the annuity as above: top-up = 16,800 − 10,150 − annuity, indexed by 2% at award.
        let (_, reform, _) = try MonteCarloProjection(
            inputs: Self.oneMember(age: 59, service: 29, dc: Self.dc(guarantee: Guarantee(level: 2, minimumService: 20)))).deterministic()
        let balance = 3_600 * 1.04.squareRoot()
        let annuity = balance / ((0...50).reduce(0.0) { $0 + pow(1.04, -Double($1)) } - 11.0 / 24.0)
        let topup = 16_800 - 725 * 14 - annuity
        #expect(abs(reform[.guaranteeTopups, 1] - topup * 1.02) < 1e-9)
        #expect(abs(reform[.budgetBurden, 1] - (725 * 14 * 1.02 + topup * 1.02)) < 1e-9)
    }

    @Test func aRecognitionBond() throws {
        // Aged 50 with 20 years at 2030, BUP 60: BV = min(75%, 2.5% × 20) × 1,000 × 14 ×
        // ä(12)_60 at ρ = 3% with no deaths × 1.03^{−10}; it accrues at 3% a year.
        let inputs = Self.oneMember(age: 50, service: 20, dc: Self.dc(rights: .recognitionBond(rate: 0.03)))
        let (_, reform, _) = try MonteCarloProjection(inputs: inputs).deterministic()
        let factor = (0...50).reduce(0.0) { $0 + pow(1.03, -Double($1)) } - 11.0 / 24.0
        let value = 0.5 * 1_000 * 14 * factor * pow(1.03, -10)
        #expect(abs(reform[.bondsOutstanding, 0] / value - 1) < 1e-12)
        #expect(abs(reform[.bondsOutstanding, 1] / (value * 1.03) - 1) < 1e-12)
        #expect(reform[.dbBenefits, 1] == 0)
    }
}
