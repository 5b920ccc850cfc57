import Foundation
import PensiunInputs
import Testing
@testable import PensiunEngine

/// Both engines (the lane engine and the general per-path engine) against the readable
/// per-member reference on every yearly output (``ReferenceComparison``), to 1e-9 relative, on a
/// block of five paths (docs/model.md Part II, "Two engines, one model").
@Suite struct ReferenceEngineTests {
    struct Case: Sendable {
        let name: String
        let dc: DCRules?
        let kappa: Double
        /// Years added to the reform's retirement ages.
        var delay = 0
        var target: HeadcountTarget = .growth(0.01)
        /// Three pay levels on the first track (``payLevels``).
        var payLevels = false
        /// `reform.financing` (issue 21): the transition debt metrics, or not applicable.
        var financing: TransitionFinancing = .none
    }

    /// Pay levels 0.5, 1 and 1.5 of the salary scale with shares 30%, 40% and 30% (issue 20): the
    /// DB floor and the DC guarantee bind for the low level.
    static let payLevels = [PayLevel(name: "low", multiplier: 0.5, share: 0.3), PayLevel(name: "mid", multiplier: 1, share: 0.4),
                            PayLevel(name: "high", multiplier: 1.5, share: 0.3)]

    /// The reform-year cases include members joining in the reform year (entry year = y_r, DC
    /// members from entry, docs/model.md §6 and §11); ``MembershipTests`` has more of them.
    static let cases: [Case] = [
        Case(name: "current scheme only", dc: nil, kappa: 0),
        Case(name: "new entrants, frozen DB, deterministic mortality", dc: Fixture.dc(), kappa: 0),
        Case(name: "new entrants, frozen DB, stochastic mortality", dc: Fixture.dc(), kappa: 0.05),
        Case(name: "switch under 40, recognition bonds, financed by borrowing",
             dc: Fixture.dc(transition: .switchUnderAge(40), rights: .recognitionBond(rate: 0.05)), kappa: 0.05, financing: .borrowing),
        Case(name: "all, frozen on final salary, lump sums, joiners in the reform year",
             dc: Fixture.dc(transition: .all, rights: .frozenDB(finalSalary: true), payout: .lumpSum), kappa: 0.03),
        Case(name: "supplementary, cash withdrawals, no guarantee", dc: Fixture.dc(transition: .supplementary, guarantee: nil, withdrawal: .cash), kappa: 0.03),
        Case(name: "all switch at y0, bonds", dc: Fixture.dc(transition: .all, rights: .recognitionBond(rate: 0.04), year: 2020), kappa: 0.02),
        Case(name: "switch under 40, retirement two years later", dc: Fixture.dc(transition: .switchUnderAge(40), rights: .recognitionBond(rate: 0.05)),
             kappa: 0.05, delay: 2),
        Case(name: "parametric: retirement two years later, no DC, financed by borrowing", dc: nil, kappa: 0.03, delay: 2,
             financing: .borrowing),
        Case(name: "new entrants, escalating annuities, DC on basic salary", dc: escalatingOnBasicSalary, kappa: 0.02),
        Case(name: "switch under 40, bonds, joint and survivor 0.5, escalating", dc: jointAndSurvivor, kappa: 0.03),
        Case(name: "switch under 40, bonds, pay levels", dc: Fixture.dc(transition: .switchUnderAge(40), rights: .recognitionBond(rate: 0.05)),
             kappa: 0.03, payLevels: true),
        Case(name: "parametric: retirement a year later, pay levels", dc: nil, kappa: 0.02, delay: 1, payLevels: true),
    ]

    /// Joint-and-survivor annuities (f = 0.5, issue 20) escalating at 2%, bought by switchers,
    /// entrants and deferred members.
    static var jointAndSurvivor: DCRules {
        var dc = Fixture.dc(transition: .switchUnderAge(40), rights: .recognitionBond(rate: 0.05))
        dc.survivorFraction = 0.5
        dc.annuityEscalation = 0.02
        return dc
    }

    /// A DC whose annuities escalate at 2% and whose contributions are on basic salary (m_DC = 1).
    static var escalatingOnBasicSalary: DCRules {
        var dc = Fixture.dc()
        dc.annuityEscalation = 0.02
        dc.onTakeHomePay = false
        return dc
    }

    /// The scheme of a case: horizon 35, a DB reserve, allowances on every DB-type award.
    static func inputs(_ c: Case) -> ProjectionInputs {
        var inputs = Fixture.inputs(horizon: 35, volatility: 0.02, kappaVolatility: c.kappa, dc: c.dc, target: c.target)
        inputs.reform.retirementAges = inputs.reform.retirementAges.map { ByYear($0(2020) + c.delay) }
        inputs.current.db.destination = .reserve
        inputs.reform.db.destination = .reserve
        inputs.current.db.pensionAllowance = 0.12
        inputs.current.db.survivorAllowance = 0.06
        inputs.reform.db.pensionAllowance = 0.12
        inputs.reform.db.survivorAllowance = 0.06
        // The like-for-like basis: 13 salaries a year, 15% allowances on pay, a dated take-home multiplier.
        inputs.pay = PayInputs(salaryPaymentsPerYear: 13, allowances: 0.15)
        inputs.tracks[1].takeHomeMultiplier = ByYear(steps: [(2020, 1.5), (2030, 1.8)])
        if c.payLevels { inputs.tracks[0].payLevels = payLevels }
        // Who pays: regional shares on both tracks (issue 21), so burden_regional is not zero.
        inputs.tracks[0].regionalShare = 0.6
        inputs.tracks[1].regionalShare = 0.25
        inputs.valuation.financing = c.financing
        return inputs
    }

    @Test(arguments: cases.indices)
    func bothEnginesMatchTheReferenceOnEveryOutput(case index: Int) throws {
        let c = Self.cases[index]
        let inputs = Self.inputs(c)
        let lanes = try MonteCarloProjection(inputs: inputs, engine: .lanes)
        // The lane engine shares the active sums of the two schemes exactly when their demography
        // is the same (here: the same retirement ages).
        // (A DC paying survivors is projected by the general engine only: no lane plans.)
        let laneEngine = (c.dc?.survivorFraction ?? 0) == 0
        #expect(lanes.sharedDemography == (c.delay == 0 && laneEngine))
        #expect((lanes.plans != nil) == laneEngine)
        // With no DC and the same retirement ages the reform is the current scheme: projected once.
        #expect(lanes.sameSchemes == (c.dc == nil && c.delay == 0))
        let mismatches = try ReferenceComparison.compare(c.name, inputs)
        #expect(mismatches.isEmpty, "\(ReferenceComparison.describe(mismatches))")
    }
}
