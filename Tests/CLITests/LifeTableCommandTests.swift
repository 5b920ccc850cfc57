import Foundation
import Testing

/// `pensiun life-table`, run end to end as the built executable.
@Suite("pensiun life-table")
struct LifeTableCommandTests {
    /// The package root, from this file's path (Tests/CLITests/LifeTableCommandTests.swift).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let header = "age,qx,lx,dx,ex_curtate,ex_complete,ax_due,ax_immediate,ax_due_m,Ax,A2x"

    /// The `pensiun` executable built with the tests: beside the test bundle or runner (any
    /// `--scratch-path`), else the newest `.build*/debug/pensiun` under the package root.
    static func executable() throws -> URL {
        let fileManager = FileManager.default
        var folders: [URL] = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        if let main = Bundle.main.executableURL { folders.append(main.deletingLastPathComponent()) }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        for folder in folders {
            let candidate = folder.appendingPathComponent("pensiun")
            if fileManager.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        let builds = (try? fileManager.contentsOfDirectory(atPath: root.path))?.filter { $0.hasPrefix(".build") } ?? []
        let found = builds.map { root.appendingPathComponent($0).appendingPathComponent("debug/pensiun") }
            .filter { fileManager.isExecutableFile(atPath: $0.path) }
            .sorted {
                let a = (try? fileManager.attributesOfItem(atPath: $0.path)[.modificationDate] as? Date) ?? .distantPast
                let b = (try? fileManager.attributesOfItem(atPath: $1.path)[.modificationDate] as? Date) ?? .distantPast
                return a > b
            }
        guard let newest = found.first else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "pensiun executable (looked beside the tests and in \(root.path)/.build*/debug)"])
        }
        return newest
    }

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `pensiun life-table ARGS` in the package root.
    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = ["life-table"] + arguments
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The CSV body as rows of numbers (header checked separately).
    static func rows(_ csv: String) -> [[Double]] {
        csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
    }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("pensiun-\(UUID().uuidString)-\(name)").path
    }

    @Test("TMI IV male at 7%: a readable, aligned table with a title line")
    func readableTable() throws {
        let run = try Self.run(["--mortality", "Scenarios/mortality/tmi-iv-2019.csv", "--sex", "male", "--rate", "0.07"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.isEmpty)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Life table: Scenarios/mortality/tmi-iv-2019.csv (qx_male); sex: male; interest 7% a year")
        let headerIndex = try #require(lines.firstIndex { $0.hasPrefix("age") })
        #expect(lines[headerIndex].split(separator: " ") == ["age", "q(x)", "l(x)", "d(x)", "e(x)", "e°(x)", "ä(x)", "a(x)", "ä(12)(x)", "A(x)", "²A(x)"])
        let body = lines[(headerIndex + 2)...].prefix { !$0.isEmpty }
        #expect(body.count == 112)
        // Right-aligned columns: every row as long as the header line.
        #expect(body.allSatisfy { $0.count == lines[headerIndex].count })
        let first = body.first!.split(separator: " ")
        #expect(first[0] == "0" && first[1] == "0.005240" && first[2] == "100000.0")
        #expect(body.last!.split(separator: " ")[0] == "111")
        #expect(run.stdout.contains("radix 100,000 at age 0"))
    }

    @Test("--format csv: exactly the header, one row per age, consistent columns")
    func csv() throws {
        let run = try Self.run(["--mortality", "Scenarios/mortality/tmi-iv-2019.csv", "--sex", "female", "--rate", "0.07", "--format", "csv"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == Self.header)
        #expect(lines.count == 113)
        let rows = Self.rows(run.stdout)
        let v = 1 / 1.07, d = 0.07 / 1.07
        #expect(rows.map { Int($0[0]) } == Array(0...111))
        #expect(rows[0][2] == 100_000)
        #expect(rows[0][1] == 0.00266 && rows[111][1] == 1)
        for (k, row) in rows.enumerated() {
            #expect(row.count == 11)
            #expect(abs(row[3] - row[2] * row[1]) < 1e-9)                          // d = l q
            if k < 111 { #expect(abs(rows[k + 1][2] - (row[2] - row[3])) < 1e-6) } // l' = l − d
            #expect(abs(row[5] - row[4] - 0.5) < 1e-12)                          // e̊ = e + 1/2
            #expect(abs(row[7] - (row[6] - 1)) < 1e-12)                          // a = ä − 1
            #expect(abs(row[9] - (1 - d * row[6])) < 1e-12)                      // A = 1 − d ä
            #expect(row[8] < row[6] && row[8] > row[6] - 0.5)                    // ä(12) a little below ä
        }
        // ä₆₅ recomputed from the printed q column: Σ vᵏ ₖp₆₅.
        var survival = 1.0, discount = 1.0, annuity = 0.0
        for k in 65...111 {
            annuity += discount * survival
            survival *= 1 - rows[k][1]
            discount *= v
        }
        #expect(abs(rows[65][6] - annuity) < 1e-12)
    }

    @Test("The SULT from its Makeham SPEC reproduces published values (ä₆₅ = 13.5498, A₆₅ = 0.35477 at 5%)")
    func sultSpec() throws {
        let run = try Self.run(["--mortality", "makeham:A=0.00022,B=2.7e-6,c=1.124", "--rate", "0.05",
                                "--from", "20", "--to", "100", "--format", "csv"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let rows = Self.rows(run.stdout)
        #expect(rows.count == 81 && rows[0][0] == 20 && rows[0][2] == 100_000)
        let age65 = rows[45]
        #expect(age65[0] == 65)
        #expect(abs(age65[6] - 13.5498) <= 0.00005)
        #expect(abs(age65[9] - 0.35477) <= 0.000005)
        #expect(abs(age65[10] - 0.15420) <= 0.000005)
        #expect(abs(age65[2] - 94579.7) <= 0.05)
    }

    @Test("--escalation g values the annuity columns at j = (1+i)/(1+g) − 1 and leaves Ax level")
    func escalation() throws {
        let escalated = try Self.run(["--mortality", "gompertz:B=3e-5,c=1.1", "--rate", "0.07", "--escalation", "0.03", "--format", "csv"])
        let atJ = try Self.run(["--mortality", "gompertz:B=3e-5,c=1.1", "--rate", "\(1.07 / 1.03 - 1)", "--format", "csv"])
        let level = try Self.run(["--mortality", "gompertz:B=3e-5,c=1.1", "--rate", "0.07", "--format", "csv", "--payments-per-year", "4"])
        #expect(escalated.status == 0 && atJ.status == 0 && level.status == 0)
        let (e, j, l) = (Self.rows(escalated.stdout), Self.rows(atJ.stdout), Self.rows(level.stdout))
        for k in e.indices {
            #expect(abs(e[k][6] - j[k][6]) <= 1e-12 * j[k][6])
            #expect(abs(e[k][8] - j[k][8]) <= 1e-12 * j[k][8])
            #expect(e[k][9] == l[k][9])
        }
        let table = try Self.run(["--mortality", "gompertz:B=3e-5,c=1.1", "--rate", "0.07", "--escalation", "0.03", "--to", "3"])
        #expect(table.stdout.hasPrefix("Life table: gompertz(B=3e-05, c=1.1), closed at 130; sex: unisex (law); interest 7% a year, annuities escalating 3% a year (valued at j = 3.8835%)"))
    }

    @Test("--out writes the file atomically and reports it")
    func outFile() throws {
        let path = Self.temporaryPath("life.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Self.run(["--mortality", "Scenarios/mortality/tmi-iv-2019.csv", "--sex", "male", "--rate", "0.07",
                                "--format", "csv", "--out", path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout == "Wrote 112 ages to \(path)\n")
        let written = try String(contentsOfFile: path, encoding: .utf8)
        let direct = try Self.run(["--mortality", "Scenarios/mortality/tmi-iv-2019.csv", "--sex", "male", "--rate", "0.07", "--format", "csv"])
        #expect(written == direct.stdout)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
            .filter { $0.contains("partial") && $0.contains((path as NSString).lastPathComponent) }
        #expect(leftovers.isEmpty)
    }

    /// Writes a CSV table into a temporary file.
    static func table(_ text: String) throws -> String {
        let path = temporaryPath("table.csv")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("Bad input: one line on stderr naming the file or SPEC and what was expected, exit 2, no file written")
    func badInput() throws {
        let outOfRange = try Self.table("age,qx\n60,0.01\n61,1.5\n62,1\n")
        let unsorted = try Self.table("age,qx\n60,0.01\n61,0.02\n60,1\n")
        let missing = try Self.table("age,qx\n60,0.01\n63,1\n")
        defer { for path in [outOfRange, unsorted, missing] { try? FileManager.default.removeItem(atPath: path) } }
        let forms = "expected makeham:A=…,B=…,c=…, gompertz:B=…,c=…, or the path of a CSV table"
        let cases: [([String], String)] = [
            (["--mortality", "weibull:k=1.5", "--rate", "0.05"], "mortality 'weibull:k=1.5': unknown mortality law 'weibull'; \(forms)"),
            (["--mortality", "makeham:A=0.00022,B=2.7e-6", "--rate", "0.05"], "mortality 'makeham:A=0.00022,B=2.7e-6': makeham needs A, B and c; c is missing"),
            (["--mortality", "missing-table.csv", "--rate", "0.05"], "mortality 'missing-table.csv': no such file; \(forms)"),
            (["--mortality", "gompertz:B=3e-5,c=1.1", "--rate", "-1"], "--rate -1.0 is not allowed: expected a finite rate greater than -100% (-1), e.g. 0.05 for 5%"),
            (["--mortality", "gompertz:B=3e-5,c=1.1", "--rate", "-1.5"], "--rate -1.5 is not allowed: expected a finite rate greater than -100% (-1), e.g. 0.05 for 5%"),
            (["--mortality", "gompertz:B=3e-5,c=1.1", "--rate", "0.05", "--escalation", "-2"], "--escalation -2.0 is not allowed: expected a finite rate greater than -100% (-1), e.g. 0.05 for 5%"),
            (["--mortality", outOfRange, "--rate", "0.05"], "\(outOfRange):3: column 'qx': q = 1.5 is outside [0, 1]"),
            (["--mortality", unsorted, "--rate", "0.05"], "\(unsorted):4: column 'age': age 60 comes after age 61; expected ages in increasing order"),
            (["--mortality", missing, "--rate", "0.05"], "\(missing):3: column 'age': ages 61-62 are missing; expected consecutive ages"),
            (["--mortality", "Scenarios/mortality/tmi-iv-2019.csv", "--rate", "0.05"], "Scenarios/mortality/tmi-iv-2019.csv: the table has one q column per sex (qx_male, qx_female): choose the sex, male or female (--sex on the command line)"),
            (["--mortality", "gompertz:B=3e-5,c=1.1", "--rate", "0.05", "--from", "140"], "--from 140: the table 'gompertz:B=3e-5,c=1.1' covers ages 0-130"),
            (["--mortality", "gompertz:B=3e-5,c=1.1", "--rate", "0.05", "--from", "60", "--to", "50"], "--to 50: expected an age from 60 (--from) to 130 (the closing age of 'gompertz:B=3e-5,c=1.1')"),
            (["--mortality", "gompertz:B=3e-5,c=1.1", "--rate", "0.05", "--payments-per-year", "0"], "--payments-per-year 0: expected a whole number from 1 to 365 (12 for monthly)"),
        ]
        for (arguments, message) in cases {
            let out = Self.temporaryPath("never.csv")
            let run = try Self.run(arguments + ["--out", out])
            #expect(run.status == 2, "\(arguments): status \(run.status)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr == message + "\n", "\(arguments)")
            #expect(run.stderr.split(separator: "\n").count == 1)
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }
}
