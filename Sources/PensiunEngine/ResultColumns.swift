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

    /// Copies a block's per-path results into their columns (the layouts of ``ProjectionResults``),
    /// row by row, so that each row's writes for the block's paths are contiguous.
    func store(_ output: MonteCarloProjection.BlockOutput) {
        let p = shape.pathCount, h = shape.horizon, k = shape.trackCount, metrics = shape.metricCount
        let first = output.firstPath - shape.firstPath, count = output.results.count
        for scheme in 0..<2 {
            let results = output.results.map { $0[scheme] }
            if let values {
                for m in 0..<metrics {
                    for t in 0...h {
                        let target = values + ((scheme * metrics + m) * (h + 1) + t) * p + first
                        for j in 0..<count { target[j] = results[j].values[m * (h + 1) + t] }
                    }
                }
            }
            if let byTrack {
                for kind in 0..<3 { for track in 0..<k { for t in 0..<h {
                    let target = byTrack + (((scheme * 3 + kind) * k + track) * h + t) * p + first
                    for j in 0..<count { target[j] = results[j].replacementByTrack[kind][track][t] }
                } } }
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
