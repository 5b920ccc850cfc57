import Foundation
import Testing
@testable import PensiunActuarial

/// The CSV reader: accepted forms, and every error a user can meet, with its wording.
@Suite("Mortality table CSV")
struct MortalityTableCSVTests {
    func parse(_ text: String, sex: Sex? = .male) throws(ActuarialError) -> MortalityTable {
        try MortalityTable.parseCSV(text, file: "t.csv", sex: sex)
    }

    @Test("A single qx column, comments, blank lines, CRLF, a BOM and extra columns are accepted; the last age closes")
    func acceptedForms() throws {
        let text = "\u{FEFF}# a comment\r\nage, qx ,source\r\n\r\n60,0.01,x\r\n61,0.02,y\r\n62,0.5,z\r\n"
        let table = try parse(text, sex: nil)
        #expect(table.firstAge == 60)
        #expect(table.rates == [0.01, 0.02, 1])
        #expect(table.basis == "t.csv (qx)")
        // A sex given for a single-column table uses that column.
        #expect(try parse(text, sex: .female).rates == [0.01, 0.02, 1])
        // Two sex columns: the chosen one.
        let both = try parse("age,qx_male,qx_female\n0,0.1,0.2\n1,0.3,0.4\n2,0.5,0.6", sex: .female)
        #expect(both.rates == [0.2, 0.4, 1])
    }

    @Test("Every error names the file, the line and the column")
    func errorWording() {
        let cases: [(String, Sex?, String)] = [
            ("", .male, "t.csv: the mortality table is empty: expected a header line (age plus qx, or qx_male and qx_female) and one row per age"),
            ("age,qx\n", .male, "t.csv: the mortality table is empty: expected a header line (age plus qx, or qx_male and qx_female) and one row per age"),
            ("x,qx\n0,0.1", .male, "t.csv:1: missing column 'age' (the header has 'x', 'qx'); expected 'age' plus 'qx', or 'qx_male' and 'qx_female'"),
            ("age,qx_male\n0,0.1", .female, "t.csv:1: missing column 'qx_female' (the header has 'age', 'qx_male'); expected 'age' plus 'qx', or 'qx_male' and 'qx_female'"),
            ("age,q\n0,0.1", nil, "t.csv:1: missing column 'qx' (the header has 'age', 'q'); expected 'age' plus 'qx', or 'qx_male' and 'qx_female'"),
            ("age,qx,QX\n0,0.1,0.1", .male, "t.csv:1: column 'QX' appears twice in the header"),
            ("age,qx_male,qx_female\n0,0.1,0.1", nil, "t.csv: the table has one q column per sex (qx_male, qx_female): choose the sex, male or female (--sex on the command line)"),
            ("age,qx\n0,0.1\n1,0.2,3", .male, "t.csv:3: expected 2 fields like the header, found 3"),
            ("age,qx\n0,0.1\n1", .male, "t.csv:3: expected 2 fields like the header, found 1"),
            ("age,qx\n0,abc", .male, "t.csv:2: column 'qx': expected a number, found 'abc'"),
            ("age,qx\n0,", .male, "t.csv:2: column 'qx': expected a number, found ''"),
            ("age,qx\n0,nan", .male, "t.csv:2: column 'qx': NaN is not a mortality rate; expected a number between 0 and 1"),
            ("age,qx\n0.5,0.1", .male, "t.csv:2: column 'age': expected a whole number of years (0, 1, 2, ...), found '0.5'"),
            ("age,qx\n-1,0.1", .male, "t.csv:2: column 'age': expected a whole number of years (0, 1, 2, ...), found '-1'"),
            ("age,qx\n0,1.2", .male, "t.csv:2: column 'qx': q = 1.2 is outside [0, 1]"),
            ("age,qx\n0,-0.1", .male, "t.csv:2: column 'qx': q = -0.1 is outside [0, 1]"),
            ("age,qx\n0,inf", .male, "t.csv:2: column 'qx': q = inf is outside [0, 1]"),
            // Every q column is checked, not only the one used.
            ("age,qx_male,qx_female\n0,0.1,2", .male, "t.csv:2: column 'qx_female': q = 2.0 is outside [0, 1]"),
            ("age,qx\n5,0.1\n4,0.1", .male, "t.csv:3: column 'age': age 4 comes after age 5; expected ages in increasing order"),
            ("age,qx\n5,0.1\n5,0.1", .male, "t.csv:3: column 'age': age 5 appears twice; expected one row per age, in increasing order"),
            ("age,qx\n5,0.1\n7,0.1", .male, "t.csv:3: column 'age': age 6 is missing; expected consecutive ages"),
            ("# note\nage,qx\n\n5,0.1\n9,0.1", .male, "t.csv:5: column 'age': ages 6-8 are missing; expected consecutive ages"),
        ]
        for (text, sex, expected) in cases {
            let message = errorMessage { _ = try parse(text, sex: sex) }
            #expect(message == expected, "input \(text.debugDescription)")
        }
    }

    @Test("Files: missing, unreadable, and the shipped TMI file")
    func files() throws {
        #expect(errorMessage { _ = try MortalityTable.loadCSV(path: "/nonexistent/t.csv", sex: .male) }
                == "/nonexistent/t.csv: cannot read the mortality table: no such file")
        let binary = FileManager.default.temporaryDirectory.appendingPathComponent("pensiun-binary-\(UUID()).csv")
        try Data([0xFF, 0xFE, 0x00, 0xC3]).write(to: binary)
        defer { try? FileManager.default.removeItem(at: binary) }
        #expect(errorMessage { _ = try MortalityTable.loadCSV(path: binary.path, sex: .male) }
                == "\(binary.path): cannot read the mortality table: not a readable UTF-8 text file")
        #expect(try MortalityTable.loadCSV(path: tmiPath, sex: .female).rates.count == 112)
    }

    @Test("Table operations: scaling, closing earlier, starting later, and their errors")
    func tableOperations() throws {
        let table = try MortalityTable(firstAge: 60, rates: [0.1, 0.4, 0.7], basis: "b")
        #expect(table.rates == [0.1, 0.4, 1])
        #expect(try table.scaled(by: 2).rates == [0.2, 0.8, 1])
        #expect(try table.scaled(by: 3).rates == [Double(0.1 * 3), 1, 1])
        #expect(try table.closed(atAge: 61).rates == [0.1, 1])
        #expect(try table.starting(atAge: 61).firstAge == 61)
        #expect(table.q(70) == 1)
        #expect(errorMessage { _ = try table.scaled(by: -1) } == "a mortality scaling factor must be a finite number ≥ 0, got -1.0")
        #expect(errorMessage { _ = try table.closed(atAge: 70) } == "closing age 70 is outside the table's ages 60-62")
        #expect(errorMessage { _ = try table.starting(atAge: 59) } == "age 59 is outside the table's ages 60-62")
        #expect(errorMessage { _ = try MortalityTable(firstAge: 0, rates: [0.1, 1.5], basis: "b") } == "b: q at age 1 = 1.5 is outside [0, 1]")
        #expect(errorMessage { _ = try MortalityTable(firstAge: 0, rates: []) } == "a mortality table needs at least one age")
        #expect(errorMessage { _ = try MortalityTable(firstAge: -1, rates: [1]) } == "a mortality table must start at age 0 or later, got -1")
    }
}
