import PensiunInputs

extension ProcessRiskLimit {
    /// `count` as the number of trials of a draw, or ``ProcessRiskLimitError`` naming `cell`.
    static func trials(_ count: Double, cell: @autoclosure () -> String, path: Int, year: Int) throws(ProcessRiskLimitError) -> UInt32 {
        let n = count.rounded()
        guard n >= 0, n <= maximum else { throw ProcessRiskLimitError(path: path, year: year, cell: cell(), count: count) }
        return UInt32(n)
    }
}
