import Foundation
import Testing

/// Sources/README.md (its data-flow diagram): data flows one way, scenario file → PensiunScenario → resolved inputs
/// (PensiunInputs) → PensiunEngine → results → PensiunReporting / PensiunSweep → PensiunRuns →
/// pensiun. Every
/// module may import only modules of an earlier stage, both in its `import` lines and in its
/// target's dependencies in Package.swift. A module of Sources/ missing from the list fails too, so
/// that a new module is given its place.
@Suite struct ModuleStageTests {
    /// The stages in order; modules of one stage (the scenario reader and the engine, which both
    /// start from the resolved inputs) may not import each other.
    static let stages: [[String]] = [
        ["CGSL"],
        ["PensiunRandom"],
        ["PensiunMonteCarlo"],
        ["PensiunActuarial"],
        ["PensiunEconomy"],
        ["PensiunInputs"],
        ["PensiunScenario", "PensiunEngine"],
        ["PensiunReporting"],
        ["PensiunSweep"],
        ["PensiunRuns"],
        ["pensiun"],
    ]

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func stage(of module: String) -> Int? { stages.firstIndex { $0.contains(module) } }

    /// A name of this package's modules: a stage's module, or a name shaped like one (a new module
    /// not yet placed).
    static func isOurs(_ module: String) -> Bool {
        stage(of: module) != nil || module.hasPrefix("Pensiun")
    }

    /// "A imports B, a module of a later (or the same) stage" for a dependency against the order.
    static func problem(_ module: String, _ dependency: String, _ place: String) -> String? {
        guard module != dependency, isOurs(dependency) else { return nil }
        guard let from = stage(of: module) else { return "\(place): \(module) is not in ModuleStageTests.stages" }
        guard let to = stage(of: dependency) else { return "\(place): \(dependency) is not in ModuleStageTests.stages" }
        guard to < from else {
            return "\(place): \(module) depends on \(dependency), a module of \(to == from ? "the same" : "a later") stage"
        }
        return nil
    }

    /// The module an `import` line names (`import X`, `@testable import X`, `public import X`,
    /// `import struct X.Y`), or nil.
    static func importedModule(_ line: Substring) -> String? {
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
        while let first = words.first, first.hasPrefix("@") || ["public", "package", "internal", "fileprivate", "private"].contains(first) {
            words = words.dropFirst()
        }
        guard words.first == "import" else { return nil }
        words = words.dropFirst()
        if let kind = words.first, ["struct", "class", "enum", "protocol", "typealias", "func", "var", "let"].contains(kind) {
            words = words.dropFirst()
        }
        return words.first.map { String($0.split(separator: ".")[0]) }
    }

