import Foundation
import PensiunEngine
import PensiunRandom
import PensiunScenario

/// Reads sweep files (docs/sweeps.md) with the scenario reader's machinery: every problem is
/// reported at once as `FILE:LINE:COLUMN: key.path: message`, unknown keys with the nearest valid
/// one. The base scenario is read and checked too; a value of the sweep that the scenario rejects
/// is reported at the line of the sweep file that wrote it.
public enum SweepLoader {
    static let topLevelKeys = ["name", "description", "base", "set", "parameters", "design", "samples", "paths", "seed",
                               "outputs", "sensitivity"]
    static let parameterKeys = ["name", "key", "keys", "values", "range", "distribution", "integer"]
    /// The replacement rates a sweep may summarise without a year (their last-decade average):
    /// model 2.2's and the like-for-like `rr_*`, then those by sex.
    static let replacementSummaries: [(String, Metric)] = (Metric.rates + Metric.ratesBySex).map { ($0.name, $0) }
    /// The largest grid a sweep may hold.
    public static let maximumVariants = 1_000_000

    public static func load(path: String) throws(ScenarioError) -> SweepSpec {
        let text = try ScenarioComposer.readText(path: path, kind: "sweep")
        let tree = try ScenarioComposer.parse(text: text, file: path)
        let log = DiagnosticLog()
        var reader = SweepReader(file: path, log: log)
        let spec = reader.read(YAMLCursor(node: tree, keyPath: "", log: log))
        guard log.isEmpty, let spec else { throw ScenarioError(log.diagnostics) }
        return spec
    }

    /// `folder/relative` with `.` and `..` steps removed (textually, so the path stays as short
    /// and as relative as the user wrote it).
    static func join(folder: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return normalise(relative) }
        return normalise(folder.isEmpty ? relative : folder + "/" + relative)
    }

    static func normalise(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [String] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            if part == "..", absolute { continue }
            parts.append(String(part))
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}

/// One pass over a sweep file.
struct SweepReader {
    let file: String
    let log: DiagnosticLog

    mutating func read(_ cursor: YAMLCursor) -> SweepSpec? {
        guard let top = cursor.mapping(allowed: SweepLoader.topLevelKeys) else { return nil }
        let name = top.outputName(file: file)
        _ = top["description"]?.string(expected: "a description")

        // The base scenario and `set:`.
        var template: ScenarioTemplate?
        if let node = top.required("base", expected: "the path of the base scenario file, relative to the sweep file"),
           let relative = node.string(expected: "the path of the base scenario file") {
            let folder = (file as NSString).deletingLastPathComponent
            let basePath = SweepLoader.join(folder: folder, relative)
            if !FileManager.default.fileExists(atPath: basePath) {
                node.fail("cannot read the base scenario '\(relative)' (no such file)")
            } else {
                do {
                    template = try ScenarioTemplate.load(path: basePath)
                } catch {
                    for d in error.diagnostics { log.add(d) }
                }
            }
        }
        var fixed: [ScenarioOverride] = []
        if let node = top["set"] { fixed = readSet(node) }
        var base: Scenario?
        if let template, log.isEmpty {
            do {
                base = try template.resolve(fixed)
            } catch {
                for d in error.diagnostics { log.add(d) }
            }
            if let base, base.projection == nil {
                top["base"]?.fail("the base scenario has no projection sections (expected mortality, decrements, survivors, tracks, population, entrants and current_scheme)")
            }
        }

        let parameters = top.required("parameters", expected: "a list of parameters, each with a key and values, a range or a distribution")
            .flatMap(readParameters) ?? []
        var design = SweepDesign.grid
        if let node = top["design"] {
            design = node.choice(SweepDesign.allCases.map { ($0.rawValue, $0) }) ?? .grid
        }
        var samples: Int?
        if let node = top["samples"] {
            if design == .grid {
                node.fail("samples applies to a random, sobol, halton or latin_hypercube design (a grid runs every combination)")
            } else {
                samples = node.integer(expected: "a number of variants ≥ 1") { $0 >= 1 && $0 <= SweepLoader.maximumVariants }
            }
        } else if design != .grid {
            _ = top.required("samples", expected: "the number of variants of a \(design.rawValue) design")
        }
        checkDesign(design, parameters: parameters, top: top)

        // `paths:` and `seed:` replace the base's simulation.paths and simulation.seed: the same keys.
        let paths = top["paths"]?.integer(.paths)
        let seed = top["seed"]?.integer(.seed)
        let outputs = readOutputs(top["outputs"], base: base)
        let sensitivity = readSensitivity(top["sensitivity"], base: base, parameterCount: parameters.count)

        guard log.isEmpty, let name, let template, let base, let outputs, let sensitivity else { return nil }
        return SweepSpec(
            name: name, file: file, template: template, fixed: fixed, base: base, parameters: parameters, design: design,
            samples: samples, paths: paths ?? base.simulation.paths, seed: seed.map(UInt64.init) ?? base.simulation.seed,
            outputs: outputs, sensitivity: sensitivity)
    }

