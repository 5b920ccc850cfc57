import ArgumentParser
import Foundation
import PensiunActuarial
import PensiunRuns

/// `pensiun life-table`: a life table with annuity and assurance factors for one mortality basis.
struct LifeTableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "life-table",
        abstract: "Print a life table with annuity and assurance factors for a mortality basis.",
        discussion: """
        SPEC is makeham:A=…,B=…,c=…, gompertz:B=…,c=… (laws tabulated from age 0, closed at 130), or the \
        path of a CSV table with the columns age plus qx, or qx_male and qx_female (closed at its last age).

        Columns (one row per age): \(LifeTableReport.csvHeader)

        l_x has radix 100,000 at --from; annuities pay 1 a year (ax_due in advance, ax_immediate in \
        arrears, ax_due_m in m instalments in advance, exact under uniform distribution of deaths); Ax \
        pays 1 at the end of the year of death; A2x is Ax at the rate (1+i)^2-1. With --escalation g \
        the annuity columns escalate by g a year (valued at j = (1+i)/(1+g)-1); Ax and A2x stay level.
        See docs/actuarial.md.
        """
    )

    @Option(help: ArgumentHelp("The mortality basis: makeham:A=…,B=…,c=…, gompertz:B=…,c=…, or a CSV path.", valueName: "spec"))
    var mortality: String

    @Option(parsing: .unconditional, help: "Annual effective interest rate, a fraction (0.07 for 7%); must exceed -1.")
    var rate: Double

    @Option(help: "The sex column of a two-sex table: male or female.")
    var sex: Sex?

    @Option(help: "First age printed, where l_x = 100,000 (default: the table's first age).")
    var from: Int?

    @Option(help: "Last age printed (default: the closing age).")
    var to: Int?

    @Option(name: .customLong("payments-per-year"), help: "Instalments a year m of ax_due_m.")
    var paymentsPerYear: Int = 12

    @Option(parsing: .unconditional, help: "Annual escalation g of the annuities, a fraction (0.03 for 3%); must exceed -1.")
    var escalation: Double = 0

    @Option(help: "Output format: table (aligned, readable) or csv.")
    var format: LifeTableRun.Format = .table

    @Option(help: "Write the output to this file (atomically) instead of standard output.")
    var out: String?

    func run() throws {
        let outcome = try LifeTableRun.run(mortality: mortality, rate: rate, sex: sex, from: from, to: to,
                                           paymentsPerYear: paymentsPerYear, escalation: escalation, format: format, out: out)
        if let text = outcome.text { print(text, terminator: "") } else if let out { print("Wrote \(outcome.ages) ages to \(out)") }
    }
}

extension LifeTableRun.Format: ExpressibleByArgument {}

extension Sex: ExpressibleByArgument {}
