import Foundation

/// SplitMix64 (Steele, Lea and Flood, 2014): a small deterministic generator for test samples,
/// so that a failure can be replayed; with a uniform on (0, 1] and a Box–Muller normal.
public struct SplitMix64: RandomNumberGenerator {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on (0, 1].
    public mutating func unit() -> Double { Double((next() >> 11) + 1) * 0x1p-53 }

    /// Standard normal by Box–Muller (the cosine branch only).
    public mutating func normal() -> Double { (-2 * log(unit())).squareRoot() * cos(2 * Double.pi * unit()) }
}
