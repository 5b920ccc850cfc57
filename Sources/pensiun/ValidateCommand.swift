import ArgumentParser
import Foundation
import PensiunReporting
import PensiunScenario

/// `pensiun validate`: checks a scenario and prints every problem at once.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file and list every problem, one per line.",
        discussion: """
        Exit status 0 when the scenario is valid (warnings are printed), 2 otherwise. Nothing is \
        run or written, but everything `run` checks before it projects is checked, with the same \
        message: the economic paths of the run (the scenario's simulation.paths and seed, or \
        --paths and --seed) must keep every rate and DC portfolio return above −100%. A scenario         without the projection sections is refused, as run refuses it, unless --economy-only is         given (what pensiun esg needs).
        """
    )

    @OptionGroup var input: ScenarioArguments

    @OptionGroup var monteCarlo: MonteCarloOptions

    @Flag(name: .customLong("economy-only"), help: "Check only what pensiun esg needs (simulation and economy sections).")
    var economyOnly = false

    func run() throws {
        let loaded = try input.load()
        if !economyOnly {
            let inputs = try RunChecks.projection(of: loaded)
            let paths = monteCarlo.paths ?? loaded.simulation.paths
            _ = try RunChecks(inputs, scenario: input.scenario, paths: 0..<paths,
                              seed: monteCarlo.seed ?? loaded.simulation.seed, threads: monteCarlo.resolvedThreads)
        }
        for warning in loaded.warnings { print("warning: \(warning)") }
        let parts = loaded.projection == nil ? "economy only" : "complete"
        print("\(input.scenario): valid (\(parts); \(loaded.warnings.count) warning\(loaded.warnings.count == 1 ? "" : "s"))")
    }
}

/// `pensiun explain`: the resolved scenario, every value with where it came from.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print the resolved scenario with the source of every value (file:line, --set, or default)."
    )

    @OptionGroup var input: ScenarioArguments


    func run() throws {
        let loaded = try input.load()
        var lines: [(path: String, text: String, source: String)] = []
        func walk(_ node: ScenarioNode, _ path: String) {
            switch node {
            case let .scalar(text, location):
                lines.append((path, "\(path) = \(text)", location.description))
            case let .sequence(items, location):
                if items.allSatisfy({ if case .scalar = $0 { return true } else { return false } }) {
                    let values = items.map { if case let .scalar(t, _) = $0 { return t } else { return "" } }
                    lines.append((path, "\(path) = [\(values.joined(separator: ", "))]", location.description))
                } else {
                    for (i, item) in items.enumerated() { walk(item, "\(path)[\(i)]") }
                }
            case let .mapping(entries, _):
                for entry in entries { walk(entry.value, path.isEmpty ? entry.key : "\(path).\(entry.key)") }
            }
        }
        walk(loaded.tree, "")
        for d in loaded.defaults { lines.append((d.key, "\(d.key) = \(d.value)", "default")) }
        let width = min(70, lines.map(\.text.count).max() ?? 0)
        for line in lines {
            print("\(Format.left(line.text, width))  # \(Self.describe(line.path))\(line.source)")
        }
        for warning in loaded.warnings { print("# warning: \(warning)") }
    }

    /// The unit, allowed values and meaning of the key at `path` from the table of keys, followed
    /// by `  # ` to set off the source; nothing for a key the table does not know.
    static func describe(_ path: String) -> String {
        ScenarioKey.named(path).map { ScenarioKeyDocs.explanation($0) + "  # " } ?? ""
    }
}
