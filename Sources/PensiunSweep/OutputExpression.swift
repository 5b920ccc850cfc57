import PensiunEngine
import PensiunScenario

/// A per-path summary of docs/model.md §8, by the name used in files (`paths.csv`, sweep results):
/// a field of ``PathSummaryField`` or the 1/0 indicator that an optional field has a value
/// (`breaks_even`). The names and their order derive from the declaration
/// (``PathSummaryFieldList/expressionOrder``).
public enum SummaryField: Hashable, Sendable, CaseIterable, RawRepresentable {
    /// The field's value; no value on a path without one (the breakeven year of a path that never breaks even).
    case value(PathSummaryField)
    /// 1 on a path where the field has a value, 0 otherwise.
    case indicator(PathSummaryField)

    public static var allCases: [SummaryField] {
        PathSummaryField.expressionOrder.map { $0.indicator ? .indicator($0.field) : .value($0.field) }
    }

    public var rawValue: String {
        switch self {
        case let .value(f): return f.name
        case let .indicator(f): return f.indicatorName ?? f.name
        }
    }

    public init?(rawValue: String) {
        guard let e = PathSummaryField.expressionOrder.first(where: { $0.name == rawValue }) else { return nil }
        self = e.indicator ? .indicator(e.field) : .value(e.field)
    }
}

extension SummaryField {
    /// What the quantity is (``PathSummaryField/meaning``, or "has a value" for an indicator).
    public var meaning: String {
        switch self {
        case let .value(f): return f.meaning
        case let .indicator(f): return "1 on a path where `\(f.name)` has a value, 0 otherwise"
        }
    }

    /// The unit of the quantity, from the field's kind.
    public var unit: String {
        switch self {
        case .indicator: return "1 or 0"
        case let .value(f):
            switch f.access {
            case .currency: return "currency"
            case .ratio: return "share"
            case .year: return "year"
            case .optionalYear: return "year, or no value"
            case .flag: return "1 or 0"
            }
        }
    }

    /// The Markdown table of the per-path summaries in docs/sweeps.md, generated from the
    /// declaration (checked by a test, so the docs cannot fall behind).
    public static var docsTable: String {
        (["| summary | unit | meaning |", "|---|---|---|"]
            + allCases.map { "| `\($0.rawValue)` | \($0.unit) | \($0.meaning) |" }).joined(separator: "\n") + "\n"
    }
}

/// A quantity with one value per Monte Carlo path: a per-path summary, a metric of one scheme in
/// one year (`reform.budget_burden@2050`), or a replacement rate averaged over the last ten
/// projected years of the path (`replacement_rate_dc`).
public struct Quantity: Hashable, Sendable, CustomStringConvertible {
    public enum Name: Hashable, Sendable {
        case summary(SummaryField)
        case metric(Metric)
    }

    public var name: Name
    /// The scheme of a metric; nil when not written (see the users of the expression for the default).
    public var scheme: Scheme?
    /// The calendar year of a metric; nil for a summary, a last-decade replacement average, or a
    /// metric under `any year` / `every year`.
    public var year: Int?

    public init(name: Name, scheme: Scheme? = nil, year: Int? = nil) {
        self.name = name
        self.scheme = scheme
        self.year = year
    }

    /// The name in files: `pv_difference`, `budget_burden`.
    public var fileName: String {
        switch name {
        case let .summary(s): return s.rawValue
        case let .metric(m): return m.name
        }
    }

    /// True for the replacement rates (``Metric/rates``: model 2.2's and the like-for-like `rr_*`;
    /// ``Metric/ratesBySex``), whose year-less form is the last-decade average.
    public static func isReplacement(_ metric: Metric) -> Bool { metric.rateIndex != nil || Metric.ratesBySex.contains(metric) }

    /// `reform.budget_burden@2050`, `pv_difference`.
    public var description: String {
        var text = fileName
        if let scheme { text = "\(scheme.name).\(text)" }
        if let year { text += "@\(year)" }
        return text
    }

    /// The same quantity with `scheme` when none was written.
    public func defaulting(to scheme: Scheme) -> Quantity {
        guard case .metric = name, self.scheme == nil else { return self }
        var copy = self
        copy.scheme = scheme
        return copy
    }

