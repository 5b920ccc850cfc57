import Foundation
import PensiunInputs
import Testing
import PensiunActuarial
@testable import PensiunEngine

@Suite struct ProfileTests {
    @Test func aDBCareerAndAZeroReturnDCCareer() throws {
        // Zero volatility, entrant in 2022 at 23 on the general track (BUP 58): 35 years,
        // DB replacement min(75%, 2.5% × 35) = 75% (cap), paid at the end of 2056.
        var inputs = Fixture.inputs(horizon: 40, volatility: 0, dc: Fixture.dc(year: 2022, guarantee: nil))
        inputs.profiles = [ProfileSpec(sex: .male, track: 0, entryAge: 23, entryYear: 2022)]
        let run = try MonteCarloProjection(inputs: inputs)
        let (_, _, drivers) = try run.deterministic()
        let projector = ProfileProjector(context: run.context)
        let current = projector.project(inputs.profiles[0], scheme: .current, drivers: drivers)
        let q = { (o: ProfileOutcome, k: ProfileOutcome.Quantity) in o.values[k.rawValue] }
        #expect(q(current, .retirementYear) == 2056)
        #expect(abs(q(current, .replacementRate) - 0.75) < 1e-12)
        #expect(current.years.first == 2022 && current.years.last == 2056)
        // The DC balance at retirement equals the year-by-year balance series' last value, and the
        // annuity it buys is balance / ä(12) at j = i − margin: the replacement rate follows.
        let reform = projector.project(inputs.profiles[0], scheme: .reform, drivers: drivers)
        #expect(q(reform, .dcBalance) == reform.balance.last)
        let t = 2056 - 2020
        let j = 1 + drivers.bondYield[t] - 0.01 - 1
        let factor = run.context.grid.annuityDueMonthly(.male, age: 58, yearIndex: t + 1, kappa: 0, rate: j)
        let expected = q(reform, .dcBalance) / factor / 12 / q(reform, .finalSalary)
        #expect(abs(q(reform, .replacementRate) - expected) < 1e-12)
        // Employee contributions are a part of the total, and money's worth falls when the
        // employer's share counts as a contribution.
        #expect(q(reform, .employeeContributions) < q(reform, .totalContributions))
        #expect(q(reform, .moneysWorthTotal) < q(reform, .moneysWorthEmployee))
    }

