import Foundation

/// A scenario file and the chain of files it `extends`, read base by base in a loop (never by
/// recursion, so no chain can overflow the stack) and laid over each other.
///
/// A problem with a base as a whole (missing, a folder or device, too large, not UTF-8 or holding a
/// control character, empty, not a mapping, a cycle, a chain past ``ScenarioLimits/extendsFiles``
/// files) is reported at the `extends:` value that names it, with the place inside the base when
/// there is one; a YAML syntax error inside a base is reported at its place in the base.
struct ExtendsChain {
    /// The files laid over each other, base first, with `extends` removed.
    let tree: ScenarioNode
    /// The scenario files of the chain as written (the extending file first), for manifests.
    let files: [String]

    /// Where a file was named: the `extends:` value of the file that extends it.
    private struct Reference {
        let base: String
        let location: SourceLocation

        func error(_ message: String) -> ScenarioError {
            ScenarioError([.init(file: location.file, line: location.line, column: location.column,
                                 keyPath: "extends", message: message)])
        }
    }

    static func read(path: String) throws(ScenarioError) -> ExtendsChain {
        var layers: [ScenarioNode] = [], files: [String] = [], canonical: [String] = []
        var current = path
        var reference: Reference?
        while true {
            // The real path (symbolic links resolved), so a cycle through a link is named as one.
            let key = URL(fileURLWithPath: current).resolvingSymlinksInPath().standardizedFileURL.path
            if let reference, let index = canonical.firstIndex(of: key) {
                let cycle = (canonical[index...] + [key]).map { URL(fileURLWithPath: $0).lastPathComponent }
                throw reference.error("extends forms a cycle (\(cycle.joined(separator: " → ")))")
            }
            if let reference, layers.count == ScenarioLimits.extendsFiles {
                throw reference.error("the chain of extended files is longer than \(ScenarioLimits.extendsFiles) files (expected at most \(ScenarioLimits.extendsFiles), the extending file included)")
            }
            canonical.append(key)
            files.append((current as NSString).standardizingPath)
            let tree = try layer(at: current, namedBy: reference)
            layers.append(tree.removing("extends"))
            guard let extends = tree["extends"] else { break }
            guard case let .scalar(base, location) = extends, !base.isEmpty else {
                let l = extends.location
                throw ScenarioError([.init(file: l.file, line: l.line, column: l.column, keyPath: "extends",
                                           message: "expected the path of the base scenario file")])
            }
            // String joining (``DataPath``) keeps a relative path relative (messages and manifests
            // name files as the user would); `..` segments are resolved by the file system.
            current = DataPath.resolve(base, writtenAt: SourceLocation(file: current, line: nil, column: nil))
            reference = Reference(base: base, location: location)
        }
        var tree = layers[layers.count - 1]
        for layer in layers.dropLast().reversed() { tree = tree.merged(with: layer) }
        return ExtendsChain(tree: tree, files: files)
    }

    /// The tree of one file of the chain: the scenario file itself (`reference` nil) or a base.
    private static func layer(at path: String, namedBy reference: Reference?) throws(ScenarioError) -> ScenarioNode {
        guard let reference else { return try ScenarioComposer.parse(text: ScenarioComposer.readText(path: path), file: path) }
        let named = "the base scenario '\(reference.base)'"
        let text: String
        do {
            text = try ScenarioFileReader.contents(of: path)
        } catch let .notUTF8(line, column) {
            throw reference.error("\(named) is not UTF-8 text (first bad byte at line \(line), column \(column))")
        } catch let .notRegular(kind) {
            throw reference.error("\(named) is not a scenario file (expected a regular YAML file, got \(kind))")
        } catch .tooLarge {
            throw reference.error("\(named) is not a scenario file (expected at most \(ScenarioLimits.fileBytes >> 20) MiB of YAML, got more)")
        } catch {
            throw reference.error("cannot read \(named) (\(error.summary))")
        }
        if let place = YAMLDocument.firstControlCharacter(in: text) {
            throw reference.error("\(named) is not YAML text (control character \(place.code) at line \(place.position.line), column \(place.position.column))")
        }
        guard let tree = try YAMLDocument.parse(text: text, file: path) else {
            throw reference.error("\(named) is empty (expected a scenario mapping)")
        }
        switch tree {
        case .mapping: return tree
        case .sequence: throw reference.error("\(named) is not a scenario (expected a mapping of scenario keys, got a list)")
        case .scalar: throw reference.error("\(named) is not a scenario (expected a mapping of scenario keys, got a single value)")
        }
    }
}
