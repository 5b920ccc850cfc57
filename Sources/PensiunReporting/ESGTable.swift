import Foundation
import PensiunEconomy
import PensiunMonteCarlo

/// The ESG's outputs as CSV rows and as a summary table.
public enum ESGTable {
    /// The CSV header, in the order of the specification.
    public static let header =
        "path,year,inflation,real_wage_growth,gdp_growth,bond_yield,equity_return,bond_return,wage_index,price_index,gdp"

    /// One row per path and year for a block, numbers in Swift's shortest round-trip form so the
    /// text is identical for identical values.
    /// The first value that is not a finite number, as `path P, year Y: variable is V`, or nil.
    public static func firstNonFinite(_ blocks: [EconomicPaths], startYear: Int) -> String? {
        let series: [(String, KeyPath<EconomicPaths, [Double]>, Bool)] = [
            ("inflation", \.inflation, false), ("real_wage_growth", \.realWageGrowth, false), ("gdp_growth", \.gdpGrowth, false),
            ("bond_yield", \.bondYield, false), ("equity_return", \.equityReturn, false), ("bond_return", \.bondReturn, false),
            ("cash_return", \.cashReturn, false), ("wage_index", \.wageIndex, true), ("price_index", \.priceIndex, true),
            ("gdp", \.gdp, true),
        ]
        for block in blocks {
            for (name, path, isIndex) in series {
                let values = block[keyPath: path]
                guard let k = values.firstIndex(where: { !$0.isFinite }) else { continue }
                let width = isIndex ? block.horizon + 1 : block.horizon
                return "path \(block.firstPath + k / width), year \(startYear + k % width): \(name) is \(values[k])"
            }
        }
        return nil
    }

    public static func rows(_ block: EconomicPaths, startYear: Int) -> String {
        var text = ""
        text.reserveCapacity(block.pathCount * block.horizon * 160)
        for j in 0..<block.pathCount {
            let path = block.firstPath + j
            for t in 0..<block.horizon {
                let o = block.yearOffset(path: j, year: t), x = block.indexOffset(path: j, year: t)
                text += "\(path),\(startYear + t),\(block.inflation[o]),\(block.realWageGrowth[o]),"
                text += "\(block.gdpGrowth[o]),\(block.bondYield[o]),\(block.equityReturn[o]),"
                text += "\(block.bondReturn[o]),\(block.wageIndex[x]),\(block.priceIndex[x]),\(block.gdp[x])\n"
            }
        }
        return text
    }

    /// A summary row: what, unit, mean and the 5/50/95% quantiles.
    public struct Row: Sendable {
        public let name: String
        public let unit: String
        public let summary: SampleSummary
    }

    /// Summaries by variable: annual rates pooled over every path and year; indices and GDP at the
    /// last projected year y0+H−1.
    public static func summary(_ blocks: [EconomicPaths], startYear: Int) -> [Row] {
        guard let horizon = blocks.first?.horizon else { return [] }
        func pooled(_ series: KeyPath<EconomicPaths, [Double]>) -> SampleSummary {
            SampleSummary(blocks.flatMap { $0[keyPath: series] })
        }
        func last(_ series: KeyPath<EconomicPaths, [Double]>, scale: Double = 1) -> SampleSummary {
            SampleSummary(blocks.flatMap { b in
                (0..<b.pathCount).map { b[keyPath: series][b.indexOffset(path: $0, year: horizon - 1)] * scale }
            })
        }
        let lastYear = startYear + horizon - 1
        return [
            Row(name: "inflation", unit: "%/yr, all years", summary: pooled(\.inflation)),
            Row(name: "real_wage_growth", unit: "%/yr, all years", summary: pooled(\.realWageGrowth)),
            Row(name: "gdp_growth", unit: "%/yr, all years", summary: pooled(\.gdpGrowth)),
            Row(name: "bond_yield", unit: "%, all years", summary: pooled(\.bondYield)),
            Row(name: "equity_return", unit: "%/yr, all years", summary: pooled(\.equityReturn)),
            Row(name: "bond_return", unit: "%/yr, all years", summary: pooled(\.bondReturn)),
            Row(name: "wage_index", unit: "index, \(lastYear)", summary: last(\.wageIndex)),
            Row(name: "price_index", unit: "index, \(lastYear)", summary: last(\.priceIndex)),
            Row(name: "gdp", unit: "trillion, \(lastYear)", summary: last(\.gdp, scale: 1e-12)),
        ]
    }

    /// The summary as a fixed-width text table (fits 80 columns).
    public static func render(_ rows: [Row], paths: Int, seed: UInt64) -> String {
        var out = "Economic scenarios: \(paths) paths, seed \(seed)\n"
        out += pad("variable", 18, left: true) + pad("unit", 19, left: true) + ["mean", "p5", "p50", "p95"].map { pad($0, 10) }.joined() + "\n"
        for row in rows {
            let percent = row.unit.hasPrefix("%")
            let values = [row.summary.mean, row.summary.p5, row.summary.p50, row.summary.p95].map {
                percent ? String(format: "%.2f", $0 * 100) : String(format: $0 >= 1000 ? "%.0f" : "%.3f", $0)
            }
            out += pad(row.name, 18, left: true) + pad(row.unit, 19, left: true) + values.map { pad($0, 10) }.joined() + "\n"
        }
        return out
    }

    static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let count = text.count
        if count >= width { return text + " " }
        let fill = String(repeating: " ", count: width - count)
        return left ? text + fill : fill + text
    }
}
