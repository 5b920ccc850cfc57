import Foundation
import PensiunEconomy

/// `pensiun esg-fit`'s output: the estimates with their standard errors, then an `economy:` block
/// to paste into a scenario, every fitted number with its provenance in a comment.
public enum ESGFitReport {
    static func number(_ x: Double) -> String {
        let text = String(format: "%.4g", x)
        return text == "-0" ? "0" : text
    }

    static func span(_ years: [Int]) -> String {
        guard let first = years.first, let last = years.last else { return "-" }
        return first == last ? "\(first)" : "\(first)-\(last)"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    /// The whole report for the history read from `file`.
    public static func render(_ fit: HistoryFit, history: EconomicHistory, file: String, ignoredColumns: [String]) -> String {
        var out = "History: \(file), \(history.years.count) rows, years \(span(history.years))"
        out += ignoredColumns.isEmpty ? "\n" : "; columns ignored: \(ignoredColumns.joined(separator: ", "))\n"
        out += "Least squares: x_y = mu + phi (x_{y-1} - mu) + sigma eps_y on consecutive years; ln(1 + e_y) = mu_e + sigma_e eps_y.\n"
        out += "Standard errors in brackets; n = pairs of consecutive years (equity: years).\n\n"
        out += table(fit)
        out += "\n" + correlations(fit)
        out += "\n" + yaml(fit, history: history, file: file)
        return out
    }

    static func table(_ fit: HistoryFit) -> String {
        let widths = [18, 5, 11, 22, 22, 22, 16]
        var out = zip(["variable", "n", "years", "mean", "persistence", "volatility", "last"], widths)
            .map { pad($0, $1) }.joined().trimmingCharacters(in: .whitespaces) + "\n"
        func estimate(_ x: Double, _ se: Double) -> String { "\(number(x)) (\(number(se)))" }
        for variable in EconomicVariable.allCases {
            var cells: [String]
            if let p = fit.processes[variable] {
                let last = fit.last[variable].map { "\(number($0.value)) (\($0.year))" } ?? "-"
                cells = [variable.key, "\(p.pairs)", span(p.years), estimate(p.mean, p.meanSE),
                         estimate(p.persistence, p.persistenceSE), estimate(p.volatility, p.volatilitySE), last]
            } else if variable == .equity, let e = fit.equity {
                cells = ["equity ln(1+e)", "\(e.observations)", span(e.years), estimate(e.logMean, e.logMeanSE), "-",
                         estimate(e.logVolatility, e.logVolatilitySE), "-"]
            } else {
                cells = [variable.key, "0", "-", "not in the history", "", "", ""]
            }
            out += zip(cells, widths).map { pad($0, $1) }.joined().trimmingCharacters(in: .whitespaces) + "\n"
        }
        return out
    }

    static func correlations(_ fit: HistoryFit) -> String {
        let all = EconomicVariable.allCases
        var out = "Shock correlations (pairwise, residuals; s.e. and common years n in brackets):\n"
        out += pad("", 18) + all.map { pad($0.key, 24) }.joined().trimmingCharacters(in: .whitespaces) + "\n"
        for j in all {
            var row = pad(j.key, 18)
            for k in all {
                let cell: String
                if j == k {
                    cell = "1"
                } else if let se = fit.correlationSE[j.rawValue][k.rawValue] {
                    cell = "\(String(format: "%.3f", fit.correlation[j.rawValue][k.rawValue])) (\(String(format: "%.3f", se)), n \(fit.correlationCounts[j.rawValue][k.rawValue]))"
                } else {
                    cell = "- (n \(fit.correlationCounts[j.rawValue][k.rawValue]))"
                }
                row += pad(cell, 24)
            }
            out += row.trimmingCharacters(in: .whitespaces) + "\n"
        }
        if all.contains(where: { j in all.contains { k in j != k && fit.correlationSE[j.rawValue][k.rawValue] == nil } }) {
            out += "- : not estimated (fewer than \(HistoryFit.minimumCorrelationYears) common years, or a variable not in the history); 0 below.\n"
        }
        if let problem = fit.correlationProblem {
            out += "WARNING: the pairwise matrix is not a valid correlation matrix (it \(problem)); edit it before use.\n"
        }
        return out
    }

    /// The `economy:` block to paste.
    public static func yaml(_ fit: HistoryFit, history: EconomicHistory, file: String) -> String {
        var out = "# Paste into a scenario's economy section (pensiun esg-fit \(file)). Standard errors\n"
        out += "# are a guide to how far the data pin each number down; replace what the data cannot support.\n"
        out += "economy:\n"
        for variable in EconomicVariable.allCases where variable != .equity {
            // A fitted process has observed values, so it has a last one.
            guard let p = fit.processes[variable], let last = fit.last[variable] else {
                out += "  # \(variable.key): not in \(file); keep the scenario's.\n"
                continue
            }
            out += "  # Fitted from \(file) years \(span(p.years)) (\(p.pairs) pairs); s.e. mean \(number(p.meanSE)),\n"
            out += "  # persistence \(number(p.persistenceSE)), volatility \(number(p.volatilitySE)). start: the \(last.year) value.\n"
            out += "  \(variable.key): {mean: \(number(p.mean)), persistence: \(number(p.persistence)), volatility: \(number(p.volatility)), start: \(number(last.value))}\n"
        }
        if let e = fit.equity {
            out += "  # Fitted from \(file) years \(span(e.years)) (\(e.observations) returns); s.e. log_mean \(number(e.logMeanSE)),\n"
            out += "  # log_volatility \(number(e.logVolatilitySE)).\n"
            out += "  equity: {log_mean: \(number(e.logMean)), log_volatility: \(number(e.logVolatility)), shocks: normal}\n"
        } else {
            out += "  # equity: not in \(file); keep the scenario's.\n"
        }
        out += "  # Correlations of the residuals, pairwise over common years (order inflation, real_wage_growth,\n"
        out += "  # real_gdp_growth, bond_yield, equity). 0 marks a pair not estimated (fewer than \(HistoryFit.minimumCorrelationYears)\n"
        out += "  # common years, or a variable not fitted): replace it with the scenario's.\n"
        if let problem = fit.correlationProblem {
            out += "  # WARNING: not a valid correlation matrix as fitted (it \(problem)).\n"
        }
        out += "  correlation:\n"
        for row in fit.correlation {
            out += "    - [" + row.map { String(format: "%6.3f", $0) }.joined(separator: ", ") + "]\n"
        }
        return out
    }
}
