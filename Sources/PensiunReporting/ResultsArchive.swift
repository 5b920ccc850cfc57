import Foundation
import PensiunEngine

/// The raw per-path results of a (partial) run, stored exactly, so that runs over adjacent path
/// ranges can be merged into the run over their union (`pensiun merge`), byte for byte.
///
/// `results.bin`: a header line `pensiun-results 10 <fingerprint> <paths from> <paths to> <horizon> <start year>
/// <tracks> <summaries> <profiles>\n`, then little-endian IEEE 754 doubles: the metric values, the
/// replacement rates by track, GDP, the profile quantities, and per path summary its path and its stored fields in
/// ``PathSummaryFieldList/archiveOrder`` (one double each; years and flags as doubles, a missing breakeven year as NaN).
/// Adding a stored field to ``PathSummaryField`` or a ``Metric`` changes this layout: bump the version.
public enum ResultsArchive {
    public static let fileName = "results.bin"

    public struct FormatError: Error, CustomStringConvertible {
        public let file: String
        public let message: String
        public var description: String { "\(file): \(message)" }
    }

    /// The archive of `r`; `fingerprint` (``RunOutput/fingerprint(_:)``) binds its values to the
    /// run that made them, so that `merge` can refuse an archive moved into another run's folder.
    public static func encode(_ r: ProjectionResults, fingerprint: String) -> Data {
        var data = Data("pensiun-results 10 \(fingerprint) \(r.paths.lowerBound) \(r.paths.upperBound) \(r.horizon) \(r.startYear) \(r.trackCount) \(r.summaries.count) \(r.profileCount)\n".utf8)
        func append(_ values: [Double]) {
            var little = values.map { $0.bitPattern.littleEndian }
            little.withUnsafeMutableBytes { data.append(contentsOf: $0) }
        }
        append(r.values)
        append(r.byTrack)
        append(r.gdp)
        append(r.profiles)
        append(summaryDoubles(r.summaries, PathSummaryField.self))
        return data
    }

    /// The header's counts, checked before anything is allocated: every size is computed with
    /// overflow checks and must match the bytes that follow, so a damaged or hostile header is
    /// refused instead of allocating or trapping.
    struct Header {
        let fingerprint: String
        let from: Int, to: Int, horizon: Int, startYear: Int, tracks: Int, summaries: Int, profiles: Int

        init(_ text: String, file: String) throws(FormatError) {
            let fields = text.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 10, fields[0] == "pensiun-results", fields[1] == "10" else {
                throw FormatError(file: file, message: "not a Pensiun results file of version 10 (run the shard again with this version)")
            }
            let n = fields[3...].compactMap { Int($0) }
            guard n.count == 7, n.allSatisfy({ $0 >= 0 }) else {
                throw FormatError(file: file, message: "damaged header (expected seven counts, whole numbers ≥ 0)")
            }
            (fingerprint, from, to, horizon, startYear, tracks, summaries, profiles) =
                (String(fields[2]), n[0], n[1], n[2], n[3], n[4], n[5], n[6])
            guard to > from, horizon >= 1, horizon <= 10_000, summaries == to - from else {
                throw FormatError(file: file, message: "damaged header (paths \(from)..<\(to), horizon \(horizon), \(summaries) summaries)")
            }
        }

        /// The number of doubles the header announces, or nil on overflow.
        var doubles: Int? {
            guard summaries == to - from else { return nil }
            return ResultsSize.doubles(paths: to - from, horizon: horizon, tracks: tracks, profiles: profiles)
        }
    }

    /// The results in `data` and the fingerprint of the run that wrote them.
    public static func decode(_ data: Data, file: String) throws(FormatError) -> (results: ProjectionResults, fingerprint: String) {
        guard let newline = data.prefix(4096).firstIndex(of: 10),
              let text = String(data: data[data.startIndex..<newline], encoding: .utf8) else {
            throw FormatError(file: file, message: "not a Pensiun results file (expected a header line)")
        }
        let header = try Header(text, file: file)
        let body = data[(newline + 1)...]
        guard let count = header.doubles, count.multipliedReportingOverflow(by: 8).overflow == false,
              body.count == count * 8 else {
            throw FormatError(file: file, message: "truncated or damaged (its size does not match its header)")
        }
        var r = ProjectionResults(paths: header.from..<header.to, horizon: header.horizon, startYear: header.startYear,
                                  trackCount: header.tracks, profileCount: header.profiles)
        var doubles = [Double](repeating: 0, count: count)
        doubles.withUnsafeMutableBytes { raw in _ = body.copyBytes(to: raw) }
        doubles = doubles.map { Double(bitPattern: UInt64(littleEndian: $0.bitPattern)) }
        var cursor = 0
        func take(_ n: Int) -> [Double] {
            defer { cursor += n }
            return Array(doubles[cursor..<(cursor + n)])
        }
        r.values = take(r.values.count)
        r.byTrack = take(r.byTrack.count)
        r.gdp = take(r.gdp.count)
        r.profiles = take(r.profiles.count)
        r.summaries = try summaries(take(header.summaries * summaryWidth(PathSummaryField.self)), PathSummaryField.self,
                                    firstPath: header.from, file: file)
        return (r, header.fingerprint)
    }

    /// The doubles per path summary of the field list `F`: the path and the stored fields.
    public static func summaryWidth<F: PathSummaryFieldList>(_: F.Type) -> Int { 1 + F.archiveOrder.count }

    /// The summaries as archived: per summary its path, then its stored fields in ``PathSummaryFieldList/archiveOrder``.
    public static func summaryDoubles<F: PathSummaryFieldList>(_ summaries: [F.Summary], _: F.Type) -> [Double] {
        let fields = F.archiveOrder
        var out: [Double] = []
        out.reserveCapacity(summaries.count * (1 + fields.count))
        for s in summaries {
            out.append(Double(s.path))
            for f in fields { out.append(f.double(s)) }
        }
        return out
    }

    /// The summaries of paths `firstPath`, `firstPath` + 1, … read from ``summaryDoubles(_:_:)``.
    public static func summaries<F: PathSummaryFieldList>(_ doubles: [Double], _: F.Type, firstPath first: Int,
                                                          file: String) throws(FormatError) -> [F.Summary] {
        let fields = F.archiveOrder, width = 1 + fields.count
        guard doubles.count % width == 0 else { throw FormatError(file: file, message: "truncated or damaged (its size does not match its header)") }
        var out: [F.Summary] = []
        out.reserveCapacity(doubles.count / width)
        for k in 0..<(doubles.count / width) {
            let f = doubles[(k * width)..<((k + 1) * width)]
            guard let path = Int(exactly: f[f.startIndex]) else {
                throw FormatError(file: file, message: "damaged (a path summary holds \(f[f.startIndex]) where a whole number belongs)")
            }
            guard path == first + k else {
                throw FormatError(file: file, message: "damaged (path summaries out of order)")
            }
            var s = F.Summary(blankPath: path)
            for (field, x) in zip(fields, f.dropFirst()) where !field.set(x, in: &s) {
                throw FormatError(file: file, message: "damaged (a path summary holds \(x) where a whole number belongs)")
            }
            out.append(s)
        }
        return out
    }
}
