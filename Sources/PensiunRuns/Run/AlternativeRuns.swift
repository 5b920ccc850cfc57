import PensiunEngine
import PensiunInputs
import PensiunReporting
import PensiunScenario

/// The deterministic alternatives of a run (`reporting.alternatives`, docs/model.md §8): the base
/// case and each alternative of the scenario projected on one path with every volatility zero and
/// process risk off. `run` and `merge` compute them (a shard does not: its merge does); each is
/// the run of the scenario with `--set` of the alternative's entries and of
/// ``ScenarioAlternative/deterministicOverrides`` over path 0 of the run's seed, bit for bit.
public enum AlternativeRuns {
    /// An alternative whose scenario has been read and checked, ready to project.
    public struct Planned: Sendable {
        public let alternative: ScenarioAlternative
        public let inputs: ProjectionInputs
    }

    /// The alternatives of `loaded` (the scenario `template` resolves to), base case first; empty
    /// when it names none. Throws the `ScenarioError` of an alternative whose overrides the
    /// scenario rejects, located where its entry was written. Called before anything is written.
    public static func plan(_ template: ScenarioTemplate, loaded: Scenario) throws -> [Planned] {
        try template.alternatives(of: loaded).map { Planned(alternative: $0.alternative, inputs: try RunChecks.projection(of: $0.scenario)) }
    }

    /// Projects each planned alternative over path 0 of `seed` (`scenario` is the scenario file as
    /// given, for messages). An alternative that cannot be projected (a rate at or below −100%
    /// on its path, a value beyond the range of a number) is an ``InputError`` naming it.
    public static func run(_ planned: [Planned], seed: UInt64, threads: Int, scenario: String) throws -> [RunAlternative] {
        try planned.map { p in
            let results: ProjectionResults
            do {
                results = try MonteCarloProjection(inputs: p.inputs).run(paths: 0..<1, seed: seed, threads: threads)
                if let bad = results.firstNonFinite() { throw bad }
            } catch {
                throw InputError("\(scenario): alternative \(p.alternative.name) (reporting.alternatives): \(error)")
            }
            return RunAlternative(alternative: p.alternative, results: results)
        }
    }

    /// The valuations beyond the window (``BeyondHorizon``) of each planned alternative, or of
    /// `inputs` alone (named "base") when there is none (none at all when the scenario sets
    /// `reporting.beyond_window: false`), with the accrual view (``AccrualView``) of
    /// the first; an alternative that cannot be projected to its end year is an ``InputError``
    /// naming it. Deterministic: no seed, and the same numbers whatever `threads`.
    public static func beyond(_ planned: [Planned], inputs: ProjectionInputs, scenario: String, threads: Int) throws -> [BeyondHorizonRow] {
        guard inputs.valuation.beyondWindow else { return [] }
        let sets = planned.isEmpty ? [("base", inputs)] : planned.map { ($0.alternative.name, $0.inputs) }
        return try sets.enumerated().map { k, set in
            let (name, inputs) = set
            do {
                return BeyondHorizonRow(name: name, inputs: inputs, value: try BeyondHorizon.compute(inputs, threads: threads),
                                        accrual: k == 0 ? try AccrualView.compute(inputs, threads: threads) : nil)
            } catch {
                throw InputError("\(scenario): \(name) beyond the horizon (reporting.extended_projection): \(error)")
            }
        }
    }
}
