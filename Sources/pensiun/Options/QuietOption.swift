import ArgumentParser

/// `--quiet`: no progress and no summary; errors (and the answer of `solve` and the table of
/// `sensitivity`, which are what those commands are for) are still printed.
struct QuietOption: ParsableArguments {
    @Flag(help: "Print nothing but errors and the command's answer, if it has one (no progress, no summary).")
    var quiet = false
}
