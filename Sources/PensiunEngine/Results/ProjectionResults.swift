/// Everything a Monte Carlo run produces: every metric of both schemes by year and path, and the
/// per-path summaries. Values are stored path-minor: (scheme, metric, t, path).
public struct ProjectionResults: Sendable {
    public let paths: Range<Int>
    public let horizon: Int
    public let startYear: Int
    public let trackCount: Int
    /// values[((scheme · M + metric) · (H+1) + t) · P + j], j = path − paths.lowerBound.
    public var values: [Double]
    /// byTrack[(((scheme · R + r) · K + track) · H + t) · P + j], r the position of a rate in
    /// ``Metric/rates`` (R of them).
    public var byTrack: [Double]
    public var summaries: [PathSummary]
    /// GDP_y of every path: gdp[t · P + j], t = 0 … H.
    public var gdp: [Double]
    /// The number of individual profiles.
    public let profileCount: Int
    /// profiles[((profile · 2 + scheme) · Q + quantity) · P + j] (``ProfileOutcome/Quantity``).
    public var profiles: [Double]

    public init(paths: Range<Int>, horizon: Int, startYear: Int, trackCount: Int, profileCount: Int = 0) {
        self.init(paths: paths, horizon: horizon, startYear: startYear, trackCount: trackCount, profileCount: profileCount,
                  filled: true)
    }

    /// With `filled` false the arrays are left unwritten, for a caller that writes every element
    /// before any is read (``MonteCarloProjection/run(paths:seed:threads:progress:)``, whose blocks
    /// store all their columns): the pages are then first touched by the worker threads, in
    /// parallel, instead of being filled once here and again by the workers.
    init(paths: Range<Int>, horizon: Int, startYear: Int, trackCount: Int, profileCount: Int, filled: Bool) {
        func array(_ count: Int, _ value: Double) -> [Double] {
            filled ? .init(repeating: value, count: count) : .init(unsafeUninitializedCapacity: count) { _, n in n = count }
        }
        self.profileCount = profileCount
        profiles = array(profileCount * 2 * ProfileOutcome.Quantity.allCases.count * paths.count, .nan)
        self.paths = paths
        self.horizon = horizon
        self.startYear = startYear
        self.trackCount = trackCount
        values = array(2 * Metric.allCases.count * (horizon + 1) * paths.count, 0)
        byTrack = array(2 * Metric.rates.count * trackCount * horizon * paths.count, .nan)
        summaries = []
        gdp = array((horizon + 1) * paths.count, 0)
    }

    /// Joins results of adjacent path ranges (in order) into the results of their union: the
    /// same values, bit for bit, as one run over the whole range (docs/model.md §7).
    public static func concatenating(_ parts: [ProjectionResults]) -> ProjectionResults {
        let first = parts[0]
        let lower = first.paths.lowerBound, upper = parts.last!.paths.upperBound
        var whole = ProjectionResults(paths: lower..<upper, horizon: first.horizon, startYear: first.startYear,
                                      trackCount: first.trackCount, profileCount: first.profileCount)
        let p = upper - lower, h = first.horizon
        let rows = 2 * Metric.allCases.count * (h + 1), trackRows = 2 * Metric.rates.count * first.trackCount * h
        let profileRows = first.profileCount * 2 * ProfileOutcome.Quantity.allCases.count
        for part in parts {
            let q = part.paths.count, offset = part.paths.lowerBound - lower
            for row in 0..<rows { for j in 0..<q { whole.values[row * p + offset + j] = part.values[row * q + j] } }
            for row in 0..<trackRows { for j in 0..<q { whole.byTrack[row * p + offset + j] = part.byTrack[row * q + j] } }
            for t in 0...h { for j in 0..<q { whole.gdp[t * p + offset + j] = part.gdp[t * q + j] } }
            for row in 0..<profileRows { for j in 0..<q { whole.profiles[row * p + offset + j] = part.profiles[row * q + j] } }
            whole.summaries.append(contentsOf: part.summaries)
        }
        return whole
    }

    /// The layout of the arrays (for ``ResultColumns``).
    var shape: ResultShape {
        ResultShape(firstPath: paths.lowerBound, pathCount: paths.count, horizon: horizon, trackCount: trackCount,
                    metricCount: Metric.allCases.count)
    }

    /// GDP of year index t across paths.
    public func gdp(_ t: Int) -> ArraySlice<Double> {
        let p = paths.count
        return gdp[(t * p)..<((t + 1) * p)]
    }

    /// The values of (scheme, metric, year index t) across paths, in path order.
    public func values(_ scheme: Scheme, _ metric: Metric, _ t: Int) -> ArraySlice<Double> {
        let p = paths.count
        let start = ((scheme.rawValue * Metric.allCases.count + metric.rawValue) * (horizon + 1) + t) * p
        return values[start..<(start + p)]
    }

    /// A profile quantity across paths.
    public func profile(_ index: Int, _ scheme: Scheme, _ quantity: ProfileOutcome.Quantity) -> ArraySlice<Double> {
        let p = paths.count
        let start = ((index * 2 + scheme.rawValue) * ProfileOutcome.Quantity.allCases.count + quantity.rawValue) * p
        return profiles[start..<(start + p)]
    }

    /// A replacement rate (a metric of ``Metric/rates``) of one track across paths.
    public func replacement(_ scheme: Scheme, _ rate: Metric, track: Int, _ t: Int) -> ArraySlice<Double> {
        let p = paths.count
        let start = (((scheme.rawValue * Metric.rates.count + SchemePathResult.rate(rate)) * trackCount + track) * horizon + t) * p
        return byTrack[start..<(start + p)]
    }
}