    /// `set:`: a mapping from scenario key paths to values.
    func readSet(_ cursor: YAMLCursor) -> [ScenarioOverride] {
        guard case let .mapping(entries, _) = cursor.node else {
            cursor.fail("expected a mapping from scenario key paths to values (such as simulation.horizon: 20), got \(cursor.shown)")
            return []
        }
        var result: [ScenarioOverride] = []
        for entry in entries {
            let keyCursor = YAMLCursor(node: .scalar(entry.key, entry.keyLocation), keyPath: "set.\(entry.key)", log: log)
            guard let parts = checkKey(entry.key, at: keyCursor, sweeping: false) else { continue }
            result.append(ScenarioOverride(keyPath: parts, value: entry.value, keyLocation: entry.keyLocation))
        }
        return result
    }

    /// The parts of a scenario key path, or nil (recorded) when malformed or reserved.
    func checkKey(_ key: String, at cursor: YAMLCursor, sweeping: Bool) -> [String]? {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !key.isEmpty, parts.allSatisfy({ !$0.isEmpty && !$0.contains(" ") }) else {
            cursor.fail("expected a scenario key path such as reform.dc.employer_rate, got '\(key)'")
            return nil
        }
        if parts[0] == "simulation" {
            if parts.count > 1, parts[1] == "paths" || parts[1] == "seed" {
                cursor.fail("paths and seed are keys of the sweep itself (write paths: or seed: at the top of the sweep file)")
                return nil
            }
            if sweeping {
                cursor.fail("a sweep cannot vary simulation settings: every variant shares the calendar and the paths (use set: for a common value)")
                return nil
            }
        }
        return parts
    }

