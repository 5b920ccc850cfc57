import Foundation
import PensiunActuarial
import PensiunInputs

/// Reads the `mortality` section into ``MortalityInputs`` and the base tables' last age
/// (docs/model.md §4).
enum MortalitySection {
    struct Result {
        let inputs: MortalityInputs
        /// ω, the last age of the base tables: the calendar's maximum age.
        let maximumAge: Int
        /// The table file read (none when the basis is a law).
        let files: [String]
        /// Notes on parameters that have no effect under the section's other values.
        let warnings: [String]
    }

    static let keys = ["basis", "base_year", "improvement", "kappa_volatility", "kappa_sensitivity", "factors"]

    static func read(_ cursor: YAMLCursor) -> Result? {
        guard let s = cursor.mapping(allowed: keys) else { return nil }
        let log = cursor.log
        var files: [String] = [], warnings: [String] = []
        var tables: [Sex: MortalityTable]?
        if let basis = s.required(.basis), let text = basis.string(expected: ScenarioKey.basis.expected) {
            // A table's path follows DataPath's rule; a law ("makeham:…") is not a path.
            let resolved = text.contains(":") ? text
                : (DataPath.resolve(text, writtenAt: basis.node.location) as NSString).standardizingPath
            do {
                let spec = try MortalityBasisSpec(parsing: resolved)
                if case .table = spec { files.append(resolved) }
                let male = try spec.load(sex: .male), female = try spec.load(sex: .female)
                if male.lastAge != female.lastAge || male.firstAge != female.firstAge {
                    basis.fail("the male and female tables must cover the same ages (got \(male.firstAge)-\(male.lastAge) and \(female.firstAge)-\(female.lastAge))")
                } else {
                    tables = [.male: male, .female: female]
                }
            } catch {
                basis.fail(error.description)
            }
        }
        let baseYear = s.required(.baseYear)?.integer(.baseYear)
        var improvement: [Double]? = [0]
        if let node = s["improvement"] {
            improvement = node.steps(.improvement)
        } else { log.noteDefault(.improvement) }
        var kappaVolatility: Double? = 0
        if let node = s["kappa_volatility"] {
            kappaVolatility = node.number(.kappaVolatility)
        } else { log.noteDefault(.kappaVolatility) }
        var beta: [Double]? = [1]
        if let node = s["kappa_sensitivity"] {
            beta = node.steps(.kappaSensitivity)
            if kappaVolatility == 0 {
                warnings.append("\(node.node.location): mortality.kappa_sensitivity has no effect while mortality.kappa_volatility is 0")
            }
        } else { log.noteDefault(.kappaSensitivity) }
        var factors: [MortalityBasisKind: [Sex: Double]]? = [:]
        if let node = s["factors"] { factors = readFactors(node) }
        guard let tables, let male = tables[.male], let female = tables[.female], let baseYear, let improvement, let kappaVolatility, let beta,
              let factors else { return nil }
        return Result(
            inputs: MortalityInputs(male: male, female: female, factors: factors, improvement: improvement, baseYear: baseYear,
                                    kappaSensitivity: beta, kappaVolatility: kappaVolatility),
            maximumAge: male.lastAge, files: files, warnings: warnings)
    }

    /// `factors`: a multiplier by sex for each basis it names.
    static func readFactors(_ cursor: YAMLCursor) -> [MortalityBasisKind: [Sex: Double]]? {
        guard let f = cursor.mapping(allowed: MortalityBasisKind.allCases.map(\.key)) else { return nil }
        var factors: [MortalityBasisKind: [Sex: Double]] = [:]
        var ok = true
        for basis in MortalityBasisKind.allCases {
            guard let entry = f[basis.key] else { continue }
            if let values = entry.bySex({ $0.number(.mortalityFactor) }) {
                factors[basis] = values
            } else { ok = false }
        }
        return ok ? factors : nil
    }
}
