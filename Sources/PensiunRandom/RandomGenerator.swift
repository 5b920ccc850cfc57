import CGSL

/// An owning GSL pseudo-random generator: one owner, freed exactly once.
///
/// The generator is `~Copyable`: it cannot be shared between tasks by accident, and `deinit`
/// releases the GSL state when its single owner goes away. Each Monte Carlo path block creates its
/// own generators and reseeds them per path (``reseed(_:)``), so no generator crosses threads.
public struct RandomGenerator: ~Copyable {
    @usableFromInline
    let state: UnsafeMutablePointer<gsl_rng>

    /// The generator algorithm.
    public let kind: GeneratorKind

    /// Allocates a generator of `kind` seeded with `seed` (GSL maps seed 0 to its default seed).
    public init(kind: GeneratorKind = .mt19937, seed: UInt32) throws(GSLError) {
        GSLRuntime.configure()
        guard let state = gsl_rng_alloc(kind.gslType) else {
            throw GSLError.allocationFailed("a \(kind.rawValue) generator")
        }
        gsl_rng_set(state, UInt(seed))
        self.state = state
        self.kind = kind
    }

    deinit { gsl_rng_free(state) }

    /// Restarts the stream from `seed`, as if the generator had just been allocated with it.
    @inlinable
    public mutating func reseed(_ seed: UInt32) { gsl_rng_set(state, UInt(seed)) }

    /// Copies the complete state of `other` (same algorithm) into this generator, so both then
    /// produce the same stream (`gsl_rng_memcpy`). Used to give the two schemes of a path the
    /// same process-risk draws.
    public mutating func copyState(from other: borrowing RandomGenerator) throws(GSLError) {
        guard other.kind == kind else {
            throw GSLError.invalidParameter("cannot copy a \(other.kind.rawValue) state into a \(kind.rawValue) generator")
        }
        try GSLRuntime.check(gsl_rng_memcpy(state, other.state), "gsl_rng_memcpy")
    }

    /// GSL's name of the algorithm, e.g. "mt19937".
    public var name: String { String(cString: gsl_rng_name(state)) }

    /// A raw integer in [min, max] of the algorithm (32 bits for mt19937 and taus2).
    @inlinable
    public mutating func nextRaw() -> UInt { gsl_rng_get(state) }
}
