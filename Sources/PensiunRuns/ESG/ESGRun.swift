import Foundation
import PensiunEconomy
import PensiunReporting
import PensiunScenario

/// `pensiun esg`: the economic scenario generator alone, one CSV row per path and year.
public enum ESGRun {
    /// Bytes held per path and year: ten series of doubles, plus the pooled copy and the sorted
    /// copy the summary makes of one series at a time.
    public static let bytesPerPathYear = 10 * 8 + 3 * 8

    /// What was generated and written.
    public struct Outcome: Sendable {
        /// Means and 5/50/95% quantiles by variable, as text.
        public let summary: String
        /// The CSV file written.
        public let file: String
        /// Its rows (paths × years).
        public let rows: Int
    }

    /// Generates paths `range` (nil: 0 ..< `paths`, or the scenario's simulation.paths) of the
    /// scenario `scenario`'s economy with `seed` (or the scenario's) and writes them, atomically,
    /// to `out` (default `Outputs/esg/<scenario name>.csv`). The memory needed and the output file
    /// are checked before anything is generated; economic parameters or paths that cannot be
    /// projected, and a value beyond the range of a number, are an ``InputError`` naming the
    /// scenario; an output Pensiun may not write is an `OutputError` naming `--out`.
    public static func generate(scenario: String, overrides: [String], paths: Int?, range: Range<Int>?, seed: UInt64?,
                                threads: Int, out: String?) throws -> Outcome {
        let loaded = try ScenarioLoader.load(path: scenario, overrides: overrides)
        let total = paths ?? loaded.simulation.paths
        let range = range ?? 0..<total
        let seed = seed ?? loaded.simulation.seed
        let startYear = loaded.simulation.startYear
        try MemoryBudget.check(paths: range.count, bytesPerPath: (loaded.simulation.horizon + 1) * bytesPerPathYear,
                               wayOut: "generate fewer paths, or parts with --path-range A..B and join the files")
        // The file is checked before anything is generated.
        let destination = out ?? "Outputs/esg/\(loaded.name).csv"
        let writer = try OutputError.naming("--out") {
            try AtomicFileWriter(path: destination, signatures: [ESGTable.header], command: "esg")
        }
        let generator: EconomicScenarioGenerator
        do {
            generator = try EconomicScenarioGenerator(parameters: loaded.economy, startYear: startYear, horizon: loaded.simulation.horizon)
        } catch {
            throw InputError("\(scenario): \(error)")
        }
        let blocks: [EconomicPaths]
        do {
            blocks = try EconomicSimulation.run(generator, paths: range, seed: seed, kind: loaded.simulation.generator, threads: threads)
        } catch let error as EconomyPathError {
            throw InputError("\(scenario): \(error)")
        }
        if let bad = ESGTable.firstNonFinite(blocks, startYear: startYear) {
            throw InputError("\(scenario): \(bad) (beyond the range of a number); the inputs most likely responsible: the means and volatilities of the economy section")
        }
        do {
            try writer.write(ESGTable.header + "\n")
            for block in blocks { try writer.write(ESGTable.rows(block, startYear: startYear)) }
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
        return Outcome(summary: ESGTable.render(ESGTable.summary(blocks, startYear: startYear), paths: range.count, seed: seed),
                       file: destination, rows: range.count * loaded.simulation.horizon)
    }
}
