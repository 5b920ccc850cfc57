import Foundation

/// Mortality by age and calendar year: a base table with deterministic improvement and a
/// stochastic period index (docs/model.md §4),
///
///     q(x, y) = min(1, f · q_base(x) · (1 − impₓ)^(y − y_base) · exp(−βₓ·κ_y))
///
/// with q = 1 at the closing age whatever the year. x is the age at the start of calendar year y;
/// impₓ the annual improvement rate at age x (impₓ < 1; negative = deterioration); βₓ the
/// sensitivity of age x to the period index κ (default 1); f the basis's scaling factor.
///
/// Years before y_base are allowed (the factor (1 − impₓ)^(y − y_base) then exceeds 1).
/// Computed by ``MortalityRate`` (the formula the engine's grid uses too) from f·q_base(x)
/// precomputed by age; no allocation in the buffer forms.
///
/// Three views, each for all ages at once:
/// - a **period** table: calendar year y fixed, κ_y given (``periodRates(year:kappa:into:)``);
/// - a **cohort** table: year of birth b fixed, age x lived in year b + x, κ from a path
///   (``cohortRates(birthYear:kappa:into:)``);
/// - the **expected** mortality known at year y, for pricing an annuity bought then: the diagonal
///   of a life aged x in year y, q(x+k, y+k) with κ held at κ_y for k ≥ 0 and the deterministic
///   improvement continuing (``expectedRates(age:year:kappa:into:)``).
public struct MortalityProjection: Sendable {
    /// The base table q_base, by age.
    public let base: MortalityTable
    /// The scaling factor f ≥ 0 of the basis.
    public let factor: Double
    /// y_base, the calendar year of the base table.
    public let baseYear: Int
    /// impₓ by age, aligned with `base` (firstAge … lastAge).
    public let improvementRates: [Double]
    /// βₓ by age, aligned with `base`.
    public let kappaLoadings: [Double]

    /// f·q_base(x) by age.
    @usableFromInline let scaledBase: [Double]

    /// - Parameters:
    ///   - improvementRates: impₓ for every age of `base` (default 0: no improvement); each < 1.
    ///   - kappaLoadings: βₓ for every age of `base` (default 1).
    public init(
        base: MortalityTable, factor: Double = 1, baseYear: Int,
        improvementRates: [Double]? = nil, kappaLoadings: [Double]? = nil
    ) throws(ActuarialError) {
        let ages = base.rates.count
        guard factor.isFinite, factor >= 0 else {
            throw ActuarialError.invalidArgument("a mortality scaling factor must be a finite number ≥ 0, got \(factor)")
        }
        let improvement = improvementRates ?? [Double](repeating: 0, count: ages)
        let loadings = kappaLoadings ?? [Double](repeating: 1, count: ages)
        guard improvement.count == ages else {
            throw ActuarialError.invalidArgument(
                "improvement rates: expected one per age \(base.firstAge)-\(base.lastAge) (\(ages)), got \(improvement.count)")
        }
        guard loadings.count == ages else {
            throw ActuarialError.invalidArgument(
                "κ loadings β: expected one per age \(base.firstAge)-\(base.lastAge) (\(ages)), got \(loadings.count)")
        }
        for (k, rate) in improvement.enumerated() where !(rate.isFinite && rate < 1) {
            throw ActuarialError.invalidArgument(
                "improvement rate at age \(base.firstAge + k) = \(rate): expected a finite rate below 1 (100%)")
        }
        for (k, beta) in loadings.enumerated() where !beta.isFinite {
            throw ActuarialError.invalidArgument("κ loading β at age \(base.firstAge + k) is not a finite number")
        }
        self.base = base
        self.factor = factor
        self.baseYear = baseYear
        self.improvementRates = improvement
        self.kappaLoadings = loadings
        self.scaledBase = base.rates.map { factor * $0 }
    }

    /// The first age of the base table.
    @inlinable
    public var firstAge: Int { base.firstAge }
    /// The closing age ω of the base table (q = 1 there in every year).
    @inlinable
    public var lastAge: Int { base.lastAge }

    /// q(x, y) for one age x (≥ firstAge) in calendar year y given κ_y; 1 from the closing age on.
    @inlinable
    public func q(age: Int, year: Int, kappa: Double) -> Double {
        if age >= lastAge { return 1 }
        return rate(index: age - firstAge, year: year, kappa: kappa)
    }

