import Foundation
import PensiunEngine
import PensiunScenario
import Testing
@testable import PensiunReporting

/// A small fixed-seed run of the synthetic scenario, shared by the report tests.
enum Fixture {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The scenario as written in the goldens (relative to the package root, whatever the machine).
    static let scenarioPath = "Scenarios/synthetic-small/scenario.yaml"
    static let paths = 20
    static let seed: UInt64 = 42

    static func scenario() throws -> Scenario {
        var s = try ScenarioLoader.load(path: packageRoot.appendingPathComponent(scenarioPath).path)
        s.file = scenarioPath
        return s
    }

    /// Runs the synthetic scenario on `paths` paths with `threads` threads. The metadata holds
    /// nothing machine-dependent: a fixed version, no git commit, no wall time.
    /// `withoutReform` drops the scenario's reform section (the "reform" then repeats the current scheme).
    static func report(threads: Int = 2, calibration: [CalibrationTarget]? = nil, withoutReform: Bool = false) throws -> RunReport {
        var scenario = try scenario()
        if let calibration { scenario.calibration = calibration }
        if withoutReform, case let .mapping(entries, location) = scenario.tree {
            scenario.tree = .mapping(entries.filter { $0.key != "reform" }, location)
            let current = try #require(scenario.projection).current
            scenario.projection?.reform = current
        }
        let inputs = try #require(scenario.projection)
        let results = try MonteCarloProjection(inputs: inputs).run(paths: 0..<paths, seed: seed, threads: threads)
        let debt = try ImplicitPensionDebt.compute(inputs)
        let metadata = RunMetadata(version: "golden", gitCommit: nil, seed: seed, paths: 0..<paths, totalPaths: paths,
                                   threads: threads, wallTime: 0)
        return RunReport(scenario: scenario, inputs: inputs, results: results, debt: debt, metadata: metadata)
    }

    /// The shared report (computed once).
    static let shared: Result<RunReport, any Error> = Result { try report() }
}

/// Golden files under `Tests/PensiunReportingTests/Golden/`.
///
/// When a rendering changes on purpose, regenerate them with
///
///     PENSIUN_UPDATE_GOLDEN=1 swift test --filter PensiunReportingTests
///
/// and review the change with `git diff Tests/PensiunReportingTests/Golden`.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var updating: Bool { ProcessInfo.processInfo.environment["PENSIUN_UPDATE_GOLDEN"] == "1" }

    /// Compares `actual` with the golden file `name`, recording a readable line diff on mismatch;
    /// rewrites the file instead when PENSIUN_UPDATE_GOLDEN=1.
    static func check(_ actual: String, against name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            print("Golden: rewrote \(url.path)")
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("Golden file \(name) is missing; create it with PENSIUN_UPDATE_GOLDEN=1 swift test --filter PensiunReportingTests",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            Issue.record("""
                \(name) differs from the golden file (- golden, + now). If the change is intended, regenerate with \
                PENSIUN_UPDATE_GOLDEN=1 swift test --filter PensiunReportingTests
                \(LineDiff.render(expected: expected, actual: actual))
                """, sourceLocation: sourceLocation)
        }
    }
}

/// A line diff (longest common subsequence) printed like `diff -u`: changed lines with two lines
/// of context, each prefixed by its line number in the golden (-) or the new text (+).
enum LineDiff {
    static func render(expected: String, actual: String, context: Int = 2) -> String {
        let a = expected.components(separatedBy: "\n"), b = actual.components(separatedBy: "\n")
        // lcs[i][j] = length of the LCS of a[i...] and b[j...].
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        enum Op { case same(Int, Int), removed(Int), added(Int) }
        var ops: [Op] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] { ops.append(.same(i, j)); i += 1; j += 1 }
            else if i < a.count, j == b.count || lcs[i + 1][j] >= lcs[i][j + 1] { ops.append(.removed(i)); i += 1 }
            else { ops.append(.added(j)); j += 1 }
        }
        let changed = ops.indices.filter { if case .same = ops[$0] { return false } else { return true } }
        var shown = Set<Int>()
        for c in changed { for k in max(0, c - context)...min(ops.count - 1, c + context) { shown.insert(k) } }
        var out: [String] = []
        var previous = -1
        func number(_ n: Int) -> String { String(repeating: " ", count: max(0, 4 - String(n + 1).count)) + String(n + 1) }
        for k in shown.sorted() {
            if previous >= 0 && k != previous + 1 { out.append("   ⋮") }
            previous = k
            switch ops[k] {
            case let .same(x, _): out.append("  \(number(x))  \(a[x])")
            case let .removed(x): out.append("- \(number(x))  \(a[x])")
            case let .added(y): out.append("+ \(number(y))  \(b[y])")
            }
        }
        return out.joined(separator: "\n")
    }
}
