/// A 1-based line and column in a text file; columns count Unicode scalars, as the YAML parser's do.
struct TextPosition: Equatable, Sendable {
    let line: Int
    let column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position just after `scalars`, the text before the place.
    init<S: Sequence>(after scalars: S) where S.Element == Unicode.Scalar {
        var line = 1, column = 1
        for scalar in scalars {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        self.init(line: line, column: column)
    }
}
