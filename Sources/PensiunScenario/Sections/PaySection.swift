import PensiunInputs

/// Reads the optional `pay` section into ``PayInputs``: what members are paid besides the monthly
/// basic salary, the denominators of the like-for-like replacement rates (docs/model.md Part II,
/// "Like-for-like replacement rates").
enum PaySection {
    static let keys = ["salary_payments_per_year", "allowances"]

    /// `pensionAllowance` is `current_scheme.allowances.pension`, the default of `allowances`
    /// (the same family and food allowance rules apply to actives and pensioners).
    static func read(_ cursor: YAMLCursor?, pensionAllowance: Double) -> PayInputs? {
        guard let cursor else {
            return PayInputs(salaryPaymentsPerYear: 12, allowances: pensionAllowance)
        }
        guard let s = cursor.mapping(allowed: keys) else { return nil }
        var payments: Double? = 12, allowances: Double? = pensionAllowance
        if let node = s["salary_payments_per_year"] {
            payments = node.number(.salaryPaymentsPerYear)
        } else { cursor.log.noteDefault(.salaryPaymentsPerYear) }
        if let node = s["allowances"] {
            allowances = node.number(.activeAllowances)
        } else { cursor.log.noteDefault(.activeAllowances) }
        guard let payments, let allowances else { return nil }
        return PayInputs(salaryPaymentsPerYear: payments, allowances: allowances)
    }
}
