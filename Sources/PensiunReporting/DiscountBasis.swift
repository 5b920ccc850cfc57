import Foundation
import PensiunEconomy
import PensiunInputs

/// The basis of a run's present values and the gap r − g printed beside them (docs/model.md §2,
/// "Discounting"; issue 19). On the deterministic path (every σ zero), over y0 … y0+H−1:
///
///     r = (Π_{y0≤y<y0+H} (1 + i_{y−1}))^{1/H} − 1     the mean yearly discount rate of path yields
///                                                    (or the fixed rate r of `reporting.discount_rate`)
///     g = (GDP_{y0+H} / GDP_{y0})^{1/H} − 1            the mean yearly nominal GDP growth
///
/// When r − g ≤ 0, a present value over a long horizon is dominated by its last years (and no
/// infinite-horizon value exists): the reader must see it beside every present value.
public struct DiscountBasis: Sendable, Equatable {
    /// The fixed discount rate, or nil for path yields.
    public let fixedRate: Double?
    /// r and g as defined above.
    public let r: Double
    public let g: Double
    public var gap: Double { r - g }

    /// The deterministic path of `inputs`' economy; nil when it cannot be generated (the run would
    /// have refused first) or the horizon is empty.
    public static func deterministicPath(_ inputs: ProjectionInputs) -> EconomicPaths? {
        let h = inputs.calendar.horizon
        guard h > 0 else { return nil }
        return try? EconomicScenarioGenerator(parameters: inputs.economy, startYear: inputs.calendar.startYear, horizon: h)
            .deterministicPath()
    }

    /// The basis of `inputs` on their own deterministic path; nil when it cannot be generated.
    public init?(inputs: ProjectionInputs, fixedRate: Double?) {
        guard let path = Self.deterministicPath(inputs) else { return nil }
        self.init(inputs: inputs, path: path, fixedRate: fixedRate)
    }

    /// The basis of `inputs` on their deterministic path `path` (``deterministicPath(_:)``).
    public init(inputs: ProjectionInputs, path: EconomicPaths, fixedRate: Double?) {
        let h = inputs.calendar.horizon
        self.fixedRate = fixedRate
        if let fixedRate {
            r = fixedRate
        } else {
            var product = 1.0, previous = inputs.economy.bondYield.start
            for t in 0..<h {
                product *= 1 + previous
                previous = path.bondYield[t]
            }
            r = pow(product, 1 / Double(h)) - 1
        }
        g = pow(path.gdp[h] / path.gdp[0], 1 / Double(h)) - 1
    }

    /// "path yields, r = 7.0%/yr (deterministic); nominal GDP g = 8.2%/yr; r − g = −1.2 pp".
    public var line: String {
        let rate = fixedRate == nil ? "path yields, r = \(Format.percent(r, decimals: 1))/yr (deterministic)"
                                    : "fixed rate r = \(Format.percent(r, decimals: 1))/yr"
        return "\(rate); nominal GDP g = \(Format.percent(g, decimals: 1))/yr; r − g = "
            + Format.signed(Format.grouped(gap * 100, decimals: 1)) + " pp"
    }

    /// The warning printed under ``line`` when r − g ≤ 0; nil otherwise.
    public var warning: String? {
        gap <= 0 ? "r ≤ g: the last years dominate these present values; no infinite-horizon value exists" : nil
    }
}
