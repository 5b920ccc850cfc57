/// Pay that tracks productivity (docs/model.md §3, "Pay and productivity"): the mean real growth
/// of the salary table in year y is real GDP growth per worker plus a gap,
///
///     μ_g,y = (1 + μ_γ,y) / (1 + n_y) − 1 + gap_y,
///
/// μ_γ,y the mean real GDP growth, n_y the growth of the labour force and gap_y the difference
/// between pay growth and productivity growth (negative when pay lags), all by year. The wage
/// shock stays a deviation around this mean (its AR(1) persistence and volatility, and its row of
/// the correlation matrix, are unchanged).
public struct ProductivityLink: Sendable, Equatable {
    /// n_y: growth of the labour force (annual rate), by year.
    public var labourForceGrowth: Dated
    /// gap_y: pay growth minus productivity growth (annual rate), by year.
    public var gap: Dated

    public init(labourForceGrowth: Dated, gap: Dated) {
        self.labourForceGrowth = labourForceGrowth
        self.gap = gap
    }

    /// μ_g,y = (1 + μ_γ,y) / (1 + n_y) − 1 + gap_y.
    public static func wageMean(gdpMean: Double, labourForceGrowth n: Double, gap: Double) -> Double {
        (1 + gdpMean) / (1 + n) - 1 + gap
    }

    /// μ_g of year `year`, from the mean real GDP growth of that year.
    public func wageMean(gdpMean: Double, year: Int) -> Double {
        Self.wageMean(gdpMean: gdpMean, labourForceGrowth: labourForceGrowth(year), gap: gap(year))
    }
}
