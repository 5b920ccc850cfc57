import Foundation
import Testing
@testable import PensiunScenario
import PensiunEconomy

@Suite struct ScenarioLoaderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let minimal = """
    name: tiny
    simulation:
      start_year: 2020
      horizon: 5
      paths: 10
      seed: 1
    economy:
      gdp_start: 1e12
      inflation: {mean: 3%, persistence: 0.5, volatility: 0.01, start: 0.03}
      real_wage_growth: {mean: 0.01, persistence: 0.5, volatility: 0.01, start: 0.01}
      real_gdp_growth: {mean: 0.05, persistence: 0.5, volatility: 0.01, start: 0.05}
      bond_yield: {mean: 0.07, persistence: 0.5, volatility: 0.01, start: 0.07}
      equity: {log_mean: 0.08, log_volatility: 0.2}
      bond_duration: 7
      cash_spread: 0.01
      correlation:
        - [1, 0, 0, 0, 0]
        - [0, 1, 0, 0, 0]
        - [0, 0, 1, 0, 0]
        - [0, 0, 0, 1, 0]
        - [0, 0, 0, 0, 1]
    """

    func errors(_ yaml: String) -> [String] {
        do {
            _ = try ScenarioLoader.parse(yaml: yaml, file: "s.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func theFlagshipLoads() throws {
        let scenario = try ScenarioLoader.load(path: Self.root.appendingPathComponent("Scenarios/indonesia-asn-2019/baseline.yaml").path)
        #expect(scenario.name == "indonesia-asn-2019")
        #expect(scenario.simulation.startYear == 2019)
        #expect(scenario.economy.gdpStart == 15_833.9e12)
        #expect(scenario.economy.wageLumpPeriod == 5)
    }

    @Test func aMinimalScenarioLoadsWithDefaultsAndPercentages() throws {
        let scenario = try ScenarioLoader.parse(yaml: minimal, file: "s.yaml")
        #expect(scenario.economy.inflation.mean == 0.03)
        #expect(scenario.economy.wageLumpPeriod == 1)
        #expect(scenario.economy.equityShocks == .normal)
        #expect(scenario.simulation.generator == .mt19937)
    }

    @Test func anUnknownKeyIsLocatedAndTheNearestKeySuggested() {
        let yaml = minimal.replacingOccurrences(of: "  bond_duration: 7", with: "  bond_duraton: 7")
        #expect(errors(yaml) == [
            "s.yaml:14:3: economy.bond_duraton: unknown key 'bond_duraton' (did you mean 'bond_duration'?)",
            "s.yaml:8:3: economy.bond_duration: missing key (expected a modified duration (years) in [0, 100])",
        ])
    }

    @Test func everyProblemIsReportedAtOnce() {
        let yaml = minimal
            .replacingOccurrences(of: "horizon: 5", with: "horizon: five")
            .replacingOccurrences(of: "volatility: 0.01, start: 0.07", with: "volatility: -1, start: 0.07")
            .replacingOccurrences(of: "log_volatility: 0.2}", with: "log_volatility: 0.2, shocks: studentt}")
        #expect(errors(yaml) == [
            "s.yaml:4:12: simulation.horizon: expected a number of years between 1 and 200, got 'five'",
            "s.yaml:12:58: economy.bond_yield.volatility: out of range (expected a volatility in [0, 1], got -1)",
            "s.yaml:13:57: economy.equity.shocks: expected one of normal, student_t, mixture, got 'studentt' (did you mean 'student_t'?)",
        ])
    }

    @Test func aYAMLSyntaxErrorIsLocated() {
        let result = errors("simulation: [1, 2\neconomy: 3\n")
        #expect(result.first?.hasPrefix("s.yaml:") == true)
        #expect(result.first?.contains("not valid YAML") == true)
    }

    @Test func aSectionOfTheWrongKindSaysWhatWasExpected() {
        let yaml = minimal.replacingOccurrences(of: "  real_gdp_growth: {mean: 0.05, persistence: 0.5, volatility: 0.01, start: 0.05}", with: "  real_gdp_growth: 0.05")
        #expect(errors(yaml) == ["s.yaml:11:20: economy.real_gdp_growth: expected a mapping with keys mean, persistence, volatility, start, interpolation, history, got '0.05'"])
    }

    @Test func aCorrelationRowOfTheWrongLengthIsLocated() {
        let yaml = minimal.replacingOccurrences(of: "    - [0, 0, 1, 0, 0]", with: "    - [0, 0, 1, 0]")
        #expect(errors(yaml) == ["s.yaml:19:7: economy.correlation[2]: expected 5 entries in the order inflation, real_wage_growth, real_gdp_growth, bond_yield, equity, got 4"])
    }

    @Test func studentTRequiresDegreesOfFreedom() {
        let yaml = minimal.replacingOccurrences(of: "log_volatility: 0.2}", with: "log_volatility: 0.2, shocks: student_t}")
        #expect(errors(yaml) == ["s.yaml:13:11: economy.equity.degrees_of_freedom: missing key (expected degrees of freedom ν in (2, 1e6])"])
    }

    func mixture(_ keys: String) -> String {
        minimal.replacingOccurrences(of: "log_volatility: 0.2}", with: "log_volatility: 0.2, shocks: mixture\(keys)}")
    }

    @Test func aMixtureReadsItsThreeParameters() throws {
        let yaml = mixture(", crash_probability: 10%, crash_mean_shift: -0.2, crash_volatility_ratio: 2")
        let scenario = try ScenarioLoader.parse(yaml: yaml, file: "s.yaml")
        #expect(scenario.economy.equityShocks == .mixture(EquityMixture(crashProbability: 0.1, meanShift: -0.2, volatilityRatio: 2)))
        #expect(scenario.economy.equityLogVolatility == 0.2)
    }

    /// docs/model.md §3, "Fat tails with finite means": the flagship takes the first suggested set,
    /// and the crash-skewed variant loads over it as a sensitivity.
    @Test func theFlagshipHasTheDocumentedMixtureAndTheVariantLoadsOverIt() throws {
        let flagship = Self.root.appendingPathComponent("Scenarios/indonesia-asn-2019/baseline.yaml").path
        let scenario = try ScenarioLoader.load(path: flagship)
        #expect(scenario.economy.equityShocks == .mixture(EquityMixture(crashProbability: 0.095, meanShift: 0, volatilityRatio: 2.03)))
        #expect(scenario.economy.equityLogMean == 0.0720 && scenario.economy.equityLogVolatility == 0.235)
        let variant = try ScenarioLoader.load(path: flagship, overrides: [
            "economy.equity.log_mean=0.0730", "economy.equity.crash_mean_shift=-0.20", "economy.equity.crash_volatility_ratio=1.82"])
        #expect(variant.economy.equityShocks == .mixture(EquityMixture(crashProbability: 0.095, meanShift: -0.20, volatilityRatio: 1.82)))
    }

    @Test func aMixtureNeedsItsParametersInRange() {
        #expect(errors(mixture(", crash_mean_shift: -0.2")) == [
            "s.yaml:13:11: economy.equity.crash_probability: missing key (expected a probability in (0, 1))",
            "s.yaml:13:11: economy.equity.crash_volatility_ratio: missing key (expected a volatility ratio in (0, 100])",
        ])
        #expect(errors(mixture(", crash_probability: 1, crash_mean_shift: 0, crash_volatility_ratio: 0")) == [
            "s.yaml:13:85: economy.equity.crash_probability: out of range (expected a probability in (0, 1), got 1)",
            "s.yaml:13:133: economy.equity.crash_volatility_ratio: out of range (expected a volatility ratio in (0, 100], got 0)",
        ])
    }

    @Test func aShiftThatLeavesTheCalmRegimeNoVarianceIsLocated() {
        // p(1 − p)δ² = 0.25 · 0.2025 > 0.04 = σ_e²: the calm variance would be negative.
        let result = errors(mixture(", crash_probability: 0.5, crash_mean_shift: -0.45, crash_volatility_ratio: 2"))
        #expect(result == [
            "s.yaml:13:108: economy.equity.crash_mean_shift: leaves the calm regime no variance: with crash_probability p = 0.5 and log_volatility σ_e = 0.2, the shift alone gives ln(1 + e) a variance p(1 − p)δ² = 0.050625, not below σ_e² = 0.04 (expected |crash_mean_shift| < σ_e/√(p(1 − p)) = 0.4, got -0.45)",
        ])
    }

    @Test func keysOfAnotherShockDistributionAreRefused() {
        let normal = minimal.replacingOccurrences(of: "log_volatility: 0.2}", with: "log_volatility: 0.2, crash_probability: 0.1}")
        #expect(errors(normal) == [
            "s.yaml:13:68: economy.equity.crash_probability: only used when shocks is mixture (expected no value, got '0.1')",
        ])
        let t = mixture(", crash_probability: 0.1, crash_mean_shift: 0, crash_volatility_ratio: 2, degrees_of_freedom: 5")
        #expect(errors(t).count == 1)
        #expect(errors(t).first?.contains("economy.equity.degrees_of_freedom: only used when shocks is student_t") == true)
    }
}

/// A scenario's zero is one value: −0, written in YAML or set on the command line, is read as +0,
/// so equal inputs are equal bit for bit (a sweep reusing equal inputs cannot then depend on
/// which variant ran first).
@Suite struct NegativeZeroTests {
    @Test func minusZeroIsReadAsZero() throws {
        let file = ScenarioLoaderTests.root.appendingPathComponent("Scenarios/synthetic-small/scenario.yaml").path
        let scenario = try ScenarioLoader.load(path: file, overrides: ["economy.equity.log_mean=-0", "reform.dc.employer_rate=-0.0%"])
        let inputs = try #require(scenario.projection)
        #expect(inputs.economy.equityLogMean.bitPattern == (0.0).bitPattern)
        #expect(try #require(inputs.reform.dc).employerRate(2030).bitPattern == (0.0).bitPattern)
        #expect(YAMLCursor.parseNumber("-0")?.bitPattern == (0.0).bitPattern)
        #expect(YAMLCursor.parseNumber("-2.5")?.sign == .minus)
    }
}
