import Foundation
import PensiunActuarial
import PensiunInputs
import Testing
@testable import PensiunEngine

/// Joint-and-survivor DC annuities (issue 20, docs/model.md §6): the price both engines and the
/// profiles use, and what the projection pays with it.
@Suite struct DCSurvivorTests {
    static func dc(fraction f: Double, transition: TransitionPolicy = .newEntrants, rights: AccruedRights = .frozenDB(finalSalary: false),
                   year: Int = 2022, withdrawal: WithdrawalOption = .deferred) -> DCRules {
        var dc = Fixture.dc(transition: transition, rights: rights, year: year, withdrawal: withdrawal)
        dc.survivorFraction = f
        return dc
    }

    /// The J&S price of the engine is ``AnnuityFormPricer``'s on the grid's own rates, and equals
    /// an independent forward sum over the year of the annuitant's death; f = 0 is ä^{(12)} of the
    /// grid bit for bit.
    @Test func jointAndSurvivorFactorIsThePricersOnTheGrid() throws {
        let inputs = Fixture.inputs(horizon: 30, dc: Self.dc(fraction: 0.5))
        let context = ProjectionContext(inputs: inputs)
        let grid = context.grid, omega = context.maximumAge, last = grid.years - 1
        for (sex, age, t, kappa, j) in [(Sex.male, 60, 5, 0.1, 0.03), (.female, 58, 0, 0, 0.01), (.male, 40, 29, -0.2, 0.05)] {
            let single = context.dcAnnuityFactor(sex: sex, age: age, t: t, kappa: kappa, rate: j, survivorFraction: 0)
            #expect(single.bitPattern == grid.annuityDueMonthly(sex, age: age, yearIndex: t + 1, kappa: kappa, rate: j).bitPattern)
            let joint = context.dcAnnuityFactor(sex: sex, age: age, t: t, kappa: kappa, rate: j, survivorFraction: 0.5)
            // The pricer on the grid's diagonals.
            let pricer = try AnnuityFormPricer(rate: InterestRate(j))
            let s = sex.index, ages = omega + 1
            let priced = pricer.jointAndSurvivor(
                fraction: 0.5, age: age, years: omega - age + 1,
                member: { grid.q(.annuitants, sex, age: age + $0, yearIndex: min(t + 1 + $0, last), kappa: kappa) },
                spouseProbability: { context.tables.leave[s * ages + min($0, omega)] }, ageGap: context.tables.gap[s],
                spouseAges: 0...omega,
                spouse: { a, y in grid.q(.annuitants, sex.other, age: a, yearIndex: min(t + 1 + y, last), kappa: kappa) })
            #expect(joint.bitPattern == priced.bitPattern)
            // Independently: ä^{(12)}_x + f Σ_k v^{k+1} ₖp q m(x+k) ä^{(12)}_{spouse}(x+k+1+Δ, from year k+1).
            let v = 1 / (1 + j)
            var sum = 0.0, survival = 1.0, discount = v
            for a in age...omega {
                let q = grid.q(.annuitants, sex, age: a, yearIndex: min(t + 1 + a - age, last), kappa: kappa)
                let z = Spouse.age(ofMemberAged: a, gap: context.tables.gap[s], maximumAge: omega)
                let spouse = grid.annuityDueMonthly(sex.other, age: z, yearIndex: t + 2 + a - age, kappa: kappa, rate: j)
                sum += discount * survival * q * context.tables.leave[s * ages + a] * spouse
                survival *= 1 - q
                discount *= v
            }
            let expected = single + 0.5 * sum
            #expect(abs(joint - expected) <= 1e-10 * expected, "\(sex) \(age): \(joint) vs \(expected)")
            #expect(joint > single)
            print("J&S f = 0.5, \(sex) aged \(age), t \(t), κ \(kappa), j \(j): \(joint) vs single life \(single) (+\((joint / single - 1) * 100)%)")
        }
    }

    /// Actives who cannot die, no disability, no withdrawal, everyone switching at y0 with a
    /// recognition bond: every retirement is the same in both schemes, every retiree carries
    /// survivor rights (the DB's contingent pension, the DC's f·A). With f > 0 the reform's
    /// survivor entries and survivors equal the current scheme's year by year; with f = 0 the
    /// reform creates none after y0.
    static func noDeathsInService(fraction f: Double) -> ProjectionInputs {
        var inputs = Fixture.inputs(horizon: 40, volatility: 0.02, kappaVolatility: 0.03,
                                    dc: Self.dc(fraction: f, transition: .all, rights: .recognitionBond(rate: 0.04), year: 2020))
        inputs.mortality.factors[.actives] = [.male: 0, .female: 0]
        inputs.decrements.disability = .none
        inputs.decrements.withdrawal = [0]
        inputs.reform.dc?.annuityEscalation = 0.02
        return inputs
    }

    @Test func survivorCountsEqualTheCurrentSchemesWithJointAndSurvivor() throws {
        for f in [0.6, 0.0] {
            let mc = try MonteCarloProjection(inputs: Self.noDeathsInService(fraction: f))
            let block = try mc.runBlock(0..<3, seeds: .init(master: 11))
            var allEqual = true
            for j in 0..<3 {
                let current = block.results[j][0], reform = block.results[j][1]
                for t in 0..<40 {
                    let a = current.ledger[t].survivorEntries, b = reform.ledger[t].survivorEntries
                    let sa = current[.survivors, t + 1], sb = reform[.survivors, t + 1]
                    if f > 0 {
                        #expect(a == b, "f \(f), path \(j), \(2020 + t): survivor entries \(a) vs \(b)")
                        #expect(sa == sb, "f \(f), path \(j), \(2021 + t): survivors \(sa) vs \(sb)")
                    }
                    if a != b || sa != sb { allEqual = false }
                }
                // The spouses' DC annuities are paid as DC annuities, never in the budget.
                if f > 0 { #expect(reform[.dcAnnuities, 39] > 0) }
                if j == 0 {
                    print("f \(f): survivors 2060 current \(current[.survivors, 40]) reform \(reform[.survivors, 40]); entries 2040 \(current.ledger[20].survivorEntries) vs \(reform.ledger[20].survivorEntries)")
                }
            }
            #expect(allEqual == (f > 0))
        }
    }
}