    /// q(firstAge + k, y) by ``MortalityRate``, the one formula.
    @inlinable
    func rate(index k: Int, year: Int, kappa: Double) -> Double {
        let d = MortalityRate.improvementFactor(rate: improvementRates[k], years: year - baseYear)
        return MortalityRate.capped(uncapped: MortalityRate.uncapped(scaledBase: scaledBase[k], improvementFactor: d),
                                    periodFactor: MortalityRate.periodFactor(beta: kappaLoadings[k], kappa: kappa))
    }

    /// The period table of calendar year y: `rates[k]` = q(firstAge + k, y) for all ages
    /// (`rates.count` must equal the number of ages).
    @inlinable
    public func periodRates(year: Int, kappa: Double, into rates: UnsafeMutableBufferPointer<Double>) {
        precondition(rates.count == base.rates.count, "the buffer must hold one rate per age")
        for k in 0..<(rates.count - 1) { rates[k] = rate(index: k, year: year, kappa: kappa) }
        rates[rates.count - 1] = 1
    }

    /// The period table of calendar year y as a ``MortalityTable``.
    public func periodTable(year: Int, kappa: Double) -> MortalityTable {
        var rates = [Double](repeating: 0, count: base.rates.count)
        rates.withUnsafeMutableBufferPointer { periodRates(year: year, kappa: kappa, into: $0) }
        return MortalityTable(unchecked: firstAge, rates: rates, basis: "\(base.basis), period \(year), κ = \(kappa)")
    }

    /// The cohort table of those born in year b: `rates[k]` = q(x, b + x) at x = firstAge + k,
    /// with κ_{b+x} from `kappa` (0 before its first year, held after its last).
    @inlinable
    public func cohortRates(birthYear: Int, kappa: KappaPath, into rates: UnsafeMutableBufferPointer<Double>) {
        precondition(rates.count == base.rates.count, "the buffer must hold one rate per age")
        for k in 0..<(rates.count - 1) {
            let age = firstAge + k
            let year = birthYear + age
            rates[k] = rate(index: k, year: year, kappa: kappa.kappa(inYear: year))
        }
        rates[rates.count - 1] = 1
    }

    /// The cohort table of those born in year b as a ``MortalityTable`` (ages firstAge … lastAge).
    public func cohortTable(birthYear: Int, kappa: KappaPath) -> MortalityTable {
        var rates = [Double](repeating: 0, count: base.rates.count)
        rates.withUnsafeMutableBufferPointer { cohortRates(birthYear: birthYear, kappa: kappa, into: $0) }
        return MortalityTable(unchecked: firstAge, rates: rates, basis: "\(base.basis), cohort born \(birthYear)")
    }

    /// The mortality expected at year y for a life aged x then (annuity pricing at retirement):
    ///
    ///     rates[k] = q(x + k, y + k) with κ ≡ κ_y,   k = 0 … ω − x
    ///
    /// `rates.count` must be ω − x + 1; x ≥ firstAge. The last entry (age ω) is 1.
    @inlinable
    public func expectedRates(age: Int, year: Int, kappa: Double, into rates: UnsafeMutableBufferPointer<Double>) {
        precondition(age >= firstAge && age <= lastAge, "age \(age) is outside the table's ages")
        precondition(rates.count == lastAge - age + 1, "the buffer must hold one rate per age from \(age) to \(lastAge)")
        let offset = age - firstAge
        for k in 0..<(rates.count - 1) { rates[k] = rate(index: offset + k, year: year + k, kappa: kappa) }
        rates[rates.count - 1] = 1
    }

    /// The expected mortality known at year y for a life aged x then, as a ``MortalityTable``
    /// starting at age x (its ages are the life's future ages, its years y, y+1, …).
    public func expectedTable(age: Int, year: Int, kappa: Double) throws(ActuarialError) -> MortalityTable {
        guard age >= firstAge, age <= lastAge else {
            throw ActuarialError.invalidArgument("age \(age) is outside the table's ages \(firstAge)-\(lastAge)")
        }
        var rates = [Double](repeating: 0, count: lastAge - age + 1)
        rates.withUnsafeMutableBufferPointer { expectedRates(age: age, year: year, kappa: kappa, into: $0) }
        return MortalityTable(unchecked: age, rates: rates, basis: "\(base.basis), expected at \(year) from age \(age), κ = \(kappa)")
    }
}
