import PensiunEconomy
import PensiunInputs
import PensiunRandom

/// The implicit pension debt at y0 (docs/model.md §8): the present value at the start of y0, on the
/// deterministic path and the valuation discount basis, of every DB-type payment to the closed
/// group of y0 (no entrants), run to extinction, with actives' rights frozen at y0 on their
/// service n, no floor, vesting tested on total service, death and disability rights prorated.
///
/// Pensions in payment and frozen rights follow the scheme's indexation rule, or the valuation's
/// `debtIndexation` when the scenario sets one (`none`: only the amounts the law guarantees, when
/// raises are discretionary). It is computed with the engine itself: every active "switches" at y0 with frozen DB rights
/// (`frozenDB(finalSalary:)`: the projected final salary by default, the y0 salary revalued
/// with the DB indexation rule as the option) and contributes nothing, and the projection runs
/// until every pool is empty (docs/model.md §11): the youngest member of the closed group
/// reaches the table's last age ω, and then a spouse younger than the member by the largest age
/// gap, created at the member's death at ω, reaches ω too:
///
///     horizon = ω − youngest age + 1 + max(0, −min_s Δ_s)
public struct ImplicitPensionDebt: Sendable, Equatable {
    /// Initial pensioners and disabled pensioners, with their future survivors.
    public var pensioners: Double
    /// Initial survivors.
    public var survivors: Double
    /// Rights accrued by actives to y0, with their survivors.
    public var actives: Double
    public var total: Double { pensioners + survivors + actives }

    /// Values the debt of the scenario's closed group at y0.
    public static func compute(_ inputs: ProjectionInputs) throws -> ImplicitPensionDebt {
        let youngest = min(inputs.population.actives.map(\.age).min() ?? 100,
                           (inputs.population.pensioners + inputs.population.disabled + inputs.population.survivors).map(\.age).min() ?? 100)
        let youngerSpouse = max(0, -(inputs.survivors.ageGap.values.min() ?? 0))
        var closed = inputs
        closed.calendar.horizon = max(1, inputs.calendar.maximumAge - youngest + 1 + youngerSpouse)
        closed.economy = inputs.economy.withoutShocks
        closed.mortality.kappaVolatility = 0
        closed.decrements.processRisk = false
        closed.entrants = EntrantInputs(target: .series(ByYear(0)), profile: [])
        let frozen = DCRules(year: inputs.calendar.startYear, transition: .all,
                             accruedRights: .frozenDB(finalSalary: inputs.valuation.debtProjectedSalary),
                             employeeRate: ByYear(0), employerRate: ByYear(0), fee: 0,
                             glidePath: [PortfolioWeights(equity: 0, bonds: 0, cash: 1)], payout: .lumpSum,
                             annuityMargin: 0, withdrawal: .cash, guarantee: nil)
        var db = inputs.current.db
        if let rule = inputs.valuation.debtIndexation { db.indexation = ByYear(rule) }
        closed.current.db = db
        closed.reform = SchemeRules(db: db, retirementAges: inputs.current.retirementAges, dc: frozen)
        func value(_ population: InitialPopulation) throws -> Double {
            var group = closed
            group.population = population
            let run = try MonteCarloProjection(inputs: group)
            let (_, reform, drivers) = try run.deterministic()
            let discount = drivers.discountFactors(fixedRate: inputs.valuation.debtDiscountRate)
            var pv = 0.0
            for t in 0..<group.calendar.horizon { pv += discount[t] * reform[.dbBenefits, t] }
            return pv
        }
        let p = inputs.population
        return ImplicitPensionDebt(
            pensioners: try value(InitialPopulation(actives: [], pensioners: p.pensioners, disabled: p.disabled)),
            survivors: try value(InitialPopulation(actives: [], survivors: p.survivors)),
            actives: try value(InitialPopulation(actives: p.actives)))
    }
}
