import Foundation
import PensiunInputs
import Testing
import PensiunActuarial
@testable import PensiunEngine

/// `rr_basic_dc_{male,female}` and `rr_basic_total_{male,female}` (docs/model.md Part II,
/// "Like-for-like replacement rates"): men and women of the same age and service, on the same flat
/// salary, retire at 60 with the same DC balance; annuities are priced on each sex's mortality
/// (women's lower), so the women's annuity, hence their rate, is smaller. Actives do not die
/// (their mortality factor is 0), so the year's retirements are known by hand: 3 men and 2 women
/// a year in 2030–2032, 3 men alone in 2033, nobody in 2034.
@Suite struct RatesBySexTests {
    static let men = 3.0, women = 2.0

    static func inputs() throws -> ProjectionInputs {
        var inputs = HandComputedTests.oneMember(age: 59, service: 29, dc: HandComputedTests.dc())
        inputs.calendar = ProjectionCalendar(startYear: 2030, horizon: 5, maximumAge: 110)
        let male = try MortalityTable(firstAge: 0, rates: Array(repeating: 0.03, count: 111), basis: "flat 3%")
        let female = try MortalityTable(firstAge: 0, rates: Array(repeating: 0.015, count: 111), basis: "flat 1.5%")
        inputs.mortality = MortalityInputs(male: male, female: female, factors: [.actives: [.male: 0, .female: 0]], baseYear: 2030)
        var actives: [ActiveCell] = []
        for age in 56...59 {
            actives.append(ActiveCell(sex: .male, track: 0, age: age, service: age - 30, count: men))
            if age >= 57 { actives.append(ActiveCell(sex: .female, track: 0, age: age, service: age - 30, count: women)) }
        }
        inputs.population = InitialPopulation(actives: actives)
        return inputs
    }

    func expectClose(_ a: Double, _ b: Double, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(abs(a - b) <= 1e-12, "\(what): \(a) vs \(b)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [MonteCarloProjection.Engine.lanes, .general])
    func womenBuyASmallerAnnuityWithTheSameBalance(engine: MonteCarloProjection.Engine) throws {
        let (_, reform, _) = try MonteCarloProjection(inputs: Self.inputs(), engine: engine).deterministic()
        for t in 0..<3 {
            let male = reform[.rrBasicDCMale, t], female = reform[.rrBasicDCFemale, t]
            #expect(male > 0 && female > 0, "\(2030 + t): \(male), \(female)")
            #expect(female < male, "\(2030 + t): women live longer, so the same balance buys less: \(female) vs \(male)")
            #expect(reform[.rrBasicTotalFemale, t] < reform[.rrBasicTotalMale, t], "\(2030 + t): the same frozen DB, a smaller annuity")
            // The count-weighted mean of the two sexes is the rate of everyone.
            let everyone = Self.men + Self.women
            expectClose((Self.men * male + Self.women * female) / everyone, reform[.rrBasicDC, t], "rr_basic_dc \(2030 + t)")
            expectClose((Self.men * reform[.rrBasicTotalMale, t] + Self.women * reform[.rrBasicTotalFemale, t]) / everyone,
                        reform[.rrBasicTotal, t], "rr_basic_total \(2030 + t)")
            #expect(reform[.retirements, t] == everyone)
        }
        // 2033: men alone retire; their rate is everyone's and the women's is not applicable.
        #expect(reform[.rrBasicDCFemale, 3].isNaN && reform[.rrBasicTotalFemale, 3].isNaN)
        expectClose(reform[.rrBasicDCMale, 3], reform[.rrBasicDC, 3], "rr_basic_dc 2033")
        expectClose(reform[.rrBasicTotalMale, 3], reform[.rrBasicTotal, 3], "rr_basic_total 2033")
        // 2034: nobody retires.
        for m in Metric.ratesBySex { #expect(reform[m, 4].isNaN, "\(m.name) 2034") }
    }

    @Test(arguments: [MonteCarloProjection.Engine.lanes, .general])
    func withoutADCOnlyTheTotalIsApplicable(engine: MonteCarloProjection.Engine) throws {
        let (current, _, _) = try MonteCarloProjection(inputs: Self.inputs(), engine: engine).deterministic()
        for t in 0..<3 {
            #expect(current[.rrBasicDCMale, t].isNaN && current[.rrBasicDCFemale, t].isNaN)
            // The same DB pension for both sexes: the same rate.
            expectClose(current[.rrBasicTotalMale, t], current[.rrBasicTotal, t], "rr_basic_total_male \(2030 + t)")
            expectClose(current[.rrBasicTotalFemale, t], current[.rrBasicTotal, t], "rr_basic_total_female \(2030 + t)")
        }
    }
}
