import Foundation
import PensiunEconomy
import Yams

/// A resolved scenario: typed values ready for the engine.
public struct Scenario: Sendable {
    /// The scenario's name (used for the output folder).
    public var name: String
    /// The path of the scenario file as given.
    public var file: String
    public var simulation: SimulationSettings
    public var economy: EconomyParameters
}

/// Reads scenario files.
public enum ScenarioLoader {
    static let topLevelKeys = ["name", "description", "simulation", "economy"]

    /// Reads and checks the scenario at `path`. Throws ``ScenarioError`` with every problem found.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ScenarioError([.init(file: path, line: nil, column: nil, keyPath: "",
                                       message: "cannot read the scenario file (\(ScenarioLoader.reason(error)))")])
        }
        return try parse(yaml: text, file: path)
    }

    /// Reads and checks a scenario given as YAML text; `file` names it in messages.
    public static func parse(yaml text: String, file: String) throws(ScenarioError) -> Scenario {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ScenarioError([.init(file: file, line: 1, column: 1, keyPath: "",
                                           message: "the file is empty (expected a scenario mapping)")])
            }
            root = node
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw ScenarioError([yamlDiagnostic(error, file: file)])
        }
        let log = DiagnosticLog()
        let cursor = YAMLCursor(node: root, file: file, keyPath: "", log: log)
        guard let top = cursor.mapping(allowed: topLevelKeys) else { throw ScenarioError(log.diagnostics) }
        let defaultName = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let name = top["name"]?.string(expected: "a scenario name") ?? defaultName
        _ = top["description"]?.string(expected: "a description")
        let simulation = top.required("simulation", expected: "a simulation section").flatMap(SimulationSettings.read)
        let economy = top.required("economy", expected: "an economy section").flatMap(EconomySection.read)
        guard log.isEmpty, let simulation, let economy else { throw ScenarioError(log.diagnostics) }
        return Scenario(name: name, file: file, simulation: simulation, economy: economy)
    }

    static func yamlDiagnostic(_ error: any Error, file: String) -> ScenarioDiagnostic {
        if let yaml = error as? YamlError {
            switch yaml {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                return .init(file: file, line: mark.line, column: mark.column, keyPath: "",
                             message: "not valid YAML: \(problem)")
            case let .duplicatedKeysInMapping(duplicates, context):
                return .init(file: file, line: context.mark.line, column: context.mark.column, keyPath: "",
                             message: "duplicate keys \(duplicates.joined(separator: ", ")) (each key may appear once in a mapping)")
            default:
                break
            }
        }
        return .init(file: file, line: nil, column: nil, keyPath: "", message: "not valid YAML: \(error)")
    }

    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoSuchFileError { return "no such file" }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}
