/// Where a value came from: a file position, or a `--set` override.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?
    public init(file: String, line: Int?, column: Int?) {
        self.file = file
        self.line = line
        self.column = column
    }
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        return text
    }
}

/// A scenario tree: YAML nodes that remember the file (and line and column) they came from, so
/// that composed scenarios (`extends:`, `--set`) still locate every value.
public indirect enum ScenarioNode: Sendable {
    case scalar(String, SourceLocation)
    case mapping([(key: String, keyLocation: SourceLocation, value: ScenarioNode)], SourceLocation)
    case sequence([ScenarioNode], SourceLocation)

    public var location: SourceLocation {
        switch self {
        case let .scalar(_, l), let .mapping(_, l), let .sequence(_, l): return l
        }
    }

    /// `overlay` laid over `self`: mappings merge key by key (recursively); any other value of
    /// the overlay replaces the base's (lists are replaced whole).
    func merged(with overlay: ScenarioNode) -> ScenarioNode {
        guard case let .mapping(base, baseLocation) = self, case let .mapping(top, _) = overlay else { return overlay }
        var entries = base
        for entry in top {
            if let i = entries.firstIndex(where: { $0.key == entry.key }) {
                entries[i] = (entry.key, entry.keyLocation, entries[i].value.merged(with: entry.value))
            } else {
                entries.append(entry)
            }
        }
        return .mapping(entries, baseLocation)
    }

    /// The mapping entry `key`, if this is a mapping that has it.
    subscript(key: String) -> ScenarioNode? {
        if case let .mapping(entries, _) = self { return entries.first { $0.key == key }?.value }
        return nil
    }

    /// Removes a top-level key (used for `extends`).
    func removing(_ key: String) -> ScenarioNode {
        if case let .mapping(entries, l) = self { return .mapping(entries.filter { $0.key != key }, l) }
        return self
    }
}
