/// Suggests the nearest valid key for a misspelt one.
package enum KeySuggestion {
    /// The candidate with the smallest Levenshtein distance to `key`, if that distance is at most
    /// max(2, ⌊len/3⌋); ties go to the first candidate in the given order.
    package static func nearest(to key: String, in candidates: [String]) -> String? {
        let limit = max(2, key.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(key.lowercased(), candidate.lowercased())
            if d <= limit, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// Levenshtein edit distance (insertions, deletions and substitutions cost 1).
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1,
                                 previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
