import Foundation

/// The values a scenario key accepts.
public enum KeyDomain: Sendable {
    /// A number in the interval.
    case numbers(NumberRange)
    /// A whole number in the range.
    case integers(ClosedRange<Int>)
    /// One of these words.
    case words([String])
    /// Anything else (a mapping, a list, a path, text): the noun says what.
    case shape

    /// The allowed values, for messages and documentation ("in [0, 1]", "between 1 and 200").
    public var text: String {
        switch self {
        case let .numbers(range): return range.text
        case let .integers(range):
            return range.upperBound == Int.max ? "≥ \(NumberRange.format(Double(range.lowerBound)))"
                : "between \(NumberRange.format(Double(range.lowerBound))) and \(NumberRange.format(Double(range.upperBound)))"
        case let .words(words): return "(one of \(words.joined(separator: ", ")))"
        case .shape: return ""
        }
    }
}

/// An interval of real numbers, each end included or not.
public struct NumberRange: Sendable, Equatable {
    public let lower: Double
    public let lowerIncluded: Bool
    public let upper: Double
    public let upperIncluded: Bool

    /// [a, b]
    static func closed(_ a: Double, _ b: Double) -> NumberRange { .init(lower: a, lowerIncluded: true, upper: b, upperIncluded: true) }
    /// (a, b]
    static func openClosed(_ a: Double, _ b: Double) -> NumberRange { .init(lower: a, lowerIncluded: false, upper: b, upperIncluded: true) }
    /// [a, b)
    static func closedOpen(_ a: Double, _ b: Double) -> NumberRange { .init(lower: a, lowerIncluded: true, upper: b, upperIncluded: false) }
    /// (a, b)
    static func open(_ a: Double, _ b: Double) -> NumberRange { .init(lower: a, lowerIncluded: false, upper: b, upperIncluded: false) }

    public func contains(_ x: Double) -> Bool {
        (lowerIncluded ? x >= lower : x > lower) && (upperIncluded ? x <= upper : x < upper)
    }

    /// "in [0, 1]", "in (−1, 1]".
    public var text: String {
        "in \(lowerIncluded ? "[" : "(")\(Self.format(lower)), \(Self.format(upper))\(upperIncluded ? "]" : ")")"
    }

    /// A bound as people write it: `1e18` for large powers of ten, `−1` with a minus sign.
    static func format(_ value: Double) -> String {
        let magnitude = Swift.abs(value)
        var text: String
        if magnitude >= 1e6, let exponent = magnitude.exponentOfTen {
            text = "1e\(exponent)"
        } else {
            text = YAMLCursor.format(magnitude)
        }
        if value < 0 { text = "−" + text }
        return text
    }
}

extension Double {
    /// n when the value is exactly 10ⁿ (as written, `1e18`), else nil.
    var exponentOfTen: Int? {
        guard self > 0 else { return nil }
        let n = Int(log10(self).rounded())
        return Double("1e\(n)") == self ? n : nil
    }
}
