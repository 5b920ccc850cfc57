import Foundation

/// The columns of `pensiun life-table`, computed once, rendered as CSV or as an aligned table.
public struct LifeTableReport: Sendable {
    public static let csvHeader = "age,qx,lx,dx,ex_curtate,ex_complete,ax_due,ax_immediate,ax_due_m,Ax,A2x"

    public let basis: String
    public let sexLabel: String
    public let rate: InterestRate
    public let escalation: Double
    public let paymentsPerYear: Int
    public let ages: [Int]
    public let qx, lx, dx, curtate, complete, due, immediate, dueM, assurance, secondMoment: [Double]

    /// Values for ages table.firstAge … lastPrinted: l and e from the life table; the annuity and
    /// assurance columns from one backward pass each (AnnuityPricer) over the whole table.
    public init(
        table: MortalityTable, lastPrinted: Int, rate: InterestRate, annuityRate: InterestRate,
        escalation: Double, paymentsPerYear m: Int, sexLabel: String
    ) throws(ActuarialError) {
        let life = LifeTable(table, radix: 100_000)
        let annuities = try AnnuityPricer(rate: annuityRate, paymentsPerYear: m).priceAllAges(table)
        let level = try AnnuityPricer(rate: rate, paymentsPerYear: 1).priceAllAges(table)
        let doubled = try AnnuityPricer(rate: try rate.doubledForce(), paymentsPerYear: 1).priceAllAges(table)
        let ages = Array(table.firstAge...lastPrinted)
        let index = ages.map { $0 - table.firstAge }
        self.basis = table.basis
        self.sexLabel = sexLabel
        self.rate = rate
        self.escalation = escalation
        self.paymentsPerYear = m
        self.ages = ages
        self.qx = ages.map { life.q($0) }
        self.lx = ages.map { life.l($0) }
        self.dx = ages.map { life.d($0) }
        // e_x = p_x (1 + e_{x+1}) backwards over the whole table, then the printed slice.
        var e = [Double](repeating: 0, count: table.rates.count)
        for k in stride(from: table.rates.count - 2, through: 0, by: -1) {
            e[k] = (1 - table.rates[k]) * (1 + e[k + 1])
        }
        self.curtate = index.map { e[$0] }
        self.complete = index.map { e[$0] + 0.5 }
        self.due = index.map { annuities.annuityDue[$0] }
        self.immediate = index.map { annuities.annuityDue[$0] - 1 }
        self.dueM = index.map { annuities.mthlyAnnuityDue[$0] }
        self.assurance = index.map { level.assurance[$0] }
        self.secondMoment = index.map { doubled.assurance[$0] }
    }

    /// `pensiun life-table`: parses and checks every input (naming its flag: `--rate`,
    /// `--escalation`, `--payments-per-year`, `--from`, `--to`, or the mortality basis), then
    /// computes the columns of ages `from` (default: the table's first age) to `to` (default: its
    /// closing age); any problem is an ActuarialError.
    public static func make(mortality: String, rate: Double, sex: Sex?, from: Int?, to: Int?, paymentsPerYear: Int,
                            escalation: Double) throws(ActuarialError) -> LifeTableReport {
        let interest = try InterestRate(rate, name: "--rate")
        let annuityRate = try interest.netOfEscalation(escalation, name: "--escalation")
        guard paymentsPerYear >= 1, paymentsPerYear <= 365 else {
            throw ActuarialError.invalidArgument("--payments-per-year \(paymentsPerYear): expected a whole number from 1 to 365 (12 for monthly)")
        }
        let spec = try MortalityBasisSpec(parsing: mortality)
        let table = try spec.load(sex: sex)
        let first = from ?? table.firstAge
        let last = to ?? table.lastAge
        guard first >= table.firstAge, first <= table.lastAge else {
            throw ActuarialError.invalidArgument(
                "--from \(first): the table '\(mortality)' covers ages \(table.firstAge)-\(table.lastAge)")
        }
        guard last >= first, last <= table.lastAge else {
            throw ActuarialError.invalidArgument(
                "--to \(last): expected an age from \(first) (--from) to \(table.lastAge) (the closing age of '\(mortality)')")
        }
        let sexLabel: String
        switch spec {
        case .law: sexLabel = "unisex (law)"
        case .table: sexLabel = table.basis.hasSuffix("(qx)") ? "unisex (single qx column)" : (sex?.rawValue ?? "unisex")
        }
        return try LifeTableReport(
            table: try table.starting(atAge: first), lastPrinted: last, rate: interest, annuityRate: annuityRate,
            escalation: escalation, paymentsPerYear: paymentsPerYear, sexLabel: sexLabel)
    }

    /// The first words of the table format (how `--out` recognises a file it wrote).
    public static let tableTitle = "Life table: "

    /// One CSV row per age, full precision (shortest round-trip decimal of each Double).
    public func csv() -> String {
        var text = Self.csvHeader + "\n"
        for k in ages.indices {
            let values = [qx[k], lx[k], dx[k], curtate[k], complete[k], due[k], immediate[k], dueM[k], assurance[k], secondMoment[k]]
            text += "\(ages[k])," + values.map { "\($0)" }.joined(separator: ",") + "\n"
        }
        return text
    }

    /// An aligned, rounded table with a title line (basis, rate, sex) and a key to the columns.
    public func table() -> String {
        let m = paymentsPerYear
        let headers = ["age", "q(x)", "l(x)", "d(x)", "e(x)", "e°(x)", "ä(x)", "a(x)", "ä(\(m))(x)", "A(x)", "²A(x)"]
        var rows: [[String]] = []
        for k in ages.indices {
            rows.append([
                "\(ages[k])", fixed(qx[k], 6), fixed(lx[k], 1), fixed(dx[k], 1), fixed(curtate[k], 2),
                fixed(complete[k], 2), fixed(due[k], 4), fixed(immediate[k], 4), fixed(dueM[k], 4),
                fixed(assurance[k], 5), fixed(secondMoment[k], 5),
            ])
        }
        let widths = headers.indices.map { column in
            max(headers[column].count, rows.map { $0[column].count }.max() ?? 0)
        }
        func line(_ cells: [String]) -> String {
            cells.indices.map { String(repeating: " ", count: widths[$0] - cells[$0].count) + cells[$0] }
                .joined(separator: "  ")
        }
        var escalationNote = ""
        if escalation != 0 {
            escalationNote = ", annuities escalating \(percent(escalation)) a year (valued at j = \(percent((1 + rate.i) / (1 + escalation) - 1)))"
        }
        var text = Self.tableTitle + "\(basis); sex: \(sexLabel); interest \(percent(rate.i)) a year\(escalationNote)\n\n"
        text += line(headers) + "\n"
        text += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { text += line(row) + "\n" }
        text += """

        l(x): radix 100,000 at age \(ages.first ?? 0); e(x) curtate and e°(x) = e(x) + 1/2 complete (UDD), in years.
        ä(x), a(x): life annuities of 1 a year in advance / in arrears; ä(\(m))(x): \(m) instalments of 1/\(m) a year in advance, exact under UDD.
        A(x): 1 paid at the end of the year of death; ²A(x): A(x) at (1+i)²-1.

        """
        return text
    }

    private func fixed(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

    private func percent(_ value: Double) -> String {
        let text = String(format: "%.4f", value * 100)
        var trimmed = text
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        return trimmed + "%"
    }
}
