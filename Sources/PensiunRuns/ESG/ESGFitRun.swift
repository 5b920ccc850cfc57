import PensiunEconomy

/// `pensiun esg-fit HISTORY.csv`: the generator's parameters estimated from an annual history
/// (docs/model.md §3, "Fitting the generator to a history").
public enum ESGFitRun {
    /// Reads `history` (``HistoryCSV``), fits every variable it has (``HistoryFit``) and returns
    /// the report (``ESGFitReport``): the estimates with standard errors, then an `economy:` block
    /// to paste. A file that cannot be read or parsed, or a variable with too few consecutive
    /// years to fit, is an ``InputError`` naming the file (and line and column, or the variable).
    public static func fit(history path: String) throws(InputError) -> String {
        let contents = try HistoryCSV.read(path: path)
        let fit: HistoryFit
        do {
            fit = try HistoryFit(history: contents.history)
        } catch {
            throw InputError("\(path): column '\(error.variable.key)': \(error.problem)")
        }
        return ESGFitReport.render(fit, history: contents.history, file: path, ignoredColumns: contents.ignoredColumns)
    }
}
