import Foundation
import PensiunEngine
import PensiunMonteCarlo

/// The tidy files of a run folder: `yearly.csv`, `paths.csv`.
public enum RunFiles {
    /// Numbers in files: Swift's shortest round-trip form (identical text for identical values);
    /// nil (not applicable) is an empty cell; a value that is not finite is an error, never written.
    public static func number(_ v: Double?, _ field: String) throws(NonFiniteOutput) -> String {
        guard let v else { return "" }
        guard v.isFinite else { throw NonFiniteOutput(field: field, value: v) }
        return "\(v)"
    }

    /// A statistic across paths in files: NaN is a statistic over no values (not applicable, an
    /// empty cell); an infinity is an error, never written.
    public static func statistic(_ v: Double, _ field: String) throws(NonFiniteOutput) -> String {
        try number(v.isNaN ? nil : v, field)
    }

    public static let yearlyHeader = "scheme,year,metric,mean,p5,p25,p50,p75,p95"

    /// `scheme,year,metric,mean,p5,p25,p50,p75,p95`, one row per (scheme, metric, year); empty
    /// statistics when no path has a value.
    public static func yearly(_ report: RunReport) throws(NonFiniteOutput) -> String {
        var out = yearlyHeader + "\n"
        for row in report.yearly {
            out += "\(row.scheme.name),\(row.year),\(row.metric),"
            if let s = row.summary {
                var cells: [String] = []
                for v in [s.mean, s.p5, s.p25, s.p50, s.p75, s.p95] { cells.append(try number(v, "yearly.csv \(row.metric)")) }
                out += cells.joined(separator: ",")
            } else {
                out += ",,,,,"
            }
            out += "\n"
        }
        return out
    }

    /// `path`, then one column per ``PathSummaryField`` in declaration order.
    public static var pathsHeader: String { pathsHeader(PathSummaryField.self) }

    /// One row per path with the per-path summaries (docs/model.md §8).
    public static func paths(_ report: RunReport) throws(NonFiniteOutput) -> String {
        try paths(report.statistics.summaries, PathSummaryField.self)
    }

    /// The `paths.csv` header of the field list `F`.
    public static func pathsHeader<F: PathSummaryFieldList>(_: F.Type) -> String {
        (["path"] + F.allCases.map(\.name)).joined(separator: ",")
    }

    /// `paths.csv` for the field list `F`: numbers as ``number(_:_:)``, years as whole numbers, a
    /// missing year as an empty cell, flags 1 or 0.
    public static func paths<F: PathSummaryFieldList>(_ summaries: [F.Summary], _: F.Type) throws(NonFiniteOutput) -> String {
        var out = pathsHeader(F.self) + "\n"
        let fields = Array(F.allCases)
        for s in summaries {
            var cells = ["\(s.path)"]
            for f in fields { cells.append(try cell(s, f, "paths.csv path \(s.path)")) }
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }

    /// One per-path field in a file: numbers as ``number(_:_:)`` (`context` names the place of a
    /// non-finite one), years as whole numbers, a missing year as an empty cell, flags 1 or 0.
    static func cell<F: PathSummaryFieldList>(_ s: F.Summary, _ f: F, _ context: String) throws(NonFiniteOutput) -> String {
        switch f.access {
        case let .currency(k), let .ratio(k): return try number(s[keyPath: k], context)
        case let .year(k): return "\(s[keyPath: k])"
        case let .optionalYear(k): return s[keyPath: k].map(String.init) ?? ""
        case let .flag(k): return s[keyPath: k] ? "1" : "0"
        }
    }
}