    func readParameters(_ cursor: YAMLCursor) -> [SweepParameter]? {
        guard let items = cursor.sequence() else { return nil }
        if items.isEmpty {
            cursor.fail("expected at least one parameter, got an empty list")
            return nil
        }
        var result: [SweepParameter] = []
        var owners: [String: String] = [:]
        var ok = true
        for item in items {
            guard let p = item.mapping(allowed: SweepLoader.parameterKeys) else { ok = false; continue }
            var keys: [String] = []
            var keyLocations: [SourceLocation] = []
            if let k = p["key"], p["keys"] != nil {
                k.fail("give key or keys, not both")
                ok = false
            } else if let k = p["key"] {
                if let text = k.string(expected: "a scenario key path such as reform.dc.employer_rate"),
                   checkKey(text, at: k, sweeping: true) != nil {
                    keys = [text]
                    keyLocations = [k.node.location]
                } else { ok = false }
            } else if let k = p["keys"] {
                if let list = k.sequence(), !list.isEmpty {
                    for entry in list {
                        if let text = entry.string(expected: "a scenario key path"), checkKey(text, at: entry, sweeping: true) != nil {
                            keys.append(text)
                            keyLocations.append(entry.node.location)
                        } else { ok = false }
                    }
                } else {
                    if case .sequence = k.node { k.fail("expected a list of scenario key paths, got an empty list") }
                    ok = false
                }
            } else {
                _ = p.required("key", expected: "the scenario key path to vary, such as reform.dc.employer_rate")
                ok = false
            }
            for key in keys {
                guard let at = p["key"] ?? p["keys"] else { continue }
                if let owner = owners[key] {
                    at.fail("\(key) is already varied by \(owner) (each key may be swept by one parameter)")
                    ok = false
                }
                owners[key] = item.keyPath
            }
            let given = ["values", "range", "distribution"].filter { p[$0] != nil }
            var domain: ParameterDomain?
            var location = item.node.location
            var valueLocations: [SourceLocation] = []
            if given.isEmpty {
                item.fail("expected values, range or distribution (got none)")
            } else if given.count > 1 {
                (p[given[1]] ?? item).fail("give one of values, range or distribution (got \(given.joined(separator: " and ")))")
            } else if let node = p["values"] {
                location = node.node.location
                if let list = node.sequence() {
                    if list.isEmpty { node.fail("expected a list of values, got an empty list") }
                    var texts: [String] = []
                    for entry in list {
                        if let text = entry.string(expected: "a value (a number or a word)") {
                            texts.append(text)
                            valueLocations.append(entry.node.location)
                        }
                    }
                    if texts.count == list.count, !list.isEmpty { domain = .values(texts) }
                }
            } else if let node = p["range"] {
                location = node.node.location
                domain = readRange(node)
            } else if let node = p["distribution"] {
                location = node.node.location
                domain = readDistribution(node)
            }
            var integer = false
            if let node = p["integer"] {
                if let flag = node.boolean() {
                    integer = flag
                    if flag, case .values = domain { node.fail("integer applies to a range or a distribution (values are used as written)") }
                }
            }
            let name = p["name"]?.string(expected: "a column name") ?? keys.first ?? ""
            if let previous = result.first(where: { $0.name == name }), !name.isEmpty {
                (p["name"] ?? p["key"] ?? item).fail("duplicate parameter name '\(name)' (also \(previous.keyPath); give each parameter a distinct name)")
                ok = false
            }
            guard let domain, !keys.isEmpty else { ok = false; continue }
            result.append(SweepParameter(name: name, keys: keys, domain: domain, integer: integer, location: location,
                                         valueLocations: valueLocations, keyPath: item.keyPath, keyLocations: keyLocations))
        }
        return ok ? result : nil
    }

    func readRange(_ cursor: YAMLCursor) -> ParameterDomain? {
        guard let s = cursor.mapping(allowed: ["from", "to", "steps"]) else { return nil }
        let from = s.required("from", expected: "the first value")?.number()
        let to = s.required("to", expected: "the last value")?.number()
        let steps = s.required("steps", expected: "the number of values, ends included")?
            .integer(expected: "a number of values ≥ 2") { $0 >= 2 && $0 <= SweepLoader.maximumVariants }
        guard let from, let to, let steps else { return nil }
        if from == to {
            s["to"]?.fail("expected a last value different from the first (got \(YAMLCursor.format(to)) twice)")
            return nil
        }
        return .range(from: from, to: to, steps: steps)
    }

