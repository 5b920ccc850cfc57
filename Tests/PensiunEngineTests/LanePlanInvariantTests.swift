import Foundation
import PensiunInputs
import Testing
import PensiunActuarial
@testable import PensiunEngine

/// The lane engine's plan (docs/model.md Part II, "Two engines, one model"): its own invariants
/// (``LanePlan/checkInvariants(context:scheme:)``) on plans of many scenarios, the factorisation
/// N = μ · A against the reference's members group by group, its pool floors against the
/// reference's beneficiaries, and the exact checks of §10 on every lane of a block.
@Suite struct LanePlanInvariantTests {
    /// Every scenario the engine tests project: the reference cases, the identity policies and the
    /// membership cases of docs/model.md §11.
    static var scenarios: [(String, ProjectionInputs)] {
        var list = ReferenceEngineTests.cases.map { ($0.name, ReferenceEngineTests.inputs($0)) }
        list += IdentityTests.policies.map { ("identity: \($0.0)", Fixture.inputs(horizon: 30, volatility: 0.02, kappaVolatility: 0.02, dc: $0.1)) }
        list += [
            ("reform-year joiners, all, frozen", Fixture.inputs(horizon: 35, dc: Fixture.dc(transition: .all, rights: .frozenDB(finalSalary: false)), target: .growth(0.01))),
            ("start-year reform, new entrants", Fixture.inputs(horizon: 35, dc: Fixture.dc(year: 2020))),
            ("start-year reform, supplementary, bonds", Fixture.inputs(horizon: 35, dc: Fixture.dc(transition: .supplementary, rights: .recognitionBond(rate: 0.04), year: 2020))),
            ("only joiners retire in the reform year", MembershipTests.onlyJoinersRetire()),
            ("no entrants", { var i = Fixture.inputs(horizon: 20); i.entrants.profile = []; return i }()),
        ]
        return list
    }

    @Test func plansOfEveryScenarioHoldTheirInvariants() throws {
        for (name, inputs) in Self.scenarios {
            let context = ProjectionContext(inputs: inputs)
            for scheme in Scheme.allCases {
                let plan = LanePlan(context: context, scheme: scheme)
                let violations = plan.invariantViolations(context: context, scheme: scheme)
                #expect(violations.isEmpty, "\(name), \(scheme.name): \(violations.prefix(6).joined(separator: "; "))")
                #expect(throws: Never.self) { try plan.checkInvariants(context: context, scheme: scheme) }
            }
        }
    }

    /// The check can fail: a plan read against another scheme's context (more actives, another
    /// population of pensioners) breaks the headcount and the pool floors.
    @Test func aPlanCheckedAgainstAnotherContextViolatesItsInvariants() {
        let inputs = Fixture.inputs(horizon: 10)
        var other = inputs
        other.population.actives = inputs.population.actives.map { var c = $0; c.count *= 2; return c }
        other.population.pensioners.append(BeneficiaryCell(sex: .male, age: 30, count: 1, monthlyPension: 1_000))
        let plan = LanePlan(context: ProjectionContext(inputs: inputs), scheme: .current)
        let violations = plan.invariantViolations(context: ProjectionContext(inputs: other), scheme: .current)
        #expect(violations.contains { $0.contains("y0 headcount") })
        #expect(violations.contains { $0.contains("initial beneficiary lands at age 30 below the floor") })
        #expect(throws: LanePlanInvariantError.self) { try plan.checkInvariants(context: ProjectionContext(inputs: other), scheme: .current) }
    }

