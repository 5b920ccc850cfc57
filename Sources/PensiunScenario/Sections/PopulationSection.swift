import PensiunActuarial
import PensiunInputs

/// Reads the `population` section into the ``InitialPopulation``: active members by sex, track,
/// age and service, and pensioners, disabled and survivors by sex and age (CSV files).
enum PopulationSection {
    struct Result {
        let population: InitialPopulation
        /// The CSV files read, in the order of the keys.
        let files: [String]
    }

    static let keys = ["actives", "pensioners", "disabled", "survivors"]
    static let sexes: [(String, Sex)] = [("male", .male), ("female", .female)]

    /// `tracks` are the scenario's tracks (nil when the tracks section failed: the `track`
    /// column is then not checked).
    static func read(_ cursor: YAMLCursor, tracks: [Track]?) -> Result? {
        guard let s = cursor.mapping(allowed: keys) else { return nil }
        var files: [String] = []
        var actives: [ActiveCell]?
        if let node = s.required(.actives),
           let table = CSVTable.read(node, required: ["sex", "track", "age", "service", "count"]) {
            files.append(table.file)
            actives = readActives(table, tracks: tracks)
        }
        func beneficiaries(_ key: String, required: Bool) -> [BeneficiaryCell]? {
            guard let node = required ? s.required(.pensioners, as: key) : s[key] else {
                if !required { cursor.log.noteDefault(key == "disabled" ? .disabledFile : .survivorsFile) }
                return required ? nil : []
            }
            guard let table = CSVTable.read(node, required: ["sex", "age", "count", "pension"]) else { return nil }
            files.append(table.file)
            return readBeneficiaries(table)
        }
        let pensioners = beneficiaries("pensioners", required: true)
        let disabled = beneficiaries("disabled", required: false)
        let survivors = beneficiaries("survivors", required: false)
        guard let actives, let pensioners, let disabled, let survivors else { return nil }
        return Result(population: InitialPopulation(actives: actives, pensioners: pensioners, disabled: disabled,
                                                    survivors: survivors),
                      files: files)
    }

    static func readActives(_ table: CSVTable, tracks: [Track]?) -> [ActiveCell]? {
        var cells: [ActiveCell] = []
        var ok = true
        let names = TracksSection.names(tracks ?? [])
        for row in table.rows {
            let sex = table.choice(row, "sex", sexes)
            let track = tracks == nil ? 0 : table.choice(row, "track", names)
            let age = table.integer(row, "age", .activeAge)
            let service = table.integer(row, "service", expected: "years of service ≥ 0 and below the age") { $0 >= 0 && $0 <= (age ?? 100) }
            let count = table.number(row, "count", .activeCount)
            if let sex, let track, let age, let service, let count {
                cells.append(ActiveCell(sex: sex, track: track, age: age, service: service, count: count))
            } else { ok = false }
        }
        return ok ? cells : nil
    }

    /// Beneficiaries by sex and age; `pension` and `survivor_pension` are per head, stored as totals.
    static func readBeneficiaries(_ table: CSVTable) -> [BeneficiaryCell]? {
        let hasSurvivor = table.header.contains("survivor_pension")
        var cells: [BeneficiaryCell] = []
        var ok = true
        for row in table.rows {
            let sex = table.choice(row, "sex", sexes)
            let age = table.integer(row, "age", .beneficiaryAge)
            let count = table.number(row, "count", .beneficiaryCount)
            let pension = table.number(row, "pension", .beneficiaryPension)
            var survivor: Double?? = .some(nil)
            if hasSurvivor, !row.fields[table.index("survivor_pension")].isEmpty {
                survivor = table.number(row, "survivor_pension", .beneficiarySurvivorPension).map { .some($0) }
            }
            if let sex, let age, let count, let pension, let survivor {
                cells.append(BeneficiaryCell(sex: sex, age: age, count: count, monthlyPension: pension * count,
                                             monthlySurvivorPension: survivor.map { $0 * count }))
            } else { ok = false }
        }
        return ok ? cells : nil
    }
}
