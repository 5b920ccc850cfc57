import Foundation

/// A parametric law for the force of mortality μₓ (per year, x in years):
///
///     Gompertz:  μₓ = B·cˣ
///     Makeham:   μₓ = A + B·cˣ
///
/// Converted to one-year rates exactly, by the closed-form integral of μ over the year of age:
///
///     H(x, t) = ∫ₓ^{x+t} μ_s ds = A·t + B·cˣ·(cᵗ − 1)/ln c      (B·cˣ·t when c = 1)
///     ₜpₓ = exp(−H(x, t)),      qₓ = 1 − exp(−H(x, 1))
///
/// Parameters must be finite with A ≥ 0, B ≥ 0 and c > 0. The Standard Ultimate Life Table of
/// Dickson, Hardy and Waters is Makeham with A = 0.00022, B = 2.7×10⁻⁶, c = 1.124.
public enum MortalityLaw: Sendable, Equatable, CustomStringConvertible {
    case gompertz(b: Double, c: Double)
    case makeham(a: Double, b: Double, c: Double)

    /// Laws are tabulated up to this closing age, where q is set to 1.
    public static let defaultClosingAge = 130

    /// The Makeham constant A (0 for Gompertz).
    @inlinable
    public var a: Double {
        switch self {
        case .gompertz: return 0
        case let .makeham(a, _, _): return a
        }
    }

    /// The Gompertz coefficient B.
    @inlinable
    public var b: Double {
        switch self {
        case let .gompertz(b, _), let .makeham(_, b, _): return b
        }
    }

    /// The Gompertz base c.
    @inlinable
    public var c: Double {
        switch self {
        case let .gompertz(_, c), let .makeham(_, _, c): return c
        }
    }

    public var description: String {
        switch self {
        case let .gompertz(b, c): return "gompertz(B=\(b), c=\(c))"
        case let .makeham(a, b, c): return "makeham(A=\(a), B=\(b), c=\(c))"
        }
    }

    /// Throws ``ActuarialError/invalidArgument(_:)`` unless A ≥ 0, B ≥ 0, c > 0, all finite.
    public func validate() throws(ActuarialError) {
        guard a.isFinite, a >= 0 else {
            throw ActuarialError.invalidArgument("\(self): A must be a finite number ≥ 0")
        }
        guard b.isFinite, b >= 0 else {
            throw ActuarialError.invalidArgument("\(self): B must be a finite number ≥ 0")
        }
        guard c.isFinite, c > 0 else {
            throw ActuarialError.invalidArgument("\(self): c must be a finite number > 0")
        }
    }

    /// μₓ = A + B·cˣ, the force of mortality at exact age x (per year).
    @inlinable
    public func force(at x: Double) -> Double {
        a + b * Foundation.pow(c, x)
    }

    /// H(x, t) = ∫ₓ^{x+t} μ_s ds = A·t + B·cˣ·(cᵗ − 1)/ln c, the cumulative hazard over (x, x+t].
    @inlinable
    public func cumulativeHazard(from x: Double, over t: Double) -> Double {
        if b == 0 { return a * t }
        let lnc = Foundation.log(c)
        let gompertzPart = lnc == 0 ? b * t : b * Foundation.exp(x * lnc) * Foundation.expm1(t * lnc) / lnc
        return a * t + gompertzPart
    }

    /// ₜpₓ = exp(−H(x, t)), the probability that a life aged x survives t years.
    @inlinable
    public func survival(from x: Double, over t: Double) -> Double {
        Foundation.exp(-cumulativeHazard(from: x, over: t))
    }

    /// qₓ = 1 − exp(−H(x, 1)), exact (computed as −expm1(−H) to keep small rates accurate).
    @inlinable
    public func q(at age: Int) -> Double {
        -Foundation.expm1(-cumulativeHazard(from: Double(age), over: 1))
    }

    /// The law tabulated at ages firstAge … closingAge, with q = 1 at the closing age.
    public func table(firstAge: Int = 0, closingAge: Int = MortalityLaw.defaultClosingAge) throws(ActuarialError) -> MortalityTable {
        try validate()
        guard firstAge >= 0, closingAge >= firstAge else {
            throw ActuarialError.invalidArgument(
                "\(self): cannot tabulate from age \(firstAge) to closing age \(closingAge)")
        }
        let rates = (firstAge...closingAge).map { q(at: $0) }
        return try MortalityTable(firstAge: firstAge, rates: rates, basis: "\(self), closed at \(closingAge)")
    }
}
