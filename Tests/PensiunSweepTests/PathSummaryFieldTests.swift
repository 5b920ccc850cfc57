import Foundation
import PensiunEngine
import PensiunReporting
import PensiunScenario
import Testing
@testable import PensiunSweep

/// A per-path summary with one field more than the model's: the fixture of "adding a per-path
/// summary field is a change in one place".
private struct ExtendedSummary: PathSummaryRecord {
    var model: PathSummary
    var pvExtra: Double = 0
    var path: Int { model.path }
    init(blankPath path: Int) { model = PathSummary(blankPath: path) }
}

/// The model's field list plus one field, `pv_extra` (currency), declared in one place: here.
private enum ExtendedField: PathSummaryFieldList {
    case model(PathSummaryField)
    case pvExtra

    static var allCases: [ExtendedField] { PathSummaryField.allCases.map(ExtendedField.model) + [.pvExtra] }

    var name: String {
        switch self {
        case let .model(f): return f.name
        case .pvExtra: return "pv_extra"
        }
    }

    var access: PathSummaryAccess<ExtendedSummary> {
        switch self {
        case let .model(f):
            switch f.access {
            case let .currency(k): return .currency(Self.lift(k))
            case let .ratio(k): return .ratio(Self.lift(k))
            case let .year(k): return .year(Self.lift(k))
            case let .optionalYear(k): return .optionalYear(Self.lift(k))
            case let .flag(k): return .flag(Self.lift(k))
            }
        case .pvExtra: return .currency(\.pvExtra)
        }
    }

    var indicatorName: String? {
        if case let .model(f) = self { return f.indicatorName }
        return nil
    }

    var headlines: [PathSummaryHeadline] {
        if case let .model(f) = self { return f.headlines }
        return defaultHeadlines
    }

    /// A model field's key path through `model`, writable when the model's is.
    static func lift<V>(_ k: KeyPath<PathSummary, V>) -> KeyPath<ExtendedSummary, V> {
        if let w = k as? WritableKeyPath<PathSummary, V> { return (\ExtendedSummary.model).appending(path: w) }
        return (\ExtendedSummary.model).appending(path: k)
    }
}

/// The per-path summary fields are declared once (``PathSummaryField``); every writer and reader is
/// generic over the field list, so a list with one more field shows up in every output, and the
/// model's outputs are those of the generic writers on the model's list.
@Suite struct PathSummaryFieldTests {
    private static func sample() -> [ExtendedSummary] {
        var a = ExtendedSummary(blankPath: 7)
        a.model.pvBurdenCurrent = 100
        a.model.pvBurdenReform = 90
        a.model.peakBurdenYearCurrent = 2050
        a.model.breakevenYear = 2061
        a.model.exceedsThresholdReform = true
        a.pvExtra = 2.25
        var b = ExtendedSummary(blankPath: 8)
        b.model.pvBurdenCurrent = 100
        b.model.pvBurdenReform = 120
        b.model.peakBurdenYearCurrent = 2052
        b.pvExtra = -0.5
        return [a, b]
    }

