import PensiunActuarial
import PensiunReporting

/// `pensiun life-table`: a mortality table's life-table functions and annuity factors, as an
/// aligned table or CSV, printed or written atomically to a file.
public enum LifeTableRun {
    public enum Format: String, CaseIterable, Sendable {
        /// Aligned columns, for reading.
        case table
        /// Comma-separated values, for a spreadsheet.
        case csv
    }

    /// What was produced: the text to print when no file was asked for, and the ages it covers.
    public struct Outcome: Sendable {
        /// The table's text, or nil when it was written to the file.
        public let text: String?
        public let ages: Int
    }

    /// Computes the table (``LifeTableReport/make(mortality:rate:sex:from:to:paymentsPerYear:escalation:)``)
    /// in `format` and writes it to `out` atomically (replacing only a file this command wrote;
    /// a refusal names `--out`), or returns its text when `out` is nil.
    public static func run(mortality: String, rate: Double, sex: Sex?, from: Int?, to: Int?, paymentsPerYear: Int,
                           escalation: Double, format: Format, out: String?) throws -> Outcome {
        let report = try LifeTableReport.make(mortality: mortality, rate: rate, sex: sex, from: from, to: to,
                                              paymentsPerYear: paymentsPerYear, escalation: escalation)
        let text = format == .csv ? report.csv() : report.table()
        guard let out else { return Outcome(text: text, ages: report.ages.count) }
        try OutputError.naming("--out") {
            try AtomicFileWriter.write(text, to: out, signatures: [LifeTableReport.csvHeader, LifeTableReport.tableTitle],
                                       command: "life-table")
        }
        return Outcome(text: nil, ages: report.ages.count)
    }
}
