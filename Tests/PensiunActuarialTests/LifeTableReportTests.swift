import PensiunActuarial
import Testing

/// `LifeTableReport.make`, the library entry point of `pensiun life-table`: the columns and the
/// refusals that name their flag. `LifeTableCommandTests` checks the command's output files.
@Suite struct LifeTableReportTests {
    @Test func columnsOfALaw() throws {
        let report = try LifeTableReport.make(mortality: "gompertz:B=3e-5,c=1.1", rate: 0.05, sex: nil, from: 20, to: 25,
                                              paymentsPerYear: 12, escalation: 0)
        #expect(report.ages == Array(20...25))
        #expect(report.lx[0] == 100_000)
        #expect(report.sexLabel == "unisex (law)")
        for k in report.ages.indices {
            #expect(abs(report.immediate[k] - (report.due[k] - 1)) < 1e-12)
            #expect(abs(report.complete[k] - (report.curtate[k] + 0.5)) < 1e-12)
            #expect(report.dueM[k] < report.due[k])
        }
        #expect(report.csv().hasPrefix(LifeTableReport.csvHeader + "\n20,"))
        #expect(report.table().hasPrefix(LifeTableReport.tableTitle))
    }

    @Test func refusalsNameTheFlag() {
        func message(_ body: () throws(ActuarialError) -> LifeTableReport) -> String {
            do {
                _ = try body()
                return "made"
            } catch {
                return error.description
            }
        }
        let law = "gompertz:B=3e-5,c=1.1"
        #expect(message { () throws(ActuarialError) in
            try LifeTableReport.make(mortality: law, rate: 0.05, sex: nil, from: nil, to: nil, paymentsPerYear: 0, escalation: 0)
        } == "--payments-per-year 0: expected a whole number from 1 to 365 (12 for monthly)")
        #expect(message { () throws(ActuarialError) in
            try LifeTableReport.make(mortality: law, rate: 0.05, sex: nil, from: 30, to: 20, paymentsPerYear: 12, escalation: 0)
        }.hasPrefix("--to 20: expected an age from 30 (--from)"))
        #expect(message { () throws(ActuarialError) in
            try LifeTableReport.make(mortality: law, rate: -2, sex: nil, from: nil, to: nil, paymentsPerYear: 12, escalation: 0)
        }.hasPrefix("--rate"))
    }
}