    @Test func aFieldAddedToTheListShowsUpInEveryOutput() throws {
        let summaries = Self.sample()

        // results.bin: one double more per summary, and the round trip keeps it.
        #expect(ResultsArchive.summaryWidth(ExtendedField.self) == ResultsArchive.summaryWidth(PathSummaryField.self) + 1)
        let doubles = ResultsArchive.summaryDoubles(summaries, ExtendedField.self)
        #expect(doubles.count == 2 * ResultsArchive.summaryWidth(ExtendedField.self))
        #expect(doubles.contains(2.25) && doubles.contains(-0.5))
        #expect(try ResultsArchive.summaries(doubles, ExtendedField.self, firstPath: 7, file: "f") == summaries)
        #expect(ExtendedField.archiveOrder.contains(.pvExtra))
        #expect(!ExtendedField.archiveOrder.contains(.model(.pvDifference)), "a computed field is not archived")

        // paths.csv: a last column.
        let csv = try RunFiles.paths(summaries, ExtendedField.self).split(separator: "\n").map(String.init)
        #expect(csv[0] == RunFiles.pathsHeader + ",pv_extra")
        #expect(csv[1].hasPrefix("7,100.0,90.0,-10.0,") && csv[1].hasSuffix(",2.25"))
        #expect(csv[2].hasSuffix(",-0.5"))

        // The expression language: the names (currency fields first), and the per-path values.
        let names = ExtendedField.expressionOrder.map(\.name)
        var expected = SummaryField.allCases.map(\.rawValue)
        expected.insert("pv_extra", at: try #require(expected.firstIndex(of: "pv_bond_redemptions")) + 1)
        #expect(names == expected)
        #expect(summaries.map { PathStatistics.summaryValue(ExtendedField.pvExtra, indicator: false, $0) } == [2.25, -0.5])
        #expect(summaries.map { PathStatistics.summaryValue(ExtendedField.model(.breakevenYear), indicator: true, $0) } == [1, 0])

        // summary.json: a band under its name.
        let json = try RunJSON.headlines(summaries, ExtendedField.self)
        let band = try #require(json["pv_extra"] as? [String: Any])
        #expect(band["median"] as? Double == 0.875)
        #expect(Set(json.keys) == Set(try RunJSON.headlines(summaries.map(\.model), PathSummaryField.self).keys).union(["pv_extra"]))
    }

    /// The model's writers are the generic ones on ``PathSummaryField``: a writer that listed the
    /// fields by hand would not show the fixture's field above, and these pin the model's files to
    /// the generic writers.
    @Test func theModelsOutputsAreTheGenericWritersOnTheModelsList() throws {
        var scenario = try ScenarioLoader.load(path: Fixtures.synthetic)
        scenario.file = "Scenarios/synthetic-small/scenario.yaml"
        let inputs = try #require(scenario.projection)
        let results = try MonteCarloProjection(inputs: inputs).run(paths: 3..<7, seed: 42, threads: 1)
        let report = RunReport(scenario: scenario, inputs: inputs, results: results, debt: nil,
                               metadata: RunMetadata(version: "test", gitCommit: nil, seed: 42, paths: 3..<7, totalPaths: 10,
                                                     threads: 1, wallTime: 0))

        #expect(try RunFiles.paths(report) == RunFiles.paths(results.summaries, PathSummaryField.self))
        let committed = try String(contentsOf: Fixtures.root.appendingPathComponent("Outputs/indonesia-asn-2019/baseline/paths.csv"), encoding: .utf8)
        #expect(committed.prefix(while: { $0 != "\n" }) == Substring(RunFiles.pathsHeader(PathSummaryField.self)))

        let archive = ResultsArchive.encode(results, fingerprint: "f")
        let tail = ResultsArchive.summaryDoubles(results.summaries, PathSummaryField.self)
        #expect(archive.suffix(tail.count * 8) == Data(tail.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian) { Array($0) } }))
        #expect(try ResultsArchive.decode(archive, file: "f").results.summaries == results.summaries)

        // The layout of results.bin version 10 (paths.csv is pinned by the committed outputs, the
        // expression language's names by SweepFileTests' error message).
        #expect(PathSummaryField.archiveOrder.map(\.name) == [
            "pv_burden_current", "pv_burden_reform", "pv_guarantee_topups", "pv_bond_redemptions",
            "peak_burden_pct_gdp_current", "peak_burden_year_current", "peak_burden_pct_gdp_reform",
            "peak_burden_year_reform", "peak_transition_cost_pct_gdp", "peak_transition_cost_year", "breakeven_year",
            "exceeds_threshold_current", "exceeds_threshold_reform", "pv_payback_year",
        ])

        #expect(SummaryField.allCases.map(\.rawValue) == PathSummaryField.expressionOrder.map(\.name))
        for field in SummaryField.allCases {
            #expect(SummaryField(rawValue: field.rawValue) == field)
            let q = Quantity(name: .summary(field))
            let generic: [Double] = results.summaries.map {
                switch field {
                case let .value(f): return PathStatistics.summaryValue(f, indicator: false, $0)
                case let .indicator(f): return PathStatistics.summaryValue(f, indicator: true, $0)
                }
            }
            #expect(PathStatistics.values(q, in: results).map(\.bitPattern) == generic.map(\.bitPattern))
        }

        let summary = try #require(try JSONSerialization.jsonObject(with: Data(RunJSON.summary(report).utf8)) as? [String: Any])
        let headlines = try RunJSON.headlines(results.summaries, PathSummaryField.self)
        #expect(headlines.count == 18)
        // Headlines the run does not have (here: no recognition bonds) are null (SummaryScope).
        let absent = Set(SummaryScope.notApplicableKeys(hasReform: true, inputs: inputs, statistics: report.statistics))
        #expect(absent.contains("pv_bond_redemptions") && absent.allSatisfy { summary[$0] is NSNull })
        #expect(try RunJSON.encode(summary.filter { headlines[$0.key] != nil && !absent.contains($0.key) })
                == RunJSON.encode(headlines.filter { !absent.contains($0.key) }))
    }
}
