/// Everything that can be wrong with a mortality basis, an interest rate or an actuarial argument.
///
/// Errors about a table file are located compiler-style, `FILE:LINE: column 'NAME': problem`, with
/// 1-based physical lines (the header is line 1), so an analyst can jump to the offending cell.
public enum ActuarialError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadableFile(file: String, reason: String)
    /// The file has no header or no data row.
    case emptyTable(file: String)
    /// A required column is absent from the header (line 1).
    case missingColumn(file: String, column: String, header: [String])
    /// The header names the same column twice.
    case duplicateColumn(file: String, column: String)
    /// The table has one q column per sex and no sex was chosen.
    case sexRequired(file: String, columns: [String])
    /// A data row has a different number of fields from the header.
    case raggedRow(file: String, line: Int, expected: Int, found: Int)
    /// A cell that should hold a number does not.
    case notANumber(file: String, line: Int, column: String, text: String)
    /// A cell holds NaN.
    case notANumberValue(file: String, line: Int, column: String)
    /// An age cell is not a whole number of years ≥ 0.
    case invalidAge(file: String, line: Int, text: String)
    /// A mortality rate outside [0, 1] (infinities included).
    case probabilityOutOfRange(file: String, line: Int, column: String, value: Double)
    /// An age not greater than the previous one (unsorted or duplicate ages).
    case agesOutOfOrder(file: String, line: Int, age: Int, previous: Int)
    /// A gap in the ages: `from…to` are missing before `line`.
    case missingAges(file: String, line: Int, from: Int, to: Int)
    /// A mortality SPEC (`makeham:…`, `gompertz:…` or a path) that cannot be understood.
    case invalidSpec(spec: String, reason: String)
    /// An interest or escalation rate that is not a finite number greater than −1.
    case invalidRate(name: String, value: Double)
    /// Any other argument outside its domain (ages, terms, factors, frequencies).
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .unreadableFile(file, reason):
            return "\(file): cannot read the mortality table: \(reason)"
        case let .emptyTable(file):
            return "\(file): the mortality table is empty: expected a header line (age plus qx, or qx_male and qx_female) and one row per age"
        case let .missingColumn(file, column, header):
            return "\(file):1: missing column '\(column)' (the header has \(header.map { "'\($0)'" }.joined(separator: ", "))); expected 'age' plus 'qx', or 'qx_male' and 'qx_female'"
        case let .duplicateColumn(file, column):
            return "\(file):1: column '\(column)' appears twice in the header"
        case let .sexRequired(file, columns):
            return "\(file): the table has one q column per sex (\(columns.joined(separator: ", "))): choose the sex, male or female (--sex on the command line)"
        case let .raggedRow(file, line, expected, found):
            return "\(file):\(line): expected \(expected) fields like the header, found \(found)"
        case let .notANumber(file, line, column, text):
            return "\(file):\(line): column '\(column)': expected a number, found '\(text)'"
        case let .notANumberValue(file, line, column):
            return "\(file):\(line): column '\(column)': NaN is not a mortality rate; expected a number between 0 and 1"
        case let .invalidAge(file, line, text):
            return "\(file):\(line): column 'age': expected a whole number of years (0, 1, 2, ...), found '\(text)'"
        case let .probabilityOutOfRange(file, line, column, value):
            return "\(file):\(line): column '\(column)': q = \(value) is outside [0, 1]"
        case let .agesOutOfOrder(file, line, age, previous):
            if age == previous {
                return "\(file):\(line): column 'age': age \(age) appears twice; expected one row per age, in increasing order"
            }
            return "\(file):\(line): column 'age': age \(age) comes after age \(previous); expected ages in increasing order"
        case let .missingAges(file, line, from, to):
            let gap = from == to ? "age \(from) is" : "ages \(from)-\(to) are"
            return "\(file):\(line): column 'age': \(gap) missing; expected consecutive ages"
        case let .invalidSpec(spec, reason):
            return "mortality '\(spec)': \(reason)"
        case let .invalidRate(name, value):
            return "\(name) \(value) is not allowed: expected a finite rate greater than -100% (-1), e.g. 0.05 for 5%"
        case let .invalidArgument(text):
            return text
        }
    }
}
