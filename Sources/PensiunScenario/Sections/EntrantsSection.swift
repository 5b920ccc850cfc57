import Foundation
import PensiunActuarial
import PensiunInputs

/// Reads the `entrants` section into ``EntrantInputs``: the headcount target and the profile of
/// new entrants by sex, track and age (a CSV file whose shares sum to 1).
enum EntrantsSection {
    struct Result {
        let entrants: EntrantInputs
        /// The profile's CSV file.
        let files: [String]
    }

    static let keys = ["target", "profile"]

    /// `tracks` are the scenario's tracks (nil when the tracks section failed: the `track`
    /// column is then not checked).
    static func read(_ cursor: YAMLCursor, tracks: [Track]?) -> Result? {
        guard let s = cursor.mapping(allowed: keys) else { return nil }
        var files: [String] = []
        var target: HeadcountTarget?
        if let node = s.required(.entrantTarget) {
            if case let .scalar(text, _) = node.node, text == "constant" {
                target = .constant
            } else if let t = node.mapping(allowed: ["growth", "series"]) {
                switch t.exactlyOne(of: ["growth", "series"], expected: ScenarioKey.entrantTarget.expected) {
                case let ("growth", g)?:
                    target = g.number(.entrantGrowth).map { .growth($0) }
                case let (_, series)?:
                    target = series.byYear { $0.number(.entrantSeries) }.map { .series($0) }
                case nil:
                    break
                }
            }
        }
        var profile: [EntrantShare]?
        if let node = s.required(.entrantProfile),
           let table = CSVTable.read(node, required: ["sex", "track", "age", "share"]) {
            files.append(table.file)
            profile = readProfile(table, tracks: tracks)
        }
        guard let target, let profile else { return nil }
        return Result(entrants: EntrantInputs(target: target, profile: profile), files: files)
    }

    static func readProfile(_ table: CSVTable, tracks: [Track]?) -> [EntrantShare]? {
        var shares: [EntrantShare] = []
        var ok = true
        let names = TracksSection.names(tracks ?? [])
        for row in table.rows {
            let sex = table.choice(row, "sex", [("male", Sex.male), ("female", Sex.female)])
            let track = tracks == nil ? 0 : table.choice(row, "track", names)
            let age = table.integer(row, "age", .entrantAge)
            let share = table.number(row, "share", .entrantShare)
            if let sex, let track, let age, let share { shares.append(EntrantShare(sex: sex, track: track, age: age, share: share)) } else { ok = false }
        }
        let total = shares.reduce(0) { $0 + $1.share }
        if ok && abs(total - 1) > 1e-6 {
            table.fail(line: 1, column: (table.header.firstIndex(of: "share") ?? 0) + 1, "column 'share': the shares must sum to 1 (expected 1, got \(String(format: "%.6g", total)))")
            ok = false
        }
        return ok ? shares : nil
    }
}
