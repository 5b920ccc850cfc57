import ArgumentParser
import PensiunRandom

/// What `--paths` is when it is not given, as its help line says.
protocol PathsDefault {
    static var help: String { get }
}

/// The scenario's `simulation.paths` (run, validate, esg, solve, slurm run).
enum ScenarioPaths: PathsDefault {
    static let help = "Number of Monte Carlo paths in all (default: the scenario's simulation.paths)."
}

/// 200 paths, enough for the calibration table (calibrate).
enum CalibrationPaths: PathsDefault {
    static let help = "Number of Monte Carlo paths (default 200)."
    static let value = 200
}

/// `--paths N`, declared and validated here only: at least 1 and below the number of distinct
/// path seeds (`PathSeeds.maximumPaths`).
struct PathsOption<Default: PathsDefault>: ParsableArguments {
    @Option(help: ArgumentHelp(Default.help))
    var paths: Int?

    func validate() throws {
        guard let paths else { return }
        if paths < 1 { throw ValidationError("--paths must be at least 1 (got \(paths)).") }
        if UInt64(paths) >= PathSeeds.maximumPaths {
            throw ValidationError("--paths must be below \(PathSeeds.maximumPaths), the number of distinct path seeds (got \(paths)).")
        }
    }
}
