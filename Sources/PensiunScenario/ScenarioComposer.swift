import Foundation
import Yams

/// Reads a scenario file and the chain of files it extends, and applies `--set` overrides.
///
/// `extends: base.yaml` (relative to the extending file) lays the file over its base: mappings
/// merge key by key, anything else replaces the base's value. Chains are followed; a cycle is an
/// error. `--set key.path=value` then replaces one value (the value is read as YAML, so lists and
/// mappings can be given in flow style).
enum ScenarioComposer {
    struct Composed {
        let tree: ScenarioNode
        let files: [String]
    }

    static func compose(path: String, overrides: [String]) throws(ScenarioError) -> Composed {
        var chain: [String] = [], files: [String] = []
        var tree = try load(path: path, chain: &chain, files: &files)
        for text in overrides { tree = try apply(override: text, to: tree) }
        return Composed(tree: tree, files: files)
    }

    /// `path` and the files it extends, base first. `chain` holds the canonical paths read so far
    /// (to detect cycles), `files` the same paths as written (for manifests).
    static func load(path: String, chain: inout [String], files: inout [String]) throws(ScenarioError) -> ScenarioNode {
        let canonical = URL(fileURLWithPath: path).standardizedFileURL.path
        if let index = chain.firstIndex(of: canonical) {
            let cycle = (chain[index...] + [canonical]).map { URL(fileURLWithPath: $0).lastPathComponent }
            throw ScenarioError([.init(file: path, line: nil, column: nil, keyPath: "extends",
                                       message: "extends forms a cycle (\(cycle.joined(separator: " → ")))")])
        }
        chain.append(canonical)
        files.append((path as NSString).standardizingPath)
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ScenarioError([.init(file: path, line: nil, column: nil, keyPath: "",
                                       message: "cannot read the scenario file (\(reason(error)))")])
        }
        let tree = try parse(text: text, file: path)
        guard let extends = tree["extends"] else { return tree }
        guard case let .scalar(base, location) = extends, !base.isEmpty else {
            let l = extends.location
            throw ScenarioError([.init(file: l.file, line: l.line, column: l.column, keyPath: "extends",
                                       message: "expected the path of the base scenario file")])
        }
        // String joining keeps a relative path relative (messages and manifests name files as the
        // user would); `..` segments are resolved by the file system.
        let folder = (path as NSString).deletingLastPathComponent
        let basePath = base.hasPrefix("/") ? base : (folder as NSString).appendingPathComponent(base)
        guard FileManager.default.fileExists(atPath: basePath) else {
            throw ScenarioError([.init(file: location.file, line: location.line, column: location.column, keyPath: "extends",
                                       message: "cannot read the base scenario '\(base)' (no such file)")])
        }
        let baseTree = try load(path: basePath, chain: &chain, files: &files)
        return baseTree.merged(with: tree.removing("extends"))
    }

    static func parse(text: String, file: String) throws(ScenarioError) -> ScenarioNode {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ScenarioError([.init(file: file, line: 1, column: 1, keyPath: "",
                                           message: "the file is empty (expected a scenario mapping)")])
            }
            return ScenarioNode(node, file: file)
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw ScenarioError([yamlDiagnostic(error, file: file)])
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
        let source = "--set"
        let value: ScenarioNode
        do {
            if let node = try Yams.compose(yaml: valueText) {
                value = ScenarioNode(node, file: source).withoutPositions(file: source)
            } else {
                value = .scalar("", SourceLocation(file: source, line: nil, column: nil))
            }
        } catch {
            throw ScenarioError([.init(file: "--set", line: nil, column: nil, keyPath: key,
                                       message: "the value is not valid YAML (got '\(valueText)')")])
        }
        return tree.placing(value, at: path[...], keyLocation: value.location)
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
