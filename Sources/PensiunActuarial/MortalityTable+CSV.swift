import Foundation

extension MortalityTable {
    /// Reads a mortality table from a CSV file; see ``parseCSV(_:file:sex:)`` for the format.
    public static func loadCSV(path: String, sex: Sex?) throws(ActuarialError) -> MortalityTable {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ActuarialError.unreadableFile(file: path, reason: "no such file")
        }
        // Only a regular file is read (a symbolic link to one is followed): a FIFO would block,
        // a device or /proc file need not end.
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw ActuarialError.unreadableFile(file: path, reason: "not a regular file (a folder, FIFO, device or socket)")
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ActuarialError.unreadableFile(file: path, reason: "not a readable UTF-8 text file")
        }
        return try parseCSV(text, file: path, sex: sex)
    }

    /// Parses a mortality table in CSV form.
    ///
    /// Format: a header line naming the columns, then one row per age, comma-separated:
    ///
    ///     age,qx_male,qx_female          or          age,qx
    ///     0,0.00524,0.00266                          20,0.00049
    ///     1,0.00053,0.00041                          21,0.00049
    ///
    /// - `age`: whole years, consecutive and increasing (no gaps, no duplicates), any first age.
    /// - `qx`, or `qx_male` and `qx_female`: one-year death probabilities in [0, 1]. With `sex`,
    ///   the column `qx_<sex>` is used (or `qx` when the table has no sex columns); without it the
    ///   table must have a single `qx` column. Every q column present is checked, whichever is used.
    /// - Other columns are ignored; blank lines and lines starting with `#` are skipped; a UTF-8
    ///   byte-order mark and Windows line ends are accepted.
    /// - The last age closes the table: its q is set to 1.
    ///
    /// Every error names the file, the line (header = line 1) and the column.
    /// - Parameter file: the name used in error messages and in ``basis``.
    public static func parseCSV(_ text: String, file: String, sex: Sex?) throws(ActuarialError) -> MortalityTable {
        // "\r\n" is a single Character in Swift, and a newline like "\n".
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }

        func fields(_ line: Substring) -> [String] {
            line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
        func isSkipped(_ line: Substring) -> Bool {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.hasPrefix("#")
        }

        guard let headerIndex = lines.firstIndex(where: { !isSkipped($0) }) else {
            throw ActuarialError.emptyTable(file: file)
        }
        let header = fields(lines[headerIndex])
        let names = header.map { $0.lowercased() }
        for (k, name) in names.enumerated() where names[..<k].contains(name) {
            throw ActuarialError.duplicateColumn(file: file, column: header[k])
        }
        guard let ageColumn = names.firstIndex(of: "age") else {
            throw ActuarialError.missingColumn(file: file, column: "age", header: header)
        }
        let qColumns = names.indices.filter { ["qx", "qx_male", "qx_female"].contains(names[$0]) }
        let chosenName: String
        if let sex {
            let wanted = "qx_\(sex.rawValue)"
            if names.contains(wanted) {
                chosenName = wanted
            } else if names.contains("qx") && !names.contains("qx_male") && !names.contains("qx_female") {
                chosenName = "qx"
            } else {
                throw ActuarialError.missingColumn(file: file, column: wanted, header: header)
            }
        } else if names.contains("qx") {
            chosenName = "qx"
        } else if names.contains("qx_male") || names.contains("qx_female") {
            throw ActuarialError.sexRequired(file: file, columns: qColumns.map { header[$0] })
        } else {
            throw ActuarialError.missingColumn(file: file, column: "qx", header: header)
        }
        let chosen = names.firstIndex(of: chosenName)!

        var firstAge: Int?
        var previousAge = 0
        var rates: [Double] = []
        rates.reserveCapacity(lines.count)
        for index in (headerIndex + 1)..<lines.count where !isSkipped(lines[index]) {
            let line = index + 1
            let row = fields(lines[index])
            guard row.count == header.count else {
                throw ActuarialError.raggedRow(file: file, line: line, expected: header.count, found: row.count)
            }
            guard let age = Int(row[ageColumn]), age >= 0 else {
                throw ActuarialError.invalidAge(file: file, line: line, text: row[ageColumn])
            }
            var chosenRate = 0.0
            for column in qColumns {
                guard let value = Double(row[column]) else {
                    throw ActuarialError.notANumber(file: file, line: line, column: header[column], text: row[column])
                }
                guard !value.isNaN else {
                    throw ActuarialError.notANumberValue(file: file, line: line, column: header[column])
                }
                guard value >= 0, value <= 1 else {
                    throw ActuarialError.probabilityOutOfRange(file: file, line: line, column: header[column], value: value)
                }
                if column == chosen { chosenRate = value }
            }
            if firstAge == nil {
                firstAge = age
            } else if age <= previousAge {
                throw ActuarialError.agesOutOfOrder(file: file, line: line, age: age, previous: previousAge)
            } else if age > previousAge + 1 {
                throw ActuarialError.missingAges(file: file, line: line, from: previousAge + 1, to: age - 1)
            }
            previousAge = age
            rates.append(chosenRate)
        }
        guard let firstAge else { throw ActuarialError.emptyTable(file: file) }
        return try MortalityTable(firstAge: firstAge, rates: rates, basis: "\(file) (\(header[chosen]))")
    }
}
