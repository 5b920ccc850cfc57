import PensiunEconomy
import PensiunInputs

/// Reads the projection sections (mortality … reporting) into ``ProjectionInputs``: each section's
/// reader returns its value (one file per section in this folder), and this one visible step
/// joins them, passing what one section needs from another as an argument:
///
/// - `tracks` → `population`, `entrants`, `reform` and `reporting` (track names and indices);
/// - `simulation` → `reform.dc` (its year within the projection);
/// - `current_scheme` → `reform` (the reform is laid over it);
/// - `simulation` and `mortality` → the calendar (start year, horizon, ω, generator);
/// - `current_scheme` → `pay` (the pension's allowances are the default of the actives').
///
/// Sections are read in the order of the file, so that problems, defaults, warnings and files
/// are listed in that order; every section is read even when another fails, so that one pass
/// finds every problem.
enum ProjectionSections {
    struct Result {
        let inputs: ProjectionInputs
        /// The data files the sections read (tables, CSV files), in the order read.
        let files: [String]
        /// Notes on parameters that have no effect under the scenario's options.
        let warnings: [String]
        let calibration: [CalibrationTarget]
        let presentation: Presentation
        let alternatives: [ScenarioAlternative]
    }

    static let keys = ["mortality", "decrements", "survivors", "tracks", "population", "entrants", "current_scheme"]

    static func read(_ top: Section, simulation: SimulationSettings?, economy: EconomyParameters?) -> Result? {
        let mortality = top.required(.mortality).flatMap(MortalitySection.read)
        let decrements = top.required(.decrements).flatMap(DecrementsSection.read)
        let survivors = top.required(.survivors).flatMap(SurvivorsSection.read)
        let tracks = top.required(.tracks).flatMap(TracksSection.read)
        let population = top.required(.population).flatMap { PopulationSection.read($0, tracks: tracks?.tracks) }
        let entrants = top.required(.entrants).flatMap { EntrantsSection.read($0, tracks: tracks?.tracks) }
        let currentScheme = top.required(.currentScheme)
        let current = currentScheme.flatMap(CurrentSchemeSection.read)
        let pay = PaySection.read(top["pay"], pensionAllowance: current?.pensionAllowance ?? 0)
        var reform: ReformSection.Result?
        if let currentScheme, let current, let tracks {
            let base = SchemeRules(db: current, retirementAges: tracks.retirementAges)
            if let node = top["reform"] {
                reform = ReformSection.read(node, over: base, currentScheme: currentScheme, tracks: tracks.tracks,
                                            simulation: simulation)
            } else {
                reform = .unchanged(base)
            }
        }
        let reporting: ReportingSection.Result?
        if let node = top["reporting"] {
            reporting = ReportingSection.read(node, tracks: tracks?.tracks ?? [], simulation: simulation)
        } else {
            top.cursor.log.noteDefault("reporting", "defaults (threshold 1% of GDP, path yields)")
            reporting = ReportingSection.Result()
        }
        guard let simulation, let economy, let mortality, let decrements, let survivors, let tracks, let population,
              let entrants, let current, let pay, let reform, let reporting else { return nil }
        var valuation = reporting.valuation
        valuation.financing = reform.financing
        let inputs = ProjectionInputs(
            calendar: ProjectionCalendar(startYear: simulation.startYear, horizon: simulation.horizon,
                               maximumAge: mortality.maximumAge, generator: simulation.generator),
            economy: economy, mortality: mortality.inputs, decrements: decrements.inputs, survivors: survivors,
            tracks: tracks.tracks, pay: pay, population: population.population, entrants: entrants.entrants,
            current: SchemeRules(db: current, retirementAges: tracks.retirementAges), reform: reform.rules,
            valuation: valuation, profiles: reporting.profiles)
        crossChecks(inputs, top: top)
        ReportingSection.checkProfiles(inputs, entryYears: reporting.profileEntryYears, exitAges: reporting.profileExitAges)
        var files = mortality.files + decrements.files
        files += tracks.files.filter { !files.contains($0) }
        files += population.files + entrants.files
        return Result(inputs: inputs, files: files,
                      warnings: mortality.warnings + tracks.warnings + reform.warnings,
                      calibration: reporting.calibration, presentation: reporting.presentation,
                      alternatives: reporting.alternatives)
    }

    // MARK: cross-field checks

    static func crossChecks(_ inputs: ProjectionInputs, top: Section) {
        let omega = inputs.calendar.maximumAge
        for cell in inputs.population.actives where cell.age >= omega {
            top["population"]?.fail("actives aged \(cell.age) are at or beyond the mortality table's last age \(omega)")
            break
        }
        // Retirement ages above entry ages.
        for share in inputs.entrants.profile {
            let bup = inputs.current.retirementAges[share.track](inputs.calendar.startYear)
            if share.age >= bup {
                top["entrants"]?.fail("entry age \(share.age) on track \(inputs.tracks[share.track].name) is not below its retirement age \(bup) (expected entry age < retirement age)")
                break
            }
        }
    }
}
