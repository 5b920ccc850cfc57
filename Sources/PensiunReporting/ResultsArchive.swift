import Foundation
import PensiunEngine

/// The raw per-path results of a (partial) run, stored exactly, so that runs over adjacent path
/// ranges can be merged into the run over their union (`pensiun merge`), byte for byte.
///
/// `results.bin`: a header line `pensiun-results 1 <paths from> <paths to> <horizon> <start year>
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

    public static func encode(_ r: ProjectionResults) -> Data {
        var data = Data("pensiun-results 1 \(r.paths.lowerBound) \(r.paths.upperBound) \(r.horizon) \(r.startYear) \(r.trackCount) \(r.summaries.count) \(r.profileCount)\n".utf8)
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

    public static func decode(_ data: Data, file: String) throws(FormatError) -> ProjectionResults {
        guard let newline = data.firstIndex(of: 10),
              let header = String(data: data[data.startIndex..<newline], encoding: .utf8) else {
            throw FormatError(file: file, message: "not a Pensiun results file (expected a header line)")
        }
        let fields = header.split(separator: " ")
        guard fields.count == 9, fields[0] == "pensiun-results", fields[1] == "1",
              let from = Int(fields[2]), let to = Int(fields[3]), let horizon = Int(fields[4]),
              let start = Int(fields[5]), let tracks = Int(fields[6]), let count = Int(fields[7]),
              let profileCount = Int(fields[8]), to >= from else {
            throw FormatError(file: file, message: "not a Pensiun results file of version 1 (header '\(header)')")
        }
        var r = ProjectionResults(paths: from..<to, horizon: horizon, startYear: start, trackCount: tracks, profileCount: profileCount)
        let body = data[(newline + 1)...]
        let expected = (r.values.count + r.byTrack.count + r.gdp.count + r.profiles.count + 14 * count) * 8
        guard body.count == expected else {
            throw FormatError(file: file, message: "truncated or damaged (expected \(expected) bytes of values, got \(body.count))")
        }
        var doubles = [Double](repeating: 0, count: expected / 8)
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
        for _ in 0..<count {
            let f = take(14)
            r.summaries.append(PathSummary(
                path: Int(f[0]), pvBurdenCurrent: f[1], pvBurdenReform: f[2], pvGuaranteeTopups: f[3],
                pvBondRedemptions: f[4], peakBurdenPctGDPCurrent: f[5], peakBurdenYearCurrent: Int(f[6]),
                peakBurdenPctGDPReform: f[7], peakBurdenYearReform: Int(f[8]), peakTransitionCostPctGDP: f[9],
                peakTransitionCostYear: Int(f[10]), breakevenYear: f[11].isNaN ? nil : Int(f[11]),
                exceedsThresholdCurrent: f[12] != 0, exceedsThresholdReform: f[13] != 0))
        }
        return r
    }
}
