import PensiunTestSupport
import Testing
@testable import PensiunRandom

@Suite struct MultivariateNormalTests {
    let correlation: [[Double]] = [
        [1.0, 0.6, -0.3],
        [0.6, 1.0, 0.2],
        [-0.3, 0.2, 1.0],
    ]

    @Test func choleskyFactorReproducesTheMatrix() throws {
        let factor = try CholeskyFactor(matrix: correlation)
        let n = factor.dimension
        for i in 0..<n {
            for j in 0..<n {
                var sum = 0.0
                for k in 0..<n { sum += factor.lower[i * n + k] * factor.lower[j * n + k] }
                #expect(abs(sum - correlation[i][j]) < 1e-14)
            }
        }
        // Strictly lower-triangular part only: zero above the diagonal.
        #expect(factor.lower[0 * n + 1] == 0 && factor.lower[0 * n + 2] == 0 && factor.lower[1 * n + 2] == 0)
    }

    @Test func drawsReproduceTheRequestedCorrelations() throws {
        let factor = try CholeskyFactor(matrix: correlation)
        var generator = try RandomGenerator(seed: 99)
        let count = 100_000
        var sums = [Double](repeating: 0, count: 9)
        var means = [Double](repeating: 0, count: 3)
        var draws: [[Double]] = []
        draws.reserveCapacity(count)
        for _ in 0..<count {
            let e = generator.multivariateNormal(factor)
            draws.append(e)
            for i in 0..<3 { means[i] += e[i] / Double(count) }
        }
        for e in draws { for i in 0..<3 { for j in 0..<3 { sums[i * 3 + j] += (e[i] - means[i]) * (e[j] - means[j]) } } }
        for i in 0..<3 {
            #expect(within4SE(means[i], 0, (1.0 / Double(count)).squareRoot()))
            for j in 0..<3 where i != j {
                let r = sums[i * 3 + j] / (sums[i * 3 + i] * sums[j * 3 + j]).squareRoot()
                let rho = correlation[i][j]
                // Standard error of a sample correlation: (1 − ρ²)/√n.
                #expect(within4SE(r, rho, (1 - rho * rho) / Double(count).squareRoot()), "ρ\(i)\(j) = \(r), expected \(rho)")
            }
        }
    }

    @Test func aNonSymmetricMatrixIsRejected() {
        #expect(throws: GSLError.invalidParameter("the matrix is not symmetric: entry (1, 2) = 0.5 but entry (2, 1) = 0.4")) {
            _ = try CholeskyFactor(matrix: [[1, 0.5], [0.4, 1]])
        }
    }

    @Test func aMatrixThatIsNotPositiveDefiniteIsAnErrorNotAnAbort() {
        // GSL's Cholesky reports GSL_EDOM; with GSL's default handler this would abort the process.
        #expect(throws: GSLError.notPositiveDefinite("the matrix is not positive definite (GSL's Cholesky factorisation failed)")) {
            _ = try CholeskyFactor(matrix: [[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]])
        }
    }
}
