import ArgumentParser
import PensiunEconomy
import PensiunEngine
import PensiunInputs
import PensiunScenario

/// What `run` refuses before it writes anything, beyond reading the scenario: engine inputs it
/// cannot build, economic paths it cannot project (an ESG rate or a DC portfolio return at or
/// below −100% on one of the run's paths) and an implicit pension debt it cannot value. `validate`
/// makes the same checks with the same paths, seed and threads, so the two commands refuse the
/// same scenarios with the same message.
struct RunChecks {
    /// The engine, ready to run the checked paths.
    let projection: MonteCarloProjection
    /// The implicit pension debt of the scenario (valued once; `run` reports it).
    let debt: ImplicitPensionDebt

    /// Throws exit status 2 with the message `run` gives when `inputs` cannot be run on `paths`
    /// with `seed` (`scenario` is the scenario file as given), in the order `run` meets the
    /// problems: the engine's inputs, the paths, the debt. `run` itself passes `checkingPaths:
    /// false`: its engine meets the same path errors, with the same message (``refusal(_:scenario:)``),
    /// without drawing the economic paths twice.
    init(_ inputs: ProjectionInputs, scenario: String, paths: Range<Int>, seed: UInt64, threads: Int,
         checkingPaths: Bool = true) throws {
        do {
            projection = try MonteCarloProjection(inputs: inputs)
            if checkingPaths { try projection.checkPaths(paths, seed: seed, threads: threads) }
            debt = try ImplicitPensionDebt.compute(inputs)
        } catch {
            throw failInput(Self.message(error, scenario: scenario))
        }
    }

    /// The engine's inputs of `loaded`, or exit status 2 with the one line every command gives for
    /// a scenario without the projection sections, located at the scenario's top mapping.
    static func projection(of loaded: Scenario) throws -> ProjectionInputs {
        guard let inputs = loaded.projection else {
            let top = loaded.tree.location
            throw failInput(ScenarioDiagnostic(
                file: loaded.file, line: top.line ?? 1, column: top.column ?? 1, keyPath: "",
                message: "the scenario has no projection sections (expected mortality, decrements, survivors, tracks, population, entrants and current_scheme)").description)
        }
        return inputs
    }

    /// The one line naming a projection error: the scenario file, then the error (which names
    /// the path, year and, for a portfolio, the age).
    static func message(_ error: any Error, scenario: String) -> String {
        "\(scenario): \(error)"
    }

    /// Exit status 2 with ``message(_:scenario:)`` for an error a projection throws because of
    /// the scenario (a rate or a DC portfolio return at or below −100%, a cell too large for
    /// process risk); nil for any other error. `run` maps the errors of its engine loop with it.
    static func refusal(_ error: any Error, scenario: String) -> ExitCode? {
        switch error {
        case is PortfolioReturnError, is EconomyPathError, is ProcessRiskLimitError:
            return failInput(message(error, scenario: scenario))
        default:
            return nil
        }
    }
}
