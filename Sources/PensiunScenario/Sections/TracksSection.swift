import PensiunInputs

/// Reads the `tracks` section: the career tracks, each with its salary scale, take-home pay
/// multiplier and retirement age under the current scheme.
enum TracksSection {
    struct Result {
        /// The tracks in the order written.
        let tracks: [Track]
        /// Each track's retirement age by year under the current scheme.
        let retirementAges: [ByYear<Int>]
        /// The salary-scale files read, each once.
        let files: [String]
        /// Notes on former key names read under their new meaning.
        let warnings: [String]
    }

    /// `dc_base_multiplier` is the former name of `take_home_multiplier` (model 2.2), still read.
    static let keys = ["name", "retirement_age", "salary_scale", "take_home_multiplier", "dc_base_multiplier", "pay_levels",
                       "regional_share"]

    static func read(_ cursor: YAMLCursor) -> Result? {
        guard let items = cursor.sequence() else { return nil }
        guard !items.isEmpty else {
            cursor.fail("expected at least one career track")
            return nil
        }
        var tracks: [Track] = [], ages: [ByYear<Int>] = [], files: [String] = [], warnings: [String] = []
        var ok = true
        var scaleFiles: [String: CSVTable] = [:]
        var failedScaleFiles = Set<String>()
        for item in items {
            guard let t = item.mapping(allowed: keys) else { ok = false; continue }
            let name = t.required(.trackName)?.string(expected: ScenarioKey.trackName.expected)
            if let name, tracks.contains(where: { $0.name == name }) {
                (t["name"] ?? item).fail("duplicate track name '\(name)' (each track needs its own name)")
                ok = false
            }
            let bup = t.required(.trackRetirementAge)?.byYear { $0.integer(.trackRetirementAge) }
            var scale: [Double]?
            if let node = t.required(.salaryScale),
               let sc = node.mapping(allowed: ["file", "column"]) {
                let column = sc.required(.salaryScaleColumn)?.string(expected: ScenarioKey.salaryScaleColumn.expected)
                if let fileNode = sc.required(.salaryScaleFile),
                   let column {
                    let key = fileNode.node.location.file + "|" + (fileNode.string() ?? "")
                    let table = scaleFiles[key] ?? CSVTable.read(fileNode, required: ["service", column])
                    if let table, !failedScaleFiles.contains(key) {
                        scaleFiles[key] = table
                        if !files.contains(table.file) { files.append(table.file) }
                        scale = readScale(table, column: column, cursor: fileNode)
                        if scale == nil { failedScaleFiles.insert(key) }
                    } else if scaleFiles[key] == nil {
                        failedScaleFiles.insert(key)
                    }
                }
            }
            var multiplier: ByYear<Double>? = ByYear(1)
            if let former = t["dc_base_multiplier"] {
                if t["take_home_multiplier"] != nil {
                    former.fail("give take_home_multiplier only (dc_base_multiplier is its former name)")
                    multiplier = nil
                } else {
                    multiplier = former.byYear { $0.number(.takeHomeMultiplier) }
                    warnings.append("\(former.node.location): tracks[].dc_base_multiplier is now take_home_multiplier (read as such; it is also the denominator of the rr_takehome_* rates)")
                }
            }
            if let node = t["take_home_multiplier"], multiplier != nil {
                multiplier = node.byYear { $0.number(.takeHomeMultiplier) }
            }
            let levels = t["pay_levels"].map(readPayLevels) ?? [.path]
            let regional: Double? = t["regional_share"].map { $0.number(.regionalShare) } ?? 0
            if let name, let bup, let scale, let multiplier, let levels, let regional {
                tracks.append(Track(name: name, salaryScale: scale, takeHomeMultiplier: multiplier, payLevels: levels,
                                    regionalShare: regional))
                ages.append(bup)
            } else { ok = false }
        }
        return ok ? Result(tracks: tracks, retirementAges: ages, files: files, warnings: warnings) : nil
    }

    /// A track's `pay_levels`: named levels with multipliers and shares; the shares sum to 1 and the
    /// share-weighted multipliers average 1, each within 1e-9 (docs/model.md Part II, "Pay levels
    /// within a track").
    static func readPayLevels(_ cursor: YAMLCursor) -> [PayLevel]? {
        guard let items = cursor.sequence() else { return nil }
        guard !items.isEmpty else {
            cursor.fail("expected at least one pay level ({name, multiplier, share}), or no pay_levels key")
            return nil
        }
        var levels: [PayLevel] = [], ok = true
        for item in items {
            guard let l = item.mapping(allowed: ["name", "multiplier", "share"]) else { ok = false; continue }
            let name = l.required(.payLevelName)?.string(expected: ScenarioKey.payLevelName.expected)
            if let name, levels.contains(where: { $0.name == name }) {
                (l["name"] ?? item).fail("duplicate pay level name '\(name)' (each level of a track needs its own name)")
                ok = false
            }
            let m = l.required(.payLevelMultiplier)?.number(.payLevelMultiplier)
            let share = l.required(.payLevelShare)?.number(.payLevelShare)
            if let name, let m, let share { levels.append(PayLevel(name: name, multiplier: m, share: share)) } else { ok = false }
        }
        guard ok else { return nil }
        let total = levels.reduce(0) { $0 + $1.share }, mean = levels.reduce(0) { $0 + $1.share * $1.multiplier }
        guard abs(total - 1) <= 1e-9 else {
            cursor.fail("the pay levels' shares sum to \(total), expected 1")
            return nil
        }
        guard abs(mean - 1) <= 1e-9 else {
            cursor.fail("the pay levels' share-weighted multipliers average \(mean), expected 1 (the salary scale is the track's mean pay)")
            return nil
        }
        return levels
    }

    static func readScale(_ table: CSVTable, column: String, cursor: YAMLCursor) -> [Double]? {
        guard table.header.contains(column) else {
            table.fail(line: 1, column: 1, "missing column '\(column)' (expected a column per track, got \(table.header.joined(separator: ",")))")
            return nil
        }
        var values: [Double] = []
        for row in table.rows {
            guard table.integer(row, "service", expected: "consecutive years of service from 0", where: { $0 == values.count }) != nil,
                  let v = table.number(row, column, .salary) else { return nil }
            values.append(v)
        }
        if values.isEmpty { table.fail(line: 1, column: 1, "no rows (expected one row per year of service from 0)") }
        return values.isEmpty ? nil : values
    }

    /// The tracks' names with their indices, for a CSV column or key naming a track.
    static func names(_ tracks: [Track]) -> [(String, Int)] {
        tracks.enumerated().map { ($0.element.name, $0.offset) }
    }
}
