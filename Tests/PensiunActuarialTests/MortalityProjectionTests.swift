import Foundation
import PensiunRandom
import Testing
@testable import PensiunActuarial

/// q(x, y) = min(1, f·q_base(x)·(1 − impₓ)^(y − y_base)·exp(−βₓκ_y)) and its three views.
@Suite("Mortality improvement and the period index")
struct MortalityProjectionTests {
    /// A small basis: TMI male from age 50, factor 0.9, improvement falling with age, β rising.
    static func projection() throws -> MortalityProjection {
        let base = try MortalityTable.loadCSV(path: tmiPath, sex: .male).starting(atAge: 50)
        let n = base.rates.count
        let improvement = (0..<n).map { 0.02 - 0.015 * Double($0) / Double(n) }
        let beta = (0..<n).map { 0.5 + Double($0) / Double(n) }
        return try MortalityProjection(base: base, factor: 0.9, baseYear: 2019, improvementRates: improvement, kappaLoadings: beta)
    }

    /// The formula written out with `pow`, independently of the precomputed logarithms.
    static func reference(_ p: MortalityProjection, age: Int, year: Int, kappa: Double) -> Double {
        if age >= p.lastAge { return 1 }
        let k = age - p.firstAge
        return min(1, p.factor * p.base.rates[k] * pow(1 - p.improvementRates[k], Double(year - p.baseYear))
                   * exp(-p.kappaLoadings[k] * kappa))
    }

    @Test("Period table of year y given κ_y")
    func period() throws {
        let p = try Self.projection()
        for (year, kappa) in [(2019, 0.0), (2040, 0.3), (2005, -0.2)] {
            let table = p.periodTable(year: year, kappa: kappa)
            #expect(table.firstAge == 50 && table.lastAge == 111 && table.q(111) == 1)
            for x in 50...111 {
                #expect(close(table.q(x), Self.reference(p, age: x, year: year, kappa: kappa), 1e-13), "\(year) age \(x)")
            }
        }
        // In the base year with κ = 0: f·q_base.
        #expect(close(p.periodTable(year: 2019, kappa: 0).q(60), 0.9 * 0.00999, 1e-15))
        // The cap at 1: a large factor.
        let heavy = try MortalityProjection(base: p.base, factor: 3, baseYear: 2019)
        #expect(heavy.periodTable(year: 2019, kappa: 0).q(110) == 1)
    }

    @Test("Cohort table of a year of birth, κ from a simulated path")
    func cohort() throws {
        let p = try Self.projection()
        var generator = try RandomGenerator(kind: .mt19937, seed: 7)
        let path = try KappaPath.simulate(firstYear: 2019, years: 60, sigma: 0.05, generator: &generator)
        let birthYear = 1960  // aged 59 in 2019
        let table = p.cohortTable(birthYear: birthYear, kappa: path)
        for x in 50...111 {
            let year = birthYear + x
            #expect(close(table.q(x), Self.reference(p, age: x, year: year, kappa: path.kappa(inYear: year)), 1e-13), "age \(x)")
        }
        // κ is 0 before the path and held after it.
        #expect(path.kappa(inYear: 2018) == 0)
        #expect(path.kappa(inYear: 2100) == path.values[59])
    }

