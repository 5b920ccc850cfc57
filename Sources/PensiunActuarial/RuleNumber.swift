/// The arithmetic an actuarial rule needs, so that one rule serves scalar code (`Double`) and the
/// lane engine's kernels (`SIMD4<Double>`, four Monte Carlo paths at once) without being written
/// twice.
///
/// The conformances and the generic rules the lane kernels call are `@inline(__always)` as well
/// as `@inlinable`: with `@inlinable` alone the SIMD4 `positivePart` stayed a call inside the
/// kernels and the flagship's lane engine ran 2.7% slower (BENCHMARKS.md, "Guarding speed").
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
    @inlinable @inline(__always) public init(repeating value: Double) { self = value }
    @inlinable @inline(__always) public var positivePart: Double { self < 0 ? 0 : self }
    @inlinable @inline(__always) public static func lanewiseMinimum(_ a: Double, _ b: Double) -> Double { b < a ? b : a }
}

extension SIMD4: RuleNumber where Scalar == Double {
    @inlinable @inline(__always) public var positivePart: SIMD4<Double> { replacing(with: 0, where: self .< 0) }
    @inlinable @inline(__always) public static func lanewiseMinimum(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> SIMD4<Double> {
        a.replacing(with: b, where: b .< a)
    }
}
