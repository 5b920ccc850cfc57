import PensiunActuarial
import PensiunEconomy
@testable import PensiunEngine
import PensiunInputs

/// Small synthetic schemes built in code for the engine's tests.
enum Fixture {
    /// A Gompertz-like table from age 0 to 110 (q = 1 at 110).
    static func table(scale: Double) -> MortalityTable {
        let rates = (0...110).map { x in min(1, scale * 0.0002 * pow(1.1, Double(x) - 20)) }
        return try! MortalityTable(firstAge: 0, rates: rates, basis: "test")
    }

    static func economy(volatility: Double = 0.01) -> EconomyParameters {
        EconomyParameters(
            inflation: AR1Process(mean: 0.03, persistence: 0.5, volatility: volatility, start: 0.03),
            realWageGrowth: AR1Process(mean: 0.01, persistence: 0.5, volatility: volatility, start: 0.01),
            realGDPGrowth: AR1Process(mean: 0.04, persistence: 0.5, volatility: volatility, start: 0.04),
            bondYield: AR1Process(mean: 0.06, persistence: 0.8, volatility: volatility / 2, start: 0.06),
            equityLogMean: 0.07, equityLogVolatility: volatility * 15, bondDuration: 6, cashSpread: 0.01,
            correlation: EconomyParameters.uncorrelated, wageLumpPeriod: 1, gdpStart: 1e9)
    }

    static let dbRules = DBRules(
        accrualRate: 0.025, cap: 0.75, floor: 1_000, minimumService: 10, monthsPaid: 14,
        survivorOfPensioner: 0.36, survivorOfPensionerFloor: 0.75,
        survivorOfActive: 0.36, survivorOfActiveFloor: 0.75,
        survivorOfDuty: 0.72, survivorOfDutyFloor: 1.0, dutyShare: 0.1,
        indexation: ByYear(.prices), employeeRate: ByYear(0.0475), destination: .budget)

    static func dc(transition: TransitionPolicy = .newEntrants, rights: AccruedRights = .frozenDB(finalSalary: false),
                   year: Int = 2022, guarantee: Guarantee? = Guarantee(level: 1, minimumService: 10),
                   payout: PayoutForm = .annuity, withdrawal: WithdrawalOption = .deferred) -> DCRules {
        DCRules(year: year, transition: transition, accruedRights: rights, employeeRate: ByYear(0.05),
                employerRate: ByYear(0.10), fee: 0.005,
                glidePath: (0...110).map { x in
                    x < 50 ? PortfolioWeights(equity: 0.6, bonds: 0.3, cash: 0.1) : PortfolioWeights(equity: 0.3, bonds: 0.6, cash: 0.1)
                },
                payout: payout, annuityMargin: 0.01, annuityEscalation: 0, withdrawal: withdrawal, guarantee: guarantee)
    }

    /// A scheme of a few hundred members on two tracks, with pensioners, disabled and survivors.
    static func inputs(horizon: Int = 40, volatility: Double = 0.01, kappaVolatility: Double = 0,
                       dc: DCRules? = Fixture.dc(), processRisk: Bool = false,
                       target: HeadcountTarget = .constant, scale: Double = 1) -> ProjectionInputs {
        let tracks = [
            Track(name: "general", salaryScale: (0...40).map { 2_000 * scale * pow(1.02, Double($0)) }, takeHomeMultiplier: ByYear(1)),
            Track(name: "teacher", salaryScale: (0...40).map { 2_500 * scale * pow(1.015, Double($0)) }, takeHomeMultiplier: ByYear(1.5)),
        ]
        var actives: [ActiveCell] = []
        for (i, age) in stride(from: 22, through: 58, by: 4).enumerated() {
            for sex in Sex.allCases {
                actives.append(ActiveCell(sex: sex, track: i % 2, age: age, service: max(0, age - 24), count: Double(10 + i)))
            }
        }
        var db = dbRules
        db.floor *= scale
        let retirementAges = [ByYear(58), ByYear(60)]
        return ProjectionInputs(
            calendar: ProjectionCalendar(startYear: 2020, horizon: horizon, maximumAge: 110),
            economy: { var e = economy(volatility: volatility); e.gdpStart *= scale; return e }(),
            mortality: MortalityInputs(male: table(scale: 1.1), female: table(scale: 0.8),
                                       factors: [.disabled: [.male: 2, .female: 2], .annuitants: [.male: 0.9, .female: 0.9]],
                                       improvement: [0.01], baseYear: 2020, kappaVolatility: kappaVolatility),
            decrements: DecrementInputs(disability: .factorOfBaseMortality(0.5), withdrawal: [0.03, 0.02, 0.01, 0.005],
                                        earlyRetirement: Array(repeating: 0, count: 50) + [0.05], earlyAge: 51, earlyService: 20,
                                        processRisk: processRisk),
            survivors: SurvivorInputs(probability: [.male: [0.8], .female: [0.5]], ageGap: [.male: -3, .female: 3]),
            tracks: tracks,
            population: InitialPopulation(
                actives: actives,
                pensioners: [BeneficiaryCell(sex: .male, age: 65, count: 20, monthlyPension: 20 * 1_500 * scale),
                             BeneficiaryCell(sex: .female, age: 70, count: 15, monthlyPension: 15 * 1_200 * scale)],
                disabled: [BeneficiaryCell(sex: .male, age: 50, count: 3, monthlyPension: 3 * 1_100 * scale)],
                survivors: [BeneficiaryCell(sex: .female, age: 75, count: 8, monthlyPension: 8 * 800 * scale)]),
            entrants: EntrantInputs(target: target, profile: [
                EntrantShare(sex: .male, track: 0, age: 23, share: 0.3), EntrantShare(sex: .female, track: 0, age: 23, share: 0.3),
                EntrantShare(sex: .male, track: 1, age: 26, share: 0.2), EntrantShare(sex: .female, track: 1, age: 26, share: 0.2)]),
            current: SchemeRules(db: db, retirementAges: retirementAges),
            reform: SchemeRules(db: db, retirementAges: retirementAges, dc: dc),
            valuation: ValuationInputs(discountRate: nil, burdenThreshold: .share(0.001)))
    }
}

import Foundation

/// Bit-for-bit equality of two series (NaN equals NaN of the same bits).
func sameBits<A: Collection, B: Collection>(_ a: A, _ b: B) -> Bool where A.Element == Double, B.Element == Double {
    a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
}
