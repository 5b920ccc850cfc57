import PensiunEngine

/// The composition of the budget burden by year (issue 21, item 4; docs/model.md §8 "Cash flows
/// in money"), for each scheme and the difference reform − current, from the yearly means across
/// paths (exact in a streamed run too):
///
///     legacy DB        mean db_benefits − mean db_benefits_frozen
///     frozen DB        mean db_benefits_frozen
///     employer DC      mean contributions_employer
///     employee DB      − mean contributions_employee_db_budget   (receipts lower the burden)
///     top-ups          mean guarantee_topups
///     bonds            mean bond_redemptions
///     total            mean budget_burden
///
/// The parts add up to the total within rounding (a mean is additive). In the difference, the
/// employee DB column is current − reform receipts: the contributions no longer received.
public struct BurdenComposition: Sendable {
    /// The parts, in file order, with their names in `composition.csv`.
    public enum Part: Int, CaseIterable, Sendable {
        case legacyDB, frozenDB, employerDC, employeeDB, topUps, bondRedemptions, total
        public var name: String {
            switch self {
            case .legacyDB: return "legacy_db"
            case .frozenDB: return "frozen_db"
            case .employerDC: return "employer_dc_contributions"
            case .employeeDB: return "employee_db_contributions"
            case .topUps: return "guarantee_topups"
            case .bondRedemptions: return "bond_redemptions"
            case .total: return "total"
            }
        }
    }

    /// The first year and, per scheme (current, reform) and year index, the parts in ``Part`` order.
    public let startYear: Int
    public let values: [[[Double]]]

    static let metrics: [Metric] = [.dbBenefits, .dbBenefitsFrozen, .contributionsEmployer, .contributionsEmployeeDBBudget,
                                    .guaranteeTopups, .bondRedemptions, .budgetBurden]

    public init(_ statistics: RunStatistics) {
        startYear = statistics.startYear
        let h = statistics.horizon, names = Self.metrics.map(\.name)
        // One pass over the yearly rows: the mean of each (scheme, metric, flow year).
        var means = Array(repeating: Array(repeating: Array(repeating: Double.nan, count: names.count), count: h), count: 2)
        for row in statistics.yearly {
            let t = row.year - startYear
            guard t >= 0, t < h, let m = names.firstIndex(of: row.metric) else { continue }
            means[row.scheme.rawValue][t][m] = row.summary?.mean ?? .nan
        }
        values = means.map { years in
            years.map { v in [v[0] - v[1], v[1], v[2], 0 - v[3], v[4], v[5], v[6]] }  // 0 − x: no −0 in files
        }
    }

    /// Reform − current of each part in year index t.
    public func difference(_ t: Int) -> [Double] { zip(values[1][t], values[0][t]).map { $0 - $1 } }

    public static var csvHeader: String { (["scheme", "year"] + Part.allCases.map(\.name)).joined(separator: ",") }

    /// `composition.csv`: one row per (scheme, year), the schemes then the difference; numbers as
    /// in `yearly.csv`, an empty cell where not applicable.
    public func csv() throws(NonFiniteOutput) -> String {
        var out = Self.csvHeader + "\n"
        let h = values[0].count
        for (label, rows) in [("current", values[0]), ("reform", values[1]), ("difference", (0..<h).map(difference))] {
            for (t, parts) in rows.enumerated() {
                var cells = [label, "\(startYear + t)"]
                for (part, v) in zip(Part.allCases, parts) {
                    cells.append(try RunFiles.statistic(v, "composition.csv \(label) \(startYear + t) \(part.name)"))
                }
                out += cells.joined(separator: ",") + "\n"
            }
        }
        return out
    }
}
