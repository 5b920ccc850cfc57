import Foundation
import PensiunInputs

/// The inputs the valuations beyond the window project from (docs/model.md Part II, "Beyond the
/// horizon"; issue 21): the scenario on its deterministic path (every σ zero, κ = 0, no process
/// risk), with recruitment stopped after a given year.
extension ProjectionInputs {
    /// These inputs on the deterministic path: the economy without shocks, κ's volatility zero,
    /// process risk off, as ``ImplicitPensionDebt`` and the deterministic alternatives project.
    public var deterministicOnly: ProjectionInputs {
        var d = self
        d.economy = economy.withoutShocks
        d.mortality.kappaVolatility = 0
        d.decrements.processRisk = false
        return d
    }

    /// These inputs with no entrant joining after `lastYear` (the entrants who join at the start of
    /// y + 1 follow target_{y+1}): the headcount target is the scenario's own in y0 … `lastYear`,
    /// with the same arithmetic as the engines' (so a projection of these inputs equals one of the
    /// scenario's up to `lastYear`), and 0 afterwards. `lastYear` < y0 closes the group at y0.
    public func recruiting(until lastYear: Int) -> ProjectionInputs {
        var closed = self
        let y0 = calendar.startYear
        guard lastYear >= y0 else {
            closed.entrants.target = .series(ByYear(0))
            return closed
        }
        let headcount = InitialPopulation.mergedActives(population.actives).reduce(0) { $0 + $1.count }
        var steps: [(year: Int, value: Double)] = (0...(lastYear - y0)).map { t in
            switch entrants.target {
            case .constant: return (y0 + t, headcount)
            case let .growth(g): return (y0 + t, headcount * pow(1 + g, Double(t)))
            case let .series(series): return (y0 + t, series(y0 + t))
            }
        }
        steps.append((lastYear + 1, 0))
        closed.entrants.target = .series(ByYear(steps: steps))
        return closed
    }

    /// The youngest age of any member who can be in the projection: the initial population's and
    /// the entrant profile's youngest (an entrant is at least that old when it joins).
    var youngestAge: Int {
        let p = population
        let ages = (p.actives.map(\.age) + (p.pensioners + p.disabled + p.survivors).map(\.age) + entrants.profile.map(\.age))
        return ages.min() ?? calendar.maximumAge
    }

    /// The years until every member of a closed group whose youngest member is aged `youngest` has
    /// died, with a spouse younger by the largest age gap created at the member's death at ω
    /// (``ImplicitPensionDebt``): ω − youngest + 1 + max(0, −min_s Δ_s).
    func yearsToExtinction(youngest: Int) -> Int {
        max(1, calendar.maximumAge - youngest + 1 + max(0, -(survivors.ageGap.values.min() ?? 0)))
    }
}
