import PensiunActuarial

extension Sex {
    /// 0 for male, 1 for female: the index in engine arrays and in the
    /// order of merged cells.
    @inlinable public var index: Int { self == .male ? 0 : 1 }
    /// The other sex (a survivor's spouse).
    @inlinable public var other: Sex { self == .male ? .female : .male }
    /// The sex of index 0 or 1.
    @inlinable public static func at(_ index: Int) -> Sex { index == 0 ? .male : .female }
}
