import PensiunScenario

/// `pensiun solve`: the value of a policy lever at which a target on a statistic across paths
/// starts to hold, by bracketing and bisection. Every evaluation runs the same paths (common random
/// numbers), so the statistic is a deterministic function of the lever and bisection is exact on
/// it; the Monte Carlo standard error says how far that function may sit from the true one.
public enum LeverSolver {
    /// One run: the lever's value, the statistic and whether the target holds.
    public struct Evaluation: Sendable, Equatable {
        public let lever: Double
        public let statistic: EstimatedStatistic
        public let met: Bool
    }

    public struct Solution: Sendable {
        /// The lever's value that meets the target, nearest to where it stops being met.
        public let value: Double
        public let atValue: Evaluation
        /// The nearest evaluated value that fails the target (the other end of the final bracket).
        public let failing: Evaluation
        /// Every run, in order.
        public let evaluations: [Evaluation]
        /// False when `maxRuns` ran out before the bracket shrank to the tolerance.
        public let converged: Bool
    }

    public enum Failure: Error, Sendable {
        /// The target fails at both ends of the bracket.
        case neverMet(Evaluation, Evaluation)
        /// The target holds at both ends: its boundary lies outside the bracket.
        case alwaysMet(Evaluation, Evaluation)
        /// The statistic has no value (no path has one) at this lever value.
        case undefined(Evaluation)
    }

    /// Finds the boundary of `target` for a lever in [low, high]: evaluates both ends (they must
    /// disagree), then halves the bracket at its midpoint (rounded to 12 significant digits, or
    /// down to a whole number with `integer`), keeping one end that meets the target and one that
    /// fails it, until it is no wider than `tolerance` (with `integer`, until the ends are
    /// neighbours) or `maxRuns` runs are spent. The statistic is assumed monotone in the lever.
    public static func solve(
        target: Target, low: Double, high: Double, tolerance: Double, integer: Bool = false, maxRuns: Int = 60,
        evaluate: (Double) throws -> EstimatedStatistic
    ) throws -> Solution {
        var evaluations: [Evaluation] = []
        func run(_ x: Double) throws -> Evaluation {
            let s = try evaluate(x)
            let e = Evaluation(lever: x, statistic: s, met: !s.value.isNaN && target.isMet(by: s.value))
            evaluations.append(e)
            if s.value.isNaN { throw Failure.undefined(e) }
            return e
        }
        var a = try run(integer ? low.rounded() : low)
        var b = try run(integer ? high.rounded() : high)
        if !a.met && !b.met { throw Failure.neverMet(a, b) }
        if a.met && b.met { throw Failure.alwaysMet(a, b) }
        func narrow() -> Bool { integer ? abs(b.lever - a.lever) <= 1 : abs(b.lever - a.lever) <= tolerance }
        while !narrow(), evaluations.count < maxRuns {
            // The midpoint, to 12 significant digits (0.08220703125 rather than 0.08220703124999999).
            let half = (a.lever + b.lever) / 2
            let mid = integer ? half.rounded(.down) : (Double(String(format: "%.12g", half)) ?? half)
            if mid <= a.lever || mid >= b.lever { break }
            let m = try run(mid)
            if m.met == a.met { a = m } else { b = m }
        }
        let (good, bad) = a.met ? (a, b) : (b, a)
        return Solution(value: good.lever, atValue: good, failing: bad, evaluations: evaluations, converged: narrow())
    }
}
