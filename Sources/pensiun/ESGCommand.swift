import ArgumentParser
import Foundation
import PensiunEconomy
import PensiunReporting
import PensiunScenario

/// `pensiun esg`: the economic scenario generator alone.
struct ESGCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "esg",
        abstract: "Generate economic scenarios (inflation, wages, GDP, yields, returns) for a scenario.",
        discussion: """
        Writes one CSV row per path and year with the columns
        \(ESGTable.header)
        and prints means and 5/50/95% quantiles by variable.
        """
    )

    @OptionGroup var input: ScenarioArguments

    @OptionGroup var monteCarlo: MonteCarloOptions

    @Option(help: "CSV file to write (default: Outputs/esg/<scenario name>.csv, beside the run folders, not in one).")
    var out: String?

    @Option(name: .customLong("path-range"), help: "Generate only paths A..<B of the run (the same values as in the whole run).")
    var pathRange: PathRange?

    /// Bytes held per path and year: ten series of doubles, plus the pooled copy and the sorted
    /// copy the summary makes of one series at a time.
    static let bytesPerPathYear = 10 * 8 + 3 * 8

    func validate() throws {
        if let pathRange, let paths = monteCarlo.paths, pathRange.upper > paths {
            throw ValidationError("--path-range \(pathRange.lower)..\(pathRange.upper) goes beyond --paths \(paths).")
        }
    }

    func run() throws {
        let loaded = try input.load()
        let total = monteCarlo.paths ?? loaded.simulation.paths
        let range = pathRange.map { $0.lower..<$0.upper } ?? 0..<total
        let paths = range.count
        let seed = monteCarlo.seed ?? loaded.simulation.seed
        try MemoryBudget.check(paths: paths, bytesPerPath: (loaded.simulation.horizon + 1) * Self.bytesPerPathYear,
                               wayOut: "generate fewer paths, or parts with --path-range A..B and join the files")
        // The file is checked before anything is generated.
        let destination = out ?? "Outputs/esg/\(loaded.name).csv"
        let writer = try namingOut { try AtomicFileWriter(path: destination, signatures: [ESGTable.header], command: "esg") }
        let generator: EconomicScenarioGenerator
        do {
            generator = try EconomicScenarioGenerator(
                parameters: loaded.economy, startYear: loaded.simulation.startYear, horizon: loaded.simulation.horizon)
        } catch {
            throw failInput("\(input.scenario): \(error)")
        }
        let blocks: [EconomicPaths]
        do {
            blocks = try EconomicSimulation.run(
                generator, paths: range, seed: seed, kind: loaded.simulation.generator,
                threads: monteCarlo.resolvedThreads)
        } catch let error as EconomyPathError {
            throw failInput("\(input.scenario): \(error)")
        }
        if let bad = ESGTable.firstNonFinite(blocks, startYear: loaded.simulation.startYear) {
            throw failInput("\(input.scenario): \(bad) (beyond the range of a number); the inputs most likely responsible: the means and volatilities of the economy section")
        }
        do {
            try writer.write(ESGTable.header + "\n")
            for block in blocks { try writer.write(ESGTable.rows(block, startYear: loaded.simulation.startYear)) }
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
        print(ESGTable.render(ESGTable.summary(blocks, startYear: loaded.simulation.startYear), paths: paths, seed: seed), terminator: "")
        print("Wrote \(paths * loaded.simulation.horizon) rows to \(destination)")
    }
}
