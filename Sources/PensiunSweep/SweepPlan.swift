import PensiunScenario

/// One variant of a sweep: its number (1-based), the value of every parameter as written into
/// the scenario, and the overrides that make its scenario from the base.
public struct SweepVariant: Sendable, Equatable {
    public let id: Int
    public let values: [String]
    /// The `set:` values, then each parameter's keys, located where the sweep file wrote them.
    public let overrides: [ScenarioOverride]

    public static func == (a: SweepVariant, b: SweepVariant) -> Bool { a.id == b.id && a.values == b.values }
}

extension SweepParameter {
    /// The listed values (a `values` list, or the points of a range, rounded with `integer: true`);
    /// nil for a distribution.
    public var listedValues: [String]? {
        guard let values = domain.discreteValues else { return nil }
        guard integer, case .range = domain else { return values }
        return values.map { ParameterDomain.text((Double($0) ?? 0).rounded()) }
    }

    /// Where value `text` of this parameter was written: its item in a `values` list, else the
    /// `range` or `distribution` mapping.
    func location(of text: String) -> SourceLocation {
        if case let .values(values) = domain, let i = values.firstIndex(of: text), i < valueLocations.count {
            return valueLocations[i]
        }
        return location
    }

    func overrides(_ text: String) -> [ScenarioOverride] {
        let at = location(of: text)
        return keys.enumerated().map { i, key in
            ScenarioOverride(key: key, text: text, location: at, keyLocation: i < keyLocations.count ? keyLocations[i] : at)
        }
    }
}

/// Every variant of a sweep, in order.
public struct SweepPlan: Sendable {
    public let spec: SweepSpec
    public let variants: [SweepVariant]

    /// The variants of `spec`'s design: a grid (every combination, the last parameter varying
    /// fastest), or `samples` points of a sampled design mapped through each parameter's values.
    public init(spec: SweepSpec) throws {
        self.spec = spec
        let rows: [[String]]
        if spec.design == .grid {
            try SweepPlan.checkGrid(spec)
            var combinations: [[String]] = [[]]
            for parameter in spec.parameters {
                let values = parameter.listedValues ?? []
                combinations = combinations.flatMap { prefix in values.map { prefix + [$0] } }
            }
            rows = combinations
        } else {
            let points = try UnitDesign.points(spec.design, count: spec.samples ?? 0, dimension: spec.parameters.count, seed: spec.seed)
            rows = points.map { u in spec.parameters.enumerated().map { j, p in p.value(at: u[j]) } }
        }
        variants = rows.enumerated().map { i, values in SweepPlan.variant(id: i + 1, values: values, spec: spec) }
    }

    /// A grid needs listed values (a `values` list or a range) and at most
    /// ``SweepLoader/maximumVariants`` combinations.
    static func checkGrid(_ spec: SweepSpec) throws(ScenarioError) {
        var count = 1
        for p in spec.parameters {
            guard let values = p.listedValues else {
                let l = p.location
                throw ScenarioError([ScenarioDiagnostic(
                    file: l.file, line: l.line, column: l.column, keyPath: "\(p.keyPath).distribution",
                    message: "a grid needs values or a range (use design: random, sobol, halton or latin_hypercube to sample a distribution)")])
            }
            count = count.multipliedReportingOverflow(by: values.count).partialValue
            if count > SweepLoader.maximumVariants || count <= 0 {
                throw ScenarioError([ScenarioDiagnostic(
                    file: spec.file, line: nil, column: nil, keyPath: "parameters",
                    message: "the grid has more than \(SweepLoader.maximumVariants) variants (reduce the values, or sample it with design: sobol)")])
            }
        }
    }

    /// Variants given directly (a sensitivity study's matrices).
    public init(spec: SweepSpec, rows: [[String]]) {
        self.spec = spec
        variants = rows.enumerated().map { i, values in SweepPlan.variant(id: i + 1, values: values, spec: spec) }
    }

    static func variant(id: Int, values: [String], spec: SweepSpec) -> SweepVariant {
        var overrides = spec.fixed
        for (parameter, value) in zip(spec.parameters, values) { overrides += parameter.overrides(value) }
        return SweepVariant(id: id, values: values, overrides: overrides)
    }

    /// Checks the values before anything runs: each parameter at each of its listed values, or at
    /// the smallest and largest of its sampled values, the other parameters at the first variant's
    /// values. Throws every problem, located in the sweep file. (A combination of values that are
    /// each valid but invalid together is reported when its variant runs.)
    public func validate() throws(ScenarioError) {
        guard let first = variants.first else { return }
        var diagnostics: [ScenarioDiagnostic] = []
        var seen = Set<String>()
        for (j, parameter) in spec.parameters.enumerated() {
            var candidates: [String]
            if let listed = parameter.listedValues {
                candidates = Array(Set(variants.map { $0.values[j] })).filter(listed.contains)
                candidates.sort { listed.firstIndex(of: $0)! < listed.firstIndex(of: $1)! }
            } else {
                let numbers = variants.compactMap { Double($0.values[j]) }
                candidates = [numbers.min(), numbers.max()].compactMap { $0 }.map(ParameterDomain.text)
            }
            for value in candidates {
                var values = first.values
                values[j] = value
                do {
                    _ = try spec.template.resolve(SweepPlan.variant(id: 0, values: values, spec: spec).overrides)
                } catch {
                    for d in error.diagnostics where seen.insert(d.description).inserted { diagnostics.append(d) }
                }
            }
        }
        if !diagnostics.isEmpty { throw ScenarioError(diagnostics) }
    }

    /// The variants of shard `index` of `count` (1-based): variant v belongs to shard
    /// ((v − 1) mod count) + 1, so neighbouring variants of a grid spread over the shards.
    public func shard(_ index: Int, of count: Int) -> [SweepVariant] {
        variants.filter { ($0.id - 1) % count == index - 1 }
    }
}