    @Test("Expected mortality known at y: κ held at κ_y, improvement continuing along the diagonal")
    func expectedAtYear() throws {
        let p = try Self.projection()
        let (age, year, kappa) = (59, 2030, 0.25)
        let table = try p.expectedTable(age: age, year: year, kappa: kappa)
        #expect(table.firstAge == 59 && table.lastAge == 111)
        for k in 0...(111 - age) {
            #expect(close(table.q(age + k), Self.reference(p, age: age + k, year: year + k, kappa: kappa), 1e-13), "k = \(k)")
        }
        // The same as the cohort table of those born in 1971 with κ frozen at κ_2030 from 2030 on.
        let frozen = KappaPath(firstYear: 2030, values: [kappa])
        let cohort = p.cohortTable(birthYear: year - age, kappa: frozen)
        for x in age...111 { #expect(close(cohort.q(x), table.q(x), 1e-15)) }
        #expect(errorMessage { _ = try p.expectedTable(age: 40, year: 2030, kappa: 0) } == "age 40 is outside the table's ages 50-111")
        // And the annuity on it, from the batch pass, equals the per-age function.
        let rate = try InterestRate(0.05)
        let pricer = try AnnuityPricer(rate: rate, paymentsPerYear: 12)
        var buffer = [Double](repeating: 0, count: 111 - age + 1)
        let price = buffer.withUnsafeMutableBufferPointer { b in
            p.expectedRates(age: age, year: year, kappa: kappa, into: b)
            return pricer.mthlyAnnuityDue(atFirstAgeOf: UnsafeBufferPointer(b))
        }
        #expect(close(price, LifeTable(table).annuityDue(age, paymentsPerYear: 12, rate: rate), 1e-12))
    }

    @Test("Invalid improvement inputs")
    func invalidInputs() throws {
        let base = try MortalityTable(firstAge: 0, rates: [0.1, 0.2, 1])
        #expect(errorMessage { _ = try MortalityProjection(base: base, baseYear: 2019, improvementRates: [0, 0]) }
                == "improvement rates: expected one per age 0-2 (3), got 2")
        #expect(errorMessage { _ = try MortalityProjection(base: base, baseYear: 2019, kappaLoadings: [1]) }
                == "κ loadings β: expected one per age 0-2 (3), got 1")
        #expect(errorMessage { _ = try MortalityProjection(base: base, baseYear: 2019, improvementRates: [0, 1, 0]) }
                == "improvement rate at age 1 = 1.0: expected a finite rate below 1 (100%)")
        #expect(errorMessage { _ = try MortalityProjection(base: base, baseYear: 2019, kappaLoadings: [1, .nan, 1]) }
                == "κ loading β at age 1 is not a finite number")
        #expect(errorMessage { _ = try MortalityProjection(base: base, factor: -1, baseYear: 2019) }
                == "a mortality scaling factor must be a finite number ≥ 0, got -1.0")
    }

    @Test("κ: a random walk, Var κ_T = T·σ², reproducible, always one draw per year")
    func periodIndex() throws {
        let sigma = 0.1, years = 10, paths = 4000
        var generator = try RandomGenerator(kind: .mt19937, seed: 11)
        var last: [Double] = []
        for _ in 0..<paths {
            last.append(try KappaPath.simulate(firstYear: 2019, years: years, sigma: sigma, generator: &generator).values[years - 1])
        }
        let mean = last.reduce(0, +) / Double(paths)
        let variance = last.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(paths - 1)
        let expected = Double(years) * sigma * sigma
        // Standard error of a normal sample variance: σ²·√(2/(n−1)).
        #expect(abs(variance - expected) <= 4 * expected * (2 / Double(paths - 1)).squareRoot(), "variance \(variance)")
        #expect(abs(mean) <= 4 * (expected / Double(paths)).squareRoot())

        // Same seed, same path; σ = 0 gives zeros but consumes the same draws.
        var a = try RandomGenerator(kind: .mt19937, seed: 5)
        var b = try RandomGenerator(kind: .mt19937, seed: 5)
        let pathA = try KappaPath.simulate(firstYear: 0, years: 30, sigma: 0.2, generator: &a)
        let zero = try KappaPath.simulate(firstYear: 0, years: 30, sigma: 0, generator: &b)
        #expect(zero.values.allSatisfy { $0 == 0 })
        #expect(a.normal() == b.normal())
        var c = try RandomGenerator(kind: .mt19937, seed: 5)
        var increments: [Double] = []
        for _ in 0..<30 { increments.append(0.2 * c.normal()) }
        var running = 0.0
        for k in 0..<30 {
            running += increments[k]
            #expect(pathA.values[k] == running)
        }
        var d = try RandomGenerator(kind: .mt19937, seed: 5)
        #expect(errorMessage { _ = try KappaPath.simulate(firstYear: 0, years: 3, sigma: -1, generator: &d) }
                == "the volatility σ_κ of the mortality index must be a finite number ≥ 0, got -1.0")
    }
}
