/// The arithmetic an actuarial rule needs, so that one rule serves scalar code (`Double`) and the
/// lane engine's kernels (`SIMD4<Double>`, four Monte Carlo paths at once) without being written
/// twice.
public protocol RuleNumber: Sendable {
    init(repeating value: Double)
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    /// max(0, x), element by element; NaN stays NaN (for `Double` and `SIMD4` alike).
    var positivePart: Self { get }
    /// min(a, b) element by element; `a` when `b` is NaN. (Named so as not to overload
    /// `FloatingPoint.minimum`, whose NaN rule differs.)
    static func lanewiseMinimum(_ a: Self, _ b: Self) -> Self
}

extension Double: RuleNumber {
    @inlinable public init(repeating value: Double) { self = value }
    @inlinable public var positivePart: Double { self < 0 ? 0 : self }
    @inlinable public static func lanewiseMinimum(_ a: Double, _ b: Double) -> Double { b < a ? b : a }
}

extension SIMD4: RuleNumber where Scalar == Double {
    @inlinable public var positivePart: SIMD4<Double> { replacing(with: 0, where: self .< 0) }
    @inlinable public static func lanewiseMinimum(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> SIMD4<Double> {
        a.replacing(with: b, where: b .< a)
    }
}