    /// An early leaver (issue 20): a DC member from entry (2022 = y_r) at 23 on the general track
    /// (BUP 58), leaving by withdrawal at 35, i.e. at the end of 2033 (t = 13, n = 11, aged 34 at
    /// its start). Zero volatility. By hand from the inputs: contributions (5% + 10%)·S·12 with
    /// S = 2000·1.02^n·W_t, grown at the glide path's return R = 0.6·equity + 0.3·bonds + 0.1·cash
    /// − 0.5% (below 50; 0.3/0.6/0.1 from 50) as b·(1 + R) + C·(1 + R)^½; deferred from 2034, no
    /// contribution, b·(1 + R) at the member's age, until the end of 2056 (aged 57 at its start,
    /// x + 1 = 58): the annuity pot / ä^(12)_58 at j = i_2056 − 1%, no guarantee top-up although
    /// n + 1 = 12 ≥ 10. Under the current scheme the leaver gets nothing: rates and money's worth 0.
    @Test func anEarlyLeaverDefersTheDCBalanceToTheBUPAndGetsNoDBProfile() throws {
        var inputs = Fixture.inputs(horizon: 40, volatility: 0, dc: Fixture.dc(year: 2022))
        inputs.profiles = [ProfileSpec(sex: .male, track: 0, entryAge: 23, entryYear: 2022, exitAge: 35)]
        let run = try MonteCarloProjection(inputs: inputs)
        let (_, _, d) = try run.deterministic()
        #expect(run.context.tables.dcMultiplier(track: 0, t: 5) == 1)
        let projector = ProfileProjector(context: run.context)
        let q = { (o: ProfileOutcome, k: ProfileOutcome.Quantity) in o.values[k.rawValue] }
        func r(_ t: Int, age: Int) -> Double {
            let (e, b, c) = age < 50 ? (0.6, 0.3, 0.1) : (0.3, 0.6, 0.1)
            return e * d.equityReturn[t] + b * d.bondReturn[t] + c * d.cashReturn[t] - 0.005
        }
        var balance = 0.0
        for t in 2...13 {
            let n = t - 2, age = 23 + n
            let c = 0.15 * 2_000 * pow(1.02, Double(n)) * d.wageIndex[t] * 12
            balance = balance * (1 + r(t, age: age)) + c * (1 + r(t, age: age)).squareRoot()
        }
        let atExit = balance
        for t in 14...36 { balance *= 1 + r(t, age: 34 + (t - 13)) }
        let reform = projector.project(inputs.profiles[0], scheme: .reform, drivers: d)
        #expect(reform.years.first == 2022 && reform.years.last == 2033)
        #expect(abs(reform.balance.last! - atExit) <= 1e-9 * atExit)
        #expect(q(reform, .retirementYear) == 2056)
        #expect(abs(q(reform, .dcBalance) - balance) <= 1e-9 * balance)
        let factor = run.context.grid.annuityDueMonthly(.male, age: 58, yearIndex: 37, kappa: 0, rate: d.bondYield[36] - 0.01)
        let annuity = balance / factor
        #expect(abs(q(reform, .monthlyPension) - annuity / 12) <= 1e-9 * annuity)
        // The rates are on the salary at exit revalued with W to 2056 (no pay after exit).
        let base = 2_000 * pow(1.02, 11) * d.wageIndex[36]
        #expect(abs(q(reform, .finalSalary) - base) <= 1e-9 * base)
        #expect(abs(q(reform, .replacementRate) - annuity / 12 / base) < 1e-12)
        #expect(q(reform, .frozenDBPension).isNaN && q(reform, .recognitionBond).isNaN)
        #expect(q(reform, .moneysWorthTotal) > 0)
        // The current scheme: nothing from the DB, contributions paid: 0, never NaN.
        let current = projector.project(inputs.profiles[0], scheme: .current, drivers: d)
        #expect(current.years.last == 2033 && q(current, .retirementYear) == 2056)
        for k in [ProfileOutcome.Quantity.monthlyPension, .replacementRate, .moneysWorthEmployee, .moneysWorthTotal, .rrBasic,
                  .moneysWorthProjectionEmployee] {
            #expect(q(current, k) == 0, "\(k.name)")
        }
        #expect(q(current, .employeeContributions) > 0)
        // The same member in service to the BUP is another profile, with a DB pension.
        let stayer = projector.project(ProfileSpec(sex: .male, track: 0, entryAge: 23, entryYear: 2022), scheme: .current, drivers: d)
        #expect(q(stayer, .replacementRate) > 0)
    }

    @Test func profilesSurviveShardingAndMerging() throws {
        // Entering in 2023 at 26 on a track with BUP 60: retires at the end of 2056, within 40 years.
        var inputs = Fixture.inputs(horizon: 40, volatility: 0.02)
        inputs.profiles = [ProfileSpec(sex: .female, track: 1, entryAge: 26, entryYear: 2023)]
        let run = try MonteCarloProjection(inputs: inputs)
        let whole = try run.run(paths: 0..<20, seed: 4, threads: 2)
        let joined = ProjectionResults.concatenating([try run.run(paths: 0..<7, seed: 4, threads: 1), try run.run(paths: 7..<20, seed: 4, threads: 2)])
        #expect(sameBits(whole.profiles, joined.profiles))
        #expect(whole.profile(0, .reform, .replacementRate).allSatisfy { $0 > 0 })
    }

