/// Economic scenarios of a block of paths, stored as structure of arrays.
///
/// Year-indexed series have `horizon` values per path, for years y0 … y0+H−1; index series (wage,
/// price, GDP) have `horizon + 1` values per path, the last being the start of year y0+H, for the
/// end-of-horizon stocks. Path j of the block (0-based within the block) starts at `j · horizon`
/// (`j · (horizon + 1)` for indices).
public struct EconomicPaths: Sendable {
    public let firstPath: Int
    public let pathCount: Int
    public let horizon: Int

    /// π_y, inflation of year y.
    public var inflation: [Double]
    /// g_y, real growth of the salary table in year y.
    public var realWageGrowth: [Double]
    /// γ_y, real GDP growth in year y.
    public var gdpGrowth: [Double]
    /// i_y, the long bond yield at the end of year y.
    public var bondYield: [Double]
    /// e_y, equity total return of year y.
    public var equityReturn: [Double]
    /// b_y = i_{y−1} − D (i_y − i_{y−1}), bond total return of year y.
    public var bondReturn: [Double]
    /// c_y = i_{y−1} − s_c, cash return of year y.
    public var cashReturn: [Double]
    /// W_y, the salary-table wage index (W_y0 = 1), lumpy when k > 1.
    public var wageIndex: [Double]
    /// P_y, the price index (P_y0 = 1).
    public var priceIndex: [Double]
    /// GDP_y, nominal GDP in currency units.
    public var gdp: [Double]

    public init(firstPath: Int, pathCount: Int, horizon: Int) {
        self.firstPath = firstPath
        self.pathCount = pathCount
        self.horizon = horizon
        let n = pathCount * horizon, m = pathCount * (horizon + 1)
        inflation = .init(repeating: 0, count: n)
        realWageGrowth = .init(repeating: 0, count: n)
        gdpGrowth = .init(repeating: 0, count: n)
        bondYield = .init(repeating: 0, count: n)
        equityReturn = .init(repeating: 0, count: n)
        bondReturn = .init(repeating: 0, count: n)
        cashReturn = .init(repeating: 0, count: n)
        wageIndex = .init(repeating: 0, count: m)
        priceIndex = .init(repeating: 0, count: m)
        gdp = .init(repeating: 0, count: m)
    }

    /// Offset of (path j of the block, year index t) in the year series.
    @inlinable public func yearOffset(path j: Int, year t: Int) -> Int { j * horizon + t }
    /// Offset of (path j of the block, year index t ≤ H) in the index series.
    @inlinable public func indexOffset(path j: Int, year t: Int) -> Int { j * (horizon + 1) + t }
}
