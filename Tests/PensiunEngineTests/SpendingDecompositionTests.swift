import Foundation
import Testing
@testable import PensiunEngine

/// ``SpendingDecomposition`` (docs/model.md Part II, "Where the change in spending comes from"):
/// the LMDI-I split of the change in burden / GDP into dependency, benefit ratio, payroll share and
/// other budget flows, by hand.
@Suite struct SpendingDecompositionTests {
    typealias Factors = SpendingDecomposition.Factors

    /// A year's factors from its amounts; burden / GDP computed as the engines do.
    static func year(actives: Double, pensioners: Double, survivors: Double, payroll: Double, db: Double, burden: Double,
                     gdp: Double) -> Factors? {
        Factors(actives: actives, pensioners: pensioners, survivors: survivors, payroll: payroll, dbBenefits: db,
                burden: burden, gdp: gdp, burdenPctGDP: burden / gdp)
    }

    /// L(a, b) = (a − b)/ln(a/b), written directly.
    static func logMean(_ a: Double, _ b: Double) -> Double { a == b ? a : (a - b) / log(a / b) }

    @Test("The identity: the four factors multiply to burden / GDP")
    func factorsMultiplyToTheBurden() throws {
        let f = try #require(Self.year(actives: 1000, pensioners: 300, survivors: 100, payroll: 6e6, db: 2e6, burden: 2.2e6, gdp: 4e8))
        // N = 400: dependency 0.4; (2e6/400)/(6e6/1000) = 5000/6000; payroll share 0.015; other 1.1.
        #expect(f.dependency == 0.4)
        #expect(abs(f.benefitRatio - 5.0 / 6.0) < 1e-15)
        #expect(f.payrollShare == 0.015)
        #expect(abs(f.otherFlows - 1.1) < 1e-15)
        #expect(abs(f.dependency * f.benefitRatio * f.payrollShare * f.otherFlows - 2.2e6 / 4e8) < 1e-17)
    }

    @Test("A steady state (every ratio constant) gives zero effects")
    func steadyStateGivesZero() throws {
        let start = Self.year(actives: 1000, pensioners: 300, survivors: 100, payroll: 6e6, db: 2e6, burden: 2e6, gdp: 4e8)
        // Everything twice as large: the same ratios.
        let later = Self.year(actives: 2000, pensioners: 600, survivors: 200, payroll: 12e6, db: 4e6, burden: 4e6, gdp: 8e8)
        let split = SpendingDecomposition(from: start, to: later)
        #expect(split.effects == [0, 0, 0, 0])
        #expect(SpendingDecomposition(from: start, to: start).effects == [0, 0, 0, 0])
    }

    @Test("Only the dependency ratio moves: the whole change is its effect")
    func onlyDependencyMoves() throws {
        // Beneficiaries and DB benefits double (the benefit per beneficiary and pay unchanged):
        // burden / GDP goes from 0.005 to 0.01; L(0.01, 0.005) = 0.005/ln 2, times ln 2 = 0.005.
        let start = Self.year(actives: 1000, pensioners: 300, survivors: 100, payroll: 6e6, db: 2e6, burden: 2e6, gdp: 4e8)
        let later = Self.year(actives: 1000, pensioners: 600, survivors: 200, payroll: 6e6, db: 4e6, burden: 4e6, gdp: 4e8)
        let split = SpendingDecomposition(from: start, to: later)
        #expect(abs(split.dependency - 0.005) < 1e-17)
        #expect(split.benefitRatio == 0 && split.payrollShare == 0)
        #expect(abs(split.otherFlows) < 1e-18)
    }

    @Test("Only the payroll share moves (GDP halves): the whole change is its effect")
    func onlyPayrollShareMoves() throws {
        let start = Self.year(actives: 1000, pensioners: 300, survivors: 100, payroll: 6e6, db: 2e6, burden: 2e6, gdp: 4e8)
        let later = Self.year(actives: 1000, pensioners: 300, survivors: 100, payroll: 6e6, db: 2e6, burden: 2e6, gdp: 2e8)
        let split = SpendingDecomposition(from: start, to: later)
        #expect(abs(split.payrollShare - 0.005) < 1e-17)
        #expect(split.dependency == 0 && split.benefitRatio == 0)
        #expect(abs(split.otherFlows) < 1e-18)
    }

