import Foundation

/// An annual effective interest rate i and the quantities derived from it.
///
///     v = 1/(1+i)          discount factor for one year
///     d = i/(1+i) = 1 − v  effective rate of discount (payable at the start of the year)
///     δ = ln(1+i)          force of interest
///     i^(m) = m((1+i)^{1/m} − 1),   d^(m) = m(1 − v^{1/m})   nominal rates convertible m-thly
///
/// Units: fractions per year (0.05 = 5%). Any finite i > −1 is allowed, zero and negative rates
/// included; i ≤ −1 makes v infinite or negative and is refused.
public struct InterestRate: Sendable, Equatable, CustomStringConvertible {
    /// The annual effective rate i.
    public let i: Double
    /// v = 1/(1+i).
    public let v: Double
    /// d = i/(1+i).
    public let d: Double
    /// δ = ln(1+i).
    public let delta: Double

    /// - Parameter name: how the rate is called in an error message ("interest rate", "--rate").
    public init(_ i: Double, name: String = "interest rate") throws(ActuarialError) {
        guard i.isFinite, i > -1 else { throw ActuarialError.invalidRate(name: name, value: i) }
        self.i = i
        self.v = 1 / (1 + i)
        self.d = i / (1 + i)
        self.delta = Foundation.log1p(i)
    }

    public var description: String { "i = \(i)" }

    /// j = (1+i)/(1+g) − 1 for plain numbers (the engine's per-path rates): the rate at which a
    /// level annuity is worth one escalating at g (see ``netOfEscalation(_:name:)``).
    @inlinable public static func net(_ i: Double, ofEscalation g: Double) -> Double { (1 + i) / (1 + g) - 1 }

    /// The rate j at which a level annuity is worth an annuity escalating at g a year:
    ///
    ///     Σ v^k (1+g)^k ₖpₓ = Σ v_j^k ₖpₓ   with   1 + j = (1+i)/(1+g),  j = (1+i)/(1+g) − 1
    ///
    /// - Parameter g: annual escalation, a finite g > −1 (negative g = payments falling each year).
    public func netOfEscalation(_ g: Double, name: String = "escalation rate") throws(ActuarialError) -> InterestRate {
        guard g.isFinite, g > -1 else { throw ActuarialError.invalidRate(name: name, value: g) }
        return try InterestRate(Self.net(i, ofEscalation: g), name: "rate net of escalation")
    }

    /// The rate i' = (1+i)² − 1 of doubled force δ' = 2δ, at which ²Aₓ (the second moment of the
    /// present value of an assurance) is an ordinary Aₓ.
    /// Throws only if (1+i)² overflows (i > 10¹⁵⁴).
    public func doubledForce() throws(ActuarialError) -> InterestRate {
        try InterestRate((1 + i) * (1 + i) - 1, name: "doubled-force rate (1+i)²−1")
    }

    /// vᵗ = (1+i)^{−t} for any real t.
    @inlinable
    public func discount(_ t: Double) -> Double { Foundation.exp(-delta * t) }

    /// i^(m) = m((1+i)^{1/m} − 1), the nominal rate convertible m times a year (m ≥ 1).
    public func nominalInterest(_ m: Int) -> Double {
        Double(m) * Foundation.expm1(delta / Double(m))
    }

    /// d^(m) = m(1 − v^{1/m}), the nominal discount rate convertible m times a year (m ≥ 1).
    public func nominalDiscount(_ m: Int) -> Double {
        -Double(m) * Foundation.expm1(-delta / Double(m))
    }

    /// α(m) = i·d / (i^(m)·d^(m)), the first coefficient of the UDD relation
    /// ä^(m)ₓ = α(m)·äₓ − β(m) (see ``uddBeta(_:)``). Equals 1 at i = 0 (limit) and for m = 1.
    public func uddAlpha(_ m: Int) -> Double {
        if delta == 0 { return 1 }
        let im = nominalInterest(m), dm = nominalDiscount(m)
        return (Foundation.expm1(delta) * -Foundation.expm1(-delta)) / (im * dm)
    }

    /// β(m) = (i − i^(m)) / (i^(m)·d^(m)), the second coefficient of the UDD relation
    ///
    ///     ä^(m)ₓ = α(m)·äₓ − β(m)      (whole life, deaths uniform over each year of age)
    ///
    /// Equals (m−1)/(2m) in the limit i → 0. For |δ| < 10⁻³ the numerator is summed as a series,
    /// i − i^(m) = Σ_{k≥2} δᵏ/k! · (1 − m^{1−k}), to avoid cancellation.
    public func uddBeta(_ m: Int) -> Double {
        let mm = Double(m)
        if delta == 0 { return (mm - 1) / (2 * mm) }
        let im = nominalInterest(m), dm = nominalDiscount(m)
        let numerator: Double
        if Swift.abs(delta) < 1e-3 {
            var sum = 0.0, power = delta, factorial = 1.0
            for k in 2...10 {
                power *= delta
                factorial *= Double(k)
                sum += power / factorial * (1 - Foundation.pow(mm, Double(1 - k)))
            }
            numerator = sum
        } else {
            numerator = Foundation.expm1(delta) - im
        }
        return numerator / (im * dm)
    }

    /// ä_n̅ = Σ_{k=0}^{n−1} vᵏ = (1 − vⁿ)/d, an annuity-certain of 1 a year paid in advance for n years
    /// (n when i = 0). n ≥ 0.
    public func annuityCertainDue(_ n: Int) -> Double {
        if n <= 0 { return 0 }
        if delta == 0 { return Double(n) }
        return -Foundation.expm1(-delta * Double(n)) / d
    }

    /// a_n̅ = Σ_{k=1}^{n} vᵏ = (1 − vⁿ)/i, an annuity-certain paid in arrears for n years
    /// (n when i = 0). n ≥ 0.
    public func annuityCertainImmediate(_ n: Int) -> Double {
        if n <= 0 { return 0 }
        if delta == 0 { return Double(n) }
        return -Foundation.expm1(-delta * Double(n)) / i
    }
}
