import PensiunEconomy
import PensiunInputs

/// The random drivers of one path, shared by both schemes: the economy (docs/model.md §3) and the
/// period mortality index κ (§4). Arrays are indexed by t = y − y0.
public struct PathDrivers: Sendable {
    public let path: Int
    public let horizon: Int
    /// π_y, i_y (end of y), e_y, b_y, c_y for t in 0..<H.
    public var inflation: [Double]
    public var bondYield: [Double]
    public var equityReturn: [Double]
    public var bondReturn: [Double]
    public var cashReturn: [Double]
    /// W_y, P_y, GDP_y for t in 0...H.
    public var wageIndex: [Double]
    public var priceIndex: [Double]
    public var gdp: [Double]
    /// κ_y for t in 0..<H (κ_{y0−1} = 0).
    public var kappa: [Double]
    /// i_{y0−1}, the yield known at the start of y0.
    public let initialYield: Double

    /// Copies path `j` of an ESG block and attaches its κ path.
    public init(block: EconomicPaths, slot j: Int, kappa: [Double], initialYield: Double) {
        path = block.firstPath + j
        horizon = block.horizon
        let h = block.horizon
        let a = block.yearOffset(path: j, year: 0), x = block.indexOffset(path: j, year: 0)
        inflation = Array(block.inflation[a..<(a + h)])
        bondYield = Array(block.bondYield[a..<(a + h)])
        equityReturn = Array(block.equityReturn[a..<(a + h)])
        bondReturn = Array(block.bondReturn[a..<(a + h)])
        cashReturn = Array(block.cashReturn[a..<(a + h)])
        wageIndex = Array(block.wageIndex[x...(x + h)])
        priceIndex = Array(block.priceIndex[x...(x + h)])
        gdp = Array(block.gdp[x...(x + h)])
        self.kappa = kappa
        self.initialYield = initialYield
    }

    /// i_{y−1}: the yield known at the start of year y0 + t.
    @inlinable public func yieldAtStart(_ t: Int) -> Double { t == 0 ? initialYield : bondYield[t - 1] }

    /// The DB indexation factor applied at the end of year y0 + t (docs/model.md §5).
    @inlinable public func indexation(_ rule: IndexationRule, _ t: Int) -> Double {
        rule.factor(inflation: inflation[t], wage: wageIndex[t], nextWage: wageIndex[t + 1])
    }

    /// Π_{u = from}^{to − 1} of the indexation factors of `rules` (by year index): what a DB-type
    /// amount awarded at the end of year index `from` (indexed in its award year, §5) has become
    /// when paid in year index `to`.
    @inlinable public func indexed(_ rules: [IndexationRule], from: Int, to: Int) -> Double {
        var factor = 1.0
        for u in from..<to { factor *= indexation(rules[u], u) }
        return factor
    }

    /// Discount factors to the start of y0 for the flows of each year (paid at mid-year):
    /// v_y = Π_{y0≤u<y} (1+i_{u−1})^{−1} · (1+i_{y−1})^{−1/2}, or (1+r)^{−(t+1/2)} at a fixed r.
    public func discountFactors(fixedRate: Double?) -> [Double] {
        var factors = [Double](repeating: 0, count: horizon)
        var accumulated = 1.0
        for t in 0..<horizon {
            let i = fixedRate ?? yieldAtStart(t)
            factors[t] = accumulated / (1 + i).squareRoot()
            accumulated /= 1 + i
        }
        return factors
    }
}
