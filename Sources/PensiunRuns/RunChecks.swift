import PensiunEconomy
import PensiunEngine
import PensiunInputs
import PensiunScenario

/// What `run` refuses before it writes anything, beyond reading the scenario: engine inputs it
/// cannot build, economic paths it cannot project (an ESG rate or a DC portfolio return at or
/// below −100% on one of the run's paths) and an implicit pension debt it cannot value. `validate`
/// makes the same checks with the same paths, seed and threads, so the two commands refuse the
/// same scenarios with the same message; `merge` and `slurm run` use the same checks.
public struct RunChecks {
    /// The engine, ready to run the checked paths.
    public let projection: MonteCarloProjection
    /// The implicit pension debt of the scenario (valued once; `run` reports it).
    public let debt: ImplicitPensionDebt

    /// Throws the ``InputError`` `run` gives when `inputs` cannot be run on `paths` with `seed`
    /// (`scenario` is the scenario file as given), in the order `run` meets the problems: the
    /// engine's inputs, the paths, the debt. `run` itself passes `checkingPaths: false`: its
    /// engine meets the same path errors, with the same message (``refusal(_:scenario:)``),
    /// without drawing the economic paths twice.
    public init(_ inputs: ProjectionInputs, scenario: String, paths: Range<Int>, seed: UInt64, threads: Int,
                checkingPaths: Bool = true) throws(InputError) {
        do {
            projection = try MonteCarloProjection(inputs: inputs)
            if checkingPaths { try projection.checkPaths(paths, seed: seed, threads: threads) }
            debt = try ImplicitPensionDebt.compute(inputs)
        } catch {
            throw InputError(Self.message(error, scenario: scenario))
        }
    }

    /// Throws the ``InputError`` every command gives when `results` hold a value beyond the range
    /// of a number (``ProjectionResults/firstNonFinite()``), naming the path, year and quantity.
    public static func requireFinite(_ results: ProjectionResults, scenario: String) throws(InputError) {
        if let bad = results.firstNonFinite() { throw InputError(message(bad, scenario: scenario)) }
    }

    /// The engine's inputs of `loaded`, or the one line every command gives for a scenario
    /// without the projection sections, located at the scenario's top mapping.
    public static func projection(of loaded: Scenario) throws(InputError) -> ProjectionInputs {
        guard let inputs = loaded.projection else {
            let top = loaded.tree.location
            throw InputError(ScenarioDiagnostic(
                file: loaded.file, line: top.line ?? 1, column: top.column ?? 1, keyPath: "",
                message: "the scenario has no projection sections (expected mortality, decrements, survivors, tracks, population, entrants and current_scheme)").description)
        }
        return inputs
    }

    /// The one line naming a projection error: the scenario file, then the error (which names
    /// the path, year and, for a portfolio, the age).
    public static func message(_ error: any Error, scenario: String) -> String {
        "\(scenario): \(error)"
    }

    /// ``message(_:scenario:)`` as bad input for an error a projection throws because of the
    /// scenario (a rate or a DC portfolio return at or below −100%, a cell too large for process
    /// risk); nil for any other error. `run` maps the errors of its engine loop with it.
    public static func refusal(_ error: any Error, scenario: String) -> InputError? {
        switch error {
        case is PortfolioReturnError, is EconomyPathError, is ProcessRiskLimitError:
            return InputError(message(error, scenario: scenario))
        default:
            return nil
        }
    }
}

extension RunChecks {
    /// `pensiun validate`: reads the scenario `scenario` with `overrides` and, unless
    /// `economyOnly`, makes every check `run` makes before its engine loop, with the same paths
    /// (`paths`, or the scenario's simulation.paths), seed and threads, so that the two refuse
    /// the same scenarios with the same first line. Returns the scenario (its warnings).
    public static func validate(scenario: String, overrides: [String], paths: Int?, seed: UInt64?, threads: Int,
                                economyOnly: Bool) throws -> Scenario {
        let template = try ScenarioTemplate.load(path: scenario, overrides: overrides)
        let loaded = try template.resolve()
        if !economyOnly {
            let inputs = try projection(of: loaded)
            _ = try AlternativeRuns.plan(template, loaded: loaded)
            _ = try RunChecks(inputs, scenario: scenario, paths: 0..<(paths ?? loaded.simulation.paths),
                              seed: seed ?? loaded.simulation.seed, threads: threads)
        }
        return loaded
    }
}
