import Foundation

/// Reads a scenario file and the chain of files it extends, and applies `--set` overrides.
///
/// `extends: base.yaml` (relative to the extending file) lays the file over its base: mappings
/// merge key by key, anything else replaces the base's value. Chains are followed
/// (``ExtendsChain``: at most ``ScenarioLimits/extendsFiles`` files; a cycle is an error).
/// `--set key.path=value` then replaces one value (the value is read as YAML, so lists and
/// mappings can be given in flow style).
package enum ScenarioComposer {
    package struct Composed {
        let tree: ScenarioNode
        let files: [String]
    }

    static func compose(path: String, overrides: [String]) throws(ScenarioError) -> Composed {
        let chain = try ExtendsChain.read(path: path)
        var tree = chain.tree
        for text in overrides { tree = try apply(override: text, to: tree) }
        return Composed(tree: tree, files: chain.files)
    }

    /// The tree of the YAML `text` read from `file`; an empty document is an error.
    package static func parse(text: String, file: String) throws(ScenarioError) -> ScenarioNode {
        guard let node = try YAMLDocument.parse(text: text, file: file) else {
            throw ScenarioError([.init(file: file, line: 1, column: 1, keyPath: "",
                                       message: "the file is empty (expected a scenario mapping)")])
        }
        return node
    }

    /// The text of a scenario or sweep file named on the command line, every problem located
    /// (no such file, a folder or device, too large, not UTF-8 at its first bad byte).
    package static func readText(path: String, kind: String = "scenario") throws(ScenarioError) -> String {
        do {
            return try ScenarioFileReader.contents(of: path)
        } catch let .notUTF8(line, column) {
            throw ScenarioError([.init(file: path, line: line, column: column, keyPath: "", message: "not UTF-8 text")])
        } catch {
            throw ScenarioError([.init(file: path, line: nil, column: nil, keyPath: "",
                                       message: "cannot read the \(kind) file (\(error.summary))")])
        }
    }

    /// Applies one `key.path=value` override.
    static func apply(override text: String, to tree: ScenarioNode) throws(ScenarioError) -> ScenarioNode {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw ScenarioError([.init(file: "--set", line: nil, column: nil, keyPath: "",
                                       message: "expected key.path=value, got '\(text)'")])
        }
        let key = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
        let valueText = String(text[text.index(after: equals)...])
        let path = key.split(separator: ".").map(String.init)
        guard !path.isEmpty, path.allSatisfy({ !$0.isEmpty }) else {
            throw ScenarioError([.init(file: "--set", line: nil, column: nil, keyPath: key,
                                       message: "expected key.path=value, got '\(text)'")])
        }
        guard path.count <= ScenarioLimits.depth else {
            throw ScenarioError([.init(file: "--set", line: nil, column: nil, keyPath: "",
                                       message: "the key path has \(path.count) parts (expected at most \(ScenarioLimits.depth))")])
        }
        let source = "--set"
        let value: ScenarioNode
        do {
            value = try YAMLDocument.parse(text: valueText, file: source)?.withoutPositions(file: source)
                ?? .scalar("", SourceLocation(file: source, line: nil, column: nil))
        } catch {
            throw ScenarioError([.init(file: "--set", line: nil, column: nil, keyPath: key,
                                       message: "the value is not valid YAML (got '\(valueText)')")])
        }
        return tree.placing(value, at: path[...], keyLocation: value.location)
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

extension ScenarioNode {
    /// The same tree with every location replaced by `file` alone (values given on the command line).
    func withoutPositions(file: String) -> ScenarioNode {
        let l = SourceLocation(file: file, line: nil, column: nil)
        switch self {
        case let .scalar(text, _): return .scalar(text, l)
        case let .sequence(items, _): return .sequence(items.map { $0.withoutPositions(file: file) }, l)
        case let .mapping(entries, _):
            return .mapping(entries.map { ($0.key, l, $0.value.withoutPositions(file: file)) }, l)
        }
    }
}
