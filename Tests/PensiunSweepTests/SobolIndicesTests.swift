import Foundation
import Testing
import PensiunScenario
@testable import PensiunSweep

/// Sobol indices on the Ishigami function, whose indices are known in closed form:
/// f(x) = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁ on [−π, π]³, a = 7, b = 0.1.
@Suite struct SobolIndicesTests {
    static let a = 7.0, b = 0.1

    static func ishigami(_ u: [Double]) -> Double {
        let x = u.map { -Double.pi + 2 * Double.pi * $0 }
        return sin(x[0]) + a * sin(x[1]) * sin(x[1]) + b * pow(x[2], 4) * sin(x[0])
    }

    /// The analytic indices: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V₁ = (1 + bπ⁴/5)²/2, V₂ = a²/8,
    /// V₁₃ = b²π⁸(1/18 − 1/50); S₃ = 0, ST₁ = (V₁ + V₁₃)/V, ST₂ = S₂, ST₃ = V₁₃/V.
    static let truth: (first: [Double], total: [Double]) = {
        let pi4 = pow(Double.pi, 4), pi8 = pow(Double.pi, 8)
        let v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5
        let v1 = pow(1 + b * pi4 / 5, 2) / 2, v2 = a * a / 8, v13 = b * b * pi8 * (1.0 / 18 - 1.0 / 50)
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v])
    }()

    @Test func analyticValuesMatchThePublishedOnes() {
        let published = (first: [0.3139, 0.4424, 0.0], total: [0.5576, 0.4424, 0.2437])
        for i in 0..<3 {
            #expect(abs(Self.truth.first[i] - published.first[i]) < 5e-5)
            #expect(abs(Self.truth.total[i] - published.total[i]) < 5e-5)
        }
    }

    @Test(arguments: [SweepDesign.sobol, .random, .latinHypercube])
    func ishigamiIndicesLieWithinTheirConfidenceIntervals(design: SweepDesign) throws {
        let n = design == .sobol ? 2048 : 4096
        let s = try SobolIndices.analyse(dimension: 3, samples: n, design: design, seed: 20_190_101,
                                         bootstrap: 400, confidence: 0.95, Self.ishigami)
        for i in 0..<3 {
            let first = s.firstOrder[i], total = s.total[i]
            #expect(first.covers(Self.truth.first[i]), "S\(i + 1) = \(first.value) [\(first.low), \(first.high)], true \(Self.truth.first[i])")
            #expect(total.covers(Self.truth.total[i]), "ST\(i + 1) = \(total.value) [\(total.low), \(total.high)], true \(Self.truth.total[i])")
            #expect(abs(first.value - Self.truth.first[i]) < 0.06)
            #expect(abs(total.value - Self.truth.total[i]) < 0.06)
            #expect(first.high - first.low < 0.3 && total.high - total.low < 0.3)
        }
    }

    @Test func saltelliRowsReplaceOneColumnOfAWithB() {
        let a = [[0.1, 0.2], [0.3, 0.4]], b = [[0.5, 0.6], [0.7, 0.8]]
        let rows = SobolIndices.saltelliRows(a: a, b: b)
        #expect(rows == [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6], [0.7, 0.8], [0.5, 0.2], [0.7, 0.4], [0.1, 0.6], [0.3, 0.8]])
    }

    @Test func anAdditiveFunctionHasEqualFirstOrderAndTotalIndices() throws {
        // f = 4 u₁ + 2 u₂ (u uniform): V₁ = 16/12, V₂ = 4/12, so S = ST = (0.8, 0.2).
        let s = try SobolIndices.analyse(dimension: 2, samples: 1024, design: .sobol, seed: 1, bootstrap: 100) { 4 * $0[0] + 2 * $0[1] }
        #expect(abs(s.firstOrder[0].value - 0.8) < 0.01 && abs(s.total[0].value - 0.8) < 0.01)
        #expect(abs(s.firstOrder[1].value - 0.2) < 0.01 && abs(s.total[1].value - 0.2) < 0.01)
    }

    @Test func aConstantOutputHasNoIndices() throws {
        let s = try SobolIndices.analyse(dimension: 2, samples: 16, seed: 1, bootstrap: 10) { _ in 3 }
        #expect(s.variance == 0)
        #expect(s.firstOrder.allSatisfy { $0.value.isNaN } && s.total.allSatisfy { $0.value.isNaN })
    }
}