    @Test func noSourceFileImportsALaterStage() throws {
        let sources = Self.root.appendingPathComponent("Sources")
        let modules = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter {
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: sources.appendingPathComponent($0).path, isDirectory: &folder)
                && folder.boolValue
        }
        #expect(Set(modules) == Set(Self.stages.joined()), "the folders of Sources/ and ModuleStageTests.stages")
        var problems: [String] = [], imports = 0
        for module in modules.sorted() {
            let folder = sources.appendingPathComponent(module)
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in walker where file.pathExtension == "swift" {
                let place = String(file.path.dropFirst(Self.root.path.count + 1))
                for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                    guard let dependency = Self.importedModule(line) else { continue }
                    imports += 1
                    if let problem = Self.problem(module, dependency, place) { problems.append(problem) }
                }
            }
        }
        #expect(imports > 100, "found \(imports) import lines")
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// The `dependencies:` of every `.target` and `.executableTarget` in Package.swift (test targets
    /// may import anything), or of the test targets too.
    static func targetDependencies(includingTests: Bool = false) throws -> [(target: String, dependencies: [String])] {
        let text = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let kinds = includingTests ? "target|executableTarget|testTarget" : "target|executableTarget"
        let pattern = try NSRegularExpression(
            pattern: #"\.(?:"# + kinds + #")\(\s*name:\s*"(\w+)"\s*,\s*dependencies:\s*\[([^\]]*)\]"#)
        let quoted = try NSRegularExpression(pattern: #""([\w-]+)""#)
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).map { match in
            let name = String(text[Range(match.range(at: 1), in: text)!])
            let list = String(text[Range(match.range(at: 2), in: text)!])
            let names = quoted.matches(in: list, range: NSRange(list.startIndex..., in: list)).map {
                String(list[Range($0.range(at: 1), in: list)!])
            }
            return (name, names)
        }
    }

    @Test func noTargetDependsOnALaterStage() throws {
        let targets = try Self.targetDependencies()
        #expect(Set(targets.map(\.target)).isSuperset(of: ["PensiunInputs", "PensiunScenario", "PensiunEngine", "pensiun"]))
        var problems: [String] = []
        for (target, dependencies) in targets where target != "PensiunTestSupport" {
            for dependency in dependencies {
                if let problem = Self.problem(target, dependency, "Package.swift") { problems.append(problem) }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// Every package module a target's files import is among the target's dependencies, directly
    /// or through them: a build from scratch compiles a target only after those. An incremental
    /// build that already holds a module hides a missing one (it did: PensiunScenarioTests imported
    /// PensiunEngine after the scenario reader stopped depending on it, and only a fresh clone failed).
    @Test func everyImportIsADeclaredDependency() throws {
        let direct = Dictionary(uniqueKeysWithValues: try Self.targetDependencies(includingTests: true)
            .map { ($0.target, $0.dependencies.filter(Self.isOurs)) })
        func closure(_ target: String) -> Set<String> {
            var seen: Set<String> = [], todo = direct[target] ?? []
            while let next = todo.popLast() {
                if seen.insert(next).inserted { todo += direct[next] ?? [] }
            }
            return seen
        }
        #expect(direct["PensiunScenarioTests"] != nil && direct["CLITests"] != nil)
        var problems: [String] = [], checked = 0
        for (folder, target) in direct.keys.flatMap({ name in ["Sources", "Tests"].map { ($0, name) } }) {
            let base = Self.root.appendingPathComponent(folder).appendingPathComponent(target)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            let allowed = closure(target)
            for case let file as URL in walker where file.pathExtension == "swift" {
                for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                    guard let module = Self.importedModule(line), Self.isOurs(module), module != target else { continue }
                    checked += 1
                    if !allowed.contains(module) {
                        problems.append("\(folder)/\(target)/\(file.lastPathComponent) imports \(module), not among \(target)'s dependencies")
                    }
                }
            }
        }
        #expect(checked > 100, "checked \(checked) imports")
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// Sources/README.md's module table lists every module once, in stage order, so the order is
    /// kept in one place (``stages``) and the README cannot drift from it.
    @Test func theReadmeListsTheModulesInStageOrder() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("Sources/README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Modules"), "Sources/README.md has no ## Modules section")
        let table = readme[section.upperBound...].components(separatedBy: "\n## ")[0]
        let listed = table.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            return line.dropFirst(3).split(separator: "`").first.map(String.init)
        }
        #expect(listed == Self.stages.flatMap { $0 })
    }

    /// The check itself: a scenario file importing the engine, or the engine the scenario reader, fails.
    @Test func siblingsAndLaterStagesAreRefused() {
        #expect(Self.problem("PensiunScenario", "PensiunEngine", "x") != nil)
        #expect(Self.problem("PensiunEngine", "PensiunScenario", "x") != nil)
        #expect(Self.problem("PensiunInputs", "PensiunEngine", "x") != nil)
        #expect(Self.problem("PensiunEngine", "PensiunInputs", "x") == nil)
        #expect(Self.problem("PensiunEngine", "Foundation", "x") == nil)
        #expect(Self.problem("PensiunEngine", "PensiunNew", "x") != nil)
        #expect(Self.importedModule("@testable import PensiunEngine") == "PensiunEngine")
        #expect(Self.importedModule("public import struct PensiunInputs.ByYear") == "PensiunInputs")
        #expect(Self.importedModule("// import PensiunEngine") == nil)
    }
}
