import Foundation
import Testing
@testable import PensiunScenario

/// Reading a scenario costs bounded memory, stack and time, and reads only scenario files: alias
/// bombs, deep nesting, long `extends` chains, folders, named pipes, binary or non-UTF-8 files are
/// refused with one located line that never quotes the file.
@Suite struct ScenarioBoundsTests {
    /// A fresh temporary folder, removed after `body`.
    func inFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pensiun-bounds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    /// The messages of loading `file` in `folder`, the folder's path replaced by `DIR`.
    func problems(_ folder: URL, _ file: String = "scenario.yaml") -> [String] {
        do {
            _ = try ScenarioLoader.load(path: folder.appendingPathComponent(file).path)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: folder.path, with: "DIR") }
        }
    }

    func write(_ text: String, _ name: String, in folder: URL) throws {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    @Test func aBillionLaughsIsRefusedAfterTheNodeBudget() throws {
        try inFolder { folder in
            var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            for i in 1...9 {
                let refs = Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
                yaml += "a\(i): &a\(i) [\(refs)]\n"
            }
            try write(yaml, "scenario.yaml", in: folder)
            #expect(yaml.utf8.count < 1_000)
            let result = problems(folder)
            #expect(result.count == 1)
            #expect(result.first?.hasPrefix("DIR/scenario.yaml:") == true)
            #expect(result.first?.hasSuffix(": not valid YAML (more than 100000 values, counting each use of an alias)") == true)
        }
    }

    /// The YAML parser hashes whole keys: an alias of a bomb used as a key is refused before parsing.
    @Test func anAliasUsedAsAKeyIsRefusedBeforeParsing() throws {
        try inFolder { folder in
            var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            for i in 1...9 { yaml += "a\(i): &a\(i) [\(Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", "))]\n" }
            try write(yaml + "? *a9\n: 1\n", "scenario.yaml", in: folder)
            let message = "not valid YAML (a key that is an alias, a list or a mapping; scenario keys are plain names)"
            #expect(problems(folder) == ["DIR/scenario.yaml:11:1: \(message)"])
            try write(yaml + "b: {*a9 : 1}\n", "scenario.yaml", in: folder)
            #expect(problems(folder) == ["DIR/scenario.yaml:11:5: \(message)"])
            try write(yaml + "*a9: 1\n", "scenario.yaml", in: folder)
            #expect(problems(folder) == ["DIR/scenario.yaml:11:1: \(message)"])
            try write(yaml + "[x, *a9]: 1\n", "scenario.yaml", in: folder)
            #expect(problems(folder) == ["DIR/scenario.yaml:11:8: \(message)"])
        }
    }

    @Test func aliasesInValuesAndStarsInTextStillRead() {
        let text = "description: 'a *star : here ? yes' # *b : c\nx: &v 1\ny: *v\nz: [*v, 2]\n"
        #expect(AliasKeyScan.firstComplexKey(in: text) == nil)
    }

    @Test func nestingPastTheLimitIsRefused() throws {
        try inFolder { folder in
            try write("a: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n", "scenario.yaml", in: folder)
            #expect(problems(folder) == ["DIR/scenario.yaml:1:67: not valid YAML (lists and mappings nested deeper than 64 levels)"])
            try write("a: " + String(repeating: "[", count: 5_000) + "\n", "scenario.yaml", in: folder)
            let deep = problems(folder)
            #expect(deep.count == 1)
            #expect(deep.first?.hasSuffix("not valid YAML (lists and mappings nested deeper than 64 levels)") == true)
        }
    }

    @Test func aLongExtendsChainStopsAtTheLimit() throws {
        try inFolder { folder in
            for i in 0..<200 { try write("extends: s\(i + 1).yaml\n", "s\(i).yaml", in: folder) }
            try write("name: last\n", "s200.yaml", in: folder)
            #expect(problems(folder, "s0.yaml") == [
                "DIR/s31.yaml:1:10: extends: the chain of extended files is longer than 32 files (expected at most 32, the extending file included)",
            ])
        }
    }

    @Test func aBaseThatIsNotARegularFileIsNamedAtTheExtendsKey() throws {
        try inFolder { folder in
            #expect(mkfifo(folder.appendingPathComponent("pipe").path, 0o600) == 0)
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: false)
            try write("extends: pipe\n", "scenario.yaml", in: folder)
            #expect(problems(folder) == ["DIR/scenario.yaml:1:10: extends: the base scenario 'pipe' is not a scenario file (expected a regular YAML file, got a named pipe (FIFO))"])
            try write("name: x\nextends: sub\n", "scenario.yaml", in: folder)
            #expect(problems(folder) == ["DIR/scenario.yaml:2:10: extends: the base scenario 'sub' is not a scenario file (expected a regular YAML file, got a folder)"])
            #expect(problems(folder, "pipe") == ["DIR/pipe: cannot read the scenario file (expected a regular file, got a named pipe (FIFO))"])
            #expect(problems(folder, "sub") == ["DIR/sub: cannot read the scenario file (expected a regular file, got a folder)"])
        }
    }

    @Test func aBaseThatIsNotAScenarioMappingIsRefusedWithoutItsContent() throws {
        try inFolder { folder in
            try write("extends: base.txt\n", "scenario.yaml", in: folder)
            try write("my-secret-hostname\n", "base.txt", in: folder)
            #expect(problems(folder) == ["DIR/scenario.yaml:1:10: extends: the base scenario 'base.txt' is not a scenario (expected a mapping of scenario keys, got a single value)"])
            try write("- secret-a\n- secret-b\n", "base.txt", in: folder)
            #expect(problems(folder) == ["DIR/scenario.yaml:1:10: extends: the base scenario 'base.txt' is not a scenario (expected a mapping of scenario keys, got a list)"])
            try write("", "base.txt", in: folder)
            #expect(problems(folder) == ["DIR/scenario.yaml:1:10: extends: the base scenario 'base.txt' is empty (expected a scenario mapping)"])
        }
    }

    @Test func invalidUTF8IsLocatedAtTheFirstBadByte() throws {
        try inFolder { folder in
            let bytes = Array("name: ok\nséc: \u{00E9}".utf8) + [0xFF, 0x41, 0x0A]
            try Data(bytes).write(to: folder.appendingPathComponent("scenario.yaml"))
            #expect(problems(folder) == ["DIR/scenario.yaml:2:7: not UTF-8 text"])
            try Data(bytes).write(to: folder.appendingPathComponent("base.yaml"))
            try write("\n  \nextends: base.yaml\n", "top.yaml", in: folder)
            #expect(problems(folder, "top.yaml") == ["DIR/top.yaml:3:10: extends: the base scenario 'base.yaml' is not UTF-8 text (first bad byte at line 2, column 7)"])
        }
    }

    @Test func aControlCharacterIsLocatedAndNotQuoted() throws {
        try inFolder { folder in
            try write("name: ok\nsimulation:\n  seed: 1\u{0}secret tail\n", "scenario.yaml", in: folder)
            #expect(problems(folder) == ["DIR/scenario.yaml:3:10: not valid YAML (control character U+0000 is not allowed)"])
            try write("name: ok\u{1B}[31m\n", "scenario.yaml", in: folder)
            #expect(problems(folder) == ["DIR/scenario.yaml:1:9: not valid YAML (control character U+001B is not allowed)"])
        }
    }

    @Test func aBaseWithAControlCharacterIsNamedAtTheExtendsKey() throws {
        try inFolder { folder in
            try write("name: base\nsimulation:\n  seed: 1\u{0}\n", "base.yaml", in: folder)
            try write("extends: base.yaml\n", "scenario.yaml", in: folder)
            #expect(problems(folder) == ["DIR/scenario.yaml:1:10: extends: the base scenario 'base.yaml' is not YAML text (control character U+0000 at line 3, column 10)"])
        }
    }

    @Test func aSetKeyPathDeeperThanTheLimitIsRefused() throws {
        let key = Array(repeating: "a", count: 100_000).joined(separator: ".")
        #expect(throws: ScenarioError.self) {
            _ = try ScenarioComposer.apply(override: key + "=1", to: .mapping([], SourceLocation(file: "s.yaml", line: 1, column: 1)))
        }
    }

    @Test func aFileLargerThanTheCapIsRefused() throws {
        try inFolder { folder in
            try Data(repeating: 0x20, count: ScenarioLimits.fileBytes + 1).write(to: folder.appendingPathComponent("big.yaml"))
            try write("extends: big.yaml\n", "scenario.yaml", in: folder)
            #expect(problems(folder) == ["DIR/scenario.yaml:1:10: extends: the base scenario 'big.yaml' is not a scenario file (expected at most 16 MiB of YAML, got more)"])
            #expect(problems(folder, "big.yaml") == ["DIR/big.yaml: cannot read the scenario file (expected at most 16 MiB, got more)"])
        }
    }

    /// The process environment named as a base: refused, and no variable's value is shown.
    @Test func theProcessEnvironmentIsNeverEchoed() throws {
        try inFolder { folder in
            try write("extends: /proc/self/environ\n", "scenario.yaml", in: folder)
            let result = problems(folder)
            #expect(result.count == 1)
            let values = ProcessInfo.processInfo.environment.values.filter { $0.count >= 6 }
            for value in values { #expect(result.first?.contains(value) == false) }
        }
    }

    @Test func aDuplicateKeyIsLocatedWithoutQuotingIt() throws {
        try inFolder { folder in
            try write("name: a\nsimulation: {seed: 1}\nname: b\n", "scenario.yaml", in: folder)
            #expect(problems(folder) == ["DIR/scenario.yaml:1:1: not valid YAML (this key appears again in the same mapping; each key may appear once)"])
        }
    }

    @Test func aCycleIsNamedWhereItCloses() throws {
        try inFolder { folder in
            try write("extends: scenario.yaml\n", "scenario.yaml", in: folder)
            #expect(problems(folder) == ["DIR/scenario.yaml:1:10: extends: extends forms a cycle (scenario.yaml → scenario.yaml)"])
        }
    }

    /// A cycle through a symbolic link is named as a cycle, not as a chain too long.
    @Test func aCycleThroughASymbolicLinkIsNamedAsACycle() throws {
        try inFolder { folder in
            try write("extends: link.yaml\n", "scenario.yaml", in: folder)
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.yaml").path,
                                                       withDestinationPath: "scenario.yaml")
            #expect(problems(folder) == ["DIR/scenario.yaml:1:10: extends: extends forms a cycle (scenario.yaml → scenario.yaml)"])
        }
    }
}
