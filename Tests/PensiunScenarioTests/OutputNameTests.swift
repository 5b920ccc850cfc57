import Foundation
import Testing
@testable import PensiunScenario

/// `name:` becomes a folder under `Outputs/`: explicit names that could escape it are refused
/// with a located error; names taken from the file name are made safe.
@Suite struct OutputNameTests {
    static let rule = "at most 100 ASCII letters, digits, '.', '_' or '-', not starting with '.'"

    /// The problems of the minimal economy-only scenario with `name: NAME` on line 1.
    func problems(name: String) -> [String] {
        let yaml = "name: \(name)\n" + ScenarioLoaderTests().minimal.split(separator: "\n", omittingEmptySubsequences: false)
            .dropFirst().joined(separator: "\n")
        do {
            _ = try ScenarioLoader.parse(yaml: yaml, file: "s.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test(arguments: [
        ("'..'", "got '..' (starting with '.')"),
        ("'.'", "got '.' (starting with '.')"),
        ("'../..'", "got '../..' (with '/')"),
        ("a/b", "got 'a/b' (with '/')"),
        ("'.hidden'", "got '.hidden' (starting with '.')"),
        ("pensión", "got 'pensión' (with 'ó')"),
        ("'a b'", "got 'a b' (with ' ')"),
        ("'" + String(repeating: "x", count: 101) + "'", "got 101 bytes"),
    ])
    func anExplicitNameThatIsNotANameIsRefused(name: String, got: String) {
        #expect(problems(name: name) == ["s.yaml:1:7: name: expected a name of \(Self.rule), \(got)"])
    }

    @Test func anEmptyNameIsRefused() {
        #expect(problems(name: "''") == ["s.yaml:1:7: name: expected a name of \(Self.rule), got an empty value"])
    }

    @Test func aNameThatIsAMappingIsRefused() {
        #expect(problems(name: "{a: b}") == ["s.yaml:1:7: name: expected a name of \(Self.rule), got a mapping"])
    }

    @Test func namesWithinTheRuleAreKept() throws {
        let longest = String(repeating: "x", count: 100)
        for name in ["tiny", "a.b_c-2", "v1..2", longest] {
            #expect(problems(name: name).isEmpty, "\(name)")
        }
        #expect(OutputName.problem(longest) == nil)
    }

    @Test(arguments: [
        ("Scenarios/base.yaml", "base"),
        ("dir/my scenario (v2).yaml", "my-scenario--v2-"),
        ("dir/.hidden.yaml", "-hidden"),
        ("dir/pensión.yaml", "pensi-n"),
        ("dir/.yaml", "-yaml"),
        ("dir/..yaml", "-"),
        ("dir/" + String(repeating: "y", count: 150) + ".yaml", String(repeating: "y", count: 100)),
    ])
    func theDefaultNameIsMadeSafe(file: String, name: String) {
        let made = OutputName.fromFileName(file)
        #expect(made == name)
        #expect(OutputName.problem(made) == nil)
    }

    @Test func anEmptyFileNameGivesScenario() {
        #expect(OutputName.fromFileName("") == "scenario")
        #expect(OutputName.fromFileName("/") == "scenario")
    }

    @Test func aScenarioWithoutANameTakesTheSafeFileName() throws {
        let yaml = ScenarioLoaderTests().minimal.replacingOccurrences(of: "name: tiny\n", with: "")
        let scenario = try ScenarioLoader.parse(yaml: yaml, file: "dir/odd name.yaml")
        #expect(scenario.name == "odd-name")
    }
}
