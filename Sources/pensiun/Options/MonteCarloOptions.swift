import ArgumentParser

/// Flags shared by every command that simulates paths: `--paths`, `--seed`, `--threads`.
struct MonteCarloOptions: ParsableArguments {
    @OptionGroup var pathCount: PathsOption<ScenarioPaths>

    @OptionGroup var master: SeedOption

    @OptionGroup var threading: ThreadsOption

    var paths: Int? { pathCount.paths }
    var seed: UInt64? { master.seed }
    var resolvedThreads: Int { threading.resolved }
}
