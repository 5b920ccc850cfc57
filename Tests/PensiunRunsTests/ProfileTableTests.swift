import Foundation
import PensiunRuns
import PensiunTestSupport
import Testing

/// `profiles.csv` for members in service at y0 (docs/model.md §9, issue 20): the `role` column and
/// the held rights, written by a run of the synthetic scenario under a switch reform with bonds.
@Suite struct ProfileTableTests {
    @Test func rolesAndHeldRightsInProfilesCSV() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("run")
        // y0 = 2025, y_r = 2027, clerical BUP 60: a member 50 in 2025 (stays), one 32 (switches),
        // an entrant of 2027 and its twin leaving at 30 (issue 20).
        let overrides = ["simulation.horizon=40", "reform.dc.transition={switch_under_age: 40}",
                         "reform.dc.accrued_rights={recognition_bond: {rate: 0.05}}",
                         "reporting.profiles=[{sex: male, track: clerical, entry_age: 25, entry_year: 2000}, "
                             + "{sex: female, track: clerical, entry_age: 22, entry_year: 2015}, "
                             + "{sex: female, track: clerical, entry_age: 22, entry_year: 2027}, "
                             + "{sex: female, track: clerical, entry_age: 22, entry_year: 2027, exit_age: 30}]"]
        _ = try ScenarioRun.run(ScenarioRun.Request(scenario: Fixtures.synthetic, overrides: overrides, paths: 2, range: nil, seed: nil,
                                                    threads: 1, out: out.path, version: "test"))
        let lines = try String(contentsOf: out.appendingPathComponent("profiles.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.first == "profile,sex,track,entry_age,entry_year,exit_age,pay_level,role,scheme,basis,year,quantity,mean,p10,p50,p90"
            .split(separator: ",").map(String.init))
        let rows = lines.dropFirst()
        let roles = Dictionary(rows.map { ($0[0], $0[7]) }, uniquingKeysWith: { a, b in a == b ? a : "mixed" })
        #expect(roles == ["clerical-male-25-2000": "stays", "clerical-female-22-2015": "switches", "clerical-female-22-2027": "entrant",
                          "clerical-female-22-2027-exit30": "entrant"])
        let exits = Dictionary(rows.map { ($0[0], $0[5]) }, uniquingKeysWith: { a, b in a == b ? a : "mixed" })
        #expect(exits == ["clerical-male-25-2000": "", "clerical-female-22-2015": "", "clerical-female-22-2027": "",
                          "clerical-female-22-2027-exit30": "30"])
        // No profile names a pay level: the column is empty (the track's salary scale).
        #expect(rows.allSatisfy { $0[6].isEmpty })
        // The early leaver gets nothing from the DB: 0 (not empty) for its rates and money's worth
        // under the current scheme, and a deferred DC annuity under the reform.
        let leaver = rows.filter { $0[0] == "clerical-female-22-2027-exit30" && $0[9] == "paths" }
        for name in ["replacement_rate", "moneys_worth_employee", "pension_monthly"] {
            let current = leaver.first { $0[8] == "current" && $0[11] == name }
            #expect(current.map { $0[12...].allSatisfy { Double($0) == 0 } } == true, "\(name): \(String(describing: current))")
            let reform = leaver.first { $0[8] == "reform" && $0[11] == name }
            #expect(reform.map { (Double($0[12]) ?? 0) > 0 } == true, "\(name): \(String(describing: reform))")
        }
        // The bond at redemption: a value for the switcher under the reform only, empty otherwise.
        let bonds = rows.filter { $0[9] == "paths" && $0[11] == "recognition_bond_at_redemption" }
        #expect(bonds.count == 8)
        for row in bonds {
            let holds = row[0] == "clerical-female-22-2015" && row[8] == "reform"
            #expect(holds ? (Double(row[12]) ?? 0) > 0 : row[12...].allSatisfy(\.isEmpty), "\(row)")
        }
        // Nobody holds frozen DB rights under bonds.
        #expect(rows.filter { $0[11] == "frozen_db_pension_monthly" }.allSatisfy { $0[12...].allSatisfy(\.isEmpty) })
        // The member in service at y0 is followed from 2025.
        #expect(rows.first { $0[0] == "clerical-male-25-2000" && $0[9] == "deterministic" }?[10] == "2025")
    }
}
