import Foundation
import PensiunEngine
import PensiunMonteCarlo
import PensiunScenario
import Testing
@testable import PensiunReporting

/// `cashflows.csv` and `composition.csv` (issue 21, item 4; docs/model.md §8 "Cash flows in
/// money"): the decade table against the per-path results summed directly, the composition's
/// parts against the mean burden, and both in `summary.json` and the printed summary.
@Suite struct CashFlowTablesTests {
    /// A report of the synthetic scenario with switchers under 40 holding frozen DB rights, so
    /// that every part of the composition can be non-zero.
    static let switchers: Result<RunReport, any Error> = Result {
        var scenario = try ScenarioLoader.load(
            path: Fixture.packageRoot.appendingPathComponent(Fixture.scenarioPath).path,
            overrides: ["reform.dc.transition={switch_under_age: 40}", "reform.dc.accrued_rights=frozen_db"])
        scenario.file = Fixture.scenarioPath
        let inputs = try #require(scenario.projection)
        let results = try MonteCarloProjection(inputs: inputs).run(paths: 0..<12, seed: 5, threads: 2)
        let metadata = RunMetadata(version: "test", gitCommit: nil, seed: 5, paths: 0..<12, totalPaths: 12, threads: 2, wallTime: 0)
        return RunReport(scenario: scenario, inputs: inputs, results: results, debt: nil, metadata: metadata)
    }

    @Test func theDecadeTableIsTheMeanOfEachPathsDecadeSums() throws {
        let report = try Self.switchers.get()
        let r = try #require(report.results)
        let table = CashFlowDecades(report.statistics)
        let h = r.horizon, n = r.paths.count
        #expect(table.decades.map(\.years) == stride(from: 0, to: h, by: 10).map {
            (r.startYear + $0)...(r.startYear + min($0 + 10, h) - 1)
        })
        #expect(table.decades.last?.years.upperBound == r.startYear + h - 1)
        for (d, decade) in table.decades.enumerated() {
            let years = (10 * d)..<min(10 * d + 10, h)
            var perPath: [[Double]] = Array(repeating: Array(repeating: 0, count: n), count: 6)  // (scheme, measure)
            for (s, scheme) in Scheme.allCases.enumerated() {
                for k in 0..<n {
                    var burden = 0.0, real = 0.0, gdp = 0.0
                    for t in years {
                        let v = r.values(scheme, .budgetBurden, t)
                        burden += v[v.startIndex + k]
                        let p = r.values(scheme, .burdenReal, t)
                        real += p[p.startIndex + k]
                        let g = r.gdp(t)
                        gdp += g[g.startIndex + k]
                    }
                    perPath[s * 3][k] = burden; perPath[s * 3 + 1][k] = real; perPath[s * 3 + 2][k] = burden / gdp
                }
            }
            for measure in CashFlowDecades.Measure.allCases {
                let c = decade[measure], m = measure.rawValue
                let current = perPath[m].reduce(0, +) / Double(n), reform = perPath[3 + m].reduce(0, +) / Double(n)
                #expect(abs(c.current - current) <= 1e-12 * abs(current), "\(decade.years) \(measure.name) current")
                #expect(abs(c.reform - reform) <= 1e-12 * abs(reform), "\(decade.years) \(measure.name) reform")
                #expect(c.difference == c.reform - c.current)
                let differences = zip(perPath[3 + m], perPath[m]).map { $0 - $1 }.sorted()
                let q = differences.withUnsafeBufferPointer { b in [0.1, 0.9].map { Quantiles.sorted(b, level: $0) } }
                #expect(c.differenceP10 == q[0] && c.differenceP90 == q[1], "\(decade.years) \(measure.name) percentiles")
                #expect(c.differenceP10 <= c.differenceP90)
            }
            // Constant y0 prices: P_y0 = 1 and prices rise, so a positive burden is smaller in y0 prices.
            if d == 0 { #expect(decade[.real].current < decade[.nominal].current) }
        }
        let csv = try table.csv().split(separator: "\n")
        #expect(csv.first.map(String.init) == CashFlowDecades.csvHeader)
        #expect(csv.count == 1 + 3 * table.decades.count)
        #expect(csv[1].hasPrefix("\(r.startYear),\(r.startYear + 9),nominal,"))
    }

    /// Each year's parts add up to the mean burden within rounding, legacy + frozen DB to the mean
    /// db_benefits; frozen DB is zero in the current scheme and positive for the switchers; the
    /// difference's employee column is the contributions no longer received.
    @Test func theCompositionAddsUpToTheMeanBurden() throws {
        let report = try Self.switchers.get()
        let s = report.statistics
        let composition = BurdenComposition(s)
        var frozen = [0.0, 0.0]
        for scheme in Scheme.allCases {
            for t in 0..<s.horizon {
                let parts = composition.values[scheme.rawValue][t]
                let burden = try #require(s.summary(scheme, .budgetBurden, year: s.startYear + t)?.mean)
                let db = try #require(s.summary(scheme, .dbBenefits, year: s.startYear + t)?.mean)
                let sum = parts.dropLast().reduce(0, +)
                #expect(parts.last == burden)
                #expect(abs(sum - burden) <= 1e-9 * max(abs(burden), db), "\(scheme.name) \(s.startYear + t): \(sum) vs \(burden)")
                #expect(abs(parts[0] + parts[1] - db) <= 1e-12 * db)
                #expect(parts[3] <= 0, "receipts lower the burden")
                frozen[scheme.rawValue] += parts[1]
            }
        }
        #expect(frozen[0] == 0 && frozen[1] > 0, "\(frozen)")
        let last = s.horizon - 1
        let difference = composition.difference(last)
        let received = try #require(s.summary(.current, .contributionsEmployeeDBBudget, year: s.startYear + last)?.mean)
            - (try #require(s.summary(.reform, .contributionsEmployeeDBBudget, year: s.startYear + last)?.mean))
        #expect(received > 0 && difference[3] == received, "no longer received: \(difference[3]) vs \(received)")
        let csv = try composition.csv().split(separator: "\n")
        #expect(csv.first.map(String.init) == BurdenComposition.csvHeader)
        #expect(csv.count == 1 + 3 * s.horizon)
        #expect(csv.last?.hasPrefix("difference,\(s.startYear + last),") == true)
        #expect(!csv.contains { $0.contains(",-0.0") }, "no negative zero where nothing is received")
    }

    @Test func theDecadesAreInTheSummaries() throws {
        let report = try Self.switchers.get()
        let table = CashFlowDecades(report.statistics)
        let json = try #require(JSONSerialization.jsonObject(with: Data(try RunJSON.summary(report).utf8)) as? [String: Any])
        let decades = try #require(json["cash_flows_by_decade"] as? [[String: Any]])
        #expect(decades.count == table.decades.count)
        let first = try #require(decades.first?["pct_gdp"] as? [String: Any])
        #expect(first["difference"] as? Double == table.decades[0][.pctGDP].difference)
        #expect(decades.first?["first_year"] as? Int == report.statistics.startYear)
        let text = SummaryText.render(report)
        #expect(text.contains("Budget burden by decade"))
        #expect(text.contains("  \(table.decades[0].years.lowerBound)–\(table.decades[0].years.upperBound)"))
    }
}
