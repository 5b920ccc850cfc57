import PensiunEconomy

/// The resolved inputs the engine runs on: everything a projection needs, as typed values
/// (PensiunScenario's `Scenario` reads them from a scenario file, with its settings and
/// provenance). Money is in currency units; salaries and pensions are monthly amounts; rates are
/// annual fractions.
public struct ProjectionInputs: Sendable {
    public var calendar: ProjectionCalendar
    public var economy: EconomyParameters
    public var mortality: MortalityInputs
    public var decrements: DecrementInputs
    public var survivors: SurvivorInputs
    public var tracks: [Track]
    /// What members are paid besides the monthly basic salary (the like-for-like rates' basis).
    public var pay: PayInputs
    public var population: InitialPopulation
    public var entrants: EntrantInputs
    public var current: SchemeRules
    public var reform: SchemeRules
    public var valuation: ValuationInputs
    public var profiles: [ProfileSpec]

    public init(calendar: ProjectionCalendar, economy: EconomyParameters, mortality: MortalityInputs,
                decrements: DecrementInputs, survivors: SurvivorInputs, tracks: [Track],
                pay: PayInputs = PayInputs(), population: InitialPopulation, entrants: EntrantInputs, current: SchemeRules,
                reform: SchemeRules, valuation: ValuationInputs, profiles: [ProfileSpec] = []) {
        self.calendar = calendar
        self.economy = economy
        self.mortality = mortality
        self.decrements = decrements
        self.survivors = survivors
        self.tracks = tracks
        self.pay = pay
        self.population = population
        self.entrants = entrants
        self.current = current
        self.reform = reform
        self.valuation = valuation
        self.profiles = profiles
    }
}
