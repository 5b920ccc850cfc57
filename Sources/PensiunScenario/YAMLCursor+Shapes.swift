import PensiunActuarial
import PensiunInputs

/// Value shapes shared by many keys: by year, by age or service (steps), by sex.
extension YAMLCursor {
    /// A value that may change over time: a single value, or a mapping from the calendar year in
    /// which each value takes effect (`{2019: 58, 2030: 60}`).
    func byYear<T: Sendable & Equatable>(_ read: (YAMLCursor) -> T?) -> ByYear<T>? {
        guard case let .mapping(entries, _) = node, !entries.isEmpty,
              entries.allSatisfy({ Int($0.key) != nil }) else {
            return read(self).map { ByYear($0) }
        }
        var steps: [(year: Int, value: T)] = []
        var ok = true
        for entry in entries {
            let year = Int(entry.key)!
            let cursor = child(entry.value, path: "\(keyPath).\(entry.key)")
            if !Bound.byYearKey.contains(year) {
                YAMLCursor(node: .scalar(entry.key, entry.keyLocation), keyPath: "\(keyPath).\(entry.key)", log: log)
                    .fail("expected a calendar year as the key, got \(year)")
                ok = false
                continue
            }
            if let value = read(cursor) { steps.append((year, value)) } else { ok = false }
        }
        return ok ? ByYear(steps: steps) : nil
    }

    /// A value by age or by service: a single number, or a mapping from the age (service) at which
    /// each value starts (`{0: 0.005, 5: 0.002}`); before the first key the first value applies,
    /// after the last key the last. Returns the dense list by index up to the last key.
    func steps(expected: String, where isValid: (Double) -> Bool) -> [Double]? {
        guard case let .mapping(entries, _) = node else {
            return number(expected: expected, where: isValid).map { [$0] }
        }
        var points: [(Int, Double)] = []
        var ok = true
        for entry in entries {
            guard let index = Int(entry.key), Bound.stepKey.contains(index) else {
                YAMLCursor(node: .scalar(entry.key, entry.keyLocation), keyPath: "\(keyPath).\(entry.key)", log: log)
                    .fail("expected a whole number from \(Bound.stepKey.lowerBound) to \(Bound.stepKey.upperBound) as the key (an age or years of service), got '\(entry.key)'")
                ok = false
                continue
            }
            if let value = child(entry.value, path: "\(keyPath).\(entry.key)").number(expected: expected, where: isValid) {
                points.append((index, value))
            } else {
                ok = false
            }
        }
        guard ok, !points.isEmpty else {
            if ok { fail("expected a number or a mapping from age (or service) to value, got an empty mapping") }
            return nil
        }
        points.sort { $0.0 < $1.0 }
        var dense = [Double](repeating: points[0].1, count: points.last!.0 + 1)
        for (i, point) in points.enumerated() {
            let end = i + 1 < points.count ? points[i + 1].0 : dense.count
            for k in point.0..<end { dense[k] = point.1 }
        }
        return dense
    }

    /// A value per sex: one value for both, or `{male: …, female: …}`.
    func bySex<T>(_ read: (YAMLCursor) -> T?) -> [Sex: T]? {
        if case let .mapping(entries, _) = node, entries.contains(where: { $0.key == "male" || $0.key == "female" }) {
            guard let section = mapping(allowed: ["male", "female"]) else { return nil }
            let male = section.required("male", expected: "the value for men").flatMap(read)
            let female = section.required("female", expected: "the value for women").flatMap(read)
            guard let male, let female else { return nil }
            return [.male: male, .female: female]
        }
        guard let value = read(self) else { return nil }
        return [.male: value, .female: value]
    }

    /// The words of a boolean and their values.
    static let booleanWords: [(String, Bool)] = [("true", true), ("false", false), ("yes", true), ("no", false)]

    /// A boolean (`true` / `false`, `yes` / `no`).
    package func boolean() -> Bool? { choice(Self.booleanWords) }
}
