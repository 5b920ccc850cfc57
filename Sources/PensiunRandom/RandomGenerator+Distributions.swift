import CGSL
import Foundation

/// Univariate distributions, all drawn through GSL (no other randomness exists in Pensiun).
///
/// The parameterised ones validate their arguments and throw ``GSLError/invalidParameter(_:)``,
/// since GSL itself would return NaN, loop or abort on them.
extension RandomGenerator {
    /// U ~ Uniform[0, 1).
    @inlinable
    public mutating func uniform() -> Double { gsl_rng_uniform(state) }

    /// U ~ Uniform(0, 1), never exactly 0 (for logarithms).
    @inlinable
    public mutating func uniformPositive() -> Double { gsl_rng_uniform_pos(state) }

    /// Z ~ N(0, σ²) by the Marsaglia–Tsang ziggurat (`gsl_ran_gaussian_ziggurat`).
    @inlinable
    public mutating func normal(sigma: Double = 1) -> Double {
        gsl_ran_gaussian_ziggurat(state, sigma)
    }

    /// Fills `buffer` with independent N(0, 1) draws (ziggurat), in index order.
    @inlinable
    public mutating func fillNormals(_ buffer: UnsafeMutableBufferPointer<Double>) {
        for index in buffer.indices { buffer[index] = gsl_ran_gaussian_ziggurat(state, 1) }
    }

    /// X with ln X ~ N(ζ, σ²): density exp(−(ln x − ζ)²/2σ²)/(xσ√(2π)), mean exp(ζ + σ²/2).
    public mutating func lognormal(zeta: Double, sigma: Double) throws(GSLError) -> Double {
        guard sigma >= 0, zeta.isFinite else {
            throw GSLError.invalidParameter("lognormal needs σ ≥ 0 and a finite ζ, got ζ=\(zeta), σ=\(sigma)")
        }
        if sigma == 0 { return exp(zeta) }
        return gsl_ran_lognormal(state, zeta, sigma)
    }

    /// T ~ Student t with ν > 0 degrees of freedom (`gsl_ran_tdist`); variance ν/(ν−2) for ν > 2.
    public mutating func studentT(nu: Double) throws(GSLError) -> Double {
        guard nu > 0 else { throw GSLError.invalidParameter("Student t needs ν > 0, got \(nu)") }
        return gsl_ran_tdist(state, nu)
    }

    /// W ~ χ²_ν, ν > 0 (`gsl_ran_chisq`); mean ν, variance 2ν.
    public mutating func chiSquared(nu: Double) throws(GSLError) -> Double {
        guard nu > 0 else { throw GSLError.invalidParameter("χ² needs ν > 0, got \(nu)") }
        return gsl_ran_chisq(state, nu)
    }

    /// X ~ Gamma(shape a > 0, scale θ > 0), density x^(a−1) e^(−x/θ) / (Γ(a) θ^a); mean aθ.
    public mutating func gamma(shape: Double, scale: Double) throws(GSLError) -> Double {
        guard shape > 0, scale > 0 else {
            throw GSLError.invalidParameter("gamma needs shape > 0 and scale > 0, got \(shape), \(scale)")
        }
        return gsl_ran_gamma(state, shape, scale)
    }

    /// X ~ Beta(a > 0, b > 0), density x^(a−1)(1−x)^(b−1)/B(a, b); mean a/(a+b).
    public mutating func beta(a: Double, b: Double) throws(GSLError) -> Double {
        guard a > 0, b > 0 else {
            throw GSLError.invalidParameter("beta needs a > 0 and b > 0, got \(a), \(b)")
        }
        return gsl_ran_beta(state, a, b)
    }

    /// X ~ Exponential with the given mean μ > 0, density e^(−x/μ)/μ.
    public mutating func exponential(mean: Double) throws(GSLError) -> Double {
        guard mean > 0 else { throw GSLError.invalidParameter("exponential needs mean > 0, got \(mean)") }
        return gsl_ran_exponential(state, mean)
    }

    /// K ~ Binomial(n, p): the number of successes in n trials of probability p ∈ [0, 1].
    public mutating func binomial(n: UInt32, p: Double) throws(GSLError) -> UInt32 {
        guard p >= 0, p <= 1 else {
            throw GSLError.invalidParameter("binomial needs 0 ≤ p ≤ 1, got \(p)")
        }
        return gsl_ran_binomial(state, p, n)
    }

    /// K ~ Poisson(μ), μ ≥ 0.
    public mutating func poisson(mean: Double) throws(GSLError) -> UInt32 {
        guard mean >= 0, mean.isFinite else {
            throw GSLError.invalidParameter("Poisson needs a finite mean ≥ 0, got \(mean)")
        }
        return gsl_ran_poisson(state, mean)
    }

    /// (n_1 … n_K) ~ Multinomial(N, p): N trials over K categories with weights p (non-negative,
    /// normalised by GSL to sum 1). Returns the counts, which sum to N.
    public mutating func multinomial(trials: UInt32, weights: [Double]) throws(GSLError) -> [UInt32] {
        guard !weights.isEmpty, weights.allSatisfy({ $0 >= 0 && $0.isFinite }),
              weights.reduce(0, +) > 0 else {
            throw GSLError.invalidParameter("multinomial needs non-negative weights with a positive sum")
        }
        var counts = [UInt32](repeating: 0, count: weights.count)
        weights.withUnsafeBufferPointer { p in
            counts.withUnsafeMutableBufferPointer { n in
                gsl_ran_multinomial(state, weights.count, trials, p.baseAddress, n.baseAddress)
            }
        }
        return counts
    }
}
