import Foundation
import PensiunEngine

/// The raw per-path results of a (partial) run, stored exactly, so that runs over adjacent path
/// ranges can be merged into the run over their union (`pensiun merge`), byte for byte.
///
/// `results.bin`: a header line `pensiun-results 2 <fingerprint> <paths from> <paths to> <horizon> <start year>
/// <tracks> <summaries> <profiles>\n`, then little-endian IEEE 754 doubles: the metric values, the
/// replacement rates by track, GDP, the profile quantities, and 14 doubles per path summary (integers and flags as
/// doubles, a missing breakeven year as NaN).
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
        var data = Data("pensiun-results 2 \(fingerprint) \(r.paths.lowerBound) \(r.paths.upperBound) \(r.horizon) \(r.startYear) \(r.trackCount) \(r.summaries.count) \(r.profileCount)\n".utf8)
        func append(_ values: [Double]) {
            var little = values.map { $0.bitPattern.littleEndian }
            little.withUnsafeMutableBytes { data.append(contentsOf: $0) }
        }
        append(r.values)
        append(r.byTrack)
        append(r.gdp)
        append(r.profiles)
        append(r.summaries.flatMap { s -> [Double] in
            [Double(s.path), s.pvBurdenCurrent, s.pvBurdenReform, s.pvGuaranteeTopups, s.pvBondRedemptions,
             s.peakBurdenPctGDPCurrent, Double(s.peakBurdenYearCurrent), s.peakBurdenPctGDPReform,
             Double(s.peakBurdenYearReform), s.peakTransitionCostPctGDP, Double(s.peakTransitionCostYear),
             s.breakevenYear.map(Double.init) ?? .nan, s.exceedsThresholdCurrent ? 1 : 0, s.exceedsThresholdReform ? 1 : 0]
        })
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
            guard fields.count == 10, fields[0] == "pensiun-results", fields[1] == "2" else {
                throw FormatError(file: file, message: "not a Pensiun results file of version 2 (run the shard again with this version)")
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
        func whole(_ x: Double) throws(FormatError) -> Int {
            guard let n = Int(exactly: x) else {
                throw FormatError(file: file, message: "damaged (a path summary holds \(x) where a whole number belongs)")
            }
            return n
        }
        for k in 0..<header.summaries {
            let f = take(14)
            guard try whole(f[0]) == header.from + k else {
                throw FormatError(file: file, message: "damaged (path summaries out of order)")
            }
            r.summaries.append(PathSummary(
                path: header.from + k, pvBurdenCurrent: f[1], pvBurdenReform: f[2], pvGuaranteeTopups: f[3],
                pvBondRedemptions: f[4], peakBurdenPctGDPCurrent: f[5], peakBurdenYearCurrent: try whole(f[6]),
                peakBurdenPctGDPReform: f[7], peakBurdenYearReform: try whole(f[8]), peakTransitionCostPctGDP: f[9],
                peakTransitionCostYear: try whole(f[10]), breakevenYear: f[11].isNaN ? nil : try whole(f[11]),
                exceedsThresholdCurrent: f[12] != 0, exceedsThresholdReform: f[13] != 0))
        }
        return (r, header.fingerprint)
    }
}
