import ArgumentParser
import PensiunRuns

/// `--memory-limit SIZE` and `--stream`: the memory a command that holds a run's results may plan to use (`run`,
/// `merge`); beyond it the results are streamed (docs/model.md, "Streaming statistics").
struct MemoryLimitOption: ParsableArguments {
    @Option(help: ArgumentHelp("The memory the command may plan to use, e.g. 2GiB or 512MiB (default: half of this machine's memory). Results that need more are streamed: means exact, yearly percentiles within 0.1%.",
                               valueName: "size"))
    var memoryLimit: String?

    @Flag(help: "Stream the results even when they fit in memory: the statistics a run too large for memory gives (exact means, yearly percentiles within 0.1%), to compare with the exact ones.")
    var stream = false

    /// The limit in bytes; nil: the default.
    var bytes: Int? { memoryLimit.flatMap(MemoryBudget.parse) }

    func validate() throws {
        if let memoryLimit, MemoryBudget.parse(memoryLimit) == nil {
            throw ValidationError("--memory-limit \(memoryLimit): expected a size of at least 1 MiB such as 512MiB or 4GiB")
        }
    }
}
