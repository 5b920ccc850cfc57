import Foundation
import PensiunEconomy
import PensiunInputs

/// A checked scenario file: its settings (simulation, economy), the resolved inputs the engine
/// runs on (``projection``, a ``ProjectionInputs``), and where everything came from (the composed
/// tree, the defaults taken, the files read), with warnings, calibration targets and how reports
/// show money.
public struct Scenario: Sendable {
    /// The scenario's name (used for the output folder).
    public var name: String
    /// The path of the scenario file as given.
    public var file: String
    public var simulation: SimulationSettings
    public var economy: EconomyParameters
    /// The engine's inputs, when the scenario has the sections a projection needs.
    public var projection: ProjectionInputs?
    /// Calibration targets of the scenario (`reporting.calibration`).
    public var calibration: [CalibrationTarget]
    /// The composed scenario tree, every value with where it came from (for `explain` and manifests).
    public var tree: ScenarioNode
    /// Values the scenario left out and the defaults they took (key path → value).
    public var defaults: [(key: String, value: String)]
    /// Files the scenario read (the scenario files of the `extends` chain and every CSV).
    public var files: [String]
    /// Notes on parameters that have no effect under the scenario's options.
    public var warnings: [String]
    /// How money is shown in reports.
    public var presentation: Presentation
    /// The deterministic alternatives a run reports beside its bands (`reporting.alternatives`),
    /// in the order written; empty when the scenario names none.
    public var alternatives: [ScenarioAlternative] = []
    /// Whether the scenario defines a reform (otherwise the "reform" repeats the current scheme).
    public var hasReform: Bool { tree["reform"] != nil }
}

/// The unit in which reports show money.
public enum MoneyUnit: String, Sendable, CaseIterable {
    case units, thousand, million, billion, trillion
    public var scale: Double {
        switch self {
        case .units: return 1
        case .thousand: return 1e3
        case .million: return 1e6
        case .billion: return 1e9
        case .trillion: return 1e12
        }
    }
}

/// `reporting.currency` and `reporting.money_unit`.
public struct Presentation: Sendable, Equatable {
    public var currency = ""
    public var unit = MoneyUnit.million
    /// `reporting.notes`: sentences printed under the summary (what drives the answer).
    public var notes: [String] = []
    /// `reporting.scope`: who the run covers and who it leaves out (e.g. "PNS only; TNI/Polri are
    /// out of scope"), printed under the title of every summary; nil without one.
    public var scope: String?
    public init() {}
    /// "Rp trillion", "million", …
    public var label: String { currency.isEmpty ? unit.rawValue : "\(currency) \(unit.rawValue)" }
}

/// Reads scenario files.
public enum ScenarioLoader {
    /// Reads, composes (`extends`, `--set`) and checks the scenario at `path`. Throws
    /// ``ScenarioError`` with every problem found.
    public static func load(path: String, overrides: [String] = []) throws(ScenarioError) -> Scenario {
        try ScenarioTemplate.load(path: path, overrides: overrides).resolve()
    }

    /// Reads and checks a scenario given as YAML text; `file` names it in messages (no `extends`).
    public static func parse(yaml text: String, file: String) throws(ScenarioError) -> Scenario {
        let tree = try ScenarioComposer.parse(text: text, file: file)
        return try resolve(tree, file: file, files: [])
    }

    static let topLevelKeys = ["name", "description", "simulation", "economy", "mortality", "decrements", "survivors",
                               "tracks", "population", "entrants", "current_scheme", "pay", "reform", "reporting"]

    static func resolve(_ tree: ScenarioNode, file: String, files: [String]) throws(ScenarioError) -> Scenario {
        let log = DiagnosticLog()
        let cursor = YAMLCursor(node: tree, keyPath: "", log: log)
        guard let top = cursor.mapping(allowed: topLevelKeys) else { throw ScenarioError(log.diagnostics) }
        let name = top.outputName(file: file)
        _ = top["description"]?.string(expected: ScenarioKey.description.expected)
        let simulation = top.required(.simulation).flatMap(SimulationSection.read)
        let economy = top.required(.economy).flatMap { EconomySection.read($0, startYear: simulation?.startYear) }
        let projectionKeys = ProjectionSections.keys
        var projection: ProjectionSections.Result?
        if projectionKeys.contains(where: { top[$0] != nil }) || top["reform"] != nil {
            projection = ProjectionSections.read(top, simulation: simulation, economy: economy)
        } else if let reporting = top["reporting"] {
            reporting.fail("a reporting section needs the projection sections (\(projectionKeys.joined(separator: ", ")))")
        }
        guard log.isEmpty, let name, let simulation, let economy else { throw ScenarioError(log.diagnostics) }
        return Scenario(name: name, file: file, simulation: simulation, economy: economy, projection: projection?.inputs,
                        calibration: projection?.calibration ?? [], tree: tree, defaults: log.defaults,
                        files: files + (projection?.files ?? []), warnings: projection?.warnings ?? [],
                        presentation: projection?.presentation ?? Presentation(),
                        alternatives: projection?.alternatives ?? [])
    }
}
