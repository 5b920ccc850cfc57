import Foundation

/// Where a mortality basis comes from, as written on the command line or in a scenario:
///
///     makeham:A=0.00022,B=2.7e-6,c=1.124      Makeham law, μₓ = A + B·cˣ
///     gompertz:B=3e-5,c=1.1                   Gompertz law, μₓ = B·cˣ
///     Scenarios/mortality/tmi-iv-2019.csv     a CSV table (see ``MortalityTable/parseCSV(_:file:sex:)``)
///
/// Law names and parameter names are case-insensitive; parameters are comma-separated NAME=VALUE
/// pairs, each given once. Laws are tabulated from age 0 to ``MortalityLaw/defaultClosingAge``.
public enum MortalityBasisSpec: Sendable, Equatable {
    case law(MortalityLaw)
    case table(path: String)

    /// The accepted forms, quoted in error messages.
    public static let expectedForms = "expected makeham:A=…,B=…,c=…, gompertz:B=…,c=…, or the path of a CSV table"

    /// Parses a SPEC; the file of a table is not read yet (see ``load(sex:)``).
    public init(parsing spec: String) throws(ActuarialError) {
        let text = spec.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw ActuarialError.invalidSpec(spec: spec, reason: "empty; " + Self.expectedForms) }
        guard let colon = text.firstIndex(of: ":"),
              text[..<colon].allSatisfy({ $0.isLetter }), !text[..<colon].isEmpty,
              !FileManager.default.fileExists(atPath: text) else {
            self = .table(path: text)
            return
        }
        let name = text[..<colon].lowercased()
        guard name == "makeham" || name == "gompertz" else {
            throw ActuarialError.invalidSpec(spec: spec, reason: "unknown mortality law '\(text[..<colon])'; " + Self.expectedForms)
        }
        let parameters = try Self.parameters(String(text[text.index(after: colon)...]), spec: spec, law: name)
        func value(_ key: String) throws(ActuarialError) -> Double {
            guard let v = parameters[key] else {
                let needed = name == "makeham" ? "A, B and c" : "B and c"
                throw ActuarialError.invalidSpec(spec: spec, reason: "\(name) needs \(needed); \(Self.display(key)) is missing")
            }
            return v
        }
        let law: MortalityLaw
        switch name {
        case "makeham":
            try Self.checkKeys(parameters, allowed: ["a", "b", "c"], spec: spec, law: name)
            law = .makeham(a: try value("a"), b: try value("b"), c: try value("c"))
        case "gompertz":
            try Self.checkKeys(parameters, allowed: ["b", "c"], spec: spec, law: name)
            law = .gompertz(b: try value("b"), c: try value("c"))
        default:
            preconditionFailure("law names are checked above")
        }
        if law.a < 0 { throw ActuarialError.invalidSpec(spec: spec, reason: "A must be ≥ 0, got \(law.a)") }
        if law.b < 0 { throw ActuarialError.invalidSpec(spec: spec, reason: "B must be ≥ 0, got \(law.b)") }
        if law.c <= 0 { throw ActuarialError.invalidSpec(spec: spec, reason: "c must be > 0, got \(law.c)") }
        self = .law(law)
    }

    /// Loads the basis as a table: a law from age 0 to its closing age, or the CSV file's
    /// `qx_<sex>` (or `qx`) column. A missing file is reported with the accepted SPEC forms.
    public func load(sex: Sex?) throws(ActuarialError) -> MortalityTable {
        switch self {
        case let .law(law):
            return try law.table()
        case let .table(path):
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ActuarialError.invalidSpec(spec: path, reason: "no such file; " + Self.expectedForms)
            }
            guard !isFolder.boolValue else {
                throw ActuarialError.invalidSpec(spec: path, reason: "is a folder; " + Self.expectedForms)
            }
            return try MortalityTable.loadCSV(path: path, sex: sex)
        }
    }

    /// `A=1,B=2` → ["a": 1, "b": 2], refusing malformed, duplicate and non-numeric entries.
    private static func parameters(_ list: String, spec: String, law: String) throws(ActuarialError) -> [String: Double] {
        var result: [String: Double] = [:]
        for item in list.split(separator: ",", omittingEmptySubsequences: false) {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else {
                throw ActuarialError.invalidSpec(
                    spec: spec, reason: "'\(item)' is not of the form NAME=VALUE (e.g. \(law):B=2.7e-6,c=1.124)")
            }
            let key = pair[0].trimmingCharacters(in: .whitespaces).lowercased()
            let text = pair[1].trimmingCharacters(in: .whitespaces)
            guard result[key] == nil else {
                throw ActuarialError.invalidSpec(spec: spec, reason: "parameter \(pair[0]) is given twice")
            }
            guard let number = Double(text), number.isFinite else {
                throw ActuarialError.invalidSpec(spec: spec, reason: "\(pair[0])='\(text)' is not a finite number")
            }
            result[key] = number
        }
        return result
    }

    /// A parameter as the formulas write it: A, B, c.
    private static func display(_ key: String) -> String { key == "c" ? "c" : key.uppercased() }

    private static func checkKeys(_ parameters: [String: Double], allowed: [String], spec: String, law: String) throws(ActuarialError) {
        for key in parameters.keys.sorted() where !allowed.contains(key) {
            let names = allowed.map(display).joined(separator: ", ")
            throw ActuarialError.invalidSpec(spec: spec, reason: "unknown parameter '\(key)' for \(law) (expected \(names))")
        }
    }
}
