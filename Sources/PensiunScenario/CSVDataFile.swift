/// A CSV file named on the command line rather than by a scenario (`pensiun esg-fit HISTORY.csv`):
/// read with the same care as scenario files (``ScenarioFileReader``: a regular UTF-8 file, size
/// capped, never blocking) and split like scenario data files (``ParsedCSV``: trimmed fields,
/// blank and `#` lines skipped, a byte-order mark and Windows line ends accepted).
public enum CSVDataFile {
    /// Why the file cannot be read, in words (e.g. "no such file").
    public struct Unreadable: Error, Equatable, Sendable {
        public let reason: String
    }

    /// The file at `path`, split into header and rows.
    public static func read(path: String) throws(Unreadable) -> ParsedCSV {
        do {
            return ParsedCSV(text: try ScenarioFileReader.contents(of: path))
        } catch {
            throw Unreadable(reason: error.summary)
        }
    }
}
