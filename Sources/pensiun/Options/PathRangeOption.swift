import ArgumentParser

/// `--path-range A..B`, declared and checked here only: a shard of the whole run's `--paths N`,
/// with the same values as in the whole run (run, esg).
struct PathRangeOption: ParsableArguments {
    @Option(name: .customLong("path-range"),
            help: "Only paths A..<B of the --paths N: a shard, with the values of the whole run (see pensiun merge).")
    var pathRange: PathRange?

    /// The paths asked for, as a range.
    var range: Range<Int>? { pathRange.map { $0.lower..<$0.upper } }

    /// Refuses a range beyond the whole run's `paths`, or, when `needsPaths`, a range without them
    /// (a run's shard must know the whole run to be merged).
    func check(paths: Int?, needsPaths: Bool) throws {
        guard let pathRange else { return }
        if let paths, pathRange.upper > paths {
            throw ValidationError("--path-range \(pathRange.lower)..\(pathRange.upper) goes beyond --paths \(paths).")
        }
        if needsPaths && paths == nil {
            throw ValidationError("--path-range needs --paths N, the number of paths of the whole run.")
        }
    }
}
