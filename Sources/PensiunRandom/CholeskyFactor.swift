import CGSL

/// The lower-triangular Cholesky factor L of a symmetric positive definite matrix Σ = L Lᵀ,
/// computed by GSL's linear algebra (`gsl_linalg_cholesky_decomp1`), stored row-major.
///
/// Used to draw correlated normals ε = L z from independent z ~ N(0, I).
public struct CholeskyFactor: Sendable, Equatable {
    /// The dimension n.
    public let dimension: Int
    /// L in row-major order: L[i][j] = lower[i·n + j], zero above the diagonal.
    public let lower: [Double]

    /// Factorises `matrix` (n rows of n entries).
    ///
    /// Throws ``GSLError/invalidParameter(_:)`` when the matrix is not square, has a non-finite
    /// entry or is not symmetric (|Σ_ij − Σ_ji| > 1e-12), and ``GSLError/notPositiveDefinite(_:)``
    /// when GSL's factorisation fails.
    public init(matrix rows: [[Double]]) throws(GSLError) {
        GSLRuntime.configure()
        let n = rows.count
        guard n > 0, rows.allSatisfy({ $0.count == n }) else {
            throw GSLError.invalidParameter("the matrix must be square, got \(n) rows of lengths \(rows.map(\.count))")
        }
        for i in 0..<n {
            for j in 0..<n {
                guard rows[i][j].isFinite else {
                    throw GSLError.invalidParameter("entry (\(i + 1), \(j + 1)) is not a finite number")
                }
                if abs(rows[i][j] - rows[j][i]) > 1e-12 {
                    throw GSLError.invalidParameter(
                        "the matrix is not symmetric: entry (\(i + 1), \(j + 1)) = \(rows[i][j]) but entry (\(j + 1), \(i + 1)) = \(rows[j][i])")
                }
            }
        }
        guard let m = gsl_matrix_alloc(n, n) else { throw GSLError.allocationFailed("a \(n)×\(n) matrix") }
        defer { gsl_matrix_free(m) }
        for i in 0..<n { for j in 0..<n { gsl_matrix_set(m, i, j, rows[i][j]) } }
        let status = gsl_linalg_cholesky_decomp1(m)
        guard status == 0 else {
            throw GSLError.notPositiveDefinite("the matrix is not positive definite (GSL's Cholesky factorisation failed)")
        }
        var lower = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0...i { lower[i * n + j] = gsl_matrix_get(m, i, j) } }
        self.dimension = n
        self.lower = lower
    }

    /// ε = L z for one vector: `output[i] = Σ_{j ≤ i} L_ij z_j`.
    @inlinable
    public func apply(_ z: UnsafeBufferPointer<Double>, to output: UnsafeMutableBufferPointer<Double>) {
        let n = dimension
        lower.withUnsafeBufferPointer { l in
            for i in 0..<n {
                var sum = 0.0
                for j in 0...i { sum += l[i * n + j] * z[j] }
                output[i] = sum
            }
        }
    }
}

extension RandomGenerator {
    /// ε ~ N(0, Σ) with Σ = L Lᵀ: draws n ziggurat normals z (in index order) and returns L z.
    /// `scratch` and `output` must each hold n values.
    @inlinable
    public mutating func multivariateNormal(
        _ factor: CholeskyFactor,
        scratch: UnsafeMutableBufferPointer<Double>,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        fillNormals(UnsafeMutableBufferPointer(rebasing: scratch[0..<factor.dimension]))
        factor.apply(UnsafeBufferPointer(scratch), to: output)
    }

    /// ε ~ N(0, Σ) returned as a new array (convenient outside hot loops).
    public mutating func multivariateNormal(_ factor: CholeskyFactor) -> [Double] {
        let n = factor.dimension
        var z = [Double](repeating: 0, count: n)
        var out = [Double](repeating: 0, count: n)
        z.withUnsafeMutableBufferPointer { zb in
            out.withUnsafeMutableBufferPointer { ob in multivariateNormal(factor, scratch: zb, into: ob) }
        }
        return out
    }
}
