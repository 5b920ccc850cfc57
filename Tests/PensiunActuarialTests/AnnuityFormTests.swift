import Foundation
import Testing
@testable import PensiunActuarial

/// The annuity forms against sums written out here independently: every payment date, its
/// discount factor by `pow`, its probability as a product of one-year survival probabilities
/// (no recursion, no code of the pricer).
@Suite("Annuity forms: single life, joint and survivor on the spouse model, guaranteed")
struct AnnuityFormTests {
    let husband: LifeTable
    let wife: LifeTable

    init() throws {
        husband = LifeTable(try MortalityTable.loadCSV(path: tmiPath, sex: .male))
        wife = LifeTable(try MortalityTable.loadCSV(path: tmiPath, sex: .female))
    }

    /// The probability of leaving a spouse used below: falls with age, 0.85 at 50, 0.35 at 100.
    static func marriage(_ age: Int) -> Double { min(1, max(0, 0.85 - 0.01 * Double(age - 50))) }

    /// Π_{w<u} (1 − q(w)): the probability of surviving u whole years on rates q(w) by year.
    static func survive(_ u: Int, _ q: (Int) -> Double) -> Double {
        (0..<u).reduce(1.0) { $0 * (1 - q($1)) }
    }

    /// The m-thly annuity-due of 1 a year on rates q(w) (w years after its start, the last age
    /// `years` − 1 with certain death), starting `start` years after time 0, valued at time 0 at
    /// rate i, summed over every payment date: UDD within each year (`udd`), or the annual sum
    /// minus (m−1)/(2m) (two-term Woolhouse, the figure of docs/model.md §6).
    static func lifeAnnuity(i: Double, m: Int, udd: Bool, start: Int, years: Int, q: (Int) -> Double) -> Double {
        var total = 0.0
        for w in 0..<years {
            let alive = survive(w, q)
            let qw = w == years - 1 ? 1 : q(w)
            if udd {
                for j in 0..<m {
                    let s = Double(j) / Double(m)
                    total += pow(1 + i, -(Double(start + w) + s)) * alive * (1 - s * qw) / Double(m)
                }
            } else {
                total += pow(1 + i, -Double(start + w)) * alive
            }
        }
        return udd ? total : total - pow(1 + i, -Double(start)) * Double(m - 1) / Double(2 * m)
    }

    /// The joint-and-survivor annuity on the spouse model as a double sum: the annuitant's
    /// annuity, plus for each year k of death the probability ₖpₓ·q_{x+k}·m(x+k) times the
    /// spouse's annuity from year k+1, the spouse aged min(max(x+k+1+Δ, lo), hi) with rates
    /// qs(age, year).
    static func jointAndSurvivorByHand(
        i: Double, m: Int, udd: Bool, f: Double, x: Int, member: LifeTable, gap: Int,
        spouseAges: ClosedRange<Int>, qs: (Int, Int) -> Double
    ) -> Double {
        let n = member.lastAge - x + 1
        let qm = { (k: Int) in member.q(x + k) }
        var value = lifeAnnuity(i: i, m: m, udd: udd, start: 0, years: n, q: qm)
        for k in 0..<n {
            let death = survive(k, qm) * (k == n - 1 ? 1 : qm(k)) * marriage(x + k)
            let z = min(max(x + k + 1 + gap, spouseAges.lowerBound), spouseAges.upperBound)
            let spouse = lifeAnnuity(i: i, m: m, udd: udd, start: k + 1, years: spouseAges.upperBound - z + 1,
                                     q: { u in qs(z + u, k + 1 + u) })
            value += f * death * spouse
        }
        return value
    }

