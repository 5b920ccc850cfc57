import Foundation
import PensiunInputs
import Testing
import PensiunActuarial
import PensiunEconomy
@testable import PensiunEngine

/// The like-for-like replacement rates (model 2.3, docs/model.md Part II) of one member computed by
/// hand: a pension paid 14 times a year against a DC annuity paid 12 times and a salary paid 13
/// times; allowances of 10% on DB-type pensions and 15% on pay; a take-home multiplier of 2; a
/// price-indexed DB against a DC annuity escalating at 3%; at award, after 10 and after 20 years.
@Suite struct LikeForLikeRateTests {
    static let monthsPaid = 14.0, pensionAllowance = 0.10, salaryPayments = 13.0, payAllowance = 0.15, theta = 2.0
    static let escalation = 0.03

    /// Aged 59 with 29 years of service in 2030, a flat 1,000 a month; nobody dies before 110; 2%
    /// inflation and 1% real wage growth, yields 5%; the member retires at the end of 2030.
    static func inputs(reform dc: DCRules?) -> ProjectionInputs {
        var inputs = HandComputedTests.oneMember(age: 59, service: 29, dc: dc, months: monthsPaid)
        inputs.calendar = ProjectionCalendar(startYear: 2030, horizon: 25, maximumAge: 110)
        inputs.economy.realWageGrowth = AR1Process(mean: 0.01, persistence: 0, volatility: 0, start: 0.01)
        inputs.current.db.pensionAllowance = pensionAllowance
        inputs.current.db.indexation = ByYear(.prices)
        inputs.reform.db = inputs.current.db
        inputs.tracks[0].takeHomeMultiplier = ByYear(theta)
        inputs.pay = PayInputs(salaryPaymentsPerYear: salaryPayments, allowances: payAllowance)
        return inputs
    }

    static func dc() -> DCRules {
        var dc = HandComputedTests.dc()
        dc.annuityEscalation = escalation
        return dc
    }

    /// Annual basic pay with allowances: 1,000 × 13 × 1.15.
    static let basicPay = 1_000 * salaryPayments * (1 + payAllowance)

