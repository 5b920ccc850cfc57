import PensiunEngine
import PensiunInputs
import PensiunMonteCarlo

/// Replacement rates across members (model 2.4, issue 20): for each track with pay levels and each
/// scheme, the last decade's `rr_basic_total_member_p{10,50,90}` averaged on each path, then taken
/// across paths — the 10th-, 50th- and 90th-percentile member on the median path, and beside them
/// the median member on the 10th-percentile path. Percentiles of members and of paths answer
/// different questions: the first is who is left behind in a typical economy, the second how the
/// typical member fares in a bad one.
public struct MemberRates: Sendable {
    public struct Row: Sendable {
        public let track: String
        /// The pay levels in words ("sma 40% ×0.905, …").
        public let levels: String
        /// [scheme]: (p10 member, median member, p90 member) on the median path, and the median
        /// member on the 10th-percentile path; nil when nobody retires.
        public let rates: [(p10: Double, p50: Double, p90: Double, medianOnP10Path: Double)?]
    }

    /// The tracks with more than one pay level, in the scenario's order.
    public let rows: [Row]
    /// True when no track has pay levels (every member of a track is paid its salary scale).
    public var isEmpty: Bool { rows.isEmpty }

    public init(_ r: RunStatistics, inputs: ProjectionInputs) {
        rows = inputs.tracks.enumerated().compactMap { k, track -> Row? in
            guard track.payLevels.count > 1 else { return nil }
            let levels = track.payLevels.map { "\($0.name) \(Format.percent($0.share, decimals: 0)) ×\(String(format: "%.3f", $0.multiplier))" }
            return Row(track: track.name, levels: levels.joined(separator: ", "), rates: Scheme.allCases.map { scheme in
                func across(_ metric: Metric, _ q: Double) -> Double? {
                    let averages = r.decadeAverages(scheme, rate: metric, track: k)
                    return averages.isEmpty ? nil : Quantiles.of(averages, levels: [q])[0]
                }
                guard let p10 = across(.rrBasicTotalMemberP10, 0.5), let p50 = across(.rrBasicTotalMemberP50, 0.5),
                      let p90 = across(.rrBasicTotalMemberP90, 0.5), let bad = across(.rrBasicTotalMemberP50, 0.1) else { return nil }
                return (p10, p50, p90, bad)
            })
        }
    }
}