    @Test("Joint and survivor on the spouse model = the double sum, annual, monthly UDD and ä − 11/24, TMI IV, 7%")
    func jointAndSurvivorAgainstDoubleSum() throws {
        let rate = try InterestRate(0.07)
        for (m, method, udd) in [(1, MthlyMethod.woolhouse2, false), (12, .woolhouse2, false), (12, .uddExact, true), (4, .uddClosedForm, true)] {
            let pricer = try AnnuityFormPricer(rate: rate, paymentsPerYear: m, method: method)
            // Δ = −3 (a younger wife); Δ = +30 from 90 puts every spouse at the closing age 111.
            for (x, gap, f) in [(60, -3, 0.6), (58, -3, 1.0), (90, 30, 0.5), (111, -3, 0.6)] {
                let priced = try pricer.price(.jointAndSurvivor(fraction: f), member: husband, age: x,
                                              survivor: wife, ageGap: gap, spouseProbability: Self.marriage)
                let byHand = Self.jointAndSurvivorByHand(i: 0.07, m: m, udd: udd, f: f, x: x, member: husband, gap: gap,
                                                         spouseAges: wife.firstAge...wife.lastAge, qs: { a, _ in wife.q(a) })
                #expect(close(priced, byHand, 1e-12), "m = \(m) \(method), x = \(x), Δ = \(gap): \(priced) vs \(byHand)")
            }
        }
        // A man of 60, a wife 3 years younger, 60% to her (docs/actuarial.md quotes the figures):
        // dearer than his single life, cheaper than 60% of her whole-life annuity on top of it.
        let monthly = try AnnuityFormPricer(rate: rate)
        let single = try monthly.price(.singleLife, member: husband, age: 60)
        let joint = try monthly.price(.jointAndSurvivor(fraction: 0.6), member: husband, age: 60,
                                      survivor: wife, ageGap: -3, spouseProbability: Self.marriage)
        #expect(close(single, husband.annuityDue(60, rate: rate) - 11.0 / 24, 1e-12))
        #expect(joint > single && joint < single + 0.6 * wife.annuityDue(57, rate: rate))
    }

    @Test("The spouse's age clamped up to the survivors' youngest age, and year-dependent rates along the diagonal")
    func clampAndCohortRates() throws {
        let rate = try InterestRate(0.05)
        // The wife's table starts at 50: a man of 55 with Δ = −12 leaves a spouse aged 44…49
        // (clamped to 50) in his first years, then 50, 51, … on the diagonal.
        let young = LifeTable(try wife.mortality.starting(atAge: 50))
        // Rates improving by 2% a year of the projection, as on a cohort's diagonal.
        let qs = { (a: Int, t: Int) in a == young.lastAge ? 1 : young.q(a) * pow(0.98, Double(t)) }
        for (m, method, udd) in [(1, MthlyMethod.woolhouse2, false), (12, .woolhouse2, false), (12, .uddExact, true)] {
            let pricer = try AnnuityFormPricer(rate: rate, paymentsPerYear: m, method: method)
            let n = husband.lastAge - 55 + 1
            let priced = pricer.jointAndSurvivor(fraction: 0.75, age: 55, years: n, member: { husband.q(55 + $0) },
                                                 spouseProbability: Self.marriage, ageGap: -12,
                                                 spouseAges: young.firstAge...young.lastAge, spouse: qs)
            let byHand = Self.jointAndSurvivorByHand(i: 0.05, m: m, udd: udd, f: 0.75, x: 55, member: husband, gap: -12,
                                                     spouseAges: young.firstAge...young.lastAge, qs: qs)
            #expect(close(priced, byHand, 1e-12), "m = \(m) \(method): \(priced) vs \(byHand)")
        }
    }

