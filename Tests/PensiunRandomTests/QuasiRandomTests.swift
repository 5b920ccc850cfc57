import Testing
@testable import PensiunRandom

@Suite struct QuasiRandomTests {
    @Test func sobolMatchesTheGSLManualExample() throws {
        // The GSL manual's example prints the 2-d Sobol sequence: 0.5 0.5, 0.75 0.25, 0.25 0.75,
        // 0.375 0.375, 0.875 0.875.
        var sequence = try QuasiRandomSequence(kind: .sobol, dimension: 2)
        let points = try (0..<5).map { _ in try sequence.next() }
        #expect(points == [[0.5, 0.5], [0.75, 0.25], [0.25, 0.75], [0.375, 0.375], [0.875, 0.875]])
    }

    @Test func haltonUsesPrimeBasesTwoAndThree() throws {
        var sequence = try QuasiRandomSequence(kind: .halton, dimension: 2)
        let points = try (0..<3).map { _ in try sequence.next() }
        let expected: [[Double]] = [[0.5, 1.0 / 3], [0.25, 2.0 / 3], [0.75, 1.0 / 9]]
        for (p, e) in zip(points, expected) {
            #expect(abs(p[0] - e[0]) < 1e-15 && abs(p[1] - e[1]) < 1e-15, "\(p) vs \(e)")
        }
    }

    @Test(arguments: QuasiRandomKind.allCases)
    func pointsFillTheUnitCube(kind: QuasiRandomKind) throws {
        var sequence = try QuasiRandomSequence(kind: kind, dimension: 3)
        var sums = [Double](repeating: 0, count: 3)
        let count = 4096
        for _ in 0..<count {
            let p = try sequence.next()
            for i in 0..<3 {
                #expect(p[i] >= 0 && p[i] < 1)
                sums[i] += p[i]
            }
        }
        // Low discrepancy: the mean of each coordinate is far closer to 1/2 than random sampling's
        // 1/√(12n) ≈ 0.0045 standard error.
        for s in sums { #expect(abs(s / Double(count) - 0.5) < 0.002) }
    }

    @Test func dimensionsBeyondGSLsLimitAreRejected() {
        #expect(throws: GSLError.invalidParameter("sobol sequences support dimensions 1…40, got 41")) {
            _ = try QuasiRandomSequence(kind: .sobol, dimension: 41)
        }
    }
}
