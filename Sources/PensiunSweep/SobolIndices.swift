import PensiunMonteCarlo
import PensiunRandom
import PensiunScenario

/// First-order and total Sobol indices by Saltelli's sampling scheme and Jansen's estimators, with
/// bootstrap confidence intervals.
///
/// With A and B two independent N × d samples of the inputs and A_B^(i) equal to A except for
/// column i, taken from B, and y = f(·) evaluated on each row:
///
///     V    = variance of the 2N values f(A) ∪ f(B)                          (divisor 2N)
///     S_i  = 1 − Σ_j (f(B)_j − f(A_B^(i))_j)² / (2N V)     (Jansen 1999: first order)
///     ST_i =     Σ_j (f(A)_j − f(A_B^(i))_j)² / (2N V)     (Jansen 1999: total)
///
/// f(B) and f(A_B^(i)) share x_i only, so ½E[(f(B) − f(A_B^(i)))²] = V − V_i; f(A) and f(A_B^(i))
/// differ in x_i only, so ½E[(f(A) − f(A_B^(i)))²] = E[V(Y | X_~i)] = V_Ti. The cost is N(d + 2)
/// evaluations. Confidence intervals: `bootstrap` resamples of the N row indices with replacement
/// (GSL uniforms), the indices recomputed on each, and the percentile interval of level
/// `confidence` (type 7 quantiles).
public struct SobolIndices: Sendable {
    /// An estimate with its bootstrap percentile interval.
    public struct Estimate: Sendable, Equatable {
        public let value: Double
        public let low: Double
        public let high: Double
        /// True when `x` lies in [low, high].
        public func covers(_ x: Double) -> Bool { x >= low && x <= high }
    }

    /// V, the output's variance.
    public let variance: Double
    public let firstOrder: [Estimate]
    public let total: [Estimate]

    /// The Saltelli matrices A and B (N × d each, in the unit hypercube) from one 2d-dimensional
    /// design: the first d coordinates of each point form A's row, the last d B's row.
    public static func matrices(dimension d: Int, samples n: Int, design: SweepDesign, seed: UInt64) throws -> (a: [[Double]], b: [[Double]]) {
        let points = try UnitDesign.points(design, count: n, dimension: 2 * d, seed: seed)
        return (points.map { Array($0[0..<d]) }, points.map { Array($0[d..<(2 * d)]) })
    }

    /// The rows to evaluate, in this order: A (N rows), B (N rows), then A_B^(1) … A_B^(d) (N rows each).
    public static func saltelliRows(a: [[Double]], b: [[Double]]) -> [[Double]] {
        let d = a.first?.count ?? 0
        var rows = a + b
        for i in 0..<d {
            for j in a.indices {
                var row = a[j]
                row[i] = b[j][i]
                rows.append(row)
            }
        }
        return rows
    }

    /// The seed of the bootstrap's GSL stream: lo32(SplitMix64(seed ⊕ 0xBB67AE8584CAA73B)), 1 if 0.
    static func bootstrapSeed(_ seed: UInt64) -> UInt32 {
        let s = UInt32(truncatingIfNeeded: PathSeeds.splitMix64(seed ^ 0xBB67_AE85_84CA_A73B))
        return s == 0 ? 1 : s
    }

    /// The indices from the outputs of the rows of ``saltelliRows(a:b:)``: `y` holds N(d + 2)
    /// values in that order.
    public init(outputs y: [Double], dimension d: Int, bootstrap: Int, confidence: Double, seed: UInt64) throws {
        let n = y.count / (d + 2)
        precondition(n * (d + 2) == y.count && n >= 2, "expected N(d + 2) outputs with N ≥ 2")
        let all = Array(0..<n)
        let point = Self.indices(y, n: n, d: d, rows: all)
        variance = point.variance
        var firstDraws = [[Double]](repeating: [], count: d), totalDraws = firstDraws
        var generator = try RandomGenerator(kind: .mt19937, seed: Self.bootstrapSeed(seed))
        var rows = [Int](repeating: 0, count: n)
        for _ in 0..<bootstrap {
            for k in 0..<n { rows[k] = min(n - 1, Int(generator.uniform() * Double(n))) }
            let r = Self.indices(y, n: n, d: d, rows: rows)
            for i in 0..<d {
                firstDraws[i].append(r.first[i])
                totalDraws[i].append(r.total[i])
            }
        }
        let levels = [(1 - confidence) / 2, (1 + confidence) / 2]
        func estimate(_ value: Double, _ draws: [Double]) -> Estimate {
            let finite = draws.filter(\.isFinite)
            guard value.isFinite, !finite.isEmpty else { return Estimate(value: value, low: .nan, high: .nan) }
            let q = Quantiles.of(finite, levels: levels)
            return Estimate(value: value, low: q[0], high: q[1])
        }
        firstOrder = (0..<d).map { estimate(point.first[$0], firstDraws[$0]) }
        total = (0..<d).map { estimate(point.total[$0], totalDraws[$0]) }
    }

    /// Jansen's estimators over the rows `rows` (indices into 0..<N, repeats allowed).
    static func indices(_ y: [Double], n: Int, d: Int, rows: [Int]) -> (variance: Double, first: [Double], total: [Double]) {
        let m = Double(rows.count)
        var sum = 0.0
        for j in rows { sum += y[j] + y[n + j] }
        let mean = sum / (2 * m)
        var v = 0.0
        for j in rows {
            let a = y[j] - mean, b = y[n + j] - mean
            v += a * a + b * b
        }
        v /= 2 * m
        var first = [Double](repeating: .nan, count: d), total = first
        guard v > 0 else { return (v, first, total) }
        for i in 0..<d {
            let base = (2 + i) * n
            var sb = 0.0, sa = 0.0
            for j in rows {
                let ab = y[base + j]
                let db = y[n + j] - ab, da = y[j] - ab
                sb += db * db
                sa += da * da
            }
            first[i] = 1 - sb / (2 * m * v)
            total[i] = sa / (2 * m * v)
        }
        return (v, first, total)
    }

    /// The indices of `f` on the unit hypercube [0, 1)^d: Saltelli rows from `design`, N(d + 2)
    /// evaluations, Jansen estimators, bootstrap intervals.
    public static func analyse(dimension d: Int, samples n: Int, design: SweepDesign = .sobol, seed: UInt64,
                               bootstrap: Int = 1000, confidence: Double = 0.95,
                               _ f: ([Double]) throws -> Double) throws -> SobolIndices {
        let (a, b) = try matrices(dimension: d, samples: n, design: design, seed: seed)
        let y = try saltelliRows(a: a, b: b).map(f)
        return try SobolIndices(outputs: y, dimension: d, bootstrap: bootstrap, confidence: confidence, seed: seed)
    }
}
