import ArgumentParser

/// `--seed N`, the master seed of the paths.
struct SeedOption: ParsableArguments {
    @Option(help: "Master seed (default: the scenario's simulation.seed).")
    var seed: UInt64?
}