    /// The plan's stored values are `let` (LanePlan is built only by its initializer), so a test
    /// cannot corrupt one in place; instead the layout and the row cells are checked against a
    /// context they were not built from: another horizon breaks the partition by year, another
    /// spouse age gap every row's spouse cell.
    @Test func aPlanCheckedAgainstAnotherLayoutViolatesItsInvariants() {
        let inputs = Fixture.inputs(horizon: 10)
        let plan = LanePlan(context: ProjectionContext(inputs: inputs), scheme: .current)
        #expect(plan.invariantViolations(context: ProjectionContext(inputs: inputs), scheme: .current).isEmpty)
        var longer = inputs
        longer.calendar.horizon = 12
        #expect(plan.invariantViolations(context: ProjectionContext(inputs: longer), scheme: .current)
                    .contains { $0.contains("rowStart does not partition rows by year") })
        var gap = inputs
        gap.survivors.ageGap = [.male: 2, .female: -2]
        let violations = plan.invariantViolations(context: ProjectionContext(inputs: gap), scheme: .current)
        #expect(violations.contains { $0.contains("spouse cell") }, "\(violations.prefix(3))")
    }

    /// N_g(t) = μ_g(t) · A_g(t) for every group and year: A from the plan's rows, μ from the
    /// path's drivers (μ = 1 at y0, or the year's entrants E at entry, then × (1 − q_actives)),
    /// N from the reference's members of the group (docs/model.md §4). And every member of the
    /// reference's pools is at or above the plan's floor for the pool.
    @Test(arguments: [2, 3, 5, 7])
    func activeCountsFactoriseAndPoolsStayAboveTheirFloors(case index: Int) throws {
        let inputs = ReferenceEngineTests.inputs(ReferenceEngineTests.cases[index])
        let context = ProjectionContext(inputs: inputs)
        let mc = try MonteCarloProjection(inputs: inputs)
        let h = context.horizon, y0 = context.startYear
        let drivers = try ReferenceComparison.drivers(mc)[1]
        for scheme in Scheme.allCases {
            let plan = LanePlan(context: context, scheme: scheme)
            let rules = scheme == .current ? inputs.current : inputs.reform
            let reference = ReferenceEngine(inputs: inputs, rules: rules)
            let members = reference.project(drivers)
            var mu = [Double](repeating: .nan, count: plan.groups.count)
            for (g, group) in plan.groups.enumerated() where !group.isEntrant { mu[g] = 1 }
            var mismatches: [String] = []
            for t in 0...h {
                for g in plan.entrantGroups[t] { mu[g] = members.ledger[t - 1].activeEntries }
                // A_g(t): the row's ΣA, or at the horizon what stays after the last year's exits.
                var a = [Double](repeating: 0, count: plan.groups.count)
                let year = t < h ? t : h - 1
                for r in plan.rowStart[year]..<plan.rowStart[year + 1] {
                    a[plan.rows[r].group] = t < h ? plan.rows[r].count : plan.rows[r].countNext
                }
                for (g, group) in plan.groups.enumerated() where group.start <= t {
                    let sex: Sex = group.sex == 0 ? .male : .female
                    let key: ReferenceEngine.GroupKey = group.isEntrant
                        ? .entrant(sex: sex, entryAge: group.start - group.birth, entryYear: y0 + group.start)
                        : .initial(sex: sex, birthYear: y0 + group.birth)
                    let n = members.groupCounts[t][key] ?? 0, factorised = mu[g] * a[g]
                    if !ReferenceComparison.close(n, factorised) {
                        mismatches.append("\(scheme.name) group \(g) \(y0 + t): reference \(n), μ·A \(factorised)")
                    }
                    if t < h { mu[g] *= 1 - reference.q(.actives, sex, t - group.birth, y0 + t, drivers.kappa[t]) }
                }
            }
            #expect(mismatches.isEmpty, "\(mismatches.count) groups differ, first: \(mismatches.prefix(4).joined(separator: "; "))")
            for kind in 0..<3 {
                for s in 0..<2 {
                    #expect(members.youngestInPool[kind][s] >= plan.poolFloor[kind][s],
                            "\(scheme.name): pool \(kind), sex \(s) has a member aged \(members.youngestInPool[kind][s]) below the floor \(plan.poolFloor[kind][s])")
                }
            }
        }
    }

    /// docs/model.md §10 on every path of a lane-engine block of six (a full vector of four and a
    /// partial one): populations and DC money add up.
    @Test(arguments: 0..<5)
    func identitiesHoldOnEveryLaneOfABlock(policy index: Int) throws {
        let inputs = Fixture.inputs(horizon: 30, volatility: 0.02, kappaVolatility: 0.02, dc: IdentityTests.policies[index].1)
        let mc = try MonteCarloProjection(inputs: inputs, engine: .lanes)
        let block = try mc.runBlock(10..<16, seeds: .init(master: 77))
        for (j, results) in block.results.enumerated() {
            for r in results {
                for t in 0..<30 {
                    let l = r.ledger[t]
                    let tol = 1e-9 * max(1, r[.actives, t])
                    #expect(abs(r[.actives, t + 1] - (r[.actives, t] - l.activeExits + l.activeEntries)) <= tol, "path \(10 + j) \(2020 + t)")
                    #expect(abs(r[.pensioners, t + 1] - (r[.pensioners, t] - l.pensionerExits + l.pensionerEntries)) <= tol, "path \(10 + j) \(2020 + t)")
                    #expect(abs(r[.survivors, t + 1] - (r[.survivors, t] - l.survivorExits + l.survivorEntries)) <= tol, "path \(10 + j) \(2020 + t)")
                    #expect(abs(r[.deferred, t + 1] - (r[.deferred, t] - l.deferredExits + l.deferredEntries)) <= tol, "path \(10 + j) \(2020 + t)")
                    let f = r.dcFlows[t]
                    let expected = r[.dcFundAssets, t] + f.contributions + f.returns + f.bondsRedeemedIntoAccounts
                        - (f.annuityPurchases + f.lumpSums + f.deathBenefits + f.cashWithdrawals)
                    #expect(abs(r[.dcFundAssets, t + 1] - expected) <= 1e-9 * max(1, abs(expected)), "path \(10 + j) \(2020 + t)")
                }
            }
        }
    }
}
