import Foundation
import PensiunEngine
import PensiunMonteCarlo
import Testing
@testable import PensiunScenario
@testable import PensiunReporting

/// A run's statistics accumulated chunk by chunk (the streamed run) against the same run's
/// statistics from all results in memory: means, per-path numbers and calibration values bit for
/// bit; yearly quantiles within the sketch's stated bound; standard deviations to rounding.
@Suite struct StreamedStatisticsTests {
    static let targets = [
        CalibrationTarget(name: "Actives", measure: .actives, year: 2025, target: 4480, tolerance: 0.01, source: "test"),
        CalibrationTarget(name: "Recipients", measure: .recipients, year: 2030, target: 1, tolerance: 0.1, source: "test"),
        CalibrationTarget(name: "Benefits", measure: .dbBenefitsPctGDP, year: 2040, target: 0.01, tolerance: 0.1, source: "test"),
        CalibrationTarget(name: "Debt", measure: .implicitDebt, year: 2025, target: 1, tolerance: 0.1, source: "test"),
        CalibrationTarget(name: "Growth", measure: .dbBenefitsGrowth, year: 2035, target: 0.2, tolerance: 0.05, source: "test",
                          baseYear: 2026),
        CalibrationTarget(name: "GDP", measure: .gdp, year: 2030, target: 1, tolerance: 0, source: "test", reference: true),
    ]

    static func streamed(_ report: RunReport, chunks: [Range<Int>], alpha: Double) throws -> RunStatistics {
        let projection = try MonteCarloProjection(inputs: report.inputs)
        var accumulator = RunStatistics.Accumulator(inputs: report.inputs, targets: Self.targets, debt: report.figures.debt,
                                                    relativeAccuracy: alpha)
        for chunk in chunks {
            accumulator.add(try projection.run(paths: chunk, seed: Fixture.seed, threads: 2), threads: 2)
        }
        return accumulator.finish()
    }

    @Test func streamingKeepsMeansExactAndQuantilesWithinTheBound() throws {
        let report = try Fixture.report(calibration: Self.targets)
        let exact = report.statistics
        let results = try #require(report.results)
        let alpha = 1e-3
        // Chunks of unequal sizes, in path order.
        let streamed = try Self.streamed(report, chunks: [0..<3, 3..<4, 4..<13, 13..<Fixture.paths], alpha: alpha)
        #expect(exact.quantileAccuracy == nil && streamed.quantileAccuracy == alpha)
        #expect(streamed.paths == exact.paths)
        #expect(try RunFiles.paths(streamed.summaries, PathSummaryField.self) == RunFiles.paths(exact.summaries, PathSummaryField.self))
        #expect(streamed.dcAssetsAtHorizon.map(\.bitPattern) == exact.dcAssetsAtHorizon.map(\.bitPattern))
        #expect(streamed.bondsOutstandingMeans.map(\.bitPattern) == exact.bondsOutstandingMeans.map(\.bitPattern))
        #expect(streamed.payrollPctGDPStart.map(\.bitPattern) == exact.payrollPctGDPStart.map(\.bitPattern))
        #expect(streamed.payrollPctGDPEnd.map(\.bitPattern) == exact.payrollPctGDPEnd.map(\.bitPattern))
        #expect(exact.calibrationValues.allSatisfy(\.isFinite) && exact.payrollPctGDPEnd.count == Fixture.paths)
        #expect(streamed.calibrationValues.map(\.bitPattern) == exact.calibrationValues.map(\.bitPattern))
        #expect(streamed.decade.map { $0.map(\.bitPattern) } == exact.decade.map { $0.map(\.bitPattern) })
        #expect(streamed.profileValues.map { $0.map(\.bitPattern) } == exact.profileValues.map { $0.map(\.bitPattern) })
        #expect(streamed.yearly.count == exact.yearly.count)
        let specs = RunStatistics.rows(results, inputs: report.inputs)
        var checked = 0
        for (i, (a, b)) in zip(exact.yearly, streamed.yearly).enumerated() {
            #expect(a.metric == b.metric && a.year == b.year && a.scheme == b.scheme)
            guard let e = a.summary, let s = b.summary else {
                #expect(a.summary == nil && b.summary == nil)
                continue
            }
            #expect(e.count == s.count && e.mean.bitPattern == s.mean.bitPattern, "\(a.metric) \(a.year)")
            #expect(abs(e.standardDeviation - s.standardDeviation) <= 1e-9 * max(abs(e.standardDeviation), abs(e.mean)))
            // The bound: α·max(|x₍lo₎|, |x₍lo+1₎|) for each level, from the sorted finite values.
            let sorted = specs[i].values(results).filter { !$0.isNaN }.sorted()
            let n = sorted.count
            for (level, (x, y)) in zip(Quantiles.standardLevels, zip([e.p5, e.p25, e.p50, e.p75, e.p95], [s.p5, s.p25, s.p50, s.p75, s.p95])) {
                let lo = min(n - 1, Int((Double(n - 1) * level).rounded(.down)))
                let scale = max(abs(sorted[lo]), abs(sorted[min(n - 1, lo + 1)]))
                #expect(abs(x - y) <= alpha * scale * (1 + 1e-12), "\(a.metric) \(a.year) p\(level): \(x) vs \(y)")
            }
            checked += 1
        }
        #expect(checked > 1_000)
    }

    /// The statistics do not depend on how the paths are cut into chunks.
    @Test func theChunkingDoesNotChangeTheStatistics() throws {
        let report = try Fixture.report(calibration: Self.targets)
        let one = try Self.streamed(report, chunks: [0..<Fixture.paths], alpha: 1e-3)
        let many = try Self.streamed(report, chunks: (0..<Fixture.paths).map { $0..<($0 + 1) }, alpha: 1e-3)
        #expect(zip(one.yearly, many.yearly).allSatisfy { $0.summary == $1.summary })
        #expect(one.calibrationValues.map(\.bitPattern) == many.calibrationValues.map(\.bitPattern))
    }
}
