import CGSL
import PensiunRandom
import PensiunScenario

/// Points in the unit hypercube [0, 1)^d for the sampled designs; each coordinate is then mapped to
/// a parameter's value through its inverse distribution function (``SweepParameter/value(at:)``).
public enum UnitDesign {
    /// The seed of the GSL stream of a random or Latin hypercube design: a stream apart from the
    /// paths' (path seeds come from the same master seed through another mixer),
    /// lo32(SplitMix64(seed ⊕ 0x6A09E667F3BCC909)), or 1 if that is 0.
    public static func designSeed(_ seed: UInt64) -> UInt32 {
        let s = UInt32(truncatingIfNeeded: PathSeeds.splitMix64(seed ^ 0x6A09_E667_F3BC_C909))
        return s == 0 ? 1 : s
    }

    /// `count` points of dimension `dimension`, row by row.
    ///
    /// - random: `count × dimension` GSL uniforms in (0, 1), row by row (mt19937, ``designSeed(_:)``);
    /// - sobol: GSL's Sobol sequence without its first point (the origin);
    /// - halton: GSL's Halton sequence from its first point;
    /// - latin_hypercube: for each dimension in turn, a random permutation π (Fisher–Yates, GSL
    ///   uniforms) then `count` jitters U, giving u_ij = (π_j(i) + U_ij) / count.
    public static func points(_ design: SweepDesign, count: Int, dimension: Int, seed: UInt64) throws -> [[Double]] {
        switch design {
        case .grid:
            preconditionFailure("a grid has no unit design")
        case .random:
            var generator = try RandomGenerator(kind: .mt19937, seed: designSeed(seed))
            return (0..<count).map { _ in (0..<dimension).map { _ in generator.uniformPositive() } }
        case .sobol, .halton:
            var sequence = try QuasiRandomSequence(kind: design == .sobol ? .sobol : .halton, dimension: dimension)
            if design == .sobol { _ = try sequence.next() }
            var result: [[Double]] = []
            result.reserveCapacity(count)
            for _ in 0..<count { result.append(try sequence.next()) }
            return result
        case .latinHypercube:
            var generator = try RandomGenerator(kind: .mt19937, seed: designSeed(seed))
            var result = [[Double]](repeating: [Double](repeating: 0, count: dimension), count: count)
            for j in 0..<dimension {
                var permutation = Array(0..<count)
                var i = count - 1
                while i > 0 {
                    let k = min(i, Int(generator.uniform() * Double(i + 1)))
                    permutation.swapAt(i, k)
                    i -= 1
                }
                for i in 0..<count {
                    result[i][j] = (Double(permutation[i]) + generator.uniformPositive()) / Double(count)
                }
            }
            return result
        }
    }

    /// Φ⁻¹(p), the standard normal quantile (GSL `gsl_cdf_ugaussian_Pinv`).
    public static func normalQuantile(_ p: Double) -> Double { gsl_cdf_ugaussian_Pinv(p) }

    /// Φ(x), the standard normal distribution function (GSL `gsl_cdf_ugaussian_P`).
    public static func normalProbability(_ x: Double) -> Double { gsl_cdf_ugaussian_P(x) }
}

extension SweepParameter {
    /// The value at unit coordinate u ∈ [0, 1): the ⌊u·k⌋-th of k listed (or range) values, or the
    /// u-quantile of the distribution: a + u(b − a) for uniform on [a, b];
    /// μ + σ Φ⁻¹(Φ(α) + u(Φ(β) − Φ(α))) for a normal truncated to [μ + σα, μ + σβ] (α = −∞ and
    /// β = +∞ when not truncated). Rounded to a whole number with `integer: true`, else to 15
    /// significant digits.
    public func value(at u: Double) -> String {
        if let values = domain.discreteValues {
            let k = values.count
            return values[min(k - 1, max(0, Int(u * Double(k))))]
        }
        var x: Double
        switch domain {
        case let .uniform(a, b):
            x = a + u * (b - a)
        case let .normal(mean, sd, low, high):
            let pl = low.map { UnitDesign.normalProbability(($0 - mean) / sd) } ?? 0
            let ph = high.map { UnitDesign.normalProbability(($0 - mean) / sd) } ?? 1
            let p = min(max(pl + u * (ph - pl), 1e-15), 1 - 1e-15)
            x = mean + sd * UnitDesign.normalQuantile(p)
            if let low { x = max(x, low) }
            if let high { x = min(x, high) }
        case .values, .range:
            preconditionFailure("discrete domains are handled above")
        }
        if integer { x = x.rounded() }
        // 15 significant digits: 0.1 rather than 0.09999999999999999 (a change far below any effect).
        return ParameterDomain.text(Double(String(format: "%.15g", x)) ?? x)
    }
}
