/// The per-path summary fields of docs/model.md §8, declared once: name in files, kind, meaning and
/// how to read (and, for stored fields, set) each on a ``PathSummary``. Every writer and reader of
/// per-path summaries derives from this list (in the manner of ``Metric``):
///
/// - `paths.csv`: `path`, then one column per field in declaration order (``RunFiles``);
/// - `results.bin`: the path, then the stored fields in ``PathSummaryFieldList/archiveOrder``
///   (``ResultsArchive``);
/// - the output-expression language of sweeps: the fields and indicators in
///   ``PathSummaryFieldList/expressionOrder`` (``SummaryField``);
/// - the per-path values of sweep statistics (``PathStatistics``);
/// - `summary.json`: the ``PathSummaryFieldList/headlines`` of each field (``RunJSON``);
/// - the finiteness check of results (``ProjectionResults/firstNonFinite()``).
///
/// Adding a field: add a stored property to ``PathSummary`` (set in its summarising init) and a case
/// here, at the end unless a file's column order says otherwise. `results.bin` changes layout with
/// the stored fields: bump its version (``ResultsArchive``).
///
/// The order of the cases is the `paths.csv` column order.
public enum PathSummaryField: String, CaseIterable, Sendable, PathSummaryFieldList {
    case pvBurdenCurrent = "pv_burden_current"
    case pvBurdenReform = "pv_burden_reform"
    case pvDifference = "pv_difference"
    case peakBurdenPctGDPCurrent = "peak_burden_pct_gdp_current"
    case peakBurdenYearCurrent = "peak_burden_year_current"
    case peakBurdenPctGDPReform = "peak_burden_pct_gdp_reform"
    case peakBurdenYearReform = "peak_burden_year_reform"
    case peakTransitionCostPctGDP = "peak_transition_cost_pct_gdp"
    case peakTransitionCostYear = "peak_transition_cost_year"
    case breakevenYear = "breakeven_year"
    case exceedsThresholdCurrent = "exceeds_threshold_current"
    case exceedsThresholdReform = "exceeds_threshold_reform"
    case pvGuaranteeTopups = "pv_guarantee_topups"
    case pvBondRedemptions = "pv_bond_redemptions"
    case pvPaybackYear = "pv_payback_year"

    /// The name used in files.
    public var name: String { rawValue }

    /// The kind and the property of ``PathSummary`` that holds (or computes) the field.
    public var access: PathSummaryAccess<PathSummary> {
        switch self {
        case .pvBurdenCurrent: return .currency(\.pvBurdenCurrent)
        case .pvBurdenReform: return .currency(\.pvBurdenReform)
        case .pvDifference: return .currency(\.pvDifference)
        case .peakBurdenPctGDPCurrent: return .ratio(\.peakBurdenPctGDPCurrent)
        case .peakBurdenYearCurrent: return .year(\.peakBurdenYearCurrent)
        case .peakBurdenPctGDPReform: return .ratio(\.peakBurdenPctGDPReform)
        case .peakBurdenYearReform: return .year(\.peakBurdenYearReform)
        case .peakTransitionCostPctGDP: return .ratio(\.peakTransitionCostPctGDP)
        case .peakTransitionCostYear: return .year(\.peakTransitionCostYear)
        case .breakevenYear: return .optionalYear(\.breakevenYear)
        case .exceedsThresholdCurrent: return .flag(\.exceedsThresholdCurrent)
        case .exceedsThresholdReform: return .flag(\.exceedsThresholdReform)
        case .pvGuaranteeTopups: return .currency(\.pvGuaranteeTopups)
        case .pvBondRedemptions: return .currency(\.pvBondRedemptions)
        case .pvPaybackYear: return .optionalYear(\.pvPaybackYear)
        }
    }

