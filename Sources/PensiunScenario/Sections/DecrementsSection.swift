import PensiunActuarial
import PensiunInputs

/// Reads the `decrements` section into ``DecrementInputs``: disability, withdrawal, early
/// retirement and process risk (docs/model.md §4).
enum DecrementsSection {
    struct Result {
        let inputs: DecrementInputs
        /// The disability table read (none for a factor of mortality or no disability).
        let files: [String]
    }

    static let keys = ["disability", "withdrawal", "early_retirement", "process_risk"]

    static func read(_ cursor: YAMLCursor) -> Result? {
        guard let s = cursor.mapping(allowed: keys) else { return nil }
        let log = cursor.log
        var files: [String] = []
        var disability: DisabilityIncidence? = DisabilityIncidence.none
        if let node = s["disability"] {
            if case let .scalar(text, _) = node.node, text == "none" {
                disability = DisabilityIncidence.none
            } else if let d = node.mapping(allowed: ["factor_of_mortality", "table"]) {
                switch d.exactlyOne(of: ["factor_of_mortality", "table"], expected: "factor_of_mortality or table") {
                case let ("factor_of_mortality", f)?:
                    disability = f.number(.disabilityFactor).map { .factorOfBaseMortality($0) }
                case let (_, t)?:
                    let table = readByAgeAndSex(t, .disabilityRate)
                    if let table { files.append(table.file) }
                    disability = table.map { .table($0.rates) }
                case nil:
                    disability = nil
                }
            } else { disability = nil }
        } else { log.noteDefault(.disability) }
        var withdrawal: [Double]? = [0]
        if let node = s["withdrawal"] {
            withdrawal = node.steps(.withdrawal)
        } else { log.noteDefault(.withdrawal) }
        var early: (Int, Int, [Double])? = (200, 200, [0])
        if let node = s["early_retirement"] {
            if case let .scalar(text, _) = node.node, text == "none" {
                early = (200, 200, [0])
            } else if let e = node.mapping(allowed: ["age", "service", "rates"]) {
                let age = e.required(.earlyAge)?.integer(.earlyAge)
                let service = e.required(.earlyService)?.integer(.earlyService)
                let rates = e.required(.earlyRates)?.steps(.earlyRates)
                if let age, let service, let rates { early = (age, service, rates) } else { early = nil }
            } else { early = nil }
        } else { log.noteDefault(.earlyRetirement) }
        var risk: Bool? = false
        if let node = s["process_risk"] { risk = node.boolean() } else { log.noteDefault(.processRisk) }
        guard let disability, let withdrawal, let early, let risk else { return nil }
        return Result(inputs: DecrementInputs(disability: disability, withdrawal: withdrawal, earlyRetirement: early.2,
                                              earlyAge: early.0, earlyService: early.1, processRisk: risk),
                      files: files)
    }

    /// A CSV file `age,male,female` read into dense rates by sex.
    static func readByAgeAndSex(_ cursor: YAMLCursor, _ key: ScenarioKey) -> (rates: [Sex: [Double]], file: String)? {
        guard let table = CSVTable.read(cursor, required: ["age", "male", "female"]) else { return nil }
        var male: [Double] = [], female: [Double] = []
        var ok = true
        for row in table.rows {
            guard let age = table.integer(row, "age", expected: "consecutive ages from 0", where: { $0 == male.count }),
                  let m = table.number(row, "male", key), let f = table.number(row, "female", key) else { ok = false; break }
            _ = age
            male.append(m)
            female.append(f)
        }
        if table.rows.isEmpty {
            table.fail(line: 1, column: 1, "no rows (expected one row per age from 0 with \(key.expected) for each sex)")
            return nil
        }
        return ok ? ([.male: male, .female: female], table.file) : nil
    }
}
