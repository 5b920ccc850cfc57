/// How many numbers a run's results hold, computed with overflow checks: ``ProjectionResults``'s
/// arrays (metric values per scheme and stock year, replacement rates per scheme, rate, track and
/// year, GDP per stock year, profile quantities) plus per path summary its path and its stored fields
/// (``PathSummaryFieldList/archiveOrder``, one number each). `results.bin`
/// holds exactly this many doubles; a command checks it against its memory before allocating.
public enum ResultsSize {
    /// The count for `paths` paths, or nil when it overflows an Int.
    public static func doubles(paths: Int, horizon: Int, tracks: Int, profiles: Int) -> Int? {
        let parts: [[Int]] = [
            [2, Metric.allCases.count, horizon + 1, paths], [2, Metric.rates.count, tracks, horizon, paths], [horizon + 1, paths],
            [profiles, 2, ProfileOutcome.Quantity.allCases.count, paths], [1 + PathSummaryField.archiveOrder.count, paths],
        ]
        var total = 0
        for factors in parts {
            var product = 1
            for f in factors {
                let (m, overflow) = product.multipliedReportingOverflow(by: f)
                if overflow { return nil }
                product = m
            }
            let (sum, overflow) = total.addingReportingOverflow(product)
            if overflow { return nil }
            total = sum
        }
        return total
    }
}
