import PensiunActuarial

/// A career track: its salary scale and DC contribution base (retirement ages are scheme rules).
public struct Track: Sendable, Equatable {
    public var name: String
    /// scale_k(n): monthly pensionable salary at completed service n, in currency of year y0
    /// (index = n; beyond the list, the last value).
    public var salaryScale: [Double]
    /// m_DC: the DC contribution base as a multiple of the pensionable salary (take-home pay /
    /// basic salary); 1 when contributions are on basic salary.
    public var dcBaseMultiplier: Double

    public init(name: String, salaryScale: [Double], dcBaseMultiplier: Double = 1) {
        self.name = name
        self.salaryScale = salaryScale
        self.dcBaseMultiplier = dcBaseMultiplier
    }

    @inlinable public func scale(service n: Int) -> Double { salaryScale[min(n, salaryScale.count - 1)] }
}
