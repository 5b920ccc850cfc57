import PensiunActuarial
import PensiunInputs

extension DCRules {
    /// f·A: the contingent part of a DC annuity A (of one member or summed over several) under a
    /// joint-and-survivor form (docs/model.md §6), passed to the spouse at the annuitant's death;
    /// 0 for a single-life annuity.
    @inlinable public func contingentAnnuity(of annuity: Double) -> Double {
        survivorFraction > 0 && annuity > 0 ? survivorFraction * annuity : 0
    }

    /// The DC contributions of a year for a member of monthly salary S (docs/model.md §6):
    ///
    ///     C = (c_e + c_r)·S_DC·12,   S_DC = m_DC·S
    ///
    /// `base` is ``contributionBase(multiplier:salary:)``.
    @inlinable public static func contribution(employeeRate ce: Double, employerRate cr: Double, base: Double) -> Double {
        (ce + cr) * base
    }

    /// The annual DC contribution base S_DC·12 = m_DC·S·12 (docs/model.md §5–6).
    @inlinable public static func contributionBase(multiplier m: Double, salary s: Double) -> Double {
        m * s * 12
    }

    /// A DC balance at the end of the year (docs/model.md §6), contributions paid mid-year:
    ///
    ///     b_{y+1} = b_y·(1 + R) + C·(1 + R)^{1/2}
    ///
    /// `halfGrowth` is (1 + R)^{1/2}, computed once per age and year by the caller.
    @inlinable @inline(__always) public static func grown<V: RuleNumber>(balance b: V, contribution c: V, onePlusReturn g: V,
                                                       halfGrowth h: V) -> V {
        b * g + c * h
    }

    /// The annual DC annuity bought with `pot` at the end of y (docs/model.md §6):
    ///
    ///     annuity = pot / ä^{(12)}_{x+1}
    ///
    /// given 1/ä^{(12)} (``MortalityGrid/annuityDueMonthly(_:age:yearIndex:kappa:rate:)``).
    @inlinable @inline(__always) public static func annuity<V: RuleNumber>(pot: V, inverseFactor: V) -> V { pot * inverseFactor }
}

extension Guarantee {
    /// Whether a DC member retiring (normal or early) with n+1 years of service is covered
    /// (docs/model.md §6): n+1 ≥ N_g.
    @inlinable public func covers(yearsOfService n1: Int) -> Bool { n1 >= minimumService }

    /// The guaranteed annual amount months_paid·G_y, G_y = level·floor_y (docs/model.md §6).
    @inlinable public func annualAmount(floor f: Double, monthsPaid months: Double) -> Double {
        months * level * f
    }

    /// The part of the guaranteed amount the DB-type pension leaves uncovered, before the DC
    /// annuity (docs/model.md §6): months_paid·G_y less the DB-type annual pension at award (DB or
    /// frozen DB, times its payments and allowances a year), the `shortfall` of
    /// ``topUp(shortfall:annuity:)``:
    ///
    ///     months_paid·level·floor_y − DB-type annual pension
    @inlinable public func shortfall(floor f: Double, monthsPaid months: Double, dbTypeAnnual p: Double) -> Double {
        annualAmount(floor: f, monthsPaid: months) - p
    }

    /// The annual guarantee top-up at award (docs/model.md §6):
    ///
    ///     top-up = max(0, months_paid·G_y − annual pension at award)
    ///
    /// with the annual pension at award = DB + frozen DB (times their payments and allowances a
    /// year) + DC annuity. `shortfall` is months_paid·G_y less the DB-type part.
    @inlinable @inline(__always) public static func topUp<V: RuleNumber>(shortfall: V, annuity: V) -> V {
        (shortfall - annuity).positivePart
    }
}

extension DCRules {
    // The forms the profiles publish (evaluated left to right, profiles.csv byte for byte).

    /// One party's DC contribution of a year (docs/model.md §6), rate c (c_e or c_r), evaluated
    /// left to right as the profiles publish it:
    ///
    ///     c·m_DC·S·12
    @inlinable public static func contribution(rate c: Double, multiplier m: Double, salary s: Double) -> Double {
        c * m * s * 12
    }

    /// The annual DC annuity bought with `pot` at the end of y (docs/model.md §6):
    ///
    ///     annuity = pot / ä^{(12)}_{x+1}
    ///
    /// given ä^{(12)} itself; ``annuity(pot:inverseFactor:)`` is the same with 1/ä^{(12)} precomputed.
    @inlinable public static func annuity(pot: Double, factor: Double) -> Double { pot / factor }
}
