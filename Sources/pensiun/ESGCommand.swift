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

    @Option(help: "CSV file to write (default: Outputs/<scenario name>/esg.csv).")
    var out: String?

    func run() throws {
        let loaded = try input.load()
        let paths = monteCarlo.paths ?? loaded.simulation.paths
        let seed = monteCarlo.seed ?? loaded.simulation.seed
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
                generator, paths: 0..<paths, seed: seed, kind: loaded.simulation.generator,
                threads: monteCarlo.resolvedThreads)
        } catch let error as EconomyPathError {
            throw failInput("\(input.scenario): \(error)")
        }
        let destination = out ?? "Outputs/\(loaded.name)/esg.csv"
        let writer = try AtomicFileWriter(path: destination)
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