    // A member in service at y0 (2020): entered in 2010 at 25 on the general track (BUP 58), so 35
    // with n0 = 10 in 2020 and 37 with n_r = 12 at the start of y_r = 2022, under 40: switches.
    // Zero volatility; retires at the end of 2042 (aged 57, n+1 = 33).
    static func existingMember(entryYear: Int, rights: AccruedRights = .frozenDB(finalSalary: false))
        throws -> (run: MonteCarloProjection, drivers: PathDrivers, spec: ProfileSpec) {
        var inputs = Fixture.inputs(horizon: 40, volatility: 0,
                                    dc: Fixture.dc(transition: .switchUnderAge(40), rights: rights, year: 2022, guarantee: nil))
        inputs.profiles = [ProfileSpec(sex: .male, track: 0, entryAge: 25, entryYear: entryYear)]
        let run = try MonteCarloProjection(inputs: inputs)
        let (_, _, drivers) = try run.deterministic()
        return (run, drivers, inputs.profiles[0])
    }

    @Test func anExistingSwitcherHoldsTheFrozenDBPensionOfTheRuleLayer() throws {
        let (run, d, spec) = try Self.existingMember(entryYear: 2010)
        let projector = ProfileProjector(context: run.context)
        let q = { (o: ProfileOutcome, k: ProfileOutcome.Quantity) in o.values[k.rawValue] }
        #expect(ProfileOutcome.role(of: spec, under: run.context.inputs.reform, startYear: 2020) == .switcher)
        let reform = projector.project(spec, scheme: .reform, drivers: d)
        // Followed from y0: the career starts in 2020, contributions before 2020 are not projected.
        #expect(reform.years.first == 2020 && reform.years.last == 2042)
        #expect(q(reform, .retirementYear) == 2042)
        // By hand: min(cap, a·n_r)·B_f = min(75%, 2.5% × 12)·B_f = 30% of B_f, with
        // B_r = scale(12)·W_2022 = 2000·1.02^12·W_2022, revalued with prices from the end of
        // 2022 to the end of 2041 (t = 2...21).
        var bf = 2_000 * pow(1.02, 12) * d.wageIndex[2]
        for t in 2...21 { bf *= 1 + d.inflation[t] }
        let frozen = q(reform, .frozenDBPension)
        #expect(abs(frozen - 0.3 * bf) <= 1e-9 * bf)
        #expect(abs(frozen - Fixture.dbRules.frozenPension(serviceAtReform: 12, base: bf)) <= 1e-9 * bf)
        // The frozen pension is a part of the pension at retirement (with the DC annuity).
        #expect(q(reform, .monthlyPension) > frozen)
        #expect(q(reform, .recognitionBond).isNaN)
        // Under the current scheme the member holds no frozen rights and no bond.
        let current = projector.project(spec, scheme: .current, drivers: d)
        #expect(q(current, .frozenDBPension).isNaN && q(current, .recognitionBond).isNaN)
        #expect(abs(q(current, .replacementRate) - 0.75) < 1e-12)
    }

    @Test func anExistingSwitcherWithABondHoldsItAtRedemption() throws {
        let (run, d, spec) = try Self.existingMember(entryYear: 2010, rights: .recognitionBond(rate: 0.04))
        let reform = ProfileProjector(context: run.context).project(spec, scheme: .reform, drivers: d)
        // BV at y_r (t = 2, aged 37, BUP 58) accrued at 4% a year from y_r to the end of 2042: 21 years.
        let bv = run.context.recognitionBond(sex: .male, age: 37, service: 12, bup: 58, t: 2, rho: 0.04,
                                             base: 2_000 * pow(1.02, 12) * d.wageIndex[2], db: Fixture.dbRules)
        let bond = reform.values[ProfileOutcome.Quantity.recognitionBond.rawValue]
        #expect(bv > 0 && abs(bond - bv * pow(1.04, 21)) <= 1e-9 * bond)
        #expect(reform.values[ProfileOutcome.Quantity.frozenDBPension.rawValue].isNaN)
    }