    @Test("f = 0 and a guarantee of 0 years give the single-life price exactly; single life = LifeTable's ä^(m)")
    func degenerateForms() throws {
        let rate = try InterestRate(0.07)
        for (m, method) in [(1, MthlyMethod.uddExact), (12, .woolhouse2), (12, .uddExact), (12, .uddClosedForm), (4, .woolhouse2)] {
            let pricer = try AnnuityFormPricer(rate: rate, paymentsPerYear: m, method: method)
            for x in [55, 60, 65, 80, 111] {
                let single = try pricer.price(.singleLife, member: husband, age: x)
                #expect(try pricer.price(.jointAndSurvivor(fraction: 0), member: husband, age: x) == single)
                #expect(try pricer.price(.jointAndSurvivor(fraction: 0), member: husband, age: x, survivor: wife, ageGap: -3,
                                         spouseProbability: Self.marriage) == single)
                #expect(try pricer.price(.guaranteed(years: 0), member: husband, age: x) == single)
                // Against LifeTable's own m-thly annuity (another implementation).
                #expect(close(single, husband.annuityDue(x, paymentsPerYear: m, rate: rate, method: method), 1e-12),
                        "m = \(m) \(method), x = \(x)")
                // No spouse is ever left: the joint-and-survivor price is the single-life price.
                #expect(close(try pricer.price(.jointAndSurvivor(fraction: 1), member: husband, age: x, survivor: wife,
                                               spouseProbability: { _ in 0 }), single, 1e-15))
            }
        }
    }

    @Test("Guaranteed n years = the certain sum over n years + the life sum from n on")
    func guaranteedAgainstSums() throws {
        let rate = try InterestRate(0.07)
        for (m, method, udd) in [(1, MthlyMethod.woolhouse2, false), (12, .woolhouse2, false), (12, .uddExact, true)] {
            let pricer = try AnnuityFormPricer(rate: rate, paymentsPerYear: m, method: method)
            for (x, n) in [(60, 5), (60, 10), (65, 20), (105, 10), (100, 60)] {
                let certain = (0..<n).reduce(0.0) { sum, k in
                    sum + (0..<m).reduce(0.0) { $0 + pow(1.07, -(Double(k) + Double($1) / Double(m))) / Double(m) }
                }
                let years = husband.lastAge - x + 1
                let life = (n..<max(n, years)).reduce(0.0) { sum, k in
                    let alive = Self.survive(k) { husband.q(x + $0) }
                    let qk = husband.q(x + k)
                    return sum + (0..<m).reduce(0.0) { acc, j in
                        let s = Double(j) / Double(m)
                        return acc + pow(1.07, -(Double(k) + s)) * alive * (udd ? 1 - s * qk : 1) / Double(m)
                    }
                }
                let priced = try pricer.price(.guaranteed(years: n), member: husband, age: x)
                if udd {
                    #expect(close(priced, certain + life, 1e-12), "x = \(x), n = \(n)")
                } else {
                    // Two-term Woolhouse on each term: ä_{n⌉} − c(1 − vⁿ) and ₙEₓ(ä_{x+n} − c).
                    let c = Double(m - 1) / Double(2 * m)
                    let annualCertain = rate.annuityCertainDue(n)
                    let deferred = husband.deferredAnnuityDue(x, deferredYears: n, rate: rate)
                    let endowment = x + n > husband.lastAge ? 0 : husband.pureEndowment(x, years: n, rate: rate)
                    let expected = annualCertain - c * (1 - pow(1.07, -Double(n))) + deferred - c * endowment
                    #expect(close(priced, expected, 1e-12), "x = \(x), n = \(n): \(priced) vs \(expected)")
                    if m == 1 { #expect(close(priced, certain + life, 1e-12)) }
                }
            }
        }
        // A guarantee longer than any life is the annuity-certain.
        let monthly = try AnnuityFormPricer(rate: rate, paymentsPerYear: 12, method: .uddExact)
        #expect(close(try monthly.price(.guaranteed(years: 60), member: husband, age: 100),
                      rate.annuityCertainDue(60) * monthly.base.instalmentWeight, 1e-12))
        #expect(try monthly.price(.guaranteed(years: 10), member: husband, age: 60) > monthly.price(.singleLife, member: husband, age: 60))
    }

    /// The spouse model and the textbook reversionary annuity coincide when the spouse is aged
    /// y = x + Δ at the start and "leaving a spouse" at a death in year k means the spouse has
    /// survived to k+1: m(x+k) = ₖ₊₁p_y. Then, annually,
    ///
    ///     Σ_k v^{k+1}·ₖpₓ·q_{x+k}·ₖ₊₁p_y·ä_{y+k+1} = Σ_j v^j·ⱼp_y·(1 − ⱼpₓ) = ä_y − ä_xy
    ///
    /// (a payment at j ≥ 1 reaches the spouse iff the annuitant died in some year k < j and the
    /// spouse is alive at j: Σ_{k<j} ₖpₓ·q_{x+k} = 1 − ⱼpₓ).
    @Test("The spouse model with m(x+k) = ₖ₊₁p_y is the reversionary annuity ä_x + f(ä_y − ä_xy) of JointLife")
    func limitingCaseIsReversionary() throws {
        let rate = try InterestRate(0.04)
        let annual = try AnnuityFormPricer(rate: rate, paymentsPerYear: 1)
        for (x, y, f) in [(60, 57, 0.6), (65, 65, 1.0), (58, 62, 0.5)] {
            let coinciding = try annual.price(.jointAndSurvivor(fraction: f), member: husband, age: x, survivor: wife, ageGap: y - x,
                                              spouseProbability: { wife.survival($0 - x + 1, from: y) })
            let textbook = husband.annuityDue(x, rate: rate)
                + f * JointLife.reversionaryAnnuityDue(member: husband, age: x, survivor: wife, age: y, rate: rate)
            #expect(close(coinciding, textbook, 1e-12), "(\(x), \(y)): \(coinciding) vs \(textbook)")
            #expect(close(try annual.reversionaryOnSpouseAliveAtStart(fraction: f, member: husband, age: x, survivor: wife, age: y),
                          textbook, 1e-12))
            // A spouse always left (m ≡ 1) is worth more than one who must survive from the start.
            let always = try annual.price(.jointAndSurvivor(fraction: f), member: husband, age: x, survivor: wife, ageGap: y - x,
                                          spouseProbability: { _ in 1 })
            #expect(always > textbook)
        }
        // Under ä − 11/24 the corrections cancel in ä_y − ä_xy: the textbook form is ä^(12)_x + f·ä_{x|y}.
        let monthly = try AnnuityFormPricer(rate: rate)
        let textbook = try monthly.reversionaryOnSpouseAliveAtStart(fraction: 0.6, member: husband, age: 60, survivor: wife, age: 57)
        #expect(close(textbook, husband.annuityDue(60, rate: rate) - 11.0 / 24
                      + 0.6 * JointLife.reversionaryAnnuityDue(member: husband, age: 60, survivor: wife, age: 57, rate: rate), 1e-12))
        // Under UDD the joint status is one life with q_xy = 1 − pₓp_y: against the monthly sum.
        let udd = try AnnuityFormPricer(rate: rate, paymentsPerYear: 12, method: .uddExact)
        let jointQ = { (k: Int) in 1 - husband.p(60 + k) * wife.p(57 + k) }
        let expected = Self.lifeAnnuity(i: 0.04, m: 12, udd: true, start: 0, years: husband.lastAge - 60 + 1, q: { husband.q(60 + $0) })
            + 0.6 * (Self.lifeAnnuity(i: 0.04, m: 12, udd: true, start: 0, years: wife.lastAge - 57 + 1, q: { wife.q(57 + $0) })
                     - Self.lifeAnnuity(i: 0.04, m: 12, udd: true, start: 0, years: min(husband.lastAge - 60, wife.lastAge - 57) + 1, q: jointQ))
        #expect(close(try udd.reversionaryOnSpouseAliveAtStart(fraction: 0.6, member: husband, age: 60, survivor: wife, age: 57),
                      expected, 1e-12))
    }

    @Test("Forms and arguments outside their domain are refused with a message")
    func errors() throws {
        let pricer = try AnnuityFormPricer(rate: try InterestRate(0.05))
        #expect(errorMessage { _ = try pricer.price(.jointAndSurvivor(fraction: 1.5), member: husband, age: 60) }
                == "the survivor's fraction of a joint-and-survivor annuity must be between 0 and 1, got 1.5")
        #expect(errorMessage { _ = try AnnuityForm.jointAndSurvivor(fraction: .nan).validated() }
                == "the survivor's fraction of a joint-and-survivor annuity must be between 0 and 1, got nan")
        #expect(errorMessage { _ = try pricer.price(.guaranteed(years: -1), member: husband, age: 60) }
                == "the guaranteed period of an annuity must be 0 or more years, got -1")
        #expect(errorMessage { _ = try pricer.price(.jointAndSurvivor(fraction: 0.5), member: husband, age: 60) }
                == "a joint-and-survivor annuity needs the spouse model: the survivors' table and the probability of leaving a spouse")
        #expect(errorMessage { _ = try pricer.price(.singleLife, member: husband, age: 112) }
                == "age 112 is outside the table's ages 0-111")
        #expect(errorMessage { _ = try pricer.reversionaryOnSpouseAliveAtStart(fraction: 0.5, member: husband, age: 60, survivor: wife, age: 120) }
                == "ages 60 and 120 must lie within the tables' ages 0-111 and 0-111")
        #expect(errorMessage { _ = try AnnuityFormPricer(rate: try InterestRate(0.05), method: .woolhouse3) } != nil)
        #expect(errorMessage { _ = try AnnuityFormPricer(rate: try InterestRate(0.05), paymentsPerYear: 0) }
                == "payments per year must be at least 1, got 0")
        #expect(AnnuityForm.guaranteed(years: 5).description == "single life guaranteed 5 years")
    }
}