    /// A problem with the year for a projection starting in `startYear` over `horizon` years, if any.
    public func yearProblem(startYear: Int, horizon: Int) -> String? {
        guard case let .metric(m) = name, let year else { return nil }
        let last = startYear + m.length(horizon: horizon) - 1
        if year < startYear || year > last {
            return "\(m.name) has values for \(startYear)–\(last) (got \(year))"
        }
        return nil
    }
}

/// `<`, `<=`, `>`, `>=`.
public enum Comparison: String, CaseIterable, Sendable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    public func holds(_ x: Double, _ c: Double) -> Bool {
        switch self {
        case .less: return x < c
        case .lessOrEqual: return x <= c
        case .greater: return x > c
        case .greaterOrEqual: return x >= c
        }
    }
}

/// A statistic across paths.
public enum Statistic: Hashable, Sendable {
    case mean
    /// Sample standard deviation (divisor n − 1).
    case sd
    /// The quantile at a level in [0, 1] (type 7, docs/model.md §7).
    case quantile(Double)
    /// The share of paths on which `value OP threshold` holds.
    case probability(Comparison, Double)

    /// The label in files: `mean`, `sd`, `p50`, `P(<0)`.
    public var label: String {
        switch self {
        case .mean: return "mean"
        case .sd: return "sd"
        case let .quantile(q): return "p" + OutputExpressionParser.format(q * 100)
        case let .probability(op, c): return "P(\(op.rawValue)\(OutputExpressionParser.format(c)))"
        }
    }
}

/// Whether a year-by-year event must hold in some year or in every year of the path.
public enum YearScope: String, Sendable {
    case anyYear = "any year"
    case everyYear = "every year"
}

/// A statistic of a quantity across paths: `mean(pv_difference)`, `median replacement_rate_dc`,
/// `p95(reform.burden_pct_gdp@2050)`, `P(pv_difference < 0)`, `P(burden_pct_gdp > 0.01 any year)`.
/// Without a quantity (`mean`, `P(<0)`) it is a bare statistic, applied to every output of a sweep.
public struct StatisticExpression: Hashable, Sendable, CustomStringConvertible {
    public var statistic: Statistic
    public var quantity: Quantity?
    /// With a probability of a metric written without a year.
    public var scope: YearScope?

    public init(statistic: Statistic, quantity: Quantity?, scope: YearScope? = nil) {
        self.statistic = statistic
        self.quantity = quantity
        self.scope = scope
    }

    /// The statistic's label in the `stat` column: `mean`, `p50`, `P(<0)`, `P(>0.01 any year)`.
    public var label: String {
        guard let scope, case let .probability(op, c) = statistic else { return statistic.label }
        return "P(\(op.rawValue)\(OutputExpressionParser.format(c)) \(scope.rawValue))"
    }

    /// The canonical text: `mean(pv_difference)`, `P(reform.burden_pct_gdp > 0.01 any year)`.
    public var description: String {
        switch statistic {
        case let .probability(op, c):
            var inner = "\(op.rawValue) \(OutputExpressionParser.format(c))"
            if let quantity { inner = "\(quantity) " + inner }
            if let scope { inner += " \(scope.rawValue)" }
            return "P(\(inner))"
        default:
            guard let quantity else { return statistic.label }
            return "\(statistic.label)(\(quantity))"
        }
    }

    /// The same expression with `scheme` for a metric written without one.
    public func defaulting(to scheme: Scheme) -> StatisticExpression {
        var copy = self
        copy.quantity = quantity?.defaulting(to: scheme)
        return copy
    }

    /// Reads an expression; throws a message naming what is wrong.
    public static func parse(_ text: String) throws(ExpressionError) -> StatisticExpression {
        try OutputExpressionParser.expression(text)
    }
}

/// A condition on a statistic: `median replacement_rate_dc >= 0.40`,
/// `P(burden_pct_gdp > 0.01 any year) <= 0.10`.
public struct Target: Sendable, CustomStringConvertible {
    public var expression: StatisticExpression
    public var comparison: Comparison
    public var threshold: Double

    public init(expression: StatisticExpression, comparison: Comparison, threshold: Double) {
        self.expression = expression
        self.comparison = comparison
        self.threshold = threshold
    }

    public var description: String { "\(expression) \(comparison.rawValue) \(OutputExpressionParser.format(threshold))" }

