import CGSL

/// The GSL pseudo-random generators Pensiun offers. mt19937 is the default.
public enum GeneratorKind: String, CaseIterable, Sendable, Codable {
    /// Mersenne Twister (Matsumoto and Nishimura), period 2^19937 − 1.
    case mt19937
    /// Tausworthe generator of L'Ecuyer (maximally equidistributed), period 2^88.
    case taus2
    /// RANLUX double precision, luxury level 2 (Lüscher), slowest and most decorrelated.
    case ranlxd2

    @usableFromInline
    var gslType: UnsafePointer<gsl_rng_type> {
        switch self {
        case .mt19937: return pensiun_rng_mt19937()
        case .taus2: return pensiun_rng_taus2()
        case .ranlxd2: return pensiun_rng_ranlxd2()
        }
    }
}
