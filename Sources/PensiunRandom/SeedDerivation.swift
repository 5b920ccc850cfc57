/// Seeds of the per-path generators (docs/model.md §7).
///
/// Path p's generator depends on (master seed, p) only, so results do not depend on the thread
/// count or on how the path range is split. The master seed goes through the SplitMix64 finaliser
/// (a 64-bit mixer) and is folded to a 32-bit key k; the path's seed is
///
///     s_p = mix32(k ⊕ p)          (mix32: a bijection on 32-bit words)
///
/// Because `k ⊕ ·` and `mix32` are bijections, distinct paths p < 2^32 − 1 get distinct seeds.
/// GSL treats seed 0 as its default seed (mt19937: 4357; taus2 and ranlxd2: 1), which would alias
/// another path, so the single path that would map to 0 takes mix32(k ⊕ (2^32 − 1)) instead, the
/// seed of the one path index Pensiun never uses.
public struct PathSeeds: Sendable, Equatable {
    /// The scenario's master seed.
    public let master: UInt64
    /// The 32-bit key derived from the master seed.
    public let key: UInt32

    /// The largest number of paths with guaranteed distinct seeds: 2^32 − 1.
    public static let maximumPaths: UInt64 = UInt64(UInt32.max)

    public init(master: UInt64) {
        self.master = master
        let mixed = PathSeeds.splitMix64(master)
        self.key = UInt32(truncatingIfNeeded: mixed) ^ UInt32(truncatingIfNeeded: mixed >> 32)
    }

    /// The non-zero GSL seed of path `path` (0 ≤ path < 2^32 − 1).
    @inlinable
    public func seed(forPath path: Int) -> UInt32 {
        precondition(path >= 0 && UInt64(path) < PathSeeds.maximumPaths, "path index out of range")
        let s = PathSeeds.mix32(key ^ UInt32(truncatingIfNeeded: path))
        return s != 0 ? s : PathSeeds.mix32(key ^ UInt32.max)
    }

    /// SplitMix64's output function (Steele, Lea and Flood 2014): a 64-bit bijective mixer.
    @inlinable
    public static func splitMix64(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A 32-bit bijective mixer (Wellons' "lowbias32"): xor-shifts and odd multiplications, each
    /// invertible, so distinct inputs give distinct outputs.
    @inlinable
    public static func mix32(_ value: UInt32) -> UInt32 {
        var x = value
        x ^= x >> 16
        x = x &* 0x7FEB_352D
        x ^= x >> 15
        x = x &* 0x846C_A68B
        x ^= x >> 16
        return x
    }
}
