import Foundation
import PensiunReporting
import PensiunEngine
import PensiunScenario

/// `pensiun sensitivity`: Sobol indices of chosen outputs with respect to a sweep file's
/// parameters. The Saltelli rows (A, B, A_B^(i)) are run as the variants of a sweep, on common
/// random numbers and journaled like one (so an interrupted study resumes), each reduced to the
/// outputs' statistics across paths; ``SobolIndices`` then decomposes their variance.
public enum SensitivityStudy {
    public struct Result: Sendable {
        public let outputs: [StatisticExpression]
        /// Per output; nil when some variant has no value for it (no path with a value).
        public let indices: [SobolIndices?]
        public let parameters: [String]
        public let samples: Int
        public let runs: Int
        public let paths: Int
        public let bootstrap: Int
        public let confidence: Double
        public let wallTime: Double
    }

    /// The base sample size N of `spec`'s study, or an error naming the missing key.
    public static func samples(_ spec: SweepSpec) throws -> Int {
        guard let n = spec.sensitivity.samples ?? spec.samples else {
            throw SweepError("\(spec.file): sensitivity.samples: missing key (expected N, the base sample size: the study runs N(d + 2) variants)")
        }
        guard n >= 2 else { throw SweepError("\(spec.file): samples: a sensitivity study needs N ≥ 2 (got \(n))") }
        return n
    }

    /// The Saltelli variants of `spec`, and the matrix label of each (A, B, AB1 … ABd).
    public static func plan(_ spec: SweepSpec) throws -> (plan: SweepPlan, labels: [String]) {
        let n = try samples(spec)
        let d = spec.parameters.count
        let design = spec.sensitivity.design
        if design == .sobol, 2 * d > 40 {
            throw SweepError("\(spec.file): sensitivity.design: sobol supports at most 20 parameters in a sensitivity study (got \(d)); use design: random or latin_hypercube")
        }
        let (a, b) = try SobolIndices.matrices(dimension: d, samples: n, design: design, seed: spec.seed)
        let rows = SobolIndices.saltelliRows(a: a, b: b).map { u in spec.parameters.enumerated().map { j, p in p.value(at: u[j]) } }
        let labels = ["A", "B"] + (0..<d).map { "AB\($0 + 1)" }
        let perRow = labels.flatMap { label in (1...n).map { "\(label),\($0)" } }
        return (SweepPlan(spec: spec, rows: rows), perRow)
    }

