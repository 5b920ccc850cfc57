/// A life table: survivors lₓ from a radix at the first age of a ``MortalityTable``, and the
/// survival functions built on it.
///
/// Conventions, used by every function of the table:
/// - Ages x are whole years (exact age at the start of a year of age), x ≥ ``firstAge``.
/// - The table closes at ω = ``lastAge`` (q_ω = 1): l_{ω+1} = 0 and every sum stops at ω.
/// - Between whole ages deaths are spread uniformly (UDD): ₛpₓ = 1 − s·qₓ for 0 ≤ s ≤ 1. This is
///   used by the m-thly annuities and the complete expectation of life only.
/// - Ages beyond ω have l = 0 and q = 1.
public struct LifeTable: Sendable {
    /// The mortality rates.
    public let mortality: MortalityTable
    /// l at the first age.
    public let radix: Double
    /// lₓ for x = firstAge … lastAge + 1 (the last one 0).
    @usableFromInline let survivors: [Double]

    /// - Parameter radix: l at the table's first age (default 100,000); > 0.
    public init(_ mortality: MortalityTable, radix: Double = 100_000) {
        precondition(radix > 0 && radix.isFinite, "the radix of a life table must be a positive number")
        self.mortality = mortality
        self.radix = radix
        var l = [Double](repeating: 0, count: mortality.rates.count + 1)
        l[0] = radix
        for k in mortality.rates.indices { l[k + 1] = l[k] * (1 - mortality.rates[k]) }
        self.survivors = l
    }

    /// The first age (where l = radix).
    @inlinable public var firstAge: Int { mortality.firstAge }
    /// The closing age ω (q_ω = 1).
    @inlinable public var lastAge: Int { mortality.lastAge }

    /// lₓ = radix · Π_{firstAge ≤ z < x} (1 − q_z), the expected number alive at exact age x; 0 beyond ω.
    @inlinable
    public func l(_ x: Int) -> Double {
        precondition(x >= firstAge, "age \(x) is below the table's first age \(firstAge)")
        return x > lastAge + 1 ? 0 : survivors[x - firstAge]
    }

    /// dₓ = lₓ − l_{x+1} = lₓ·qₓ, the expected number of deaths between exact ages x and x+1.
    @inlinable
    public func d(_ x: Int) -> Double { l(x) * q(x) }

    /// qₓ, the probability that a life aged x dies before x+1 (1 from ω on).
    @inlinable
    public func q(_ x: Int) -> Double { mortality.q(x) }

    /// pₓ = 1 − qₓ, the probability that a life aged x reaches x+1.
    @inlinable
    public func p(_ x: Int) -> Double { 1 - mortality.q(x) }

    /// ₜpₓ = Π_{k=0}^{t−1} p_{x+k} (= l_{x+t}/lₓ when lₓ > 0), the probability that a life aged x
    /// survives t ≥ 0 whole years. Computed as a product, so it stays defined where lₓ = 0.
    @inlinable
    public func survival(_ t: Int, from x: Int) -> Double {
        precondition(t >= 0, "a survival period cannot be negative")
        var product = 1.0
        var k = 0
        while k < t && product > 0 {
            product *= p(x + k)
            k += 1
        }
        return product
    }

    /// ₜpₓ for a real t ≥ 0 under UDD: with t = n + s (n whole, 0 ≤ s < 1),
    /// ₙ₊ₛpₓ = ₙpₓ · (1 − s·q_{x+n}).
    @inlinable
    public func survivalUDD(_ t: Double, from x: Int) -> Double {
        precondition(t >= 0, "a survival period cannot be negative")
        let n = Int(t.rounded(.down))
        let s = t - Double(n)
        return survival(n, from: x) * (1 - s * q(x + n))
    }

    /// ₜqₓ = 1 − ₜpₓ, the probability of dying within t whole years.
    @inlinable
    public func deathProbability(_ t: Int, from x: Int) -> Double { 1 - survival(t, from: x) }

    /// eₓ = Σ_{k≥1} ₖpₓ = pₓ(1 + e_{x+1}), the curtate expectation of life at x: the expected number
    /// of whole years still to be completed (in years).
    public func curtateExpectation(_ x: Int) -> Double {
        var e = 0.0
        var survival = 1.0
        var age = x
        while age <= lastAge {
            survival *= p(age)
            if survival == 0 { break }
            e += survival
            age += 1
        }
        return e
    }

    /// e̊ₓ = ∫₀^∞ ₜpₓ dt = eₓ + 1/2, the complete expectation of life at x (in years).
    ///
    /// Exact under UDD: within each year of age the survival curve is linear, so each year k
    /// contributes (ₖpₓ + ₖ₊₁pₓ)/2, and Σ_{k≥0} (ₖpₓ + ₖ₊₁pₓ)/2 = eₓ + 1/2 because the table
    /// closes (ₖpₓ = 0 beyond ω).
    public func completeExpectation(_ x: Int) -> Double { curtateExpectation(x) + 0.5 }
}
