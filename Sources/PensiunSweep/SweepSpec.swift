import PensiunEngine
import PensiunScenario

/// A sweep file, read and checked: the base scenario, the parameters and their values, the design,
/// and what to record of every variant (docs/sweeps.md).
public struct SweepSpec: Sendable {
    /// `name:`, or the file name without extension.
    public var name: String
    /// The sweep file as given.
    public var file: String
    /// The base scenario, composed once.
    public var template: ScenarioTemplate
    /// `set:`: values laid over the base for every variant.
    public var fixed: [ScenarioOverride]
    /// The base scenario with `set:`, checked.
    public var base: Scenario
    public var parameters: [SweepParameter]
    public var design: SweepDesign
    /// `samples:`: the number of variants of a random, sobol, halton or latin_hypercube design.
    public var samples: Int?
    /// Monte Carlo paths of every variant (default: the base's simulation.paths).
    public var paths: Int
    /// The master seed of every variant (default: the base's simulation.seed): every variant sees
    /// the same path seeds (common random numbers). Random designs draw from a stream derived from it.
    public var seed: UInt64
    public var outputs: SweepOutputs
    public var sensitivity: SensitivitySettings
}

/// How the variants are chosen.
public enum SweepDesign: String, CaseIterable, Sendable {
    /// Every combination of the parameters' values (the last parameter varies fastest).
    case grid
    /// `samples` independent points drawn with GSL.
    case random
    /// The first `samples` points of GSL's Sobol sequence (after its initial point at the origin).
    case sobol
    /// The first `samples` points of GSL's Halton sequence.
    case halton
    /// A Latin hypercube of `samples` points (one point in each of `samples` equal-probability
    /// slices of every parameter), permutations drawn with GSL.
    case latinHypercube = "latin_hypercube"
}

/// One swept parameter: the scenario keys it sets (all to the same value) and its values.
public struct SweepParameter: Sendable {
    /// The column name in `variants.csv` (`name:`, default the first key).
    public var name: String
    /// Scenario key paths, such as `reform.dc.employer_rate`.
    public var keys: [String]
    public var domain: ParameterDomain
    /// Round generated values to whole numbers (`integer: true`).
    public var integer: Bool
    /// Where the values were written: the `values`, `range` or `distribution` node.
    public var location: SourceLocation
    /// The locations of the items of a `values` list.
    public var valueLocations: [SourceLocation]
    /// `parameters[i]`.
    public var keyPath: String
    /// Where each key was written.
    public var keyLocations: [SourceLocation]

    public init(name: String, keys: [String], domain: ParameterDomain, integer: Bool, location: SourceLocation,
                valueLocations: [SourceLocation], keyPath: String, keyLocations: [SourceLocation]) {
        self.name = name
        self.keys = keys
        self.domain = domain
        self.integer = integer
        self.location = location
        self.valueLocations = valueLocations
        self.keyPath = keyPath
        self.keyLocations = keyLocations
    }
}

/// The values a parameter takes.
public enum ParameterDomain: Sendable, Equatable {
    /// A list of values, as written (numbers or words such as `prices`).
    case values([String])
    /// `steps` evenly spaced numbers from `from` to `to`, both included.
    case range(from: Double, to: Double, steps: Int)
    /// Uniform on [a, b].
    case uniform(Double, Double)
    /// Normal with the given mean and standard deviation, optionally truncated to [min, max].
    case normal(mean: Double, sd: Double, min: Double?, max: Double?)

    /// The finite set of values of a list or a range; nil for a distribution.
    public var discreteValues: [String]? {
        switch self {
        case let .values(v): return v
        case let .range(from, to, steps):
            return (0..<steps).map { i in
                let x = from + (to - from) * Double(i) / Double(steps - 1)
                return ParameterDomain.text(Double(String(format: "%.12g", x)) ?? x)
            }
        case .uniform, .normal: return nil
        }
    }

    /// A number as written into the scenario: whole numbers without a decimal point, others in
    /// Swift's shortest round-trip form.
    public static func text(_ value: Double) -> String { YAMLCursor.format(value) }
}

/// `outputs:`: what every variant records.
public struct SweepOutputs: Sendable {
    /// The schemes of the metrics (default both).
    public var schemes: [Scheme]
    /// Metrics and the calendar years recorded, in file order.
    public var metrics: [(metric: Metric, years: [Int])]
    /// Per-path summaries, and last-decade replacement averages (one per scheme).
    public var summaries: [Quantity]
    /// Bare statistics applied to every output (`mean`, `p95`, `P(<0)`).
    public var statistics: [StatisticExpression]
    /// Statistics of named outputs (`P(pv_difference < 0)`, `mean(budget_burden@2050)`,
    /// `P(burden_pct_gdp > 0.01 any year)`), one row each (per scheme when none is written).
    public var expressions: [StatisticExpression]
}

/// `sensitivity:`: the Sobol indices study run by `pensiun sensitivity`.
public struct SensitivitySettings: Sendable {
    /// The outputs whose variance is decomposed (statistics of a quantity across paths).
    public var outputs: [StatisticExpression]
    /// N, the base sample: the study runs N (d + 2) variants.
    public var samples: Int?
    /// Bootstrap replicates of the confidence intervals.
    public var bootstrap: Int
    /// Confidence level of the intervals.
    public var confidence: Double
    /// The design of the matrices A and B (not grid).
    public var design: SweepDesign

    /// The default outputs: PV of the burden of each scheme, their difference, the median DC
    /// replacement rate (last-decade average).
    public static let defaultOutputs: [StatisticExpression] = [
        StatisticExpression(statistic: .mean, quantity: Quantity(name: .summary(.value(.pvBurdenCurrent)))),
        StatisticExpression(statistic: .mean, quantity: Quantity(name: .summary(.value(.pvBurdenReform)))),
        StatisticExpression(statistic: .mean, quantity: Quantity(name: .summary(.value(.pvDifference)))),
        StatisticExpression(statistic: .quantile(0.5), quantity: Quantity(name: .metric(.replacementRateDC), scheme: .reform)),
    ]
}
