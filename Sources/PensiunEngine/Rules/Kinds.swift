/// The three beneficiary pools of a scheme (docs/model.md §2 states): the raw values index the
/// engines' arrays.
public enum PoolKind: Int, Sendable, CaseIterable {
    /// Former actives retired on a pension (and deferred members who bought an annuity).
    case retired = 0
    /// Disabled pensioners.
    case disabled = 1
    /// Survivors receiving a survivor pension.
    case survivors = 2
}

/// The three replacement rates at award (docs/model.md §8): the raw values index the engines'
/// accumulators and ``SchemePathResult``'s per-track rates.
public enum ReplacementKind: Int, Sendable, CaseIterable {
    case db = 0
    case dc = 1
    case total = 2

    /// The yearly metric of the average over every track.
    public var metric: Metric {
        switch self {
        case .db: return .replacementRateDB
        case .dc: return .replacementRateDC
        case .total: return .replacementRateTotal
        }
    }
}
