extension LifeTable {
    /// The curtate future lifetime K of a life aged x drawn by inverting its survival function:
    ///
    ///     K = max{k ≥ 0 : ₖpₓ > u}      so that P(K ≥ k) = P(u < ₖpₓ) = ₖpₓ for u ~ U[0, 1)
    ///
    /// K whole years are completed and death falls between ages x+K and x+K+1. u must be in [0, 1).
    public func curtateFutureLifetime(from x: Int, uniform u: Double) -> Int {
        precondition(u >= 0 && u < 1, "u must be in [0, 1)")
        var k = 0
        var survival = 1.0
        while true {
            survival *= p(x + k)
            if !(survival > u) { return k }
            k += 1
        }
    }
}
