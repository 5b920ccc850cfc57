import Foundation

/// The parts of a run folder that `compare` reads.
public struct RunFolderData: Sendable {
    public let folder: String
    /// Headline figures by flattened name (`pv_difference.median`,
    /// `replacement_rates[clerical].db_current.p10`); JSON nulls are left out.
    public let figures: [String: Double]
    /// Text fields (`scenario`, `version`, calibration sources, …).
    public let texts: [String: String]
    /// p50 by (scheme, metric) and year; nil when empty.
    public let medians: [SeriesKey: [Int: Double?]]

    public struct SeriesKey: Hashable, Comparable, Sendable {
        public let scheme: String
        public let metric: String
        public init(scheme: String, metric: String) {
            self.scheme = scheme
            self.metric = metric
        }
        public static func < (l: Self, r: Self) -> Bool { (l.scheme, l.metric) < (r.scheme, r.metric) }
    }

    /// Reads `folder`'s summary.json and yearly.csv; a folder that is not a run folder, or a
    /// file that is not what `run` writes, is an ``InputError`` naming the file (and line).
    public static func load(_ folder: String) throws(InputError) -> RunFolderData {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw InputError("\(folder): no such run folder")
        }
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let summaryPath = base + "/summary.json", yearlyPath = base + "/yearly.csv"
        guard let summary = FileManager.default.contents(atPath: summaryPath) else {
            throw InputError("\(summaryPath): missing (expected a run folder written by pensiun run)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: summary), let root = object as? [String: Any] else {
            throw InputError("\(summaryPath): not a run summary (expected a JSON object)")
        }
        guard root["pv_burden_current"] != nil, root["years"] != nil else {
            throw InputError("\(summaryPath): not a run summary (no pv_burden_current or years)")
        }
        var figures: [String: Double] = [:], texts: [String: String] = [:]
        flatten(root, prefix: "", figures: &figures, texts: &texts)
        guard let yearly = FileManager.default.contents(atPath: yearlyPath) else {
            throw InputError("\(yearlyPath): missing (expected a run folder written by pensiun run)")
        }
        let medians = try parseYearly(String(decoding: yearly, as: UTF8.self), file: yearlyPath)
        return RunFolderData(folder: folder, figures: figures, texts: texts, medians: medians)
    }

    /// Names every number of the JSON tree by its path; list items by their `track` or `name`.
    static func flatten(_ node: Any, prefix: String, figures: inout [String: Double], texts: inout [String: String]) {
        switch node {
        case let object as [String: Any]:
            for (key, value) in object.sorted(by: { $0.key < $1.key }) {
                flatten(value, prefix: prefix.isEmpty ? key : "\(prefix).\(key)", figures: &figures, texts: &texts)
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

    static func parseYearly(_ text: String, file: String) throws(InputError) -> [SeriesKey: [Int: Double?]] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init),
              let s = header.firstIndex(of: "scheme"), let y = header.firstIndex(of: "year"),
              let m = header.firstIndex(of: "metric"), let p = header.firstIndex(of: "p50") else {
            throw InputError("\(file): line 1: expected a header with the columns scheme, year, metric and p50")
        }
        var result: [SeriesKey: [Int: Double?]] = [:]
        for (n, line) in lines.enumerated().dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == header.count else {
                throw InputError("\(file): line \(n + 1): expected \(header.count) fields, got \(fields.count)")
            }
            guard let year = Int(fields[y]) else {
                throw InputError("\(file): line \(n + 1): the year '\(fields[y])' is not a whole number")
            }
            let median: Double?
            if fields[p].isEmpty { median = nil } else if let v = Double(fields[p]) { median = v } else {
                throw InputError("\(file): line \(n + 1): the median '\(fields[p])' is not a number")
            }
            result[SeriesKey(scheme: fields[s], metric: fields[m]), default: [:]][year] = .some(median)
        }
        return result
    }
}