    @Test func anExistingStayerHasTheCurrentSchemesProfile() throws {
        // Entered in 2000 at 25: 45 in 2020, 47 at the start of 2022 (not under 40): stays.
        let (run, d, spec) = try Self.existingMember(entryYear: 2000)
        #expect(ProfileOutcome.role(of: spec, under: run.context.inputs.reform, startYear: 2020) == .db)
        let projector = ProfileProjector(context: run.context)
        let current = projector.project(spec, scheme: .current, drivers: d)
        let reform = projector.project(spec, scheme: .reform, drivers: d)
        #expect(reform.values[ProfileOutcome.Quantity.retirementYear.rawValue] == 2032)
        #expect(sameBits(reform.values, current.values))
        #expect(reform.years == current.years && reform.salary == current.salary && reform.balance == current.balance
                && reform.employeeContribution == current.employeeContribution)
        #expect(reform.values[ProfileOutcome.Quantity.frozenDBPension.rawValue].isNaN)
    }

    @Test func rolesAtTheReformYear() throws {
        let reform = SchemeRules(db: Fixture.dbRules, retirementAges: [ByYear(58)],
                                 dc: Fixture.dc(transition: .switchUnderAge(40), year: 2025))
        let role = { (age: Int, year: Int) in
            ProfileOutcome.role(of: ProfileSpec(sex: .female, track: 0, entryAge: age, entryYear: year), under: reform, startYear: 2020)
        }
        #expect(role(25, 2025) == .dcFromEntry)   // entered in y_r
        #expect(role(25, 2021) == .switcher)      // an entrant before y_r, 29 then
        #expect(role(30, 2010) == .db)            // 45 at y_r
        #expect(role(50, 2015) == nil)            // 55 in 2020: retires at the end of 2022, before y_r
        #expect(ProfileOutcome.role(of: ProfileSpec(sex: .male, track: 0, entryAge: 25, entryYear: 2010),
                                    under: SchemeRules(db: Fixture.dbRules, retirementAges: [ByYear(58)]), startYear: 2020) == nil)
        #expect(ReformMembership.allCases.map(\.profileRole) == ["stays", "entrant", "switches", "supplementary"])
    }

    /// Entrants' profiles are those computed before members in service at y0 could be profiled,
    /// bit for bit (the nine quantities of then, two paths, seed 11): an entrant of 2021 who is
    /// an active at y_r = 2022 (switches with a bond at 4%; supplementary with frozen rights) and
    /// one of 2023 (a DC member from entry).
    @Test func entrantProfilesAreUnchanged() throws {
        let pinned: [[UInt64]] = [
            [
                0x40a0000000000000, 0x40a0000000000000, 0x40b8e2aa5e0f15d1, 0x40c35ab54011422a,
                0x4101f76b50c1ab20, 0x4102ff56f34101c9, 0x4101f76b50c1ab20, 0x4102ff56f34101c9,
                0x0000000000000000, 0x0000000000000000, 0x40b16b7741d75c13, 0x40bb189759b1c308,
                0x3fe6666666666667, 0x3fe6666666666667, 0x402025887da0477a, 0x402a0c60bb99f8af,
                0x402025887da0477a, 0x402a0c60bb99f8af, 0x40a0000000000000, 0x40a0000000000000,
                0x40b8e2aa5e0f15d1, 0x40c35ab54011422a, 0x4102e018c213dd22, 0x4103f4c3aa857cc3,
                0x411b9d993b75d6d2, 0x411d26e0269c59fd, 0x4129c409d51dbc02, 0x410ef5bca2b7b053,
                0x40b419b5d106fdb2, 0x40a846a1d692f66c, 0x3fe9d8d663f68b30, 0x3fd4119096139304,
                0x40142cf212402ac2, 0x401085bada0e3a76, 0x3ffb9484ccc48a6f, 0x3ff69efbab62fa72,
                0x40a0100000000000, 0x40a0100000000000, 0x40c28cd6220b6466, 0x40cdc83645e4a5ae,
                0x4112d8e2ebdce639, 0x41158e816edb0c8f, 0x4112d8e2ebdce639, 0x41158e816edb0c8f,
                0x0000000000000000, 0x0000000000000000, 0x40bbd34133111699, 0x40c65628b46b7c42,
                0x3fe8000000000000, 0x3fe7ffffffffffff, 0x4017c9367bb8e9b2, 0x401e9f72c256354f,
                0x4017c9367bb8e9b2, 0x401e9f72c256354f, 0x40a0100000000000, 0x40a0100000000000,
                0x40c28cd6220b6466, 0x40cdc83645e4a5ae, 0x411dc23de0345e04, 0x412104b706aceefa,
                0x413651ae68274687, 0x413987128a036676, 0x4140a46ea86936fe, 0x412b2d9e799e9ab5,
                0x40c95d09d4d71081, 0x40b66074264f014b, 0x3ff5e06be0a566ed, 0x3fd80b0fb5ff4c8f,
                0x40107f60d3ce43a1, 0x3ff7c998ea6a6cbf, 0x3ff5ff2bc51304d3, 0x3fdfb7768de33bab,
            ],
            [
                0x40a0000000000000, 0x40a0000000000000, 0x40b8e2aa5e0f15d1, 0x40c35ab54011422a,
                0x4101f76b50c1ab20, 0x4102ff56f34101c9, 0x4101f76b50c1ab20, 0x4102ff56f34101c9,
                0x0000000000000000, 0x0000000000000000, 0x40b16b7741d75c13, 0x40bb189759b1c308,
                0x3fe6666666666667, 0x3fe6666666666667, 0x402025887da0477a, 0x402a0c60bb99f8af,
                0x402025887da0477a, 0x402a0c60bb99f8af, 0x40a0000000000000, 0x40a0000000000000,
                0x40b8e2aa5e0f15d1, 0x40c35ab54011422a, 0x4112127c1596c9af, 0x411315eaa24d4eb1,
                0x41222004780158f8, 0x4123213479d37525, 0x41295ef3f7d503a7, 0x410d8e9988792d4b,
                0x40c29b289994e367, 0x40c037bfc3bcbbc6, 0x3ff7eceaa9c5595f, 0x3fead067fdf0eb46,
                0x401a6d4282df3bd0, 0x401cc2f5b223ab69, 0x400a59875a736ed0, 0x400cb1fccfbbd3a0,
                0x40a0100000000000, 0x40a0100000000000, 0x40c28cd6220b6466, 0x40cdc83645e4a5ae,
                0x4112d8e2ebdce639, 0x41158e816edb0c8f, 0x4112d8e2ebdce639, 0x41158e816edb0c8f,
                0x0000000000000000, 0x0000000000000000, 0x40bbd34133111699, 0x40c65628b46b7c42,
                0x3fe8000000000000, 0x3fe7ffffffffffff, 0x4017c9367bb8e9b2, 0x401e9f72c256354f,
                0x4017c9367bb8e9b2, 0x401e9f72c256354f, 0x40a0100000000000, 0x40a0100000000000,
                0x40c28cd6220b6466, 0x40cdc83645e4a5ae, 0x411dc23de0345e04, 0x412104b706aceefa,
                0x413651ae68274687, 0x413987128a036676, 0x4140a46ea86936fe, 0x412b2d9e799e9ab5,
                0x40c95d09d4d71081, 0x40b66074264f014b, 0x3ff5e06be0a566ed, 0x3fd80b0fb5ff4c8f,
                0x40107f60d3ce43a1, 0x3ff7c998ea6a6cbf, 0x3ff5ff2bc51304d3, 0x3fdfb7768de33bab,
            ],
        ]
        for (k, (transition, rights)) in [(TransitionPolicy.switchUnderAge(40), AccruedRights.recognitionBond(rate: 0.04)),
                                          (.supplementary, .frozenDB(finalSalary: false))].enumerated() {
            var inputs = Fixture.inputs(horizon: 40, volatility: 0.02, dc: Fixture.dc(transition: transition, rights: rights, year: 2022))
            inputs.profiles = [ProfileSpec(sex: .male, track: 0, entryAge: 30, entryYear: 2021),
                               ProfileSpec(sex: .female, track: 1, entryAge: 26, entryYear: 2023)]
            let r = try MonteCarloProjection(inputs: inputs).run(paths: 0..<2, seed: 11, threads: 1)
            var bits: [UInt64] = []
            for i in 0..<2 {
                for s in Scheme.allCases {
                    for q in ProfileOutcome.Quantity.allCases.prefix(9) { bits += r.profile(i, s, q).map(\.bitPattern) }
                }
            }
            #expect(bits == pinned[k])
        }
    }
}