    /// What the field means (docs/model.md §8).
    public var meaning: String {
        switch self {
        case .pvBurdenCurrent: return "PV at the start of y0 of the current scheme's budget burden, y0 … y0+H−1"
        case .pvBurdenReform: return "PV at the start of y0 of the reform's budget burden, y0 … y0+H−1"
        case .pvDifference: return "pv_burden_reform − pv_burden_current"
        case .peakBurdenPctGDPCurrent: return "the peak of the current scheme's burden / GDP"
        case .peakBurdenYearCurrent: return "the first year of that peak"
        case .peakBurdenPctGDPReform: return "the peak of the reform's burden / GDP"
        case .peakBurdenYearReform: return "the first year of that peak"
        case .peakTransitionCostPctGDP: return "the peak of (burden^reform − burden^current) / GDP"
        case .peakTransitionCostYear: return "the first year of that peak"
        case .breakevenYear:
            return "the first y ≥ y_s (the reform's start) from which the reform costs no more than the current scheme in every year to the horizon; none when the last year fails"
        case .exceedsThresholdCurrent: return "1 when the current scheme's burden / GDP exceeds the scenario's threshold in some year (a share of GDP, or with `burden_threshold: start_year` the current scheme's y0 level on the path; summary.json's `burden_threshold_basis` says which)"
        case .exceedsThresholdReform: return "1 when the reform's burden / GDP exceeds the scenario's threshold in some year (the same threshold as the current scheme's)"
        case .pvGuaranteeTopups: return "PV of the reform's guarantee top-ups (part of its burden)"
        case .pvBondRedemptions: return "PV of the reform's recognition-bond redemptions (part of its burden)"
        case .pvPaybackYear:
            return "the first y ≥ y_s from which the cumulative discounted difference Σ_{u=y_s}^{y} v_u (burden^reform_u − burden^current_u) stays ≤ 0 in every year to the horizon; none when it is > 0 in the last year"
        }
    }

    /// The name of the 1/0 quantity "the field has a value" (optional years only).
    public var indicatorName: String? {
        switch self {
        case .breakevenYear: return "breaks_even"
        case .pvPaybackYear: return "pays_back"
        default: return nil
        }
    }

    /// The figures across paths in `summary.json`: by kind (``PathSummaryFieldList/defaultHeadlines``),
    /// with the committed names of the shares.
    public var headlines: [PathSummaryHeadline] {
        switch self {
        case .pvDifference: return defaultHeadlines + [.shareBelowZero("probability_reform_cheaper")]
        case .breakevenYear: return defaultHeadlines + [.shareWithoutValue("share_never_breaking_even")]
        case .pvPaybackYear: return defaultHeadlines + [.shareWithoutValue("share_never_paying_back")]
        case .exceedsThresholdCurrent: return [.share("probability_above_threshold_current")]
        case .exceedsThresholdReform: return [.share("probability_above_threshold_reform")]
        default: return defaultHeadlines
        }
    }
}

/// The kind of a per-path summary field and the property that holds it: a writable key path for a
/// stored field (archived and set when decoding), a read-only one for a field computed from others
/// (`pv_difference`).
public enum PathSummaryAccess<Summary> {
    /// Money in currency units.
    case currency(KeyPath<Summary, Double>)
    /// A share (of GDP).
    case ratio(KeyPath<Summary, Double>)
    /// A calendar year.
    case year(KeyPath<Summary, Int>)
    /// A calendar year that a path may lack (no value: an empty cell, NaN, `null`).
    case optionalYear(KeyPath<Summary, Int?>)
    /// 1 or 0.
    case flag(KeyPath<Summary, Bool>)
}

/// A figure across paths of one field in `summary.json`, by its key.
public enum PathSummaryHeadline: Sendable, Equatable {
    /// Median and 5th and 95th percentiles across paths (`null` when no path has a value).
    case band(String)
    /// The median year across paths, rounded.
    case medianYear(String)
    /// The share of paths whose value is below zero.
    case shareBelowZero(String)
    /// The share of paths with no value.
    case shareWithoutValue(String)
    /// The share of paths with value 1 (flags).
    case share(String)
}

/// A per-path summary: one value per field of its ``PathSummaryFieldList``.
public protocol PathSummaryRecord: Sendable, Equatable {
    var path: Int { get }
    /// A summary of `path` with every stored field zero (filled in when decoding).
    init(blankPath path: Int)
}

