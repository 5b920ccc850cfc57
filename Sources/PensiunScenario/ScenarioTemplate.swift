/// One value laid over a scenario: a key path and the node that replaces its value. The node keeps
/// its own location (a line of a sweep file, or `--lever`), so a value the scenario rejects is
/// reported where it was written.
public struct ScenarioOverride: Sendable {
    /// The scenario key path, split at dots (`["reform", "dc", "employer_rate"]`).
    public let keyPath: [String]
    public let value: ScenarioNode
    /// Where the key was written (an unknown key is reported there); the value's location when nil.
    public let keyLocation: SourceLocation?

    public init(keyPath: [String], value: ScenarioNode, keyLocation: SourceLocation? = nil) {
        self.keyPath = keyPath
        self.value = value
        self.keyLocation = keyLocation
    }

    /// A scalar value located at `location`, its key at `keyLocation`.
    public init(key: String, text: String, location: SourceLocation, keyLocation: SourceLocation? = nil) {
        self.init(keyPath: key.split(separator: ".").map(String.init), value: .scalar(text, location), keyLocation: keyLocation)
    }

    /// The dotted key path.
    public var key: String { keyPath.joined(separator: ".") }
}

/// A scenario read and composed once (`extends` chain and `--set` overrides), to be resolved many
/// times with different values: the variants of a sweep, the lever values of a solve.
public struct ScenarioTemplate: Sendable {
    /// The scenario file as given.
    public let path: String
    /// The composed tree, before the variant's values.
    public let tree: ScenarioNode
    /// The scenario files of the `extends` chain (canonical paths).
    public let files: [String]

    /// Reads and composes `path` with the `--set`-style `overrides` (`key.path=value`). Only the
    /// YAML is read here: the scenario is checked by ``resolve(_:)``.
    public static func load(path: String, overrides: [String] = []) throws(ScenarioError) -> ScenarioTemplate {
        let composed = try ScenarioComposer.compose(path: path, overrides: overrides)
        return ScenarioTemplate(path: path, tree: composed.tree, files: composed.files)
    }

    /// The checked scenario with `overrides` laid over the template, in order. Throws
    /// ``ScenarioError`` with every problem, each located where its value was written.
    public func resolve(_ overrides: [ScenarioOverride] = []) throws(ScenarioError) -> Scenario {
        var composed = tree
        for override in overrides {
            composed = composed.placing(override.value, at: override.keyPath[...], keyLocation: override.keyLocation ?? override.value.location)
        }
        let scenario = try ScenarioLoader.resolve(composed, file: path, files: files)
        if let problem = ProcessRiskCheck.problem(in: scenario) { throw ScenarioError([problem]) }
        return scenario
    }
}

extension ScenarioNode {
    /// The tree with `value` at `path` (creating mappings on the way): keys the path creates are
    /// located at `keyLocation` and keys it replaces keep their value's new location, so that an
    /// unknown key is reported where the override named it.
    func placing(_ value: ScenarioNode, at path: ArraySlice<String>, keyLocation: SourceLocation) -> ScenarioNode {
        guard let first = path.first else { return value }
        var entries: [(key: String, keyLocation: SourceLocation, value: ScenarioNode)] = []
        var location = keyLocation
        if case let .mapping(existing, l) = self {
            entries = existing
            location = l
        }
        if let i = entries.firstIndex(where: { $0.key == first }) {
            entries[i].value = entries[i].value.placing(value, at: path.dropFirst(), keyLocation: keyLocation)
        } else {
            let empty = ScenarioNode.mapping([], keyLocation)
            entries.append((first, keyLocation, empty.placing(value, at: path.dropFirst(), keyLocation: keyLocation)))
        }
        return .mapping(entries, location)
    }
}
