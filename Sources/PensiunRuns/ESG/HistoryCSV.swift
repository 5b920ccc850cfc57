import PensiunEconomy
import PensiunScenario

/// Reads `pensiun esg-fit`'s HISTORY.csv into an ``EconomicHistory``.
///
/// Format (docs/model.md §3, "Fitting the generator to a history"): a header with `year` and any
/// of `inflation,real_wage_growth,real_gdp_growth,bond_yield,equity`, then one row per calendar
/// year, years strictly increasing (gaps allowed: an AR(1) pair needs two consecutive years).
/// Rates are decimals (0.03 = 3%), each above −1; equity is the annual total return e (the fit
/// uses ln(1 + e)); an empty cell is a missing value. Other columns (e.g. `source`) are ignored
/// and listed in the report; blank lines and lines starting with `#` are skipped. Every problem
/// is an ``InputError`` naming `FILE:LINE:COLUMN`.
public enum HistoryCSV {
    /// The history and the names of the columns that were ignored.
    public struct Contents: Sendable {
        public let history: EconomicHistory
        public let ignoredColumns: [String]
    }

    /// The header's variable columns, in correlation order.
    public static let variableColumns = EconomicVariable.allCases.map(\.key)

    public static func read(path: String) throws(InputError) -> Contents {
        let parsed: ParsedCSV
        do {
            parsed = try CSVDataFile.read(path: path)
        } catch {
            throw InputError("\(path): cannot read the history file (\(error.reason))")
        }
        return try parse(parsed, file: path)
    }

    static func parse(_ csv: ParsedCSV, file: String) throws(InputError) -> Contents {
        let expectedHeader = (["year"] + variableColumns).joined(separator: ",")
        guard let headerLine = csv.headerLine else {
            throw InputError("\(file):1:1: the history is empty (expected a header like \(expectedHeader))")
        }
        let header = csv.header
        for (k, name) in header.enumerated() where header[..<k].contains(name) {
            throw InputError("\(file):\(headerLine):\(k + 1): column '\(name)' appears twice (expected each column once)")
        }
        guard let yearColumn = header.firstIndex(of: "year") else {
            throw InputError("\(file):\(headerLine):1: missing column 'year' (expected a header like \(expectedHeader), got \(header.joined(separator: ",")))")
        }
        let columns = EconomicVariable.allCases.compactMap { v in header.firstIndex(of: v.key).map { (v, $0) } }
        guard !columns.isEmpty else {
            throw InputError("\(file):\(headerLine):1: no variable column (expected at least one of \(variableColumns.joined(separator: ",")), got \(header.joined(separator: ",")))")
        }
        var years: [Int] = []
        var values = Dictionary(uniqueKeysWithValues: columns.map { ($0.0, [Double?]()) })
        for row in csv.rows {
            guard row.fields.count == header.count else {
                throw InputError("\(file):\(row.line):\(min(header.count, row.fields.count) + 1): ragged row (expected \(header.count) fields like the header, got \(row.fields.count))")
            }
            let yearText = row.fields[yearColumn]
            guard let year = Int(yearText) else {
                throw InputError("\(file):\(row.line):\(yearColumn + 1): column 'year': expected a calendar year, got '\(yearText)'")
            }
            if let previous = years.last, year <= previous {
                throw InputError("\(file):\(row.line):\(yearColumn + 1): column 'year': years must increase (expected a year after \(previous), got \(year))")
            }
            years.append(year)
            for (variable, index) in columns {
                let text = row.fields[index]
                if text.isEmpty {
                    values[variable, default: []].append(nil)
                    continue
                }
                let place = "\(file):\(row.line):\(index + 1): column '\(variable.key)'"
                guard let value = Double(text), !value.isNaN else {
                    throw InputError("\(place): expected a rate as a decimal (0.03 for 3%) or an empty cell, got '\(text)'")
                }
                guard value.isFinite, value > -1 else {
                    throw InputError("\(place): out of range (expected a finite rate above -1, got \(text))")
                }
                values[variable, default: []].append(value == 0 ? 0 : value)
            }
        }
        let known = Set(["year"] + variableColumns)
        return Contents(history: EconomicHistory(years: years, values: values),
                        ignoredColumns: header.filter { !known.contains($0) })
    }
}
