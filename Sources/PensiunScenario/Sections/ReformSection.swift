import PensiunInputs

/// Reads the `reform` section into the reformed scheme's ``SchemeRules`` (docs/model.md §6):
/// `reform.db` laid over `current_scheme`, new retirement ages by track, and the DC scheme
/// (``ReformDCSection``). What the reform leaves out stays as in the current scheme.
enum ReformSection {
    struct Result {
        let rules: SchemeRules
        /// `reform.financing` (``TransitionFinancing``), an analysis assumption kept apart from the rules.
        var financing: TransitionFinancing = .none
        /// Notes on parameters that have no effect under the reform's other values.
        let warnings: [String]

        /// The "reform" of a scenario without a `reform` section: the current scheme unchanged.
        static func unchanged(_ current: SchemeRules) -> Result {
            Result(rules: current, warnings: [])
        }
    }

    static let keys = ["db", "retirement_age", "dc", "financing"]

    /// `current` is the current scheme (the reform's starting point), `currentScheme` its section
    /// (under `reform.db`), `tracks` the scenario's tracks (the keys of `reform.retirement_age`).
    static func read(_ cursor: YAMLCursor, over current: SchemeRules, currentScheme: YAMLCursor, tracks: [Track],
                     simulation: SimulationSettings?) -> Result? {
        guard let s = cursor.mapping(allowed: keys) else { return nil }
        var db: DBRules? = current.db
        if let node = s["db"] {
            db = CurrentSchemeSection.read(YAMLCursor(node: currentScheme.node.merged(with: node.node), keyPath: "reform.db",
                                                      log: cursor.log))
        }
        var ages: [ByYear<Int>]? = current.retirementAges
        if let node = s["retirement_age"], let m = node.mapping(allowed: tracks.map(\.name)) {
            for (i, track) in tracks.enumerated() {
                guard let entry = m[track.name] else { continue }
                if let bup = entry.byYear({ $0.integer(.reformRetirementAge) }) {
                    ages?[i] = bup
                } else { ages = nil }
            }
        } else if s["retirement_age"] != nil { ages = nil }
        var dc: ReformDCSection.Result?
        var dcOK = true
        if let node = s["dc"] {
            dc = ReformDCSection.read(node, simulation: simulation)
            dcOK = dc != nil
        }
        var financing: TransitionFinancing? = TransitionFinancing.none
        if let node = s["financing"] {
            financing = node.choice(.financing, [TransitionFinancing.none, .borrowing])
        } else { cursor.log.noteDefault(.financing) }
        guard let db, let ages, dcOK, let financing else { return nil }
        return Result(rules: SchemeRules(db: db, retirementAges: ages, dc: dc?.rules), financing: financing,
                      warnings: dc?.warnings ?? [])
    }
}