    func readDistribution(_ cursor: YAMLCursor) -> ParameterDomain? {
        guard let s = cursor.mapping(allowed: ["uniform", "normal"]) else { return nil }
        if case let .mapping(raw, _) = cursor.node, raw.count > s.entries.count { return nil }  // unknown keys, reported
        if s.entries.count != 1 {
            cursor.fail("expected one distribution, uniform: [a, b] or normal: {mean: …, sd: …} (got \(s.entries.isEmpty ? "none" : s.entries.map(\.0).joined(separator: " and ")))")
            return nil
        }
        if let node = s["uniform"] {
            guard let items = node.sequence() else { return nil }
            let values = items.compactMap { $0.number() }
            guard values.count == items.count else { return nil }
            guard values.count == 2, values[0] < values[1] else {
                node.fail("expected [a, b] with a < b, got \(values.count == 2 ? "[\(YAMLCursor.format(values[0])), \(YAMLCursor.format(values[1]))]" : "\(values.count) numbers")")
                return nil
            }
            return .uniform(values[0], values[1])
        }
        guard let node = s["normal"], let n = node.mapping(allowed: ["mean", "sd", "min", "max"]) else { return nil }
        let mean = n.required("mean", expected: "the mean")?.number()
        let sd = n.required("sd", expected: "the standard deviation")?.number(expected: "a standard deviation > 0") { $0 > 0 }
        let low = n["min"]?.number()
        let high = n["max"]?.number()
        guard let mean, let sd, n["min"] == nil || low != nil, n["max"] == nil || high != nil else { return nil }
        if let low, let high, low >= high {
            n["max"]?.fail("out of range (expected a maximum above the minimum \(YAMLCursor.format(low)), got \(YAMLCursor.format(high)))")
            return nil
        }
        return .normal(mean: mean, sd: sd, min: low, max: high)
    }

    func checkDesign(_ design: SweepDesign, parameters: [SweepParameter], top: Section) {
        switch design {
        case .grid:
            // Checked by the sweep plan (a sensitivity study samples distributions whatever the design).
            break
        case .sobol, .halton:
            let limit = design == .sobol ? QuasiRandomKind.sobol.maximumDimension : QuasiRandomKind.halton.maximumDimension
            if parameters.count > limit {
                top["design"]?.fail("\(design.rawValue) supports at most \(limit) parameters (got \(parameters.count))")
            }
        case .random, .latinHypercube:
            break
        }
    }

    func readOutputs(_ cursor: YAMLCursor?, base: Scenario?) -> SweepOutputs? {
        var outputs = SweepOutputs(
            schemes: Scheme.allCases, metrics: [],
            summaries: [.summary(.value(.pvBurdenCurrent)), .summary(.value(.pvBurdenReform)), .summary(.value(.pvDifference))].map { Quantity(name: $0) },
            statistics: [.mean, .quantile(0.05), .quantile(0.25), .quantile(0.5), .quantile(0.75), .quantile(0.95)]
                .map { StatisticExpression(statistic: $0, quantity: nil) },
            expressions: [])
        guard let cursor else { return outputs }
        guard let s = cursor.mapping(allowed: ["schemes", "metrics", "summaries", "statistics"]) else { return nil }
        var ok = true
        if let node = s["schemes"] {
            if let items = node.sequence() {
                let schemes = items.compactMap { $0.choice(Scheme.allCases.map { ($0.name, $0) }) }
                if items.isEmpty { node.fail("expected current, reform or both, got an empty list") }
                if schemes.count == items.count, !items.isEmpty { outputs.schemes = schemes } else { ok = false }
            } else { ok = false }
        }
        if let node = s["metrics"] {
            outputs.metrics = []
            if let m = node.mapping(allowed: Metric.allCases.map(\.name)) {
                for (key, entry) in m.entries {
                    let metric = Metric.allCases.first { $0.name == key }!
                    if let years = readYears(entry, metric: metric, base: base) { outputs.metrics.append((metric, years)) } else { ok = false }
                }
            } else { ok = false }
        }
        if let node = s["summaries"] {
            outputs.summaries = []
            let names: [(String, Quantity)] = SummaryField.allCases.map { ($0.rawValue, Quantity(name: .summary($0))) }
                + SweepLoader.replacementSummaries.map { ($0.0, Quantity(name: .metric($0.1))) }
            if let items = node.sequence() {
                for item in items {
                    if let q = item.choice(names) { outputs.summaries.append(q) } else { ok = false }
                }
            } else { ok = false }
        }
        if let node = s["statistics"] {
            outputs.statistics = []
            if let items = node.sequence() {
                if items.isEmpty { node.fail("expected at least one statistic, got an empty list") }
                for item in items {
                    guard let e = expression(item, base: base) else { ok = false; continue }
                    if e.quantity == nil, e.scope == nil { outputs.statistics.append(e) } else { outputs.expressions.append(e) }
                }
            } else { ok = false }
        }
        return ok ? outputs : nil
    }

