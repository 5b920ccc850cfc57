import Foundation
import Testing

/// The rule layer's table in Sources/README.md, checked against the code: every rule's function
/// exists in its file, its distinctive expression is in that file and in no other source file,
/// and the test it names exists. A formula written a second time in an engine fails here.
@Suite struct RuleLayerSourceTests {
    struct Row {
        let rule: String
        let function: String
        let file: String
        let section: String
        let test: String
        let expression: String
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The rows of the table under "## The rule layer": | rule | `function` | `file` | § | `test` | `regex` |.
    static func rows() throws -> [Row] {
        let text = try String(contentsOf: root.appendingPathComponent("Sources/README.md"), encoding: .utf8)
        guard let start = text.range(of: "## The rule layer") else { return [] }
        var rows: [Row] = []
        for line in text[start.upperBound...].split(separator: "\n") {
            if line.hasPrefix("## ") { break }
            guard line.hasPrefix("| "), !line.hasPrefix("| rule"), !line.hasPrefix("|---") else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 6 else { continue }
            func code(_ s: String) -> String { s.replacingOccurrences(of: "`", with: "") }
            rows.append(Row(rule: cells[0], function: code(cells[1]), file: code(cells[2]), section: cells[3],
                            test: code(cells[4]), expression: code(cells[5]).replacingOccurrences(of: "\\\\|", with: "|")))
        }
        return rows
    }

    static func swiftFiles(under folder: String) -> [URL] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
    }

    /// The source without comments (doc comments quote the formulas on purpose).
    static func code(of url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> Substring in
                guard let comment = line.range(of: "//") else { return line }
                return line[..<comment.lowerBound]
            }
            .joined(separator: "\n")
    }

    @Test func theTableListsEveryRule() throws {
        let rows = try Self.rows()
        #expect(rows.count >= 15, "Sources/README.md's rule table has \(rows.count) rows")
        let sections = try String(contentsOf: Self.root.appendingPathComponent("docs/model.md"), encoding: .utf8)
        for row in rows {
            #expect(row.section.hasPrefix("§"), "\(row.rule): section \(row.section)")
            let number = row.section.dropFirst().prefix { $0.isNumber }
            #expect(sections.contains("## \(number). "), "\(row.rule): docs/model.md has no section \(row.section)")
        }
    }

    @Test func everyRuleIsWrittenOnceInItsFile() throws {
        let sources = Self.swiftFiles(under: "Sources")
        let tests = Self.swiftFiles(under: "Tests")
        let testText = try tests.map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
        var problems: [String] = []
        for row in try Self.rows() {
            let home = Self.root.appendingPathComponent(row.file)
            guard let homeCode = try? Self.code(of: home) else { problems.append("\(row.rule): no file \(row.file)"); continue }
            let name = row.function.split(separator: "(").first.map(String.init) ?? row.function
            let last = name.split(separator: ".").last.map(String.init) ?? name
            if !homeCode.contains(last) { problems.append("\(row.rule): \(row.file) does not define \(last)") }
            let regex = try Regex(row.expression)
            if homeCode.firstMatch(of: regex) == nil {
                problems.append("\(row.rule): its expression /\(row.expression)/ is not in \(row.file)")
            }
            for url in sources where url.standardizedFileURL != home.standardizedFileURL {
                if let match = try Self.code(of: url).firstMatch(of: regex) {
                    let relative = url.path.replacingOccurrences(of: Self.root.path + "/", with: "")
                    problems.append("\(row.rule) is written again in \(relative): \(match.output[0].substring ?? "")")
                }
            }
            let testName = row.test.split(separator: ".").last.map(String.init) ?? row.test
            if !testText.contains("func \(testName)") { problems.append("\(row.rule): no test named \(row.test)") }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
