import PensiunEngine

/// The like-for-like rates by sex (issue 20: DC annuities are priced by sex, so the same balance
/// buys a woman a smaller annuity): `rr_basic_dc_{female,male}` and `rr_basic_total_{female,male}`
/// per scheme, the mean across paths averaged over the same decade as the other rates (a mean
/// over years of yearly means, so a streamed run gives the same figures); nil where no year of the
/// decade has a value.
public struct SexRates: Sendable {
    /// [scheme]: (DC part, total) of women and of men.
    public let dc: [(female: Double?, male: Double?)]
    public let total: [(female: Double?, male: Double?)]

    public init(_ r: RunStatistics, years: ClosedRange<Int>) {
        func mean(_ scheme: Scheme, _ metric: Metric) -> Double? {
            let values = years.compactMap { r.summary(scheme, metric, year: $0)?.mean }.filter { $0.isFinite }
            return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
        }
        dc = Scheme.allCases.map { (mean($0, .rrBasicDCFemale), mean($0, .rrBasicDCMale)) }
        total = Scheme.allCases.map { (mean($0, .rrBasicTotalFemale), mean($0, .rrBasicTotalMale)) }
    }
}
