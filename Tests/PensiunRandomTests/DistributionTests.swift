import Foundation
import PensiunTestSupport
import Testing
@testable import PensiunRandom

/// Each distribution's sample mean and variance against the closed forms, within 4 standard errors.
@Suite struct DistributionTests {
    static let n = 200_000

    func sample(seed: UInt32, _ draw: (inout RandomGenerator) throws -> Double) throws -> SampleMoments {
        var generator = try RandomGenerator(seed: seed)
        var values: [Double] = []
        values.reserveCapacity(Self.n)
        for _ in 0..<Self.n { values.append(try draw(&generator)) }
        return SampleMoments(values: values)
    }

    func check(_ s: SampleMoments, mean: Double, variance: Double) {
        #expect(within4SE(s.mean, mean, (variance / s.n).squareRoot()), "mean \(s.mean) vs \(mean)")
        #expect(within4SE(s.variance, variance, s.varianceStandardError), "variance \(s.variance) vs \(variance)")
    }

    @Test func uniform() throws {
        check(try sample(seed: 1) { $0.uniform() }, mean: 0.5, variance: 1.0 / 12)
    }

    @Test func zigguratNormal() throws {
        check(try sample(seed: 2) { $0.normal(sigma: 2) }, mean: 0, variance: 4)
    }

    @Test func lognormal() throws {
        let zeta = 0.1, sigma = 0.3
        let mean = exp(zeta + sigma * sigma / 2)
        let variance = (exp(sigma * sigma) - 1) * exp(2 * zeta + sigma * sigma)
        check(try sample(seed: 3) { try $0.lognormal(zeta: zeta, sigma: sigma) }, mean: mean, variance: variance)
    }

    @Test func studentT() throws {
        let s = try sample(seed: 4) { try $0.studentT(nu: 9) }
        // Variance ν/(ν−2); with ν = 9 the fourth moment is finite, so the variance check is valid.
        check(s, mean: 0, variance: 9.0 / 7.0)
    }

    @Test func chiSquared() throws {
        check(try sample(seed: 5) { try $0.chiSquared(nu: 5) }, mean: 5, variance: 10)
    }

    @Test func gamma() throws {
        check(try sample(seed: 6) { try $0.gamma(shape: 2.5, scale: 1.5) }, mean: 3.75, variance: 2.5 * 2.25)
    }

    @Test func beta() throws {
        let a = 2.0, b = 5.0
        check(try sample(seed: 7) { try $0.beta(a: a, b: b) },
              mean: a / (a + b), variance: a * b / ((a + b) * (a + b) * (a + b + 1)))
    }

    @Test func exponential() throws {
        check(try sample(seed: 8) { try $0.exponential(mean: 3) }, mean: 3, variance: 9)
    }

    @Test func binomial() throws {
        check(try sample(seed: 9) { Double(try $0.binomial(n: 40, p: 0.3)) }, mean: 12, variance: 40 * 0.3 * 0.7)
    }

    @Test func poisson() throws {
        check(try sample(seed: 10) { Double(try $0.poisson(mean: 3.5)) }, mean: 3.5, variance: 3.5)
    }

    @Test func multinomialCountsSumToTrialsAndMatchTheirMeans() throws {
        var generator = try RandomGenerator(seed: 11)
        let weights = [0.2, 0.5, 0.3]
        var totals = [Double](repeating: 0, count: 3)
        let draws = 20_000
        for _ in 0..<draws {
            let counts = try generator.multinomial(trials: 10, weights: weights)
            #expect(counts.reduce(0, +) == 10)
            for k in 0..<3 { totals[k] += Double(counts[k]) }
        }
        for k in 0..<3 {
            let p = weights[k]
            let se = (10 * p * (1 - p) / Double(draws)).squareRoot()
            #expect(within4SE(totals[k] / Double(draws), 10 * p, se))
        }
    }

    @Test func invalidParametersAreErrorsNotAborts() throws {
        var generator = try RandomGenerator(seed: 1)
        #expect(throws: GSLError.invalidParameter("binomial needs 0 ≤ p ≤ 1, got 1.5")) {
            try generator.binomial(n: 3, p: 1.5)
        }
        #expect(throws: GSLError.invalidParameter("Student t needs ν > 0, got 0.0")) { try generator.studentT(nu: 0) }
        #expect(throws: GSLError.self) { try generator.gamma(shape: -1, scale: 1) }
        #expect(throws: GSLError.self) { try generator.beta(a: 0, b: 1) }
        #expect(throws: GSLError.self) { try generator.poisson(mean: -1) }
        #expect(throws: GSLError.self) { try generator.chiSquared(nu: 0) }
        #expect(throws: GSLError.self) { try generator.exponential(mean: 0) }
        #expect(throws: GSLError.self) { try generator.lognormal(zeta: 0, sigma: -1) }
        #expect(throws: GSLError.invalidParameter("multinomial needs non-negative weights with a positive sum")) {
            try generator.multinomial(trials: 3, weights: [0.5, -0.1])
        }
    }
}
