/// The sex of a life: picks the q column of a two-sex table.
public enum Sex: String, CaseIterable, Sendable, Codable {
    case male
    case female
}

/// One-year mortality rates qₓ at consecutive whole ages, closed at the last age.
///
/// `rates[k]` is qₓ for x = `firstAge + k`: the probability that a life aged exactly x (at the
/// start of a year of age) dies before reaching x+1. The last age ω = ``lastAge`` is the closing
/// age: q_ω = 1 whatever the source said, so every life dies by ω+1 and every life-table sum
/// stops there. Rates are stored dense (one `Double` per age) for the engine's inner loops.
public struct MortalityTable: Sendable, Equatable {
    /// The first tabulated age.
    public let firstAge: Int
    /// qₓ for x = firstAge … lastAge, each in [0, 1], the last equal to 1.
    public let rates: [Double]
    /// A short description of where the rates come from (file and column, or law and parameters).
    public let basis: String

    /// The closing age ω: the last tabulated age, where q = 1.
    @inlinable
    public var lastAge: Int { firstAge + rates.count - 1 }

    /// Builds a table from rates at ages `firstAge`, `firstAge+1`, …; sets the last rate to 1.
    ///
    /// Throws ``ActuarialError/invalidArgument(_:)`` for an empty list, a negative first age, or a
    /// rate outside [0, 1] (NaN included).
    public init(firstAge: Int, rates: [Double], basis: String = "") throws(ActuarialError) {
        guard firstAge >= 0 else {
            throw ActuarialError.invalidArgument("a mortality table must start at age 0 or later, got \(firstAge)")
        }
        guard !rates.isEmpty else {
            throw ActuarialError.invalidArgument("a mortality table needs at least one age")
        }
        for (k, q) in rates.enumerated() where !(q >= 0 && q <= 1) {
            throw ActuarialError.invalidArgument(
                "\(basis.isEmpty ? "mortality table" : basis): q at age \(firstAge + k) = \(q) is outside [0, 1]")
        }
        var closed = rates
        closed[closed.count - 1] = 1
        self.init(unchecked: firstAge, rates: closed, basis: basis)
    }

    /// For rates already validated and closed.
    @usableFromInline
    init(unchecked firstAge: Int, rates: [Double], basis: String) {
        self.firstAge = firstAge
        self.rates = rates
        self.basis = basis
    }

    /// qₓ; 1 beyond the closing age. `age` must be ≥ ``firstAge``.
    @inlinable
    public func q(_ age: Int) -> Double {
        precondition(age >= firstAge, "age \(age) is below the table's first age \(firstAge)")
        return age > lastAge ? 1 : rates[age - firstAge]
    }

    /// The table with every rate multiplied by f ≥ 0, capped at 1: q'ₓ = min(1, f·qₓ).
    /// The closing age keeps q = 1.
    public func scaled(by factor: Double) throws(ActuarialError) -> MortalityTable {
        guard factor.isFinite, factor >= 0 else {
            throw ActuarialError.invalidArgument("a mortality scaling factor must be a finite number ≥ 0, got \(factor)")
        }
        var scaled = rates.map { Swift.min(1, factor * $0) }
        scaled[scaled.count - 1] = 1
        let label = factor == 1 ? basis : "\(factor) × \(basis)"
        return MortalityTable(unchecked: firstAge, rates: scaled, basis: label)
    }

    /// The table closed earlier, at age ω' (firstAge ≤ ω' ≤ lastAge): rates beyond ω' are dropped
    /// and q_ω' = 1.
    public func closed(atAge closingAge: Int) throws(ActuarialError) -> MortalityTable {
        guard closingAge >= firstAge, closingAge <= lastAge else {
            throw ActuarialError.invalidArgument(
                "closing age \(closingAge) is outside the table's ages \(firstAge)-\(lastAge)")
        }
        var kept = Array(rates[0...(closingAge - firstAge)])
        kept[kept.count - 1] = 1
        return MortalityTable(unchecked: firstAge, rates: kept, basis: basis)
    }

    /// The same table from age x on (firstAge ≤ x ≤ lastAge), e.g. to put a life table's radix there.
    public func starting(atAge age: Int) throws(ActuarialError) -> MortalityTable {
        guard age >= firstAge, age <= lastAge else {
            throw ActuarialError.invalidArgument("age \(age) is outside the table's ages \(firstAge)-\(lastAge)")
        }
        return MortalityTable(unchecked: age, rates: Array(rates[(age - firstAge)...]), basis: basis)
    }
}
