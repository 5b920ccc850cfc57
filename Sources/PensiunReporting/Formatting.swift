import Foundation

/// Number formats shared by the text renderers: deterministic, locale-independent.
public enum Format {
    /// 1234567.891 → "1,234,567.9" (digits after the point as given).
    public static func grouped(_ value: Double, decimals: Int = 1) -> String {
        guard value.isFinite else { return "n/a" }
        let text = String(format: "%.\(decimals)f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer.removeLast(3)
        }
        groups.insert(integer, at: 0)
        var result = groups.joined(separator: ",")
        if parts.count > 1 { result += "." + parts[1] }
        let negative = value < 0 && result.contains(where: { $0 != "0" && $0 != "." && $0 != "," })
        return (negative ? "−" : "") + result
    }

    /// A formatted number with its sign: "+0.8", "−1.1" ("−" is kept, "+" added otherwise).
    public static func signed(_ text: String) -> String { text.hasPrefix("−") ? text : "+" + text }

    /// 0.01234 → "1.23%".
    public static func percent(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "n/a" }
        let text = String(format: "%.\(decimals)f%%", abs(value) * 100)
        return (value < 0 && text.contains(where: { $0 != "0" && $0 != "." && $0 != "%" }) ? "−" : "") + text
    }

    /// Pads on the left to `width`.
    public static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    /// Pads on the right to `width`.
    public static func left(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
