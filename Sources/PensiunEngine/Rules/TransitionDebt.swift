import PensiunInputs

/// The transition debt of one path (docs/model.md Part II, "Financing the transition"): the
/// reform's extra burden Δ_t = burden^reform_t − burden^current_t borrowed at the path's yield,
/// surpluses repaying it, a surplus beyond the debt building a reserve that earns the same yield.
///
/// With the timing of the present values (``PathDrivers/discountFactors(fixedRate:)``: flows at
/// mid-year, i_t = i_{y−1} the yield known at the start of the year), the net position
/// N = debt − reserve, N_0 = 0, moves as
///
///     N_{t+1} = N_t·(1 + i_t) + Δ_t·(1 + i_t)^{1/2}
///     D_t = max(N_t, 0),   R_t = max(−N_t, 0)
///
/// so that N_H·Π_{u<H} (1 + i_u)^{−1} = Σ_t v_t·Δ_t, the PV of the difference at path yields.
/// The year's interest accrues in two half-years, on N_t and then on M_t = N_t·(1 + i_t)^{1/2} + Δ_t
/// (the position after the mid-year flow); the debt's interest is that of the half-years in which
/// the position is a debt:
///
///     interest_t = ((1 + i_t)^{1/2} − 1)·(max(N_t, 0) + max(M_t, 0))
///
/// (the other half-years' interest is the reserve's earnings; the two add up to N_{t+1} − N_t − Δ_t).
public struct TransitionDebt: Sendable, Equatable {
    /// D_t and R_t at the start of each year index t = 0 … H (H+1 values).
    public var debt: [Double], reserve: [Double]
    /// The debt's interest of each year index t = 0 … H−1.
    public var interest: [Double]

    /// The debt path of the yearly differences Δ_t (t = 0 … H−1) at the yields i_t known at the
    /// start of each year.
    public init(differences: [Double], yields: [Double]) {
        precondition(differences.count == yields.count, "one yield a year")
        let h = differences.count
        debt = [Double](repeating: 0, count: h + 1)
        reserve = debt
        interest = [Double](repeating: 0, count: h)
        var net = 0.0
        for t in 0..<h {
            let i = yields[t], half = (1 + i).squareRoot()
            let mid = net * half + differences[t]
            interest[t] = (half - 1) * (Self.positive(net) + Self.positive(mid))
            net = net * (1 + i) + differences[t] * half
            debt[t + 1] = Self.positive(net)
            reserve[t + 1] = Self.positive(-net)
        }
    }

    /// max(x, 0), with +0 for x = 0 or −0 (a stock is never written as −0).
    @inlinable static func positive(_ x: Double) -> Double { x > 0 ? x : 0 }
}
