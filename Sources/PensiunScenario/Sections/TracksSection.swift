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
    static let keys = ["name", "retirement_age", "salary_scale", "take_home_multiplier", "dc_base_multiplier"]

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
            if let name, let bup, let scale, let multiplier {
                tracks.append(Track(name: name, salaryScale: scale, takeHomeMultiplier: multiplier))
                ages.append(bup)
            } else { ok = false }
        }
        return ok ? Result(tracks: tracks, retirementAges: ages, files: files, warnings: warnings) : nil
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