    public func isMet(by value: Double) -> Bool { comparison.holds(value, threshold) }

    /// Reads `STATISTIC OP NUMBER`; the statistic must name a quantity.
    public static func parse(_ text: String) throws(ExpressionError) -> Target {
        try OutputExpressionParser.target(text)
    }
}

/// A malformed statistic expression or target.
public struct ExpressionError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The reader of statistic expressions and targets (grammar in docs/sweeps.md).
enum OutputExpressionParser {

    static func expression(_ raw: String) throws(ExpressionError) -> StatisticExpression {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw ExpressionError("expected a statistic such as mean, p50 or P(… < …), got an empty value") }
        if text.hasPrefix("P") {
            let rest = text.dropFirst().drop { $0 == " " }
            if rest.hasPrefix("(") {
                guard rest.hasSuffix(")") else { throw ExpressionError("unbalanced parentheses in '\(raw)'") }
                return try probability(String(rest.dropFirst().dropLast()), raw: raw)
            }
        }
        var word = ""
        var index = text.startIndex
        while index < text.endIndex, text[index].isLetter || text[index].isNumber || text[index] == "." || text[index] == "_" {
            if text[index] == ".", !(word.first == "p" && word.dropFirst().allSatisfy(\.isNumber)) { break }
            word.append(text[index])
            index = text.index(after: index)
        }
        let statistic = try statisticWord(word, raw: raw)
        var rest = text[index...].trimmingCharacters(in: .whitespaces)
        if rest.isEmpty { return StatisticExpression(statistic: statistic, quantity: nil) }
        if rest.hasPrefix("(") {
            guard rest.hasSuffix(")") else { throw ExpressionError("unbalanced parentheses in '\(raw)'") }
            rest = String(rest.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        } else if index < text.endIndex, text[index] != " " {
            throw ExpressionError("expected a statistic such as mean, median, p95 or P(…), got '\(raw)'")
        }
        if rest.contains(where: { "<>".contains($0) }) {
            throw ExpressionError("a comparison belongs inside P(…) (got '\(raw)'; for example P(pv_difference < 0))")
        }
        let q = try quantity(rest)
        return StatisticExpression(statistic: statistic, quantity: q)
    }

    static func statisticWord(_ word: String, raw: String) throws(ExpressionError) -> Statistic {
        switch word {
        case "mean": return .mean
        case "sd": return .sd
        case "median": return .quantile(0.5)
        default: break
        }
        if word.first == "p", let level = Double(word.dropFirst()), level >= 0, level <= 100, word.count > 1 {
            return .quantile(level / 100)
        }
        var message = "unknown statistic '\(word.isEmpty ? raw : word)' (expected mean, sd, median, p0…p100 or P(…))"
        if !word.isEmpty, let s = KeySuggestion.nearest(to: word, in: ["mean", "sd", "median"]) {
            message = "unknown statistic '\(word)' (did you mean '\(s)'?)"
        }
        throw ExpressionError(message)
    }

    /// The inside of `P(…)`: `[QUANTITY] OP NUMBER [any year | every year]`.
    static func probability(_ inner: String, raw: String) throws(ExpressionError) -> StatisticExpression {
        guard let (left, op, right) = splitComparison(inner, outsideParentheses: false) else {
            throw ExpressionError("expected a comparison inside P(…), such as P(pv_difference < 0), got '\(raw)'")
        }
        var words = right.split(separator: " ").map(String.init)
        guard let first = words.first, let threshold = YAMLCursor.parseNumber(first), threshold.isFinite else {
            throw ExpressionError("expected a number after \(op.rawValue) in '\(raw)'")
        }
        words.removeFirst()
        var scope: YearScope?
        switch words.joined(separator: " ") {
        case "": break
        case "any year", "in any year": scope = .anyYear
        case "every year", "all years", "in every year": scope = .everyYear
        case let other: throw ExpressionError("expected 'any year' or 'every year' after the number, got '\(other)'")
        }
        let name = left.trimmingCharacters(in: .whitespaces)
        var q: Quantity?
        if !name.isEmpty {
            let parsed = try quantity(name, allowYearless: scope != nil)
            var isSummary = false
            if case .summary = parsed.name { isSummary = true }
            if let scope, parsed.year != nil || isSummary {
                throw ExpressionError("'\(scope.rawValue)' applies to a metric written without a year (got '\(raw)')")
            }
            q = parsed
        }
        return StatisticExpression(statistic: .probability(op, threshold), quantity: q, scope: scope)
    }

