import Foundation
import PensiunInputs
import Testing

/// The rule layer's table in Sources/README.md, checked against the code: every rule's function
/// is defined in its file (its type, and the function with its argument labels), its distinctive
/// expression is in that file and in no other source file, and the test it names exists and calls
/// it. A formula written a second time in an engine fails here.
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

    /// The cells of a table row, split on the pipes that are not escaped: as in GitHub's tables, `\|`
    /// stands for a `|` inside a cell (a regular expression's alternation), code spans included.
    static func tableCells(_ line: Substring) -> [String] {
        var cells: [String] = [], cell = "", escaped = false
        for character in line {
            if escaped {
                cell.append(character == "|" ? "|" : "\\\(character)")
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(cell.trimmingCharacters(in: .whitespaces))
                cell = ""
            } else {
                cell.append(character)
            }
        }
        if escaped { cell.append("\\") }
        cells.append(cell.trimmingCharacters(in: .whitespaces))
        return Array(cells.dropFirst().dropLast())
    }

    /// The rows of the table under "## The rule layer": | rule | `function` | `file` | § | `test` | `regex` |.
    static func rows() throws -> [Row] {
        let text = try String(contentsOf: root.appendingPathComponent("Sources/README.md"), encoding: .utf8)
        guard let start = text.range(of: "## The rule layer") else { return [] }
        var rows: [Row] = []
        for line in text[start.upperBound...].split(separator: "\n") {
            if line.hasPrefix("## ") { break }
            guard line.hasPrefix("| "), !line.hasPrefix("| rule"), !line.hasPrefix("|---") else { continue }
            let cells = tableCells(line)
            guard cells.count == 6 else { continue }
            func code(_ s: String) -> String { s.replacingOccurrences(of: "`", with: "") }
            rows.append(Row(rule: cells[0], function: code(cells[1]), file: code(cells[2]), section: cells[3],
                            test: code(cells[4]), expression: code(cells[5])))
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

    /// What the table's `function` cell, `Type.name(label:label:)`, `Type.init(label:…)` or
    /// `Type.property`, must match in its file: the type (`struct`, `enum` or `extension`), and the
    /// member: `func name` with its argument labels in order, `init(` with its labels, or
    /// `var`/`let name` (labels are matched up to the body's `{`, so closure types in between do not
    /// stop them). `use` is what a test exercising it contains: `.name(`, `Type(` for an
    /// initializer, `.name` for a property.
    static func definition(of function: String) throws -> (type: Regex<AnyRegexOutput>, member: Regex<AnyRegexOutput>, use: String) {
        let head = function.split(separator: "(", maxSplits: 1)
        let path = head[0].split(separator: ".").map(String.init)
        let typeName = path[0], name = path.last ?? typeName
        let type = try Regex(#"(?:struct|enum|class|extension)\s+"# + typeName + #"\b"#)
        guard head.count == 2 else {
            return (type, try Regex(#"(?:var|let)\s+"# + name + #"\b"#), "." + name)
        }
        let labels = head[1].dropLast().split(separator: ":").map(String.init)
        let arguments = labels.map { #"\b"# + $0 + #"\b"# }.joined(separator: #"[^{]*?"#)
        let opening = name == "init" ? #"\binit\s*\(\s*"# : #"\bfunc\s+"# + name + #"\s*(?:<[^>]*>)?\(\s*"#
        return (type, try Regex(opening + arguments), name == "init" ? typeName + "(" : "." + name + "(")
    }

    /// The texts of the functions named `name` in the tests, each from `func name(` to the next
    /// `@Test` (or the end of its file).
    static func bodies(ofTest name: String, in text: String) -> [Substring] {
        text.ranges(of: "func \(name)(").map { start in
            let rest = text[start.upperBound...]
            return rest[..<(rest.range(of: "@Test")?.lowerBound ?? rest.endIndex)]
        }
    }

    @Test func theDefinitionCheckIsNotVacuous() throws {
        let home = """
            public struct RetirementChance {
                @inlinable public init(age x: Int, service n: Int) {}
                @inlinable public static func reachesNormalAge(age x: Int, normalAge bup: Int) -> Bool { x + 1 >= bup }
                public static let monthlyCorrection = 0.5
            }
            """
        func defines(_ function: String) throws -> Bool {
            let d = try Self.definition(of: function)
            return home.firstMatch(of: d.type) != nil && home.firstMatch(of: d.member) != nil
        }
        #expect(try defines("RetirementChance.init(age:service:)"))
        #expect(try !defines("RetirementChance.init(service:age:)"))
        #expect(try !defines("RetirementChance.init(year:)"))
        #expect(try defines("RetirementChance.reachesNormalAge(age:normalAge:)"))
        #expect(try !defines("RetirementChance.reachesNormalAge(age:earlyAge:)"))
        #expect(try !defines("RetirementChance.normalAge(age:)"))
        #expect(try !defines("ExitChance.reachesNormalAge(age:normalAge:)"))
        #expect(try defines("RetirementChance.monthlyCorrection"))
        #expect(try !defines("RetirementChance.annualCorrection"))
        #expect(try Self.definition(of: "RetirementChance.init(age:service:)").use == "RetirementChance(")
        #expect(try Self.definition(of: "DBRules.pension(yearsOfService:base:floor:)").use == ".pension(")
    }

    /// Lines of the engines at c8b1b54, before they called the rule layer (each rule was written
    /// out there, with receivers and the engines' own names): each rule's expression must find its
    /// copy, so that writing one out again fails ``everyRuleIsWrittenOnceInItsFile()``.
    static let engineCopies: [(function: String, line: String)] = [
        ("DBRules.accruedFraction", "dbMonthly = min(db.cap, db.accrualRate * Double(nr)) * frozenB"),
        ("DBRules.pension", "dbMonthly = max(floorY, min(db.cap, db.accrualRate * Double(service + 1)) * b)"),
        ("DBRules.frozenPension", "return (min(db.cap, db.accrualRate * Double(nr)) * frozenScale,"),
        ("DBRules.pensionerSurvivor", "contingentMonthly = max(db.survivorOfPensioner * b, db.survivorOfPensionerFloor * floorY)"),
        ("DBRules.deathInServiceSurvivor", "monthly = (1 - db.dutyShare) * max(db.survivorOfActive * b, db.survivorOfActiveFloor * floorY)"),
        ("DBRules.frozenSurvivor", "contingentMonthly = db.survivorOfPensioner * frozenB * Double(nr) / Double(service + 1)"),
        ("DBRules.initialContingentSurvivor", "?? max(db.survivorOfPensioner / db.cap * cell.monthlyPension,"),
        ("DBRules.isEligible", "let eligible = early || service + 1 >= db.minimumService"),
        ("DBRules.paidPerMonthlyPension", "let paidPension = months * (1 + db.pensionAllowance)"),
        ("DBRules.recognitionBond", "return min(db.cap, db.accrualRate * Double(service)) * base * db.monthsPaid * factor * pow(1 + rho, -Double(yearsToBUP))"),
        ("RetirementChance.init", "} else if age + 1 >= earlyAge && service + 1 >= earlyService {"),
        ("RetirementChance.reachesNormalAge", "if age + 1 >= bup {"),
        ("DBRules.frozenBase", "let frozenScale = finalSalary ? scale : tables.salaryScale(track: k, service: nr)"),
        ("DBRules.employeeContribution", "if accruesDB[c] { employeeDB += n * cDB * s * 12 }"),
        ("DBRules.bondAccrued", "record.bondEnd = cohort.bond * (1 + rho)"),
        ("DBRules.valueOfSurvivorPension", "benefits += m * contingentMonthly * db.monthsPaid * (1 + db.survivorAllowance)"),
        ("ReformMembership.isDCFromEntry", "let isDCFromEntry = dc.map { spec.entryYear >= $0.year } ?? false"),
        ("ReformMembership.at", "guard dc.transition.switches(age: age) else { continue }"),
        ("DCRules.contributionBase", "let base = tables.dcMultiplier[k] * s * 12"),
        ("DCRules.grown", "let after = before * (1 + r) + contribution * halfGrowthByAge[age]"),
        ("DCRules.annuity(pot:inverseFactor:)", "annuity = pot * inverse[vector: c]"),
        ("DCRules.annuity(pot:factor:)", "annuity = pot / annuityFactor(sex: Sex.at(sIndex), age: age + 1, t: t, kappa: kappa, rate: annuityRate)"),
        ("Guarantee.covers", "if let g = dc!.guarantee, service + 1 >= g.minimumService {"),
        ("Guarantee.annualAmount", "record.guaranteeW = months * guarantee.level * db.floor - (frozenByIndex ? 0 : ret.db * paidPension)"),
        ("Guarantee.topUp", "topup = max(0, months * g.level * floorY - (dbMonthly * paidPension + annuity))"),
        ("Guarantee.shortfall", "record.guaranteeW = months * guarantee.level * db.floor - (frozenByIndex ? 0 : ret.db * paidPension)"),
        ("ReplacementRate.countsInDB", "let hasDBRights = memberAccruesDB || rights == 1"),
        ("Spouse.age", "row.spouseCell = (1 - s) * ages + min(max(age + 1 + tables.gap[s], 0), ages - 1)"),
        ("Spouse.age", "let spouse = min(max(x + 1 + gap, 0), ages - 1)"),
        ("Guarantee.topUp", "topup = positivePart(w * rec.guaranteeW - frozenIndex[vector: c] * rec.guaranteeFrozen - annuity)"),
        ("ReplacementRate.dc", "let dcRate = annuity / monthsDC / b"),
        ("ReplacementRate.total", "let totalRate = dbRate + dcRate + topup / months / b"),
        ("ReplacementRate.monthlyPension", "let monthly = dbMonthly + annuity / (dc?.monthsPaidDC ?? 12) + topup / db.monthsPaid"),
        ("MoneysWorth.ratio", "accumulatedEmployee > 0 ? benefits / accumulatedEmployee : .nan,"),
        ("BudgetBurden.amount", "let burden = dbBenefits + employerDC + topups + bondRedemptions"),
        ("IndexationRule.expectedEscalation", "case .wages: return (1 + e.inflation.mean) * (1 + e.realWageGrowth.mean) - 1"),
    ]

    @Test func theExpressionsFindTheEnginesOldCopies() throws {
        let rows = try Self.rows()
        for (function, line) in Self.engineCopies {
            let matching = rows.filter { $0.function == function || $0.function.hasPrefix(function + "(") }
            #expect(!matching.isEmpty, "no row for \(function)")
            for row in matching {
                #expect(try line.firstMatch(of: Regex(row.expression)) != nil, "/\(row.expression)/ misses \(line)")
            }
        }
    }

    @Test func cellsSplitOnUnescapedPipes() {
        #expect(Self.tableCells(#"| a | `x\|y` | b |"#) == ["a", "`x|y`", "b"])
        #expect(Self.tableCells(#"| a | `\s+` |"#) == ["a", #"`\s+`"#])
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
        let sources = try Self.swiftFiles(under: "Sources").map { ($0, try Self.code(of: $0)) }
        let tests = Self.swiftFiles(under: "Tests")
        let testText = try tests.map { try Self.code(of: $0) }.joined(separator: "\n")
        var problems: [String] = []
        for row in try Self.rows() {
            let home = Self.root.appendingPathComponent(row.file)
            guard let homeCode = try? Self.code(of: home) else { problems.append("\(row.rule): no file \(row.file)"); continue }
            let definition = try Self.definition(of: row.function)
            if homeCode.firstMatch(of: definition.type) == nil {
                problems.append("\(row.rule): \(row.file) declares no type or extension \(row.function.split(separator: ".")[0])")
            }
            if homeCode.firstMatch(of: definition.member) == nil {
                problems.append("\(row.rule): \(row.file) does not define \(row.function)")
            }
            let regex = try Regex(row.expression)
            if homeCode.firstMatch(of: regex) == nil {
                problems.append("\(row.rule): its expression /\(row.expression)/ is not in \(row.file)")
            }
            for (url, code) in sources where url.standardizedFileURL != home.standardizedFileURL {
                if let match = try regex.firstMatch(in: code) {
                    let relative = url.path.replacingOccurrences(of: Self.root.path + "/", with: "")
                    problems.append("\(row.rule) is written again in \(relative): \(match.output[0].substring ?? "")")
                }
            }
            let testName = row.test.split(separator: ".").last.map(String.init) ?? row.test
            let bodies = Self.bodies(ofTest: testName, in: testText)
            if bodies.isEmpty {
                problems.append("\(row.rule): no test named \(row.test)")
            } else if !bodies.contains(where: { $0.contains(definition.use) }) {
                problems.append("\(row.rule): the test \(row.test) does not call \(definition.use)")
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