    /// Runs the study `plan` (with its matrix `labels`, both from ``plan(_:)``) into `out`,
    /// resuming from `out/work/` when an earlier run was interrupted.
    public static func run(
        _ spec: SweepSpec, plan: SweepPlan, labels: [String], out: String, threads: Int, provenance: SweepProvenance,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> Result {
        let started = Date()
        let n = try samples(spec)
        let d = spec.parameters.count
        let outputs = spec.sensitivity.outputs
        var fingerprint = SweepDriver.fingerprint(spec, kind: "sensitivity", shard: nil, provenance: provenance)
        fingerprint += "\noutputs \(outputs.map(\.description).joined(separator: "; "))"
        let cache = ProjectionCache(paths: spec.paths)
        let work = try SweepDriver.journal(plan.variants, out: out, outputs: files, inputs: [spec.file] + spec.base.files, fingerprint: fingerprint,
                                           threads: threads, progress: progress) { variant, inner in
            let results = try SweepDriver.results(of: variant, spec: spec, threads: inner, cache: cache)
            var lines = ""
            for output in outputs {
                lines += try RunFiles.statistic(PathStatistics.evaluate(output, in: results).value, output.description) + "\n"
            }
            return lines
        }
        // y[k][variant − 1]: output k of each variant.
        var y = [[Double]](repeating: [Double](repeating: .nan, count: plan.variants.count), count: outputs.count)
        var outputsCSV = "variant,output,value\n"
        for variant in plan.variants {
            let lines = try work.text(variant.id).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            guard lines.count == outputs.count else {
                throw SweepError("\(work.path): the file of variant \(variant.id) has \(lines.count) values (expected \(outputs.count)); delete the folder to start again")
            }
            for (k, line) in lines.enumerated() {
                y[k][variant.id - 1] = Double(line) ?? .nan
                outputsCSV += "\(variant.id),\(SweepFiles.field(outputs[k].description)),\(line)\n"
            }
        }
        var indices: [SobolIndices?] = []
        for k in outputs.indices {
            if y[k].contains(where: { !$0.isFinite }) {
                indices.append(nil)
            } else {
                indices.append(try SobolIndices(outputs: y[k], dimension: d, bootstrap: spec.sensitivity.bootstrap,
                                                confidence: spec.sensitivity.confidence, seed: spec.seed))
            }
        }
        let result = Result(outputs: outputs, indices: indices, parameters: spec.parameters.map(\.name), samples: n,
                            runs: plan.variants.count, paths: spec.paths, bootstrap: spec.sensitivity.bootstrap,
                            confidence: spec.sensitivity.confidence, wallTime: Date().timeIntervalSince(started))
        var manifest = SweepFiles.manifest(spec, design: plan, provenance: provenance, shard: nil, shardVariants: plan.variants.count,
                                           threads: threads, wallTime: result.wallTime, kind: "sensitivity")
        manifest["design"] = spec.sensitivity.design.rawValue
        manifest["samples"] = n
        manifest["bootstrap"] = spec.sensitivity.bootstrap
        manifest["confidence"] = spec.sensitivity.confidence
        manifest["outputs"] = outputs.map(\.description)
        let variantsCSV = SweepFiles.variantsCSV(spec, plan.variants, extra: ["matrix", "row"]) { v in
            labels[v.id - 1].split(separator: ",").map(String.init)
        }
        try SweepFiles.write(out: out, files: [("variants.csv", variantsCSV), ("outputs.csv", outputsCSV),
                                               ("sensitivity.csv", csv(result))],
                             manifest: manifest)
        work.remove()
        return result
    }

    static let files = ["manifest.json", "variants.csv", "outputs.csv", "sensitivity.csv"]

    public static let csvHeader = "output,parameter,index,estimate,ci_low,ci_high"

    /// `output,parameter,index,estimate,ci_low,ci_high`, index `first_order` or `total`; parameters
    /// in file order; empty numbers when the output has no variance or no value in some variant.
    public static func csv(_ r: Result) throws(NonFiniteOutput) -> String {
        var out = csvHeader + "\n"
        for (k, output) in r.outputs.enumerated() {
            for (i, name) in r.parameters.enumerated() {
                for (label, pick) in [("first_order", \SobolIndices.firstOrder), ("total", \SobolIndices.total)] {
                    let e = r.indices[k].map { $0[keyPath: pick][i] }
                    var values: [String] = []
                    for v in [e?.value, e?.low, e?.high] { values.append(try v.map { v throws(NonFiniteOutput) in try RunFiles.statistic(v, output.description) } ?? "") }
                    out += ([SweepFiles.field(output.description), SweepFiles.field(name), label] + values).joined(separator: ",") + "\n"
                }
            }
        }
        return out
    }

    /// The printed report: per output, the parameters ranked by total index, within 100 columns.
    public static func table(_ r: Result) -> String {
        let level = Int((r.confidence * 100).rounded())
        var out = "Sobol indices (Jansen), N = \(r.samples): \(r.runs) variants of \(r.paths) paths; \(level)% bootstrap intervals, \(r.bootstrap) replicates\n"
        let nameWidth = min(34, max(9, r.parameters.map(\.count).max() ?? 9))
        func cut(_ s: String) -> String { s.count <= nameWidth ? s : String(s.prefix(nameWidth - 1)) + "…" }
        func f(_ x: Double) -> String { x.isFinite ? String(format: "%6.3f", x) : "   n/a" }
        for (k, output) in r.outputs.enumerated() {
            out += "\n\(output)"
            guard let s = r.indices[k] else {
                out += ": n/a (some variant has no value for it)\n"
                continue
            }
            guard s.variance > 0 else {
                out += ": n/a (constant across the variants)\n"
                continue
            }
            out += String(format: "  (variance %.4g)\n", s.variance)
            out += "  rank  " + Format.left("parameter", nameWidth) + "      S1  " + Format.left("interval", 16) + "      ST  interval\n"
            let order = r.parameters.indices.sorted { (s.total[$0].value, -$0) > (s.total[$1].value, -$1) }
            for (rank, i) in order.enumerated() {
                let a = s.firstOrder[i], b = s.total[i]
                out += String(format: "  %4d  ", rank + 1) + Format.left(cut(r.parameters[i]), nameWidth)
                    + "  \(f(a.value))  [\(f(a.low)), \(f(a.high))]  \(f(b.value))  [\(f(b.low)), \(f(b.high))]\n"
            }
        }
        return out
    }

}