    /// `[current. | reform.]NAME[@YEAR]`.
    static func quantity(_ text: String, allowYearless: Bool = false) throws(ExpressionError) -> Quantity {
        var body = text.trimmingCharacters(in: .whitespaces)
        var year: Int?
        if let at = body.firstIndex(of: "@") {
            let yearText = body[body.index(after: at)...].trimmingCharacters(in: .whitespaces)
            guard let y = Int(yearText) else { throw ExpressionError("expected a calendar year after @, got '\(yearText)'") }
            year = y
            body = body[..<at].trimmingCharacters(in: .whitespaces)
        }
        var scheme: Scheme?
        for s in Scheme.allCases where body.hasPrefix(s.name + ".") {
            scheme = s
            body = String(body.dropFirst(s.name.count + 1))
        }
        if let field = SummaryField(rawValue: body) {
            if scheme != nil { throw ExpressionError("\(body) is a per-path summary and takes no scheme (got '\(text)')") }
            if year != nil { throw ExpressionError("\(body) is a per-path summary and takes no year (got '\(text)')") }
            return Quantity(name: .summary(field))
        }
        guard let metric = Metric.allCases.first(where: { $0.name == body }) else {
            let names = SummaryField.allCases.map(\.rawValue) + Metric.allCases.map(\.name)
            if let s = KeySuggestion.nearest(to: body, in: names) {
                throw ExpressionError("unknown output '\(body)' (did you mean '\(s)'?)")
            }
            throw ExpressionError("unknown output '\(body)' (expected a per-path summary such as pv_difference or a metric such as budget_burden@2050)")
        }
        if metric.isReformOnly, scheme == .current {
            throw ExpressionError("\(metric.name) exists for the reform only (got '\(text)')")
        }
        if year == nil, !allowYearless, !Quantity.isReplacement(metric) {
            throw ExpressionError("\(metric.name) needs a year (for example \(metric.name)@2050), or P(\(metric.name) > … any year)")
        }
        return Quantity(name: .metric(metric), scheme: scheme, year: year)
    }

    static func target(_ raw: String) throws(ExpressionError) -> Target {
        guard let (left, op, right) = splitComparison(raw, outsideParentheses: true) else {
            throw ExpressionError("expected STATISTIC OP NUMBER, such as 'median replacement_rate_dc >= 0.40', got '\(raw)'")
        }
        let expression = try expression(left)
        guard expression.quantity != nil else {
            throw ExpressionError("the target's statistic must name an output, such as mean(pv_difference) (got '\(left.trimmingCharacters(in: .whitespaces))')")
        }
        let number = right.trimmingCharacters(in: .whitespaces)
        guard let threshold = YAMLCursor.parseNumber(number), threshold.isFinite else {
            throw ExpressionError("expected a number after \(op.rawValue), got '\(number)'")
        }
        return Target(expression: expression, comparison: op, threshold: threshold)
    }

    /// Splits at the comparison operator (the last one outside parentheses when asked).
    static func splitComparison(_ text: String, outsideParentheses: Bool) -> (String, Comparison, String)? {
        let chars = Array(text)
        var depth = 0
        var found: (Int, Int, Comparison)?
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            if (c == "<" || c == ">"), !outsideParentheses || depth == 0 {
                let orEqual = i + 1 < chars.count && chars[i + 1] == "="
                let op: Comparison = c == "<" ? (orEqual ? .lessOrEqual : .less) : (orEqual ? .greaterOrEqual : .greater)
                let length = orEqual ? 2 : 1
                if !outsideParentheses { return (String(chars[..<i]), op, String(chars[(i + length)...])) }
                found = (i, length, op)
                i += length
                continue
            }
            i += 1
        }
        guard let (at, length, op) = found else { return nil }
        return (String(chars[..<at]), op, String(chars[(at + length)...]))
    }

    /// 0.5 → "0.5", 50 → "50", 1e-3 → "0.001".
    static func format(_ value: Double) -> String { YAMLCursor.format(value) }
}