    /// `all`, a year, or a list of years, each within the metric's years.
    func readYears(_ cursor: YAMLCursor, metric: Metric, base: Scenario?) -> [Int]? {
        guard let base else { return [] }
        let y0 = base.simulation.startYear
        let last = y0 + metric.length(horizon: base.simulation.horizon) - 1
        if case let .scalar(text, _) = cursor.node, text == "all" { return Array(y0...last) }
        let expected = "all, or a year from \(y0) to \(last)"
        func year(_ c: YAMLCursor) -> Int? { c.integer(expected: expected) { (y0...last).contains($0) } }
        if case .sequence = cursor.node {
            guard let items = cursor.sequence() else { return nil }
            if items.isEmpty { cursor.fail("expected \(expected), or a list of years, got an empty list") }
            let years = items.compactMap(year)
            return years.count == items.count && !items.isEmpty ? years : nil
        }
        return year(cursor).map { [$0] }
    }

    /// A statistic expression, with its years checked against the base scenario.
    func expression(_ cursor: YAMLCursor, base: Scenario?) -> StatisticExpression? {
        guard let text = cursor.string(expected: "a statistic such as mean, p95 or P(pv_difference < 0)") else { return nil }
        do {
            let e = try StatisticExpression.parse(text)
            if let q = e.quantity, let base,
               let problem = q.yearProblem(startYear: base.simulation.startYear, horizon: base.simulation.horizon) {
                cursor.fail(problem)
                return nil
            }
            return e
        } catch {
            cursor.fail(error.message)
            return nil
        }
    }

    func readSensitivity(_ cursor: YAMLCursor?, base: Scenario?, parameterCount: Int) -> SensitivitySettings? {
        var settings = SensitivitySettings(outputs: SensitivitySettings.defaultOutputs, samples: nil, bootstrap: 1000,
                                           confidence: 0.95, design: .sobol)
        guard let cursor else { return settings }
        guard let s = cursor.mapping(allowed: ["outputs", "samples", "bootstrap", "confidence", "design"]) else { return nil }
        var ok = true
        if let node = s["outputs"] {
            settings.outputs = []
            if let items = node.sequence() {
                if items.isEmpty { node.fail("expected at least one output, got an empty list") }
                for item in items {
                    guard let e = expression(item, base: base) else { ok = false; continue }
                    if e.quantity == nil {
                        item.fail("expected a statistic of a named output, such as mean(pv_difference) (got '\(e)')")
                        ok = false
                    } else {
                        settings.outputs.append(e.defaulting(to: .reform))
                    }
                }
            } else { ok = false }
        }
        if let node = s["samples"] {
            if let n = node.integer(expected: "a base sample size ≥ 2", where: { $0 >= 2 && $0 <= SweepLoader.maximumVariants }) {
                settings.samples = n
            } else { ok = false }
        }
        if let node = s["bootstrap"] {
            if let b = node.integer(expected: "a number of bootstrap replicates from 1 to 100000", where: { (1...100_000).contains($0) }) {
                settings.bootstrap = b
            } else { ok = false }
        }
        if let node = s["confidence"] {
            if let c = node.number(expected: "a confidence level in (0, 1)", where: { $0 > 0 && $0 < 1 }) { settings.confidence = c } else { ok = false }
        }
        if let node = s["design"] {
            let designs = SweepDesign.allCases.filter { $0 != .grid }
            if let d = node.choice(designs.map { ($0.rawValue, $0) }) {
                settings.design = d
                if d == .sobol, 2 * parameterCount > QuasiRandomKind.sobol.maximumDimension {
                    node.fail("sobol supports at most \(QuasiRandomKind.sobol.maximumDimension / 2) parameters in a sensitivity study (A and B take 2 coordinates each; got \(parameterCount))")
                    ok = false
                }
            } else { ok = false }
        }
        return ok ? settings : nil
    }
}
