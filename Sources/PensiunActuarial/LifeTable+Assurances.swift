/// Assurances (life insurance) of 1 and pure endowments on a life aged x.
///
/// Timing: death benefits are paid at the end of the year of death (time K+1 for a death between
/// ages x+K and x+K+1); a pure endowment pays at time n if the life is then alive. Values are
/// expected present values at time 0 per unit sum assured, at the effective annual rate i.
extension LifeTable {
    /// Aₓ = Σ_{k=0}^{ω−x} v^{k+1}·ₖpₓ·q_{x+k}, the whole-life assurance. With a closed table
    /// Aₓ = 1 − d·äₓ.
    public func wholeLifeAssurance(_ x: Int, rate: InterestRate) -> Double {
        termAssurance(x, years: lastAge - x + 1, rate: rate)
    }

    /// ²Aₓ = Σ v^{2(k+1)}·ₖpₓ·q_{x+k}, the second moment of the present value of a whole-life
    /// assurance: Aₓ at i' = (1+i)² − 1. Var(v^{K+1}) = ²Aₓ − Aₓ².
    public func secondMomentWholeLifeAssurance(_ x: Int, rate: InterestRate) throws(ActuarialError) -> Double {
        wholeLifeAssurance(x, rate: try rate.doubledForce())
    }

    /// A¹_{x:n̅} = Σ_{k=0}^{n−1} v^{k+1}·ₖpₓ·q_{x+k}, the n-year term assurance.
    public func termAssurance(_ x: Int, years n: Int, rate: InterestRate) -> Double {
        var sum = 0.0, survival = 1.0, discount = rate.v
        var k = 0
        while k < n && survival > 0 {
            let q = self.q(x + k)
            sum += discount * survival * q
            survival *= 1 - q
            discount *= rate.v
            k += 1
        }
        return sum
    }

    /// ₙEₓ = vⁿ·ₙpₓ, the n-year pure endowment.
    public func pureEndowment(_ x: Int, years n: Int, rate: InterestRate) -> Double {
        rate.discount(Double(n)) * survival(n, from: x)
    }

    /// A_{x:n̅} = A¹_{x:n̅} + ₙEₓ, the n-year endowment assurance (1 at the end of the year of death
    /// within n years, or at n on survival).
    public func endowmentAssurance(_ x: Int, years n: Int, rate: InterestRate) -> Double {
        termAssurance(x, years: n, rate: rate) + pureEndowment(x, years: n, rate: rate)
    }
}
