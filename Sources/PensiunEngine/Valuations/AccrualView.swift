import PensiunInputs
import PensiunMonteCarlo

/// The accrual view beside the cash view (issue 21): each scheme's accrued liability
/// (``HorizonLiability``, the implicit debt's basis) at the start of every tenth year of the
/// window and at its end, on the deterministic path, and how it moves between two of them,
///
///     L_{k+1} = L_k + interest_k + service cost_k − benefits_k
///
/// with, over the years u of the interval [Y_k, Y_{k+1}) and j_u the implicit debt's rate in
/// year u (the fixed rate, or the yield known at its start):
///
///     benefits_k = Σ_u P_u      the DB-type payments and bond redemptions of the deterministic run
///     interest_k = L_k (Π_u (1 + j_u) − 1) − Σ_u P_u ((1 + j_u)^{1/2} Π_{w>u} (1 + j_w) − 1)
///     service cost_k = L_{k+1} − L_k − interest_k + benefits_k
///
/// Interest is what the opening liability earns less what the payments, made at mid-year, no
/// longer earn; the service cost is the residual: the rights earned in the interval, by new
/// entrants too, and the experience against the frozen rights' basis (final salaries, deaths).
/// All amounts are nominal, in currency of the years in which they fall.
public struct AccrualView: Sendable, Equatable {
    public struct Interval: Sendable, Equatable {
        public var from: Int
        public var to: Int
        public var opening: Double
        public var interest: Double
        public var serviceCost: Double
        public var benefits: Double
        public var closing: Double
    }

    /// The valuation years: y0, y0 + 10, …, and y0 + H.
    public var years: [Int]
    /// The liability of each scheme (by raw value) at each year; nil where it cannot be valued.
    public var liability: [[HorizonLiability?]]
    /// The intervals between consecutive years, per scheme; nil where either end is nil.
    public var intervals: [[Interval?]]

    /// The valuation years of a window y0 … y0+H−1: every tenth year from y0, and y0 + H.
    public static func years(startYear y0: Int, horizon h: Int) -> [Int] {
        Array(stride(from: y0, to: y0 + h, by: 10)) + [y0 + h]
    }

    /// Values `inputs`' two schemes at ``years(startYear:horizon:)`` on up to `threads` threads
    /// (the same numbers whatever the count).
    public static func compute(_ inputs: ProjectionInputs, threads: Int) throws -> AccrualView {
        let y0 = inputs.calendar.startYear, h = inputs.calendar.horizon
        let years = years(startYear: y0, horizon: h)
        // A reform with the current scheme's rules (a baseline) is valued once.
        let schemes: [Scheme] = inputs.reform == inputs.current ? [.current] : Scheme.allCases
        let jobs = schemes.flatMap { s in years.map { (s, $0) } }
        let values = ParallelBlocks.map(count: jobs.count, blockSize: 1, threads: threads) { i in
            Result { try HorizonLiability.value(inputs, scheme: jobs[i].0, year: jobs[i].1) }
        }
        var liability: [[HorizonLiability?]] = Scheme.allCases.map { _ in [] }
        for (i, v) in values.enumerated() { liability[jobs[i].0.rawValue].append(try v.get()) }
        if schemes.count == 1 { liability[Scheme.reform.rawValue] = liability[Scheme.current.rawValue] }
        let (current, reform, drivers) = try MonteCarloProjection(inputs: inputs.deterministicOnly).deterministic()
        let fixed = inputs.valuation.debtDiscountRate
        let rate = (0..<h).map { fixed ?? drivers.yieldAtStart($0) }
        let intervals = Scheme.allCases.map { s in
            let run = s == .current ? current : reform
            return (0..<(years.count - 1)).map { k -> Interval? in
                guard let open = liability[s.rawValue][k], let close = liability[s.rawValue][k + 1] else { return nil }
                let from = years[k] - y0, to = years[k + 1] - y0
                var growth = 1.0, lost = 0.0, paid = 0.0
                for u in (from..<to).reversed() {
                    let p = run[.dbBenefits, u] + run[.bondRedemptions, u]
                    paid += p
                    lost += p * ((1 + rate[u]).squareRoot() * growth - 1)
                    growth *= 1 + rate[u]
                }
                let interest = open.atHorizon * (growth - 1) - lost
                return Interval(from: years[k], to: years[k + 1], opening: open.atHorizon, interest: interest,
                                serviceCost: close.atHorizon - open.atHorizon - interest + paid, benefits: paid,
                                closing: close.atHorizon)
            }
        }
        return AccrualView(years: years, liability: liability, intervals: intervals)
    }
}
