/// The bounds that keep every product of a projection finite, shared by the keys of the table and
/// by CSV cells (docs/scenario-format.md, "Bounds").
///
/// The largest amount (M = 10¹⁸ currency units), times the largest cell (N = 10⁹ members, or a
/// headcount target of 10¹² growing by at most 100% a year: 10¹² · 2²⁰⁰ ≈ 1.6·10⁷², the worse),
/// times the largest yearly multipliers (20 payments, a DC base of 10 salaries, a guarantee of 100
/// floors), times the largest yearly growth factor of an index compounded over the longest horizon
/// ((1 + 1)(1 + 1) = 4 a year for 200 years, 4²⁰⁰ ≈ 2.6·10¹²⁰), is about 8·10²¹⁴: below 10³⁰⁰,
/// with room for sums over cells, years and paths. Mortality improvement is at most 50% a year,
/// so that (1 − imp)^(y − y_base) stays below 2⁵⁰⁰ ≈ 3·10¹⁵⁰ over the 500 years between the
/// earliest base year and the end of the latest projection.
enum Bound {
    /// M: the largest amount of money (a monthly salary, pension or floor, a year's GDP).
    static let money = 1e18
    /// The salaries of a salary scale: at least a thousandth of a currency unit a month, since a
    /// replacement rate divides an amount of at most M by a salary (so it stays below 10²¹; a
    /// subnormal salary such as 1e-320 would make it infinite), and at most M.
    static let salary = NumberRange.closed(1e-3, money)
    /// N: the largest member count of one cell of a population file.
    static let members = 1e9
    /// The largest headcount target of entrants (a whole scheme).
    static let headcount = 1e12
    /// The longest horizon, in years.
    static let horizon = 1...200
    /// Calendar years (start year, base year of a table, calibration years).
    static let calendarYear = 1900...2200
    /// A rate compounded every year (the economy's means and starting values, indexation,
    /// growth): above −100% (an index would turn negative) and at most 100%.
    static let compoundedRate = NumberRange.openClosed(-1, 1)
    /// A yearly volatility: at most 100 percentage points.
    static let volatility = NumberRange.closed(0, 1)
    /// A rate, probability, share or weight.
    static let fraction = NumberRange.closed(0, 1)
    /// A multiple of a pension or salary that is not compounded (cap, survivor rates, allowances).
    static let multipleOfPension = NumberRange.closed(0, 2)
    /// The cap on a·(n+1): above 0, since a pensioner's survivor pension is σ_r / cap × pension
    /// (docs/model.md), and at most 2 like any multiple of a pension.
    static let cap = NumberRange.openClosed(0, 2)
    /// Payments a year.
    static let paymentsPerYear = NumberRange.closed(1, 20)
    /// Ages at entry.
    static let entryAge = 14...70
    /// Retirement ages (BUP).
    static let retirementAge = 40...80
    /// Years of service required for a benefit.
    static let requiredService = 0...60
    /// Ages of beneficiaries, and of a glide path.
    static let age = 0...130
    /// The keys of a by-year mapping: the calendar years from which values take effect (beyond
    /// the last start year, to the end of the longest projection).
    static let byYearKey = 1900...2399
    /// The keys of steps by age or service.
    static let stepKey = 0...200
}
