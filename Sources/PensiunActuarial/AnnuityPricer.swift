/// Prices every age of one mortality table in a single backward pass — the fast form used by the
/// engine, which values annuities for every retiring cohort on every Monte Carlo path.
///
/// For the ages x of a rate buffer q (its first entry at the youngest age, its last entry the
/// closing age, where q is taken as 1 whatever the buffer holds), from the oldest age down:
///
///     äₓ      = 1 + v·pₓ·ä_{x+1}                       annual annuity-due
///     ä^(m)ₓ  = S₀ − S₁·qₓ + v·pₓ·ä^(m)_{x+1}          m-thly annuity-due, exact under UDD
///     Aₓ      = v·qₓ + v·pₓ·A_{x+1}                    whole-life assurance, end of year of death
///
/// with ä = ä^(m) = A = 0 beyond the closing age, pₓ = 1 − qₓ, and the m-thly weights of one year
///
///     S₀ = (1/m)·Σ_{j=0}^{m−1} v^{j/m}            (every instalment of the year, if alive at x)
///     S₁ = (1/m)·Σ_{j=0}^{m−1} (j/m)·v^{j/m}      (instalments lost to a death within the year, per unit q, UDD)
///
/// since under UDD ⱼ/ₘpₓ = 1 − (j/m)·qₓ. Per age: a handful of multiplications, no `pow`, no
/// allocation. With ``MthlyMethod/woolhouse2`` (docs/model.md §6 prices DC annuities with
/// ä^(12) ≈ ä − 11/24) the m-thly column is äₓ − (m−1)/(2m) instead. Escalating annuities: build the pricer at j = (1+i)/(1+g) − 1
/// (``InterestRate/netOfEscalation(_:name:)``); ²Aₓ: at (1+i)² − 1 (``InterestRate/doubledForce()``).
public struct AnnuityPricer: Sendable {
    /// The valuation rate.
    public let rate: InterestRate
    /// m, the number of instalments a year of ä^(m).
    public let paymentsPerYear: Int
    /// S₀ = (1/m)·Σ_{j<m} v^{j/m}.
    public let instalmentWeight: Double
    /// S₁ = (1/m)·Σ_{j<m} (j/m)·v^{j/m}.
    public let deathWeight: Double
    /// How ä^(m) is valued: ``MthlyMethod/uddExact`` (or its equal ``MthlyMethod/uddClosedForm``)
    /// or ``MthlyMethod/woolhouse2``.
    public let method: MthlyMethod
    /// v = 1/(1+i).
    @usableFromInline let v: Double
    /// (m−1)/(2m) under ``MthlyMethod/woolhouse2``, nil under UDD.
    @usableFromInline let woolhouseCorrection: Double?

    /// - Parameters:
    ///   - paymentsPerYear: m ≥ 1 (12 for monthly).
    ///   - method: `.uddExact` (default), `.uddClosedForm` (the same values) or `.woolhouse2`;
    ///     `.woolhouse3` needs μₓ and is offered per age only (``LifeTable/annuityDue(_:paymentsPerYear:rate:method:)``).
    public init(rate: InterestRate, paymentsPerYear m: Int = 12, method: MthlyMethod = .uddExact) throws(ActuarialError) {
        guard m >= 1 else {
            throw ActuarialError.invalidArgument("payments per year must be at least 1, got \(m)")
        }
        guard method != .woolhouse3 else {
            throw ActuarialError.invalidArgument(
                "the batch pricer values m-thly annuities exactly under UDD or by two-term Woolhouse; three-term Woolhouse is available per age")
        }
        var s0 = 0.0, s1 = 0.0
        for j in 0..<m {
            let s = Double(j) / Double(m)
            let discount = rate.discount(s)
            s0 += discount
            s1 += s * discount
        }
        self.rate = rate
        self.paymentsPerYear = m
        self.instalmentWeight = s0 / Double(m)
        self.deathWeight = s1 / Double(m)
        self.method = method
        self.v = rate.v
        self.woolhouseCorrection = method == .woolhouse2 ? LifeTable.woolhouseCorrection(paymentsPerYear: m) : nil
    }

