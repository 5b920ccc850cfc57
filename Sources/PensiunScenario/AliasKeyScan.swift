/// Finds mapping keys that are not plain names in a document that uses aliases, before the YAML
/// parser sees it. The parser compares the keys of each mapping by hashing them whole, so a key
/// that is (or holds) an alias of a "billion laughs" node would take hours before any bound on
/// the converted tree applies. Scenario keys are plain names, so such documents are refused.
///
/// The scan is lexical and conservative: it runs only when the text holds a `*`, skips quoted
/// text and comments, and reports an explicit key (`? …`), or an alias or a closing bracket
/// directly followed by `:` and a space (`*a: 1`, `[a, *b]: 1`).
enum AliasKeyScan {
    /// Where the first such key is found (its `?`, alias or closing bracket), if any.
    static func firstComplexKey(in text: String) -> TextPosition? {
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if let column = complexKeyColumn(in: Array(line.unicodeScalars)) {
                return TextPosition(line: lineNumber, column: column)
            }
        }
        return nil
    }

    /// The 1-based column of a complex key on one line, outside quotes and comments.
    static func complexKeyColumn(in line: [Unicode.Scalar]) -> Int? {
        var quote: Unicode.Scalar?
        var i = 0
        func isBlank(_ j: Int) -> Bool { j >= line.count || line[j] == " " || line[j] == "\t" }
        func tokenStart(_ j: Int) -> Bool { j == 0 || " \t[{,".unicodeScalars.contains(line[j - 1]) }
        func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
            c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-")
        }
        /// A `:` after blanks, itself followed by a blank: the value indicator of an implicit key.
        func valueIndicator(after j: Int) -> Bool {
            var k = j
            while k < line.count, line[k] == " " || line[k] == "\t" { k += 1 }
            return k < line.count && line[k] == ":" && isBlank(k + 1)
        }
        while i < line.count {
            let c = line[i]
            if let open = quote {
                if c == open { quote = nil }
                i += 1
                continue
            }
            if (c == "\"" || c == "'") && tokenStart(i) { quote = c; i += 1; continue }
            if c == "#" && tokenStart(i) { return nil }
            if c == "?" && tokenStart(i) && isBlank(i + 1) { return i + 1 }
            if c == "*" && tokenStart(i) {
                // libyaml's alias names are letters, digits, `_` and `-`: `*a: 1` is an alias key.
                var end = i + 1
                while end < line.count, isNameCharacter(line[end]) { end += 1 }
                if valueIndicator(after: end) { return i + 1 }
                i = end
                continue
            }
            if (c == "]" || c == "}") && valueIndicator(after: i + 1) { return i + 1 }
            i += 1
        }
        return nil
    }
}
