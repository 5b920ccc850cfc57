import Foundation
import PensiunInputs
import Testing
import PensiunActuarial
import PensiunEconomy
@testable import PensiunEngine

/// A stationary population: PAYG cost rate = replacement rate × (pensioners / actives).
@Suite struct SteadyStateTests {
    @Test func payAsYouGoCostRateInASteadyState() throws {
        let table = Fixture.table(scale: 1)
        let entry = 25, bup = 60
        var l = [Double](repeating: 0, count: 111)
        l[entry] = 1_000
        for x in entry..<110 { l[x + 1] = l[x] * (1 - table.q(x)) }
        var actives: [ActiveCell] = []
        for x in entry..<bup { actives.append(ActiveCell(sex: .male, track: 0, age: x, service: x - entry, count: l[x])) }
        var pensioners: [BeneficiaryCell] = []
        for x in bup..<110 { pensioners.append(BeneficiaryCell(sex: .male, age: x, count: l[x], monthlyPension: l[x] * 750, monthlySurvivorPension: 0)) }
        var db = Fixture.dbRules
        db.monthsPaid = 12
        db.employeeRate = ByYear(0)
        db.floor = 0
        let economy = EconomyParameters(
            inflation: AR1Process(mean: 0, persistence: 0, volatility: 0, start: 0),
            realWageGrowth: AR1Process(mean: 0, persistence: 0, volatility: 0, start: 0),
            realGDPGrowth: AR1Process(mean: 0.03, persistence: 0, volatility: 0, start: 0.03),
            bondYield: AR1Process(mean: 0.05, persistence: 0, volatility: 0, start: 0.05),
            equityLogMean: 0.05, equityLogVolatility: 0, bondDuration: 5, cashSpread: 0,
            correlation: EconomyParameters.uncorrelated, gdpStart: 1e9)
        let inputs = ProjectionInputs(
            calendar: ProjectionCalendar(startYear: 2020, horizon: 30, maximumAge: 110), economy: economy,
            mortality: MortalityInputs(male: table, female: table, baseYear: 2020),
            decrements: DecrementInputs(),
            survivors: SurvivorInputs(probability: [.male: [0], .female: [0]], ageGap: [.male: 0, .female: 0]),
            tracks: [Track(name: "flat", salaryScale: [1_000])],
            population: InitialPopulation(actives: actives, pensioners: pensioners),
            entrants: EntrantInputs(target: .constant, profile: [EntrantShare(sex: .male, track: 0, age: entry, share: 1)]),
            current: SchemeRules(db: db, retirementAges: [ByYear(bup)]),
            reform: SchemeRules(db: db, retirementAges: [ByYear(bup)]),
            valuation: ValuationInputs())
        let (current, _, _) = try MonteCarloProjection(inputs: inputs).deterministic()
        // 35 years × 2.5% = 87.5%, capped at 75%: 750 for every retiree, the stationary pension.
        for t in [1, 10, 29] {
            let rr = current[.replacementRateDB, t]
            #expect(abs(rr - 0.75) < 1e-12)
            let costRate = current[.budgetBurden, t] / current[.payroll, t]
            let ratio = current[.pensioners, t] / current[.actives, t]
            #expect(abs(costRate - rr * ratio) < 1e-9 * costRate, "year \(2020 + t): \(costRate) vs \(rr * ratio)")
            #expect(abs(current[.actives, t] - current[.actives, 0]) < 1e-6)
        }
    }
}
