import Foundation
import Testing
import PensiunScenario
@testable import PensiunSweep

/// Designs: which variants a sweep runs, and how unit coordinates become parameter values.
@Suite struct DesignTests {
    func spec(_ body: String) throws -> SweepSpec {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pensiun-design-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try ("base: \(Fixtures.synthetic)\nset: {simulation.horizon: 5}\n" + body).write(toFile: file, atomically: true, encoding: .utf8)
        return try SweepLoader.load(path: file)
    }

    func parameter(_ domain: ParameterDomain, integer: Bool = false) -> SweepParameter {
        let here = SourceLocation(file: "test", line: nil, column: nil)
        return SweepParameter(name: "x", keys: ["x"], domain: domain, integer: integer, location: here, valueLocations: [],
                              keyPath: "parameters[0]", keyLocations: [here])
    }

    @Test func aGridRunsEveryCombinationLastParameterFastest() throws {
        let plan = try SweepPlan(spec: try spec("""
            parameters:
              - {key: reform.dc.employer_rate, values: [0.04, 8%]}
              - {key: reform.retirement_age.clerical, range: {from: 58, to: 62, steps: 3}}
              - {key: current_scheme.indexation, values: [prices, wages]}

            """))
        #expect(plan.variants.count == 12)
        #expect(plan.variants[0].values == ["0.04", "58", "prices"])
        #expect(plan.variants[1].values == ["0.04", "58", "wages"])
        #expect(plan.variants[2].values == ["0.04", "60", "prices"])
        #expect(plan.variants[11].values == ["8%", "62", "wages"])
        #expect(plan.variants.map(\.id) == Array(1...12))
        #expect(plan.shard(2, of: 5).map(\.id) == [2, 7, 12])
        try plan.validate()
    }

    @Test func rangesGiveRoundedEvenlySpacedValues() {
        #expect(ParameterDomain.range(from: 0.02, to: 0.1, steps: 5).discreteValues == ["0.02", "0.04", "0.06", "0.08", "0.1"])
        #expect(parameter(.range(from: 58, to: 61, steps: 3), integer: true).listedValues == ["58", "60", "61"])
    }

    @Test func unitCoordinatesMapThroughInverseDistributionFunctions() {
        #expect(parameter(.values(["a", "b", "c"])).value(at: 0) == "a")
        #expect(parameter(.values(["a", "b", "c"])).value(at: 0.5) == "b")
        #expect(parameter(.values(["a", "b", "c"])).value(at: 0.999) == "c")
        #expect(parameter(.uniform(0.02, 0.06)).value(at: 0.25) == "0.03")
        #expect(parameter(.normal(mean: 0.05, sd: 0.01, min: nil, max: nil)).value(at: 0.5) == "0.05")
        let z975 = 1.959963984540054
        #expect(abs(Double(parameter(.normal(mean: 1, sd: 2, min: nil, max: nil)).value(at: 0.975))! - (1 + 2 * z975)) < 1e-9)
        // Truncated to [mean, ∞): u = 0 is the mean, u = 1/2 the upper quartile of the full normal.
        let truncated = parameter(.normal(mean: 0, sd: 1, min: 0, max: nil))
        #expect(Double(truncated.value(at: 0))! == 0)
        #expect(abs(Double(truncated.value(at: 0.5))! - 0.6744897501960817) < 1e-9)
        #expect(parameter(.uniform(57.5, 65.5), integer: true).value(at: 0.3) == "60")
    }

    @Test(arguments: [SweepDesign.random, .sobol, .halton, .latinHypercube])
    func sampledDesignsFillTheUnitCube(design: SweepDesign) throws {
        let n = 64
        let points = try UnitDesign.points(design, count: n, dimension: 3, seed: 9)
        #expect(points.count == n && points.allSatisfy { $0.count == 3 && $0.allSatisfy { $0 > 0 && $0 < 1 } })
        #expect(try UnitDesign.points(design, count: n, dimension: 3, seed: 9) == points)
        for j in 0..<3 {
            let mean = points.reduce(0) { $0 + $1[j] } / Double(n)
            #expect(abs(mean - 0.5) < 0.1)
        }
        if design == .latinHypercube {
            // One point in each of the n slices [k/n, (k+1)/n) of every coordinate.
            for j in 0..<3 { #expect(Set(points.map { Int($0[j] * Double(n)) }) == Set(0..<n)) }
        }
    }

    @Test func aSampledSweepHasItsSamples() throws {
        let plan = try SweepPlan(spec: try spec("""
            parameters:
              - {key: reform.dc.employer_rate, distribution: {uniform: [0.04, 0.12]}}
              - {key: economy.equity.log_mean, distribution: {normal: {mean: 0.065, sd: 0.01}}}
            design: latin_hypercube
            samples: 10

            """))
        #expect(plan.variants.count == 10)
        let rates = plan.variants.map { Double($0.values[0])! }.sorted()
        for (k, r) in rates.enumerated() { #expect(r >= 0.04 + 0.008 * Double(k) && r < 0.04 + 0.008 * Double(k + 1)) }
        try plan.validate()
    }
}