    func expectClose(_ a: Double, _ b: Double, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(abs(a - b) <= 1e-12 * max(1, abs(b)), "\(what): \(a) vs \(b)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [MonteCarloProjection.Engine.lanes, .general])
    func theCurrentSchemesPriceIndexedPension(engine: MonteCarloProjection.Engine) throws {
        let (current, _, d) = try MonteCarloProjection(inputs: Self.inputs(reform: nil), engine: engine).deterministic()
        // 750 a month (75% of 1,000), paid 14 times with 10% allowances.
        let annual = 750 * Self.monthsPaid * (1 + Self.pensionAllowance)
        expectClose(current[.replacementRateDB, 0], 0.75, "model 2.2 rate")
        expectClose(current[.rrBasicDB, 0], annual / Self.basicPay, "rr_basic_db")
        expectClose(current[.rrBasicTotal, 0], annual / Self.basicPay, "rr_basic_total")
        expectClose(current[.rrTakeHomeDB, 0], annual / (1_000 * Self.salaryPayments * Self.theta), "rr_takehome_db")
        #expect(current[.rrBasicDC, 0].isNaN, "no DC member")
        for years in [10, 20] {
            // Indexed by 1 + π at the end of 2030 … 2030 + L − 1; the same position's pay grew with W.
            let indexed = (0..<years).reduce(annual) { $0 * (1 + d.inflation[$1]) }
            let pay = Self.basicPay * d.wageIndex[years] / d.wageIndex[0]
            let metric: Metric = years == 10 ? .rrBasicDBAfter10 : .rrBasicDBAfter20
            expectClose(current[metric, years], indexed / pay, metric.name)
            expectClose(current[rate: metric, track: 0, years], indexed / pay, metric.name + ".flat")
            #expect(current[metric, years - 1].isNaN, "nobody retired \(years) years before \(2029 + years)")
        }
        #expect(current[.rrBasicDBAfter20, 20] < current[.rrBasicDBAfter10, 10], "prices lag wages")
    }

    @Test(arguments: [MonteCarloProjection.Engine.lanes, .general])
    func theReformsFrozenPensionAndEscalatingAnnuity(engine: MonteCarloProjection.Engine) throws {
        let (_, reform, d) = try MonteCarloProjection(inputs: Self.inputs(reform: Self.dc()), engine: engine).deterministic()
        // Frozen DB 725 a month; the DC balance 15% × 2 × 1,000 × 12 × √1.04 buys an annuity at 60
        // priced at j = (1 + 5% − 1%)/1.03 − 1 with no deaths to 110, ä(12) = ä − 11/24.
        let frozen = 725 * Self.monthsPaid * (1 + Self.pensionAllowance)
        let j = 1.04 / (1 + Self.escalation) - 1
        let annuity = 3_600 * 1.04.squareRoot() / ((0...50).reduce(0.0) { $0 + pow(1 + j, -Double($1)) } - 11.0 / 24.0)
        expectClose(reform[.replacementRateDC, 0], annuity / 12 / 1_000, "model 2.2: monthly over monthly")
        expectClose(reform[.rrBasicDC, 0], annuity / Self.basicPay, "rr_basic_dc")
        expectClose(reform[.rrBasicDB, 0], frozen / Self.basicPay, "rr_basic_db")
        expectClose(reform[.rrBasicTotal, 0], (frozen + annuity) / Self.basicPay, "rr_basic_total")
        let takeHome = 1_000 * Self.salaryPayments * Self.theta
        expectClose(reform[.rrTakeHomeTotal, 0], (frozen + annuity) / takeHome, "rr_takehome_total")
        expectClose(reform[rate: .rrTakeHomeDC, track: 0, 0], annuity / takeHome, "rr_takehome_dc.flat")
        for years in [10, 20] {
            let indexed = (0..<years).reduce(frozen) { $0 * (1 + d.inflation[$1]) }
            // Paid from 2031 and escalated from the end of 2031: L − 1 escalations by 2030 + L.
            let escalated = annuity * pow(1 + Self.escalation, Double(years - 1))
            let pay = Self.basicPay * d.wageIndex[years] / d.wageIndex[0]
            let (db, dc, total): (Metric, Metric, Metric) = years == 10
                ? (.rrBasicDBAfter10, .rrBasicDCAfter10, .rrBasicTotalAfter10)
                : (.rrBasicDBAfter20, .rrBasicDCAfter20, .rrBasicTotalAfter20)
            expectClose(reform[db, years], indexed / pay, db.name)
            expectClose(reform[dc, years], escalated / pay, dc.name)
            expectClose(reform[total, years], (indexed + escalated) / pay, total.name)
        }
        // The escalating annuity in payment is what the engine pays in 2050 (its dc_annuities).
        expectClose(reform[.dcAnnuities, 20], annuity * pow(1 + Self.escalation, 19), "dc_annuities 2050")
    }

    @Test func aProfileOfTheSameMemberHasTheSameRates() throws {
        var inputs = Self.inputs(reform: Self.dc())
        // The one member, profiled: aged 59 with 29 years in 2030 (entered 2001 at 30).
        inputs.profiles = [ProfileSpec(sex: .male, track: 0, entryAge: 30, entryYear: 2001)]
        let projection = try MonteCarloProjection(inputs: inputs)
        let (current, reform, d) = try projection.deterministic()
        let profiler = ProfileProjector(context: projection.context)
        for (scheme, result) in [(Scheme.current, current), (.reform, reform)] {
            let p = profiler.project(inputs.profiles[0], scheme: scheme, drivers: d, careers: false).values
            expectClose(p[ProfileOutcome.Quantity.rrBasic.rawValue], result[.rrBasicTotal, 0], "\(scheme.name) rr_basic")
            expectClose(p[ProfileOutcome.Quantity.rrTakeHome.rawValue], result[.rrTakeHomeTotal, 0], "\(scheme.name) rr_takehome")
            expectClose(p[ProfileOutcome.Quantity.rrBasicAfter20.rawValue], result[.rrBasicTotalAfter20, 20],
                        "\(scheme.name) rr_basic_after20")
        }
    }

    /// Money's worth on the projection's conventions (docs/model.md §11), by hand: nobody dies
    /// before 110, so the member aged 60 in 2031 is paid 14 × 750 (10% allowances) at ages 60 … 110,
    /// indexed by 2% from the end of the award year 2030, discounted at 5% to mid-year; the
    /// employee paid 5% of 12 × 1,000 at mid-2030, accumulated to its end. Beyond the horizon
    /// (2054) the yield, and 2% indexation (the mean of prices), are held.
    @Test func moneysWorthOnTheProjectionsConventions() throws {
        var inputs = Self.inputs(reform: nil)
        inputs.profiles = [ProfileSpec(sex: .male, track: 0, entryAge: 30, entryYear: 2001)]
        let projection = try MonteCarloProjection(inputs: inputs)
        let (_, _, d) = try projection.deterministic()
        let p = ProfileProjector(context: projection.context).project(inputs.profiles[0], scheme: .current, drivers: d,
                                                                      careers: false).values
        let annual = 750 * Self.monthsPaid * (1 + Self.pensionAllowance)
        var benefits = 0.0
        for k in 0...50 {
            let indexed: Double = pow(1.02, Double(k + 1)), discount: Double = pow(1.05, -(Double(k) + 0.5))
            benefits += annual * indexed * discount
        }
        let contributions = 600 * 1.05.squareRoot()
        expectClose(p[ProfileOutcome.Quantity.moneysWorthProjectionEmployee.rawValue], benefits / contributions,
                    "mw_projection_employee")
        // The DB's state cost is not a contribution: employee + employer is the same here.
        expectClose(p[ProfileOutcome.Quantity.moneysWorthProjectionTotal.rawValue], benefits / contributions, "mw_projection_total")
    }

    /// The rule layer's two functions by hand: 750 a month paid 14 times with 10% allowances, an
    /// annuity of 1,200 a year paid 12 times and a top-up of 100 a year, on B = 1,000 (in the
    /// model-2.2 rates' units), then 10 years on with the DB indexed 1.2× and the pay grown 1.3×.
    /// The spouse in money's worth on the projection's conventions, by hand: everybody dies at the
    /// end of the year they are 62, so the member (60 in 2031) is paid in 2031–2033 and dies at the
    /// end of 2033, certainly leaving a wife 3 years younger, 60 at the start of 2034, who is paid
    /// the contingent pension max(36% × 1,000, 75% × floor 600) = 450 a month, 14 times, indexed
    /// by 2% a year from the award, in 2034–2036; discounted at 5% to mid-year.
    @Test func moneysWorthPaysTheSpouseCreatedAtTheMembersDeath() throws {
        var inputs = Self.inputs(reform: nil)
        let rates = (0...110).map { $0 == 62 ? 1.0 : 0.0 }
        let table = try MortalityTable(firstAge: 0, rates: rates, basis: "death at 62")
        inputs.mortality = MortalityInputs(male: table, female: table, baseYear: 2030)
        inputs.survivors = SurvivorInputs(probability: [.male: [1], .female: [0]], ageGap: [.male: -3, .female: 3])
        inputs.profiles = [ProfileSpec(sex: .male, track: 0, entryAge: 30, entryYear: 2001)]
        let projection = try MonteCarloProjection(inputs: inputs)
        let (_, _, d) = try projection.deterministic()
        let p = ProfileProjector(context: projection.context).project(inputs.profiles[0], scheme: .current, drivers: d,
                                                                      careers: false).values
        func paid(_ annual: Double, years: ClosedRange<Int>) -> Double {
            var value = 0.0
            for k in years {
                let indexed: Double = pow(1.02, Double(k + 1)), discount: Double = pow(1.05, -(Double(k) + 0.5))
                value += annual * indexed * discount
            }
            return value
        }
        let member = paid(750 * Self.monthsPaid * (1 + Self.pensionAllowance), years: 0...2)
        let spouse = paid(450 * Self.monthsPaid, years: 3...5)
        expectClose(p[ProfileOutcome.Quantity.moneysWorthProjectionEmployee.rawValue], (member + spouse) / (600 * 1.05.squareRoot()),
                    "mw_projection_employee with the spouse")
    }

    @Test func likeForLikeBasisByHand() {
        var db = Fixture.dbRules
        db.pensionAllowance = Self.pensionAllowance
        var dc = Self.dc()
        dc.guarantee = Guarantee(level: 1, minimumService: 10)
        let basis = LikeForLikeBasis(db: db, dc: dc, pay: PayInputs(salaryPaymentsPerYear: 13, allowances: 0.15),
                                     currentPaysAllowances: true)
        let b = 1_000.0
        let a = basis.annual(db: 750 / b, dc: 1_200 / 12 / b, topUp: 100 / 14 / b)
        expectClose(a.db, 750 * 14 * 1.1 / b, "annual DB")
        expectClose(a.dc, 1_200 / b, "annual DC")
        expectClose(a.topUp, 100 / b, "annual top-up")
        let later = basis.after(years: 10, a, indexed: 1.2, wageGrowth: 1.3)
        let pay = 13 * 1.15 * 1.3
        expectClose(later.db, 750 * 14 * 1.1 / b * 1.2 / pay, "DB after 10 years")
        expectClose(later.dc, 1_200 / b * pow(1.03, 9) / pay, "DC after 10 years")
        expectClose(later.total, (750 * 14 * 1.1 / b * 1.2 + 1_200 / b * pow(1.03, 9) + 100 / b * 1.2) / pay, "total after 10 years")
    }

    @Test func everyRateKnowsItsPositionByTrack() {
        for (i, m) in Metric.rates.enumerated() { #expect(m.rateIndex == i, "\(m.name)") }
        #expect(Metric.allCases.filter { $0.rateIndex != nil } == Metric.allCases.filter { Metric.rates.contains($0) })
    }

    @Test func withoutAllowancesOrAPaySectionTheBasisIsTwelveBasicSalaries() throws {
        var inputs = Self.inputs(reform: nil)
        inputs.current.db.pensionAllowance = 0
        inputs.reform.db = inputs.current.db
        inputs.pay = PayInputs(salaryPaymentsPerYear: 12, allowances: 0.15)
        let (current, _, _) = try MonteCarloProjection(inputs: inputs).deterministic()
        // The actives' allowances are left out when the pensions carry none.
        expectClose(current[.rrBasicDB, 0], 750 * Self.monthsPaid / (1_000 * 12), "rr_basic_db")
    }
}