    /// Writes äₓ, ä^(m)ₓ and Aₓ for every age of `q` (same index as `q`; every buffer has
    /// `q.count` entries; the last entry of `q` is the closing age).
    @inlinable
    public func priceAllAges(
        q: UnsafeBufferPointer<Double>,
        annuityDue: UnsafeMutableBufferPointer<Double>,
        mthlyAnnuityDue: UnsafeMutableBufferPointer<Double>,
        assurance: UnsafeMutableBufferPointer<Double>
    ) {
        let n = q.count
        precondition(n > 0 && annuityDue.count == n && mthlyAnnuityDue.count == n && assurance.count == n,
                     "every buffer must hold one value per age of q")
        let s0 = instalmentWeight, s1 = deathWeight, v = self.v
        // The closing age: q = 1, nothing beyond.
        var a = 1.0, am = s0 - s1, ins = v
        annuityDue[n - 1] = a
        mthlyAnnuityDue[n - 1] = am
        assurance[n - 1] = ins
        var k = n - 2
        while k >= 0 {
            let qx = q[k]
            let vp = AnnuityRecursion.discountedSurvival(discount: v, q: qx)
            a = AnnuityRecursion.annuityDue(next: a, discountedSurvival: vp)
            am = AnnuityRecursion.mthlyAnnuityDue(next: am, discountedSurvival: vp, q: qx, instalmentWeight: s0, deathWeight: s1)
            ins = AnnuityRecursion.assurance(next: ins, discountedSurvival: vp, discount: v, q: qx)
            annuityDue[k] = a
            mthlyAnnuityDue[k] = am
            assurance[k] = ins
            k -= 1
        }
        if let correction = woolhouseCorrection {
            for k in 0..<n { mthlyAnnuityDue[k] = annuityDue[k] - correction }
        }
    }

    /// ä^(m) at the first age of `q` only (the same recursion, no output buffers, by ``method``):
    /// the price of one annuity bought at the age of `q[0]`.
    @inlinable
    public func mthlyAnnuityDue(atFirstAgeOf q: UnsafeBufferPointer<Double>) -> Double {
        let n = q.count
        precondition(n > 0, "q must hold at least the closing age")
        let v = self.v
        if let correction = woolhouseCorrection {
            var a = 1.0
            var k = n - 2
            while k >= 0 {
                a = AnnuityRecursion.annuityDue(next: a, discountedSurvival: AnnuityRecursion.discountedSurvival(discount: v, q: q[k]))
                k -= 1
            }
            return a - correction
        }
        let s0 = instalmentWeight, s1 = deathWeight
        var am = s0 - s1
        var k = n - 2
        while k >= 0 {
            let qx = q[k]
            am = AnnuityRecursion.mthlyAnnuityDue(next: am, discountedSurvival: AnnuityRecursion.discountedSurvival(discount: v, q: qx),
                                                  q: qx, instalmentWeight: s0, deathWeight: s1)
            k -= 1
        }
        return am
    }

    /// The factors of every age of `table`, as arrays (three allocations per call).
    public func priceAllAges(_ table: MortalityTable) -> AnnuityFactors {
        let n = table.rates.count
        var due = [Double](repeating: 0, count: n)
        var mthly = [Double](repeating: 0, count: n)
        var assurance = [Double](repeating: 0, count: n)
        table.rates.withUnsafeBufferPointer { q in
            due.withUnsafeMutableBufferPointer { a in
                mthly.withUnsafeMutableBufferPointer { am in
                    assurance.withUnsafeMutableBufferPointer { ins in
                        priceAllAges(q: q, annuityDue: a, mthlyAnnuityDue: am, assurance: ins)
                    }
                }
            }
        }
        return AnnuityFactors(firstAge: table.firstAge, annuityDue: due, mthlyAnnuityDue: mthly, assurance: assurance)
    }
}

/// äₓ, ä^(m)ₓ and Aₓ for every age of a table, from ``AnnuityPricer/priceAllAges(_:)``.
public struct AnnuityFactors: Sendable, Equatable {
    /// The age of index 0.
    public let firstAge: Int
    /// äₓ by age.
    public let annuityDue: [Double]
    /// ä^(m)ₓ by age (by the pricer's method: exact under UDD unless two-term Woolhouse was chosen).
    public let mthlyAnnuityDue: [Double]
    /// Aₓ by age.
    public let assurance: [Double]
}
