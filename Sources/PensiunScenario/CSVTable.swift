import Foundation
import Synchronization

/// A CSV data file referenced by a scenario, read with every problem located as
/// `FILE:LINE:COLUMN: key.path: column 'NAME': what is wrong (expected …, got …)`.
///
/// Format: a header line naming the columns, then one row per line, comma-separated, no quoting.
/// Blank lines and lines starting with `#` are skipped. Columns not asked for are ignored.
struct CSVTable {
    let file: String
    let keyPath: String
    let header: [String]
    let rows: [(line: Int, fields: [String])]
    let log: DiagnosticLog

    /// Reads the file `value` for the key at `cursor` (relative to the scenario file that names
    /// it, or to the current folder when given with `--set`: ``DataPath``).
    static func read(_ cursor: YAMLCursor, required columns: [String]) -> CSVTable? {
        guard let name = cursor.string(expected: "the path of a CSV file") else { return nil }
        let path = URL(fileURLWithPath: DataPath.resolve(name, writtenAt: cursor.node.location)).path
        let display = displayPath(path)
        let text: String
        do {
            // Never blocks on a FIFO nor reads a device or /proc without end (ScenarioFileReader).
            text = try ScenarioFileReader.contents(of: path)
        } catch {
            cursor.fail("cannot read the CSV file '\(name)': \(error.summary) (expected an existing UTF-8 file relative to \(DataPath.base(of: cursor.node.location)))")
            return nil
        }
        let parsed = ParsedCSV.cache.parsed(path: path, text: text)
        guard let headerLine = parsed.headerLine else {
            cursor.log.add(.init(file: display, line: 1, column: 1, keyPath: cursor.keyPath,
                                 message: "the CSV file is empty (expected a header with \(columns.joined(separator: ","))"))
            return nil
        }
        let header = parsed.header
        let table = CSVTable(file: display, keyPath: cursor.keyPath, header: header, rows: parsed.rows, log: cursor.log)
        var ok = true
        for column in columns where !header.contains(column) {
            table.fail(line: headerLine, column: 1, "missing column '\(column)' (expected columns \(columns.joined(separator: ",")), got \(header.joined(separator: ",")))")
            ok = false
        }
        for row in table.rows where row.fields.count != header.count {
            // Located at the first field too many, or the first missing.
            table.fail(line: row.line, column: min(header.count, row.fields.count) + 1, "ragged row (expected \(header.count) fields like the header, got \(row.fields.count))")
            ok = false
        }
        return ok ? table : nil
    }

    func fail(line: Int, column: Int?, _ message: String) {
        log.add(.init(file: file, line: line, column: column, keyPath: keyPath, message: message))
    }

    func index(_ column: String) -> Int { header.firstIndex(of: column)! }

    /// The number in `column` of `row`, checked by `isValid`.
    func number(_ row: (line: Int, fields: [String]), _ column: String, expected: String,
                where isValid: (Double) -> Bool = { _ in true }) -> Double? {
        let i = index(column)
        let text = row.fields[i]
        guard let value = Double(text).map(YAMLCursor.canonical) else {
            fail(line: row.line, column: i + 1, "column '\(column)': expected \(expected), got '\(text)'")
            return nil
        }
        guard !value.isNaN else {
            fail(line: row.line, column: i + 1, "column '\(column)': expected \(expected), got NaN")
            return nil
        }
        guard value.isFinite, isValid(value) else {
            fail(line: row.line, column: i + 1, "column '\(column)': out of range (expected \(expected), got \(text))")
            return nil
        }
        return value
    }

    /// A whole number in `column`.
    func integer(_ row: (line: Int, fields: [String]), _ column: String, expected: String,
                 where isValid: (Int) -> Bool = { _ in true }) -> Int? {
        let i = index(column)
        let text = row.fields[i]
        guard let value = Int(text) else {
            fail(line: row.line, column: i + 1, "column '\(column)': expected \(expected), got '\(text)'")
            return nil
        }
        guard isValid(value) else {
            fail(line: row.line, column: i + 1, "column '\(column)': out of range (expected \(expected), got \(value))")
            return nil
        }
        return value
    }

    /// A word in `column` from `options`.
    func choice<T>(_ row: (line: Int, fields: [String]), _ column: String, _ options: [(String, T)]) -> T? {
        let i = index(column)
        let text = row.fields[i]
        if let match = options.first(where: { $0.0 == text }) { return match.1 }
        fail(line: row.line, column: i + 1, "column '\(column)': expected one of \(options.map(\.0).joined(separator: ", ")), got '\(text)'")
        return nil
    }
}

/// `path` relative to the working directory when it lies below it, otherwise as given: how messages
/// and manifests name files, so that the same run in two checkouts reads the same.
public func displayPath(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    return absolute.hasPrefix(cwd + "/") ? String(absolute.dropFirst(cwd.count + 1)) : path
}

/// A CSV file split into trimmed fields: header, and rows with their line numbers (1-based,
/// counting blank and `#` lines, which are skipped). Public for readers of CSV files named on the
/// command line rather than by a scenario (``CSVDataFile``).
public struct ParsedCSV: Sendable {
    /// The line of the header (nil when the file has no line that is not blank or a comment).
    public let headerLine: Int?
    public let header: [String]
    public let rows: [(line: Int, fields: [String])]

    public init(text: String) {
        var lines: [(Int, String)] = []
        // "\r\n" is one Character in Swift, so Windows line ends split like "\n" (as in
        // MortalityTable.parseCSV).
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            var line = String(raw)
            if index == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            let trimmed = line.trimmedOfWhitespace
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            lines.append((index + 1, line))
        }
        headerLine = lines.first?.0
        header = lines.first.map { $0.1.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmedOfWhitespace } } ?? []
        rows = lines.dropFirst().map { ($0.0, $0.1.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmedOfWhitespace }) }
    }

    /// Parsed files by path, reused while their text is unchanged: a sweep resolves the same
    /// scenario, with the same tables, once per variant.
    final class Cache: Sendable {
        private let entries = Mutex<[String: (text: String, parsed: ParsedCSV)]>([:])

        func parsed(path: String, text: String) -> ParsedCSV {
            if let hit = entries.withLock({ $0[path] }), hit.text == text { return hit.parsed }
            let parsed = ParsedCSV(text: text)
            entries.withLock { $0[path] = (text, parsed) }
            return parsed
        }
    }

    static let cache = Cache()
}

extension StringProtocol {
    /// The text without leading and trailing white space (Unicode Zs and tab, as
    /// `trimmingCharacters(in: .whitespaces)`), without a trip through Foundation when the ends
    /// are plain ASCII that is not white space (the case of almost every CSV field).
    var trimmedOfWhitespace: String {
        if let first = first, let last = last, first.isASCII, last.isASCII,
           first != " ", first != "\t", last != " ", last != "\t" {
            return String(self)
        }
        return trimmingCharacters(in: .whitespaces)
    }
}
