/// Life annuities of 1 a year, payable while a life aged x survives.
///
/// Timing: an annuity-due pays at times 0, 1, 2, … (the start of each year of age) while alive; an
/// annuity-immediate at times 1, 2, … (the end). Values are expected present values at time 0, per
/// unit of annual payment, at the effective annual rate i (v = 1/(1+i)).
extension LifeTable {
    /// äₓ = Σ_{k=0}^{ω−x} vᵏ·ₖpₓ, the whole-life annuity-due.
    public func annuityDue(_ x: Int, rate: InterestRate) -> Double {
        temporaryAnnuityDue(x, years: lastAge - x + 1, rate: rate)
    }

    /// aₓ = Σ_{k≥1} vᵏ·ₖpₓ = äₓ − 1, the whole-life annuity-immediate.
    public func annuityImmediate(_ x: Int, rate: InterestRate) -> Double {
        annuityDue(x, rate: rate) - 1
    }

    /// ä_{x:n̅} = Σ_{k=0}^{n−1} vᵏ·ₖpₓ, the n-year temporary annuity-due (at most n payments).
    public func temporaryAnnuityDue(_ x: Int, years n: Int, rate: InterestRate) -> Double {
        var sum = 0.0, survival = 1.0, discount = 1.0
        var k = 0
        while k < n && survival > 0 {
            sum += discount * survival
            survival *= p(x + k)
            discount *= rate.v
            k += 1
        }
        return sum
    }

    /// a_{x:n̅} = Σ_{k=1}^{n} vᵏ·ₖpₓ = ä_{x:n̅} − 1 + ₙEₓ, the n-year temporary annuity-immediate.
    public func temporaryAnnuityImmediate(_ x: Int, years n: Int, rate: InterestRate) -> Double {
        temporaryAnnuityDue(x, years: n, rate: rate) - 1 + pureEndowment(x, years: n, rate: rate)
    }

    /// ᵤ|äₓ = Σ_{k≥u} vᵏ·ₖpₓ = ᵤEₓ·ä_{x+u}, the whole-life annuity-due deferred u years (first
    /// payment at time u, if alive then).
    public func deferredAnnuityDue(_ x: Int, deferredYears u: Int, rate: InterestRate) -> Double {
        precondition(u >= 0, "a deferral cannot be negative")
        if x + u > lastAge { return 0 }
        return pureEndowment(x, years: u, rate: rate) * annuityDue(x + u, rate: rate)
    }

    /// The whole-life annuity-due whose payment grows by the factor 1+g each year (1, 1+g, (1+g)², …
    /// at times 0, 1, 2, …):
    ///
    ///     Σ_k vᵏ(1+g)ᵏ·ₖpₓ = äₓ at j = (1+i)/(1+g) − 1
    ///
    /// g > −1; g = 0 gives äₓ.
    public func escalatingAnnuityDue(_ x: Int, escalation g: Double, rate: InterestRate) throws(ActuarialError) -> Double {
        annuityDue(x, rate: try rate.netOfEscalation(g))
    }
}
