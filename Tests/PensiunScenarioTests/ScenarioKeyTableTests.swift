import Foundation
import Testing
@testable import PensiunScenario

/// The table of keys: declared once, and its bounds refuse values that would overflow a run, in
/// the scenario file and in its CSV files alike.
@Suite struct ScenarioKeyTableTests {
    @Test func everyKeyIsDeclaredOnce() {
        var seen = Set<String>()
        for key in ScenarioKey.all {
            #expect(seen.insert(key.path + "|" + (key.column ?? "")).inserted, "\(key.path) \(key.column ?? "") twice")
            #expect(!key.meaning.isEmpty && !key.noun.isEmpty, "\(key.path)")
        }
    }

    @Test func everyRangeIsBounded() {
        for key in ScenarioKey.all {
            if case let .numbers(range) = key.domain {
                #expect(range.lower.isFinite && range.upper.isFinite && range.lower < range.upper, "\(key.path)")
                #expect(Swift.max(Swift.abs(range.lower), Swift.abs(range.upper)) <= Bound.money * Bound.members, "\(key.path)")
            }
        }
    }

    @Test func theBoundArgumentHolds() {
        // M × the largest headcount grown by 100% a year × 20 payments × a DC base of 10 salaries ×
        // a guarantee of 100 floors × 4 a year over the longest horizon.
        let years = Double(Bound.horizon.upperBound)
        let members = Swift.max(Bound.members, Bound.headcount * pow(2, years))
        let worst = Bound.money * members * 20 * 10 * 100 * pow(4, years)
        #expect(worst.isFinite && worst < 1e300)
        // Mortality improvement over the longest span between a base year and a projected year.
        let span = Double(Bound.byYearKey.upperBound - Bound.calendarYear.lowerBound)
        #expect(pow(1 - 0.5, -span) < 1e300)
        if case let .numbers(range) = ScenarioKey.improvement.domain { #expect(range.upper == 0.5) }
    }

    @Test(arguments: [
        ("economy.inflation.mean", "economy.<process>.mean"),
        ("tracks[1].retirement_age.2030", "tracks[].retirement_age"),
        ("survivors.probability.male.40", "survivors.probability"),
        ("reform.dc.portfolio.20.equity", "reform.dc.portfolio.<asset>"),
        ("reform.db.accrual_rate", "current_scheme.accrual_rate"),
        ("economy.correlation[2]", "economy.correlation"),
        ("mortality.factors.pensioners.female", "mortality.factors.<basis>"),
        ("reporting.calibration[3].target", "reporting.calibration[].target"),
    ])
    func resolvedPathsFindTheirKey(path: String, key: String) {
        #expect(ScenarioKey.named(path)?.path == key)
    }

    @Test func anUnknownPathHasNoKey() {
        #expect(ScenarioKey.named("economy.colour") == nil)
    }

    @Test func messagesAndRangesComeFromTheTable() {
        #expect(ScenarioKey.fee.expected == "an annual fee in [0, 0.1]")
        #expect(ScenarioKey.horizon.expected == "a number of years between 1 and 200")
        #expect(ScenarioKey.seed.expected == "a whole number ≥ 0")
        #expect(ScenarioKey.gdpStart.expected == "a GDP in (0, 1e18]")
        #expect(ScenarioKey.processMean.expected == "an annual rate in (−1, 1]")
    }
}

/// Values beyond the bounds, in the scenario file and in CSV cells, each located.
@Suite struct ScenarioBoundTests {
    func problems(file: String = "scenario.yaml", replacing old: String, with new: String) throws -> [String] {
        try BrokenScenarioTests().problems(file: file, replacing: old, with: new)
    }

    @Test func aHugeSalaryCellIsRefused() throws {
        #expect(try problems(file: "data/salary-scales.csv", replacing: "\n0,1800.00,", with: "\n0,1e308,") == [
            "DIR/data/salary-scales.csv:2:2: tracks[0].salary_scale.file: column 'clerical': out of range (expected a monthly salary in [0.001, 1e18], got 1e308)",
        ])
    }

    @Test func aHugeCountCellIsRefused() throws {
        #expect(try problems(file: "data/actives.csv", replacing: "\nmale,clerical,22,0,10", with: "\nmale,clerical,22,0,1e308") == [
            "DIR/data/actives.csv:2:5: population.actives: column 'count': out of range (expected a count in [0, 1e9], got 1e308)",
        ])
    }

    @Test func aHugePensionCellIsRefused() throws {
        #expect(try problems(file: "data/pensioners.csv", replacing: "\nmale,60,22,1500,", with: "\nmale,60,22,2e18,") == [
            "DIR/data/pensioners.csv:2:4: population.pensioners: column 'pension': out of range (expected an average monthly pension in [0, 1e18], got 2e18)",
        ])
    }

    @Test func anInfiniteCellIsRefused() throws {
        #expect(try problems(file: "data/disabled.csv", replacing: "male,50,3,1200", with: "male,50,3,inf") == [
            "DIR/data/disabled.csv:2:4: population.disabled: column 'pension': out of range (expected an average monthly pension in [0, 1e18], got inf)",
        ])
    }

    @Test func aHugeGDPIsRefused() throws {
        let result = try problems(replacing: "gdp_start: 5.0e10", with: "gdp_start: 1e308")
        #expect(result.count == 1)
        #expect(result.first?.hasSuffix("economy.gdp_start: out of range (expected a GDP in (0, 1e18], got 1e+308)") == true)
    }

    @Test func aMeanGrowthAbove100PercentIsRefused() throws {
        let result = try problems(replacing: "real_gdp_growth:  {mean: 0.03,", with: "real_gdp_growth:  {mean: 3,")
        #expect(result.count == 1)
        #expect(result.first?.hasSuffix("economy.real_gdp_growth.mean: out of range (expected an annual rate in (−1, 1], got 3)") == true)
    }
}

/// Every value of every shipped scenario has its key in the table (so `explain` describes it and
/// the docs list it).
@Suite struct ScenarioKeyCoverageTests {
    /// The key paths of a tree's values, as `pensiun explain` prints them.
    static func valuePaths(_ node: ScenarioNode, _ path: String = "") -> [String] {
        switch node {
        case .scalar:
            return [path]
        case let .sequence(items, _):
            if items.allSatisfy({ if case .scalar = $0 { return true } else { return false } }) { return [path] }
            return items.enumerated().flatMap { valuePaths($0.element, "\(path)[\($0.offset)]") }
        case let .mapping(entries, _):
            return entries.flatMap { valuePaths($0.value, path.isEmpty ? $0.key : "\(path).\($0.key)") }
        }
    }

    @Test func everyShippedValueHasAKey() throws {
        let folder = ScenarioLoaderTests.root.appendingPathComponent("Scenarios")
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("sweeps/") }
        #expect(files.count >= 5)
        for file in files {
            let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent(file).path)
            for path in Self.valuePaths(scenario.tree) + scenario.defaults.map(\.key) {
                // An alternative's `set` holds key paths of the scenario itself (`--set` syntax).
                let key = path.range(of: #"^reporting\.alternatives\[\d+\]\.set\."#, options: .regularExpression)
                    .map { String(path[$0.upperBound...]) } ?? path
                #expect(ScenarioKey.named(key) != nil, "\(file): \(path)")
            }
        }
    }
}
