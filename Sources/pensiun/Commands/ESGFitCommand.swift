import ArgumentParser
import PensiunRuns

/// `pensiun esg-fit HISTORY.csv`: the economic scenario generator's parameters from a history.
struct ESGFitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "esg-fit",
        abstract: "Estimate the economic scenario generator's parameters from an annual history.",
        discussion: """
        HISTORY.csv has a header with year and any of \(HistoryCSV.variableColumns.joined(separator: ",")), \
        then one row per calendar year, years increasing. Rates are decimals (0.03 for 3%), each above -1; \
        equity is the annual total return e (the fit uses ln(1+e)); an empty cell is a missing value; \
        other columns (such as source) are ignored, and lines starting with # are skipped.

        Each AR(1) variable is fitted by least squares of x_y on x_{y-1} over pairs of consecutive \
        years (at least 5): persistence phi, mean mu = intercept/(1-phi), volatility sigma from the \
        residuals (n-2 degrees of freedom), each with its standard error. Equity: mean and standard \
        deviation of ln(1+e). Shock correlations: pairwise correlations of the residuals over common \
        years (at least 5). Prints a table of the estimates, then an economy: block to paste into a \
        scenario. See docs/model.md section 3.
        """
    )

    @Argument(help: ArgumentHelp("The annual history, a CSV file.", valueName: "history.csv"))
    var history: String

    func run() throws {
        print(try ESGFitRun.fit(history: history), terminator: "")
    }
}
