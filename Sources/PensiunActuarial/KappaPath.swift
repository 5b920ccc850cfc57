import PensiunRandom

/// A path of the stochastic period mortality index κ (docs/model.md §4):
///
///     κ_y = κ_{y−1} + σ_κ·ε_y,     κ_{y0−1} = 0,     ε_y ~ N(0, 1) i.i.d. (GSL ziggurat)
///
/// κ is a random walk without drift: the deterministic improvement carries the trend, κ the
/// uncertainty around it. A positive κ lowers mortality (q is multiplied by exp(−βₓκ)).
///
/// Outside the simulated years: κ = 0 before the first year (the history is in the base table and
/// the deterministic improvement) and κ stays at its last simulated value after the last year.
public struct KappaPath: Sendable, Equatable {
    /// y0, the calendar year of `values[0]`.
    public let firstYear: Int
    /// κ_{y0}, κ_{y0+1}, …
    public let values: [Double]

    public init(firstYear: Int, values: [Double]) {
        self.firstYear = firstYear
        self.values = values
    }

    /// κ_y: 0 before ``firstYear``, held at the last value after the simulated years.
    @inlinable
    public func kappa(inYear year: Int) -> Double {
        if year < firstYear || values.isEmpty { return 0 }
        return values[Swift.min(year - firstYear, values.count - 1)]
    }

    /// Simulates κ for `years` years from `firstYear`, drawing `years` standard normals from
    /// `generator` in year order (always that many, even when σ_κ = 0, so that the draws that
    /// follow on the path do not move when σ_κ changes).
    public static func simulate(
        firstYear: Int, years: Int, sigma: Double, generator: inout RandomGenerator
    ) throws(ActuarialError) -> KappaPath {
        guard sigma.isFinite, sigma >= 0 else {
            throw ActuarialError.invalidArgument("the volatility σ_κ of the mortality index must be a finite number ≥ 0, got \(sigma)")
        }
        guard years >= 0 else { throw ActuarialError.invalidArgument("cannot simulate κ over \(years) years") }
        var values = [Double](repeating: 0, count: years)
        values.withUnsafeMutableBufferPointer { buffer in
            simulate(sigma: sigma, generator: &generator, into: buffer)
        }
        return KappaPath(firstYear: firstYear, values: values)
    }

    /// The allocation-free form: `path[k]` = κ_{y0+k} for k = 0 ..< path.count, with κ_{y0−1} = 0.
    /// One ziggurat normal per year, in year order. σ_κ must be ≥ 0 (not checked here).
    @inlinable
    public static func simulate(sigma: Double, generator: inout RandomGenerator, into path: UnsafeMutableBufferPointer<Double>) {
        var kappa = 0.0
        for k in path.indices {
            kappa += sigma * generator.normal()
            path[k] = kappa
        }
    }
}
