extension LaneProjector {
    /// Which flows of a group row are present in a year, so that ``projectRows(t:wage:dc:)`` runs
    /// the row's pass over the lanes without the absent ones. The pass is an `@inline(__always)`
    /// function of a `RowFlows`; called with one of the constants below it becomes its own loop
    /// with every flag folded (the flows that are absent compiled out), which is what keeps the
    /// common rows fast; any other combination runs the general loop, testing the flags.
    struct RowFlows: Equatable {
        /// μ(t), μ(t)q and μ(t+1) are kept for the bonds, the track entries or the DC records.
        var keep: Bool
        /// DB contributions (pay of DB accruers), and DC contributions.
        var db: Bool
        var dc: Bool
        /// Survivor pensions of deaths in service; disability awards.
        var survivor: Bool
        var disability: Bool
        /// Retirements (counted), and retirement awards with a DB pension.
        var retirement: Bool
        var award: Bool

        /// Members of a DB scheme below any retirement age: contributions, deaths in service and
        /// disablements.
        @inline(__always) static var working: RowFlows {
            RowFlows(keep: false, db: true, dc: false, survivor: true, disability: true, retirement: false, award: false)
        }
        /// Members of a DB scheme at a retirement age: every flow.
        @inline(__always) static var retiring: RowFlows {
            RowFlows(keep: true, db: true, dc: false, survivor: true, disability: true, retirement: true, award: true)
        }
        /// DC members without DB rights before retirement: DC contributions only (their other
        /// flows are the DC records').
        @inline(__always) static var dcMembers: RowFlows {
            RowFlows(keep: true, db: false, dc: true, survivor: false, disability: false, retirement: false, award: false)
        }
    }
}