    @Test("Only the other flows move (employer DC contributions added): the whole change is theirs")
    func onlyOtherFlowsMove() throws {
        // burden 2e6 → 3e6 with the DB benefits unchanged: V 0.005 → 0.0075, effect 0.0025.
        let start = Self.year(actives: 1000, pensioners: 300, survivors: 100, payroll: 6e6, db: 2e6, burden: 2e6, gdp: 4e8)
        let later = Self.year(actives: 1000, pensioners: 300, survivors: 100, payroll: 6e6, db: 2e6, burden: 3e6, gdp: 4e8)
        let split = SpendingDecomposition(from: start, to: later)
        #expect(abs(split.otherFlows - 0.0025) < 1e-17)
        #expect(split.dependency == 0 && split.benefitRatio == 0 && split.payrollShare == 0)
    }

    @Test("Every factor moves: each effect is L(V_t, V_0)·ln(f_t/f_0) and they add up to the change")
    func everyFactorMoves() throws {
        let s = try #require(Self.year(actives: 1000, pensioners: 300, survivors: 100, payroll: 6e6, db: 2e6, burden: 2.1e6, gdp: 4e8))
        let y = try #require(Self.year(actives: 900, pensioners: 420, survivors: 150, payroll: 7.2e6, db: 3.3e6, burden: 3.1e6, gdp: 5.5e8))
        let split = SpendingDecomposition(from: s, to: y)
        let v0 = 2.1e6 / 4e8, v = 3.1e6 / 5.5e8, weight = Self.logMean(v, v0)
        // By hand: dependency 0.4 → 570/900, benefit ratio (2e6/400)/(6e6/1000) → (3.3e6/570)/(7.2e6/900),
        // payroll share 0.015 → 7.2e6/5.5e8, other 1.05 → 3.1/3.3.
        let expected = [weight * log((570.0 / 900) / 0.4), weight * log(((3.3e6 / 570) / 8000) / (5000.0 / 6000)),
                        weight * log((7.2e6 / 5.5e8) / 0.015), weight * log((3.1 / 3.3) / 1.05)]
        for (a, b) in zip(split.effects, expected) { #expect(abs(a - b) <= 1e-14 * v, "\(a) vs \(b)") }
        #expect(expected.allSatisfy { $0 != 0 })
        #expect(abs(split.effects.reduce(0, +) - (v - v0)) <= 1e-15 * v)
    }

    @Test("A negative burden in both years splits as a positive one; a sign change or no benefits is not applicable")
    func signsAndNotApplicable() throws {
        let s = Self.year(actives: 1000, pensioners: 300, survivors: 100, payroll: 6e6, db: 2e6, burden: -1e6, gdp: 4e8)
        let y = Self.year(actives: 1000, pensioners: 600, survivors: 200, payroll: 6e6, db: 4e6, burden: -2e6, gdp: 4e8)
        let split = SpendingDecomposition(from: s, to: y)
        #expect(abs(split.dependency - (-0.0025)) < 1e-17)
        #expect(abs(split.effects.reduce(0, +) - (-0.0025)) < 1e-17)
        let positive = Self.year(actives: 1000, pensioners: 300, survivors: 100, payroll: 6e6, db: 2e6, burden: 1e6, gdp: 4e8)
        #expect(SpendingDecomposition(from: positive, to: y).effects.allSatisfy { $0.isNaN })
        #expect(Self.year(actives: 1000, pensioners: 300, survivors: 100, payroll: 6e6, db: 0, burden: 1e6, gdp: 4e8) == nil)
        #expect(Self.year(actives: 0, pensioners: 300, survivors: 100, payroll: 0, db: 2e6, burden: 2e6, gdp: 4e8) == nil)
        #expect(SpendingDecomposition(from: nil, to: positive).effects.allSatisfy { $0.isNaN })
    }

    @Test("The engines' results: every year's effects add up to burden_pct_gdp(t) − burden_pct_gdp(y0), both engines")
    func enginesAddUp() throws {
        let inputs = Fixture.inputs(horizon: 25)
        for engine in [MonteCarloProjection.Engine.lanes, .general] {
            let mc = try MonteCarloProjection(inputs: inputs, engine: engine)
            let results = try mc.run(paths: 0..<8, seed: 3, threads: 1)
            for scheme in Scheme.allCases {
                for t in 0..<25 {
                    let v = results.values(scheme, .burdenPctGDP, t), v0 = results.values(scheme, .burdenPctGDP, 0)
                    let effects = Metric.spendingChange.map { results.values(scheme, $0, t) }
                    for j in 0..<v.count {
                        let sum = effects.reduce(0.0) { $0 + $1[$1.startIndex + j] }
                        let a = v[v.startIndex + j], b = v0[v0.startIndex + j]
                        #expect(abs(sum - (a - b)) <= 1e-15 * max(abs(a), abs(b)), "\(engine) \(scheme.name) \(t)")
                    }
                }
                #expect(Metric.spendingChange.allSatisfy { results.values(scheme, $0, 0).allSatisfy { $0 == 0 } })
            }
        }
    }
}
