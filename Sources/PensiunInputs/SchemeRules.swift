/// The rules of one scheme: the current scheme has no DC; a reform has a DC, or changes the DB
/// parameters only (a parametric reform).
public struct SchemeRules: Sendable, Equatable {
    /// DB rules for DB members, legacy pensioners and frozen rights.
    public var db: DBRules
    /// BUP_{k,y} by track under this scheme.
    public var retirementAges: [ByYear<Int>]
    /// The DC and transition, if any.
    public var dc: DCRules?

    public init(db: DBRules, retirementAges: [ByYear<Int>], dc: DCRules? = nil) {
        self.db = db
        self.retirementAges = retirementAges
        self.dc = dc
    }
}
