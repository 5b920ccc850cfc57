import Foundation
import PensiunEconomy
import PensiunInputs
import PensiunRandom
@testable import PensiunEngine

/// Compares the engines with the readable reference (``ReferenceEngine``) on every yearly output:
/// every ``Metric``, the replacement rates by track, the population ledger and the DC money flows
/// of docs/model.md §8 and §10, to 1e-9 relative, path by path on a multi-path block.
enum ReferenceComparison {
    /// Five paths from path 3: the lane engine projects them as one full vector of four lanes and
    /// a partial one (padded), so a lane's results are checked away from the block's first slot.
    static let paths = 3..<8
    static let seed: UInt64 = 11

    /// Equal to 1e-9 relative, or both not applicable (NaN).
    static func close(_ a: Double, _ b: Double) -> Bool {
        (a.isNaN && b.isNaN) || abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1e-6)
    }

    /// The reference's two schemes on one path's drivers, with the reform's transition cost.
    static func reference(_ inputs: ProjectionInputs, _ drivers: PathDrivers) -> [ReferenceEngine.Result] {
        var current = ReferenceEngine(inputs: inputs, rules: inputs.current).project(drivers)
        var reform = ReferenceEngine(inputs: inputs, rules: inputs.reform).project(drivers)
        reform.values[.transitionCostPctGDP] = ReferenceEngine.transitionCost(current: current, reform: reform, gdp: drivers.gdp,
                                                                              horizon: inputs.calendar.horizon)
        for i in 0..<2 {
            var result = i == 0 ? current : reform
            for (metric, effects) in zip(Metric.spendingChange, ReferenceEngine.spendingChange(result, gdp: drivers.gdp, horizon: inputs.calendar.horizon)) {
                result.values[metric] = effects
            }
            if i == 0 { current = result } else { reform = result }
        }
        for (metric, values) in ReferenceEngine.financing(inputs.valuation.financing, current: current, reform: reform,
                                                          drivers: drivers, horizon: inputs.calendar.horizon) {
            reform.values[metric] = values
        }
        let shares = inputs.tracks.map(\.regionalShare), h = inputs.calendar.horizon
        for (metric, values) in ReferenceEngine.budgetSharing(current, reform: false, shares: shares, gdp: drivers.gdp, horizon: h) {
            current.values[metric] = values
        }
        for (metric, values) in ReferenceEngine.budgetSharing(reform, reform: true, shares: shares, gdp: drivers.gdp, horizon: h) {
            reform.values[metric] = values
        }
        return [current, reform]
    }

    /// The drivers of each path of ``paths`` (as ``MonteCarloProjection/runBlock(_:seeds:)`` draws them).
    static func drivers(_ mc: MonteCarloProjection) throws -> [PathDrivers] {
        var box = EconomicPathsBox(mc: mc)
        return try paths.map { path in
            var generator = try RandomGenerator(seed: PathSeeds(master: seed).seed(forPath: path))
            return try mc.drivers(path: path, slot: 0, block: &box.paths, generator: &generator)
        }
    }

    /// Every difference between `engine`'s block and the reference, as readable lines.
    static func mismatches(_ name: String, engine: MonteCarloProjection.Engine, mc: MonteCarloProjection,
                           reference: [[ReferenceEngine.Result]], only metrics: [Metric]? = nil) throws -> [String] {
        let h = mc.context.horizon, y0 = mc.context.startYear, tracks = mc.context.payGroups.tracks
        let output = try mc.runBlock(paths, seeds: PathSeeds(master: seed))
        var found: [String] = []
        for (j, path) in paths.enumerated() {
            for scheme in Scheme.allCases {
                let fast = output.results[j][scheme.rawValue], slow = reference[j][scheme.rawValue]
                func check(_ what: String, _ t: Int, _ a: Double, _ b: Double) {
                    if !close(a, b) { found.append("\(name), \(engine), path \(path), \(scheme.name) \(what) \(y0 + t): engine \(a) vs reference \(b)") }
                }
                for m in metrics ?? Metric.allCases {
                    for t in 0..<m.length(horizon: h) { check(m.name, t, fast[m, t], slow[m][t]) }
                }
                if metrics != nil { continue }
                for (r, rate) in Metric.rates.enumerated() {
                    for (k, track) in tracks.enumerated() {
                        for t in 0..<h {
                            check("\(rate.name).\(track.name)", t, fast[rate: rate, track: k, t], slow.byTrack[r][k][t])
                        }
                    }
                }
                for (k, track) in tracks.enumerated() {
                    for t in 0..<h { check("employer DC of \(track.name)", t, fast[employerDC: k, t], slow.employerDCByTrack[k][t]) }
                }
                for t in 0..<h {
                    let a = fast.ledger[t], b = slow.ledger[t]
                    for (label, x, y) in [("active entries", a.activeEntries, b.activeEntries), ("active exits", a.activeExits, b.activeExits),
                                          ("pensioner entries", a.pensionerEntries, b.pensionerEntries),
                                          ("pensioner exits", a.pensionerExits, b.pensionerExits),
                                          ("survivor entries", a.survivorEntries, b.survivorEntries),
                                          ("survivor exits", a.survivorExits, b.survivorExits),
                                          ("deferred entries", a.deferredEntries, b.deferredEntries),
                                          ("deferred exits", a.deferredExits, b.deferredExits)] {
                        check(label, t, x, y)
                    }
                    let f = fast.dcFlows[t], g = slow.flows[t]
                    for (label, x, y) in [("DC contributions", f.contributions, g.contributions), ("DC returns", f.returns, g.returns),
                                          ("bonds redeemed into accounts", f.bondsRedeemedIntoAccounts, g.bondsRedeemedIntoAccounts),
                                          ("annuity purchases", f.annuityPurchases, g.annuityPurchases), ("lump sums", f.lumpSums, g.lumpSums),
                                          ("death benefits", f.deathBenefits, g.deathBenefits),
                                          ("cash withdrawals", f.cashWithdrawals, g.cashWithdrawals)] {
                        check(label, t, x, y)
                    }
                }
            }
        }
        return found
    }

    /// Both engines against the reference on `inputs`: every mismatch, for `#expect`.
    static func compare(_ name: String, _ inputs: ProjectionInputs, only metrics: [Metric]? = nil) throws -> [String] {
        let lanes = try MonteCarloProjection(inputs: inputs, engine: .lanes)
        let general = try MonteCarloProjection(inputs: inputs, engine: .general)
        let reference = try drivers(lanes).map { Self.reference(inputs, $0) }
        return try mismatches(name, engine: .lanes, mc: lanes, reference: reference, only: metrics)
            + mismatches(name, engine: .general, mc: general, reference: reference, only: metrics)
    }

    /// A summary of mismatches for a failed expectation: how many, and the first few.
    static func describe(_ list: [String]) -> String {
        "\(list.count) mismatches, first: \(list.prefix(6).joined(separator: "; "))"
    }
}

/// A one-path ESG buffer for calling `drivers(path:…)` directly.
struct EconomicPathsBox {
    var paths: EconomicPaths
    init(mc: MonteCarloProjection) {
        paths = .init(firstPath: 0, pathCount: 1, horizon: mc.context.horizon)
    }
}

