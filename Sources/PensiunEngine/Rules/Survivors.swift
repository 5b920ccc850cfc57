/// The spouse who survives a member (docs/model.md §4).
public enum Spouse {
    /// The age at the start of y+1 of the spouse of a member aged x at the start of y who dies in
    /// y: the member's next age plus the age gap Δ_s of the member's sex, kept within 0…ω:
    ///
    ///     min(max(x + 1 + Δ_s, 0), ω)
    @inlinable public static func age(ofMemberAged x: Int, gap: Int, maximumAge omega: Int) -> Int {
        min(max(x + 1 + gap, 0), omega)
    }
}
