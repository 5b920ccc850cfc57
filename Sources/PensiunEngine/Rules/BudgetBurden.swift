/// The budget burden of a scheme in a year (docs/model.md §5–6).
public enum BudgetBurden {
    /// DB-type benefits paid + employer DC contributions + guarantee top-ups + bond redemptions −
    /// employee DB contributions when their destination is the budget:
    ///
    ///     burden_y = DB_y + C^r_y + top-ups_y + redemptions_y − C^DB_y·[budget]
    @inlinable public static func amount(dbBenefits: Double, employerDC: Double, topUps: Double, bondRedemptions: Double,
                                         employeeDBToBudget: Double) -> Double {
        dbBenefits + employerDC + topUps + bondRedemptions - employeeDBToBudget
    }
}
