import CGSL

/// GSL's low-discrepancy sequences, for parameter sweeps and sensitivity designs.
public enum QuasiRandomKind: String, CaseIterable, Sendable, Codable {
    /// Sobol (Antonov–Saleev), dimensions 1…40 in GSL.
    case sobol
    /// Halton, dimensions 1…1229.
    case halton
    /// Reverse Halton (Vandewoestyne and Cools), dimensions 1…1229.
    case reverseHalton = "reverse-halton"
    /// Niederreiter base 2, dimensions 1…12.
    case niederreiter2 = "niederreiter2"

    @usableFromInline
    var gslType: UnsafePointer<gsl_qrng_type> {
        switch self {
        case .sobol: return pensiun_qrng_sobol()
        case .halton: return pensiun_qrng_halton()
        case .reverseHalton: return pensiun_qrng_reversehalton()
        case .niederreiter2: return pensiun_qrng_niederreiter2()
        }
    }

    /// The largest dimension GSL supports for this sequence.
    public var maximumDimension: Int {
        switch self {
        case .sobol: return 40
        case .halton, .reverseHalton: return 1229
        case .niederreiter2: return 12
        }
    }
}

/// An owning GSL quasi-random generator of points in [0, 1)^d.
public struct QuasiRandomSequence: ~Copyable {
    @usableFromInline let state: OpaquePointer
    public let kind: QuasiRandomKind
    public let dimension: Int

    public init(kind: QuasiRandomKind, dimension: Int) throws(GSLError) {
        GSLRuntime.configure()
        guard dimension >= 1, dimension <= kind.maximumDimension else {
            throw GSLError.invalidParameter(
                "\(kind.rawValue) sequences support dimensions 1…\(kind.maximumDimension), got \(dimension)")
        }
        guard let raw = gsl_qrng_alloc(kind.gslType, UInt32(dimension)) else {
            throw GSLError.allocationFailed("a \(kind.rawValue) sequence of dimension \(dimension)")
        }
        self.state = OpaquePointer(raw)
        self.kind = kind
        self.dimension = dimension
    }

    deinit { gsl_qrng_free(UnsafeMutablePointer<gsl_qrng>(state)) }

    /// The next point of the sequence (GSL starts at the origin for Sobol and Niederreiter).
    public mutating func next() throws(GSLError) -> [Double] {
        var point = [Double](repeating: 0, count: dimension)
        let status = point.withUnsafeMutableBufferPointer { p in
            gsl_qrng_get(UnsafeMutablePointer<gsl_qrng>(state), p.baseAddress)
        }
        try GSLRuntime.check(status, "gsl_qrng_get")
        return point
    }
}
