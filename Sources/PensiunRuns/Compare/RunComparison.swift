import Foundation
import PensiunReporting

/// The comparison of two run folders, as text fitting 100 columns.
public struct RunComparison: Sendable {
    public let a: RunFolderData
    public let b: RunFolderData

    public init(a: RunFolderData, b: RunFolderData) {
        self.a = a
        self.b = b
    }

    /// The comparison of the run folders `a` (the reference) and `b`: `pensiun compare`.
    public static func load(_ a: String, _ b: String) throws(InputError) -> RunComparison {
        RunComparison(a: try RunFolderData.load(a), b: try RunFolderData.load(b))
    }

    public static let width = 100

    /// (B − A)/|A|; ±infinity from zero; 0 when both are zero.
    public static func relative(_ a: Double, _ b: Double, floor: Double = 0) -> Double {
        let base = max(abs(a), floor)
        if base == 0 { return b == a ? 0 : (b > a ? .infinity : -.infinity) }
        return (b - a) / base
    }

    /// Five significant digits: 2051, 0.0012499, 2.1817e+09.
    public static func number(_ v: Double?) -> String {
        guard let v else { return "—" }
        guard v.isFinite else { return "n/a" }
        let text = v == v.rounded() && abs(v) < 1e7 ? String(format: "%.0f", v) : String(format: "%.5g", v)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    public static func change(_ r: Double) -> String {
        if r.isInfinite { return r > 0 ? "from 0 ↑" : "from 0 ↓" }
        if r == 0 { return "0%" }
        let percent = abs(r * 100)
        let text: String
        if percent >= 9999.5 { text = String(format: "%.3g%%", percent) }
        else if percent >= 0.1 { text = String(format: "%.1f%%", percent) }
        else if percent >= 0.001 { text = String(format: "%.3f%%", percent) }
        else { return r > 0 ? "+<0.001%" : "−<0.001%" }
        return (r > 0 ? "+" : "−") + text
    }

    static func fit(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    /// A long name shortened in the middle, keeping its end (`replacement_r…].dc_reform.median`).
    static func fitName(_ text: String, _ width: Int) -> String {
        guard text.count > width else { return text }
        let head = width / 3
        return String(text.prefix(head)) + "…" + String(text.suffix(width - head - 1))
    }

    /// Whether a figure is a calendar year (compared by difference, not ratio).
    static func isYear(_ name: String) -> Bool {
        let last = name.split(separator: ".").last.map(String.init) ?? name
        return last.contains("year")
    }

    func describe(_ d: RunFolderData) -> String {
        let figures = d.figures
        var parts = [d.texts["scenario"] ?? "?"]
        if let seed = figures["seed"] { parts.append("seed \(Self.number(seed))") }
        if let paths = figures["paths"] { parts.append("\(Self.number(paths)) paths") }
        if let first = figures["years[0]"], let last = figures["years[1]"] {
            parts.append("years \(Self.number(first))–\(Self.number(last))")
        }
        if let version = d.texts["version"] { parts.append("Pensiun \(version)") }
        return parts.joined(separator: " · ")
    }

    /// The report: the headline figures that differ, largest relative change first, then the
    /// `top` yearly series whose median moved most, each line at most ``width`` columns.
    public func render(top: Int) -> String {
        var lines: [String] = []
        let w = Self.width
        lines.append("Comparing run folders (B against A)")
        lines.append("  A  " + Self.fit(a.folder, w - 5))
        lines.append("     " + Self.fit(describe(a), w - 5))
        lines.append("  B  " + Self.fit(b.folder, w - 5))
        lines.append("     " + Self.fit(describe(b), w - 5))

        // Headline figures: ratios and money by relative change, calendar years by difference.
        let context: Set<String> = ["seed", "paths"]
        let names = Set(a.figures.keys).union(b.figures.keys).subtracting(context).sorted()
        struct Move { let name: String; let a: Double?; let b: Double?; let rank: Double }
        var moves: [Move] = [], years: [Move] = [], unchanged = 0
        for name in names {
            let va = a.figures[name], vb = b.figures[name]
            if va == vb { unchanged += 1; continue }
            if Self.isYear(name) {
                years.append(Move(name: name, a: va, b: vb, rank: va.flatMap { x in vb.map { abs($0 - x) } } ?? .infinity))
            } else {
                moves.append(Move(name: name, a: va, b: vb, rank: va.flatMap { x in vb.map { abs(Self.relative(x, $0)) } } ?? .infinity))
            }
        }
        let order: (Move, Move) -> Bool = { $0.rank != $1.rank ? $0.rank > $1.rank : $0.name < $1.name }
        moves.sort(by: order)
        years.sort(by: order)
        lines.append("")
        lines.append("Headline figures (summary.json), largest relative change first")
        lines.append(Format.left("figure", 52) + Format.right("A", 12) + Format.right("B", 12) + Format.right("B − A", 12) + Format.right("change", 12))
        lines.append(String(repeating: "─", count: w))
        func row(_ m: Move, year: Bool) {
            var difference = "", change = ""
            if let va = m.a, let vb = m.b {
                difference = Self.number(vb - va)
                change = year ? (vb > va ? "+" : "−") + "\(Self.number(abs(vb - va))) yr" : Self.change(Self.relative(va, vb))
            } else {
                change = m.a == nil ? "new in B" : "gone in B"
            }
            lines.append(Format.left(Self.fitName(m.name, 51), 52) + Format.right(Self.number(m.a), 12) + Format.right(Self.number(m.b), 12)
                         + Format.right(difference, 12) + Format.right(change, 12))
        }
        for m in moves { row(m, year: false) }
        if !years.isEmpty {
            lines.append("Years, largest shift first")
            for m in years { row(m, year: true) }
        }
        if moves.isEmpty && years.isEmpty { lines.append("(none differ)") }
        lines.append("\(unchanged) figure\(unchanged == 1 ? "" : "s") unchanged.")
        let textChanges = Set(a.texts.keys).union(b.texts.keys).sorted().filter { a.texts[$0] != b.texts[$0] }
        for key in textChanges {
            lines.append(Self.fit("\(key): \(a.texts[key] ?? "—") → \(b.texts[key] ?? "—")", w))
        }

        // Yearly medians.
        struct SeriesMove { let key: RunFolderData.SeriesKey; let year: Int; let a: Double; let b: Double; let r: Double }
        var series: [SeriesMove] = [], same = 0, onlyA = 0, onlyB = 0
        for key in Set(a.medians.keys).union(b.medians.keys).sorted() {
            let ya = a.medians[key] ?? [:], yb = b.medians[key] ?? [:]
            onlyA += Set(ya.keys).subtracting(yb.keys).count
            onlyB += Set(yb.keys).subtracting(ya.keys).count
            let scale = ya.values.compactMap { $0 }.map(abs).max() ?? 0
            var best: SeriesMove?
            for year in Set(ya.keys).intersection(yb.keys).sorted() {
                guard let va = ya[year] ?? nil, let vb = yb[year] ?? nil, va != vb else { continue }
                let r = Self.relative(va, vb, floor: 0.01 * scale)
                if best.map({ abs(r) > abs($0.r) }) ?? true { best = SeriesMove(key: key, year: year, a: va, b: vb, r: r) }
            }
            if let best { series.append(best) } else { same += 1 }
        }
        series.sort { abs($0.r) != abs($1.r) ? abs($0.r) > abs($1.r) : $0.key < $1.key }
        lines.append("")
        lines.append("Yearly medians (yearly.csv, p50): per scheme and metric, the year that moved most")
        lines.append(Format.left("scheme", 9) + Format.left("metric", 37) + Format.right("year", 6) + Format.right("A", 12)
                     + Format.right("B", 12) + Format.right("B − A", 12) + Format.right("change", 12))
        lines.append(String(repeating: "─", count: w))
        for m in series.prefix(top) {
            lines.append(Format.left(Self.fit(m.key.scheme, 8), 9) + Format.left(Self.fitName(m.key.metric, 36), 37) + Format.right("\(m.year)", 6)
                         + Format.right(Self.number(m.a), 12) + Format.right(Self.number(m.b), 12) + Format.right(Self.number(m.b - m.a), 12)
                         + Format.right(Self.change(m.r), 12))
        }
        if series.isEmpty { lines.append("(no median differs)") }
        var tail = "\(min(top, series.count)) of \(series.count) changed series shown"
        if series.count > top { tail += " (--top N for more)" }
        tail += "; \(same) unchanged."
        lines.append(tail)
        if onlyA + onlyB > 0 {
            lines.append("Rows in one folder only (different years or metrics): \(onlyA) in A, \(onlyB) in B.")
        }
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n") + "\n"
    }
}
