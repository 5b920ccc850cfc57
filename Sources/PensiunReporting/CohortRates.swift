import PensiunEngine

/// Like-for-like replacement rates by retirement cohort over the whole horizon (issue 20): for
/// the cohorts retiring in each decade year, the median across paths of `rr_basic_total` at award
/// under each scheme and, 20 years on, of `rr_basic_total_after20` (the same cohort's pension in
/// payment over the basic pay of the same position then). Read from the yearly statistics, so a
/// streamed run gives the same table (within the sketch's accuracy). `yearly.csv` has every
/// year, overall and by track.
public struct CohortRates: Sendable {
    public struct Row: Sendable {
        /// The year the cohort retires (at its end).
        public let year: Int
        /// [scheme]: at award, and 20 years later (nil when not applicable or past the horizon).
        public let atAward: [Double?]
        public let after20: [Double?]
    }

    public let rows: [Row]

    /// The decade years y0 < y ≤ y0+H−1 that are multiples of 10.
    public init(_ r: RunStatistics) {
        let last = r.startYear + r.horizon - 1
        func median(_ scheme: Scheme, _ metric: Metric, _ year: Int) -> Double? {
            guard year <= last else { return nil }
            return r.summary(scheme, metric, year: year)?.p50
        }
        let first = (r.startYear / 10 + 1) * 10
        rows = stride(from: first, through: last, by: 10).map { y in
            Row(year: y, atAward: Scheme.allCases.map { median($0, .rrBasicTotal, y) },
                after20: Scheme.allCases.map { median($0, .rrBasicTotalAfter20, y + 20) })
        }
    }
}
