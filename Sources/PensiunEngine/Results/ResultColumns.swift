/// The layout of ``ProjectionResults`` for a path range: path-minor columns, one per path.
struct ResultShape: Sendable {
    let firstPath: Int
    let pathCount: Int
    let horizon: Int
    let trackCount: Int
    let metricCount: Int
}

/// The arrays of a ``ProjectionResults`` being filled by parallel blocks. Each block writes only
/// the columns of its own paths, so concurrent blocks never touch the same element.
struct ResultColumns: @unchecked Sendable {
    let values: UnsafeMutablePointer<Double>?
    let byTrack: UnsafeMutablePointer<Double>?
    let gdp: UnsafeMutablePointer<Double>?
    let profiles: UnsafeMutablePointer<Double>?
    let shape: ResultShape

    /// Copies a block's per-path results into their columns (the layouts of ``ProjectionResults``):
    /// each scheme's per-path arrays are first gathered side by side in one buffer, then each row
    /// of the result is written for the block's paths at once (contiguous writes).
    func store(_ output: MonteCarloProjection.BlockOutput) {
        let p = shape.pathCount, h = shape.horizon, k = shape.trackCount, metrics = shape.metricCount
        let first = output.firstPath - shape.firstPath, count = output.results.count
        let valueRows = metrics * (h + 1), trackRows = Metric.rates.count * k * h
        var gathered = [Double](repeating: 0, count: count * max(valueRows, trackRows))
        gathered.withUnsafeMutableBufferPointer { buffer in
            let block = buffer.baseAddress!
            // One scheme's `rows` values per path: gathered path by path, then stored row by row.
            func copy(_ rows: Int, into target: UnsafeMutablePointer<Double>, scheme: Int,
                      _ array: (SchemePathResult) -> [Double]) {
                for j in 0..<count {
                    array(output.results[j][scheme]).withUnsafeBufferPointer { source in
                        (block + j * rows).update(from: source.baseAddress!, count: rows)
                    }
                }
                for row in 0..<rows {
                    let column = target + (scheme * rows + row) * p + first
                    for j in 0..<count { column[j] = block[j * rows + row] }
                }
            }
            for scheme in 0..<2 {
                if let values { copy(valueRows, into: values, scheme: scheme) { $0.values } }
                if let byTrack, trackRows > 0 { copy(trackRows, into: byTrack, scheme: scheme) { $0.byTrack } }
            }
        }
        if let gdp {
            for t in 0...h {
                let target = gdp + t * p + first
                for j in 0..<count { target[j] = output.gdp[j][t] }
            }
        }
        if let profiles, let rows = output.profiles.first?.count {
            for row in 0..<rows {
                let target = profiles + row * p + first
                for j in 0..<count { target[j] = output.profiles[j][row] }
            }
        }
    }
}
