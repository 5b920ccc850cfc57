import PensiunInputs
import Synchronization

/// What a ``ProjectionContext``'s tables (mortality grid, dense tables, initial cohorts, entrant
/// profile, headcount targets) and the lane plans of its schemes are built from: every input but
/// the economy, the valuation and the profiles, which only the runs read. A scheme's ``LanePlan``
/// depends on these and on that scheme's own rules (``SchemeYearRules``), nothing else.
struct DemographyInputs: Equatable, Sendable {
    let calendar: ProjectionCalendar
    let mortality: MortalityInputs
    let decrements: DecrementInputs
    let survivors: SurvivorInputs
    let tracks: [Track]
    let population: InitialPopulation
    let entrants: EntrantInputs
    /// Whether the reform's DC contributes on take-home pay (the tables' m_DC follow from it).
    let dcOnTakeHomePay: Bool

    init(_ inputs: ProjectionInputs) {
        dcOnTakeHomePay = inputs.reform.dc?.onTakeHomePay != false
        calendar = inputs.calendar
        mortality = inputs.mortality
        decrements = inputs.decrements
        survivors = inputs.survivors
        tracks = inputs.tracks
        population = inputs.population
        entrants = inputs.entrants
    }
}

/// The contexts and lane plans of recent projections, for many runs that differ in a few inputs
/// (the variants of a sweep): a projection whose ``DemographyInputs`` equal an earlier one's takes
/// its context's tables (``ProjectionContext/init(inputs:reusing:)``), and a scheme whose rules are
/// also equal takes its ``LanePlan``. What is reused is what a fresh build gives from equal inputs,
/// number for number (the builds are deterministic), so the results do not change; equality is
/// `==` on the inputs' values, which is equality bit for bit because the scenario reader reads −0
/// as +0 (`YAMLCursor.canonical`; a NaN input never equals itself, which costs a rebuild, not bits).
///
/// A current scheme without DC is also projected once per block while the variants leave what it
/// reads alone (``CurrentSchemeMemo``: the drivers but the equity returns, compared bit for bit).
///
/// Shared between threads (a sweep's variants run side by side); keeps the `capacity` most recently
/// used demographies, each with the plans built for it. Two threads that miss together both build,
/// which costs time, not bits.
public final class ProjectionCache: Sendable {
    struct Entry: Sendable {
        let key: DemographyInputs
        let context: ProjectionContext
        var plans: [(scheme: Scheme, rules: SchemeRules, plan: LanePlan)] = []
    }

    struct State: Sendable {
        /// Most recently used last.
        var entries: [Entry] = []
        var contextBuilds = 0
        var planBuilds = 0
        /// The current scheme's block projections for one demography and current rules (one at a
        /// time: it holds a results column per path), and the reuses of earlier memos.
        var memo: (key: DemographyInputs, rules: SchemeRules, memo: CurrentSchemeMemo)?
        var retiredReuses = 0
    }

    let state = Mutex(State())
    public let capacity: Int
    /// Whether the current scheme's blocks are memoised (``CurrentSchemeMemo``), which holds the
    /// current scheme's results and driver bits of every path (model 2.3: about 50 MB per 1,000
    /// flagship paths, an estimate from the arrays' sizes: 37 metrics × 76 years, the year's
    /// retirements by track, the ledgers and the drivers; the rates by track are not kept).
    public let memoisesCurrentScheme: Bool

    /// The most paths for which a sweep memoises the current scheme (about 1 GB for the flagship).
    public static let memoPathLimit = 20_000

    /// `paths`: the paths of each projection (a sweep's `paths`); above ``memoPathLimit`` the
    /// current scheme is projected again for every variant rather than held.
    public init(capacity: Int = 4, paths: Int = 0) {
        self.capacity = max(1, capacity)
        memoisesCurrentScheme = paths <= Self.memoPathLimit
    }

    /// Contexts built from scratch so far (the others reused an earlier context's tables).
    public var contextBuilds: Int { state.withLock { $0.contextBuilds } }
    /// Lane plans built so far (the others were reused).
    public var planBuilds: Int { state.withLock { $0.planBuilds } }

    /// `MonteCarloProjection(inputs: inputs, engine: engine)`, with the context's tables and the
    /// schemes' plans reused where an earlier projection was built from equal inputs.
    public func projection(inputs: ProjectionInputs, engine: MonteCarloProjection.Engine = .lanes) throws -> MonteCarloProjection {
        let key = DemographyInputs(inputs)
        let earlier = state.withLock { state -> ProjectionContext? in
            guard let i = state.entries.lastIndex(where: { $0.key == key }) else { return nil }
            let entry = state.entries.remove(at: i)
            state.entries.append(entry)
            return entry.context
        }
        let context: ProjectionContext
        if let earlier {
            context = ProjectionContext(inputs: inputs, reusing: earlier)
        } else {
            context = ProjectionContext(inputs: inputs)
            state.withLock { state in
                state.contextBuilds += 1
                state.entries.append(Entry(key: key, context: context))
                if state.entries.count > capacity { state.entries.removeFirst(state.entries.count - capacity) }
            }
        }
        var projection = try MonteCarloProjection(context: context, engine: engine) { scheme in
            let rules = scheme == .current ? inputs.current : inputs.reform
            let found = self.state.withLock { state -> LanePlan? in
                state.entries.last { $0.key == key }?.plans.first { $0.scheme == scheme && $0.rules == rules }?.plan
            }
            if let found { return found }
            let plan = LanePlan(context: context, scheme: scheme)
            self.state.withLock { state in
                state.planBuilds += 1
                guard let i = state.entries.lastIndex(where: { $0.key == key }) else { return }
                state.entries[i].plans.append((scheme, rules, plan))
                // A sweep of a scheme's rules builds a plan per value: keep the latest few.
                if state.entries[i].plans.count > 4 * self.capacity { state.entries[i].plans.removeFirst() }
            }
            return plan
        }
        // A current scheme without DC never reads the equity returns: its blocks are memoised.
        if memoisesCurrentScheme && projection.plans != nil && inputs.current.dc == nil {
            projection.currentMemo = state.withLock { state -> CurrentSchemeMemo in
                if let found = state.memo, found.rules == inputs.current, found.key == key { return found.memo }
                state.retiredReuses += state.memo?.memo.hits ?? 0
                let memo = CurrentSchemeMemo()
                state.memo = (key, inputs.current, memo)
                return memo
            }
        }
        return projection
    }

    /// Blocks whose current scheme was taken from an earlier projection (``CurrentSchemeMemo``).
    public var currentSchemeReuses: Int {
        state.withLock { $0.retiredReuses + ($0.memo?.memo.hits ?? 0) }
    }
}
