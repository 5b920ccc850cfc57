import ArgumentParser
import Foundation
import PensiunReporting

/// `pensiun compare A B`: what moved between two finished run folders, largest moves first.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two run folders: headline figures and yearly medians, largest changes first.",
        discussion: """
        Reads summary.json and yearly.csv of each folder (written by pensiun run). Prints every
        headline figure that differs (A, B, B − A and the relative change), then, for each scheme
        and metric of yearly.csv, the year whose median moved most. Relative changes are taken on
        |A|; for the yearly medians |A| is floored at 1% of the series' largest |A|, so that years
        near zero do not swamp the list.
        """
    )

    @Argument(help: "The first run folder (A, the reference).")
    var folderA: String

    @Argument(help: "The second run folder (B).")
    var folderB: String

    @Option(help: "Yearly series to show (those with the largest changes).")
    var top = 20

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1 (got \(top)).") }
    }

    func run() throws {
        let a = try RunFolderData.load(folderA), b = try RunFolderData.load(folderB)
        print(RunComparison(a: a, b: b).render(top: top), terminator: "")
    }
}

/// The parts of a run folder that `compare` reads.
struct RunFolderData {
    let folder: String
    /// Headline figures by flattened name (`pv_difference.median`,
    /// `replacement_rates[clerical].db_current.p10`); JSON nulls are left out.
    let figures: [String: Double]
    /// Text fields (`scenario`, `version`, calibration sources, …).
    let texts: [String: String]
    /// p50 by (scheme, metric) and year; nil when empty.
    let medians: [SeriesKey: [Int: Double?]]

    struct SeriesKey: Hashable, Comparable {
        let scheme: String
        let metric: String
        static func < (l: Self, r: Self) -> Bool { (l.scheme, l.metric) < (r.scheme, r.metric) }
    }

    static func load(_ folder: String) throws -> RunFolderData {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw failInput("\(folder): no such run folder")
        }
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let summaryPath = base + "/summary.json", yearlyPath = base + "/yearly.csv"
        guard let summary = FileManager.default.contents(atPath: summaryPath) else {
            throw failInput("\(summaryPath): missing (expected a run folder written by pensiun run)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: summary), let root = object as? [String: Any] else {
            throw failInput("\(summaryPath): not a run summary (expected a JSON object)")
        }
        guard root["pv_burden_current"] != nil, root["years"] != nil else {
            throw failInput("\(summaryPath): not a run summary (no pv_burden_current or years)")
        }
        var figures: [String: Double] = [:], texts: [String: String] = [:]
        flatten(root, prefix: "", figures: &figures, texts: &texts)
        guard let yearly = FileManager.default.contents(atPath: yearlyPath) else {
            throw failInput("\(yearlyPath): missing (expected a run folder written by pensiun run)")
        }
        let medians = try parseYearly(String(decoding: yearly, as: UTF8.self), file: yearlyPath)
        return RunFolderData(folder: folder, figures: figures, texts: texts, medians: medians)
    }

    /// Names every number of the JSON tree by its path; list items by their `track` or `name`.
    static func flatten(_ node: Any, prefix: String, figures: inout [String: Double], texts: inout [String: String]) {
        switch node {
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                flatten(object[key]!, prefix: prefix.isEmpty ? key : "\(prefix).\(key)", figures: &figures, texts: &texts)
            }
        case let list as [Any]:
            for (i, item) in list.enumerated() {
                let object = item as? [String: Any]
                let label = (object?["track"] as? String) ?? (object?["name"] as? String) ?? "\(i)"
                flatten(item, prefix: "\(prefix)[\(label)]", figures: &figures, texts: &texts)
            }
        case let text as String:
            texts[prefix] = text
        case is NSNull:
            break  // a figure the run does not have (e.g. no breakeven year): treated as absent
        case let number as NSNumber:
            figures[prefix] = number.doubleValue
        default:
            break
        }
    }

    static func parseYearly(_ text: String, file: String) throws -> [SeriesKey: [Int: Double?]] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init),
              let s = header.firstIndex(of: "scheme"), let y = header.firstIndex(of: "year"),
              let m = header.firstIndex(of: "metric"), let p = header.firstIndex(of: "p50") else {
            throw failInput("\(file): line 1: expected a header with the columns scheme, year, metric and p50")
        }
        var result: [SeriesKey: [Int: Double?]] = [:]
        for (n, line) in lines.enumerated().dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == header.count else {
                throw failInput("\(file): line \(n + 1): expected \(header.count) fields, got \(fields.count)")
            }
            guard let year = Int(fields[y]) else {
                throw failInput("\(file): line \(n + 1): the year '\(fields[y])' is not a whole number")
            }
            let median: Double?
            if fields[p].isEmpty { median = nil } else if let v = Double(fields[p]) { median = v } else {
                throw failInput("\(file): line \(n + 1): the median '\(fields[p])' is not a number")
            }
            result[SeriesKey(scheme: fields[s], metric: fields[m]), default: [:]][year] = .some(median)
        }
        return result
    }
}

/// The comparison of two run folders, as text fitting 100 columns.
struct RunComparison {
    let a: RunFolderData
    let b: RunFolderData

    static let width = 100

    /// (B − A)/|A|; ±infinity from zero; 0 when both are zero.
    static func relative(_ a: Double, _ b: Double, floor: Double = 0) -> Double {
        let base = max(abs(a), floor)
        if base == 0 { return b == a ? 0 : (b > a ? .infinity : -.infinity) }
        return (b - a) / base
    }

    /// Five significant digits: 2051, 0.0012499, 2.1817e+09.
    static func number(_ v: Double?) -> String {
        guard let v else { return "—" }
        guard v.isFinite else { return "n/a" }
        let text = v == v.rounded() && abs(v) < 1e7 ? String(format: "%.0f", v) : String(format: "%.5g", v)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    static func change(_ r: Double) -> String {
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

    func render(top: Int) -> String {
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
                if best == nil || abs(r) > abs(best!.r) { best = SeriesMove(key: key, year: year, a: va, b: vb, r: r) }
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
