import PensiunInputs

/// Reads the `survivors` section into ``SurvivorInputs``: the probability of leaving a survivor
/// and the spouse's age gap, by sex (docs/model.md §4).
enum SurvivorsSection {
    static let keys = ["probability", "age_gap"]

    static func read(_ cursor: YAMLCursor) -> SurvivorInputs? {
        guard let s = cursor.mapping(allowed: keys) else { return nil }
        let probability = s.required(.survivorProbability)?.bySex { $0.steps(.survivorProbability) }
        let gap = s.required(.ageGap)?.bySex { $0.integer(.ageGap) }
        guard let probability, let gap else { return nil }
        return SurvivorInputs(probability: probability, ageGap: gap)
    }
}