/// A list of per-path summary fields; ``PathSummaryField`` is the list of the model. Writers and
/// readers are generic over the list, so that a list with one more field (a test fixture) shows up
/// in every output.
public protocol PathSummaryFieldList: CaseIterable, Hashable, Sendable {
    associatedtype Summary: PathSummaryRecord
    /// The name used in files.
    var name: String { get }
    var access: PathSummaryAccess<Summary> { get }
    /// The name of the 1/0 quantity "has a value" of an optional year, in the expression language.
    var indicatorName: String? { get }
    /// The figures across paths in `summary.json`.
    var headlines: [PathSummaryHeadline] { get }
}

public extension PathSummaryFieldList {
    var indicatorName: String? { nil }
    var headlines: [PathSummaryHeadline] { defaultHeadlines }

    /// A band for numbers and optional years, the median year for years, the share of 1 for flags;
    /// each under the field's name.
    var defaultHeadlines: [PathSummaryHeadline] {
        switch access {
        case .currency, .ratio, .optionalYear: return [.band(name)]
        case .year: return [.medianYear(name)]
        case .flag: return [.share(name)]
        }
    }

    var isCurrency: Bool { if case .currency = access { return true } else { return false } }

    /// True for a number in currency units or a ratio (values that must be finite).
    var isReal: Bool {
        switch access {
        case .currency, .ratio: return true
        case .year, .optionalYear, .flag: return false
        }
    }

    /// True for a stored field (archived); false for one computed from others.
    var isStored: Bool {
        switch access {
        case let .currency(k), let .ratio(k): return k is WritableKeyPath<Summary, Double>
        case let .year(k): return k is WritableKeyPath<Summary, Int>
        case let .optionalYear(k): return k is WritableKeyPath<Summary, Int?>
        case let .flag(k): return k is WritableKeyPath<Summary, Bool>
        }
    }

    /// The value as a double: years as numbers, a missing year NaN, flags 1 or 0.
    func double(_ s: Summary) -> Double {
        switch access {
        case let .currency(k), let .ratio(k): return s[keyPath: k]
        case let .year(k): return Double(s[keyPath: k])
        case let .optionalYear(k): return s[keyPath: k].map(Double.init) ?? .nan
        case let .flag(k): return s[keyPath: k] ? 1 : 0
        }
    }

    /// Sets a stored field from its ``double(_:)``; false (and nothing set) when `x` is not a value
    /// of the field (a year that is not a whole number). Flags read any nonzero as 1.
    func set(_ x: Double, in s: inout Summary) -> Bool {
        switch access {
        case let .currency(k), let .ratio(k):
            guard let w = k as? WritableKeyPath<Summary, Double> else { return false }
            s[keyPath: w] = x
        case let .year(k):
            guard let w = k as? WritableKeyPath<Summary, Int>, let n = Int(exactly: x) else { return false }
            s[keyPath: w] = n
        case let .optionalYear(k):
            guard let w = k as? WritableKeyPath<Summary, Int?> else { return false }
            if x.isNaN { s[keyPath: w] = nil } else {
                guard let n = Int(exactly: x) else { return false }
                s[keyPath: w] = n
            }
        case let .flag(k):
            guard let w = k as? WritableKeyPath<Summary, Bool> else { return false }
            s[keyPath: w] = x != 0
        }
        return true
    }

    /// Currency fields first, then the others, each in declaration order.
    private static var currencyFirst: [Self] {
        let all = Array(allCases)
        return all.filter(\.isCurrency) + all.filter { !$0.isCurrency }
    }

    /// The stored fields in the order of `results.bin` (after the path): currency fields first, then
    /// the others, each in declaration order.
    static var archiveOrder: [Self] { currencyFirst.filter(\.isStored) }

    /// The names of the expression language, with each field's indicator right after it: currency
    /// fields first, then the others, each in declaration order.
    static var expressionOrder: [(name: String, field: Self, indicator: Bool)] {
        currencyFirst.flatMap { f -> [(name: String, field: Self, indicator: Bool)] in
            [(f.name, f, false)] + (f.indicatorName.map { [($0, f, true)] } ?? [])
        }
    }
}
