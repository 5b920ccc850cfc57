import PensiunInputs

/// Under `decrements.process_risk` the engine draws member counts as 32-bit integers: a scenario
/// whose initial active cell holds more than ``ProcessRiskLimit/maximum`` members is refused when
/// it is read, at the `process_risk` value, rather than when the run reaches the cell.
enum ProcessRiskCheck {
    /// The problem of `scenario`'s initial population under process risk, if any.
    static func problem(in scenario: Scenario) -> ScenarioDiagnostic? {
        guard let inputs = scenario.projection, let cell = ProcessRiskLimit.oversizedCell(in: inputs) else { return nil }
        let location = scenario.tree["decrements"]?["process_risk"]?.location
            ?? SourceLocation(file: scenario.file, line: nil, column: nil)
        return ScenarioDiagnostic(
            file: location.file, line: location.line, column: location.column, keyPath: "decrements.process_risk",
            message: ProcessRiskLimit.problem(cell: ProcessRiskLimit.describe(cell, tracks: inputs.tracks), count: cell.count))
    }
}
