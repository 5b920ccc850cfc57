import PensiunEconomy

/// A deterministic alternative assumption set of a scenario (`reporting.alternatives`), as the US
/// Social Security Trustees give low-, intermediate- and high-cost alternatives beside their
/// stochastic projections: a name, a description and `set`, overrides with the key paths and
/// value syntax of `--set`. A run projects each alternative on one deterministic path: the
/// scenario with `set` applied, then ``deterministicOverrides`` (every economic volatility and
/// mortality's κ volatility zero, process risk off). An alternative is therefore, bit for bit, the
/// run of the scenario with `--set` of its entries and of ``deterministicOverrides`` over one path.
public struct ScenarioAlternative: Sendable {
    /// A lowercase word (letters, digits, underscores, starting with a letter), unique in the scenario.
    public let name: String
    /// Free text ("" when the scenario gives none).
    public let description: String
    /// The entries of `set`, in the order written, each located where it was written.
    public let overrides: [ScenarioOverride]

    public init(name: String, description: String, overrides: [ScenarioOverride]) {
        self.name = name
        self.description = description
        self.overrides = overrides
    }

    /// The most alternatives a scenario may name.
    public static let limit = 8
    /// The name of the deterministic base case (no overrides) a run reports first; no alternative may take it.
    public static let baseName = "base"
    /// The deterministic base case: the scenario on its deterministic path, no overrides.
    public static let base = ScenarioAlternative(name: baseName, description: "the scenario itself on its deterministic path (σ = 0)",
                                                 overrides: [])

    /// The `--set` overrides that make a run deterministic, applied after an alternative's own:
    /// `economy.<process>.volatility`, `economy.equity.log_volatility` and
    /// `mortality.kappa_volatility` zero, and `decrements.process_risk` false.
    public static let deterministicOverrides: [String] = deterministicSettings.map { "\($0.key)=\($0.value)" }

    /// ``deterministicOverrides`` as (key path, value) pairs, declared once.
    static let deterministicSettings: [(key: String, value: String)] =
        EconomicVariable.allCases.dropLast().map { ("economy.\($0.key).volatility", "0") }
        + [("economy.equity.log_volatility", "0"), ("mortality.kappa_volatility", "0"), ("decrements.process_risk", "false")]

    /// The key paths of ``deterministicOverrides`` (an alternative may not set them: they would have no effect).
    public static let deterministicKeys: [String] = deterministicSettings.map(\.key)

    /// Whether `name` may name an alternative: a lowercase word of letters, digits and underscores,
    /// starting with a letter, at most 32 characters (it labels a row of the printed summary).
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.unicodeScalars.count <= 32 else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}

extension ScenarioTemplate {
    /// The checked scenario of `alternative`: the template with the alternative's overrides, then
    /// ``ScenarioAlternative/deterministicOverrides``. Every problem is located where the
    /// alternative's entry was written, its message naming the alternative.
    public func resolve(_ alternative: ScenarioAlternative) throws(ScenarioError) -> Scenario {
        let fixed = ScenarioAlternative.deterministicSettings.map {
            ScenarioOverride(key: $0.key, text: $0.value, location: SourceLocation(file: "the deterministic overrides", line: nil, column: nil))
        }
        do {
            return try resolve(alternative.overrides + fixed)
        } catch {
            throw ScenarioError(error.diagnostics.map {
                ScenarioDiagnostic(file: $0.file, line: $0.line, column: $0.column, keyPath: $0.keyPath,
                                   message: "\($0.message) (in alternative \(alternative.name) of reporting.alternatives)")
            })
        }
    }

    /// The scenario's alternatives with their checked scenarios, the base case (``ScenarioAlternative/base``)
    /// first; empty when `scenario` (this template resolved) names none.
    public func alternatives(of scenario: Scenario) throws(ScenarioError) -> [(alternative: ScenarioAlternative, scenario: Scenario)] {
        guard !scenario.alternatives.isEmpty else { return [] }
        var out: [(alternative: ScenarioAlternative, scenario: Scenario)] = []
        var problems: [ScenarioDiagnostic] = []
        for alternative in [ScenarioAlternative.base] + scenario.alternatives {
            do {
                out.append((alternative, try resolve(alternative)))
            } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty else { throw ScenarioError(problems) }
        return out
    }
}
