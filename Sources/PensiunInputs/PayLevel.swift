/// One pay level within a track (docs/model.md Part II, "Pay levels within a track"): a share of
/// the track's members, at y0 and among entrants, paid `multiplier` × the track's salary scale
/// through their whole career. Promotions are already in the scale, so a level is not a separate
/// career but a position around it; the levels' shares sum to 1 and their share-weighted
/// multipliers average 1, so the track's payroll and salary path are unchanged.
public struct PayLevel: Sendable, Equatable {
    public var name: String
    /// m_l: salary ÷ the track's salary scale.
    public var multiplier: Double
    /// s_l: the level's share of the track's members and entrants.
    public var share: Double

    public init(name: String, multiplier: Double, share: Double) {
        self.name = name
        self.multiplier = multiplier
        self.share = share
    }

    /// The one level of a track without pay levels: everybody on the track's path.
    public static let path = PayLevel(name: "path", multiplier: 1, share: 1)
}

/// The engine's pay groups: one per (track, pay level), in track order and, within a track, in
/// the order of its levels. The engines run on ``ProjectionInputs/byPayGroup()``, where every pay
/// group is a track; results by track are summed over a track's groups.
public struct PayGroups: Sendable, Equatable {
    /// The scenario's tracks.
    public let tracks: [Track]
    /// The track of each pay group.
    public let track: [Int]
    /// The pay level of each pay group, within its track.
    public let level: [Int]
    /// The first pay group of each track.
    public let first: [Int]

    public init(tracks: [Track]) {
        self.tracks = tracks
        var track: [Int] = [], level: [Int] = [], first: [Int] = []
        for (k, t) in tracks.enumerated() {
            first.append(track.count)
            for l in t.payLevels.indices {
                track.append(k)
                level.append(l)
            }
        }
        self.track = track
        self.level = level
        self.first = first
    }

    /// The number of pay groups.
    public var count: Int { track.count }
    /// True when every track has the one level ``PayLevel/path``: the groups are the tracks.
    public var areTracks: Bool { tracks.allSatisfy { $0.payLevels == [.path] } }
    /// The pay level of group g.
    public func payLevel(_ g: Int) -> PayLevel { tracks[track[g]].payLevels[level[g]] }
}

extension ProjectionInputs {
    /// The pay groups of these inputs' tracks.
    public var payGroups: PayGroups { PayGroups(tracks: tracks) }

    /// These inputs with one track per pay group (``PayGroups``): group g of track k is k's salary
    /// scale × m_l with k's take-home multipliers, named "track/level"; each active cell of y0 and
    /// each entrant share of track k is split among k's groups by the shares s_l (under process
    /// risk a cell's whole number of members is apportioned by largest remainder, so that every
    /// group's count stays whole; the cells of the same sex, track, age and service are merged
    /// before, as the engines merge them without levels); each scheme's retirement ages of k are
    /// its groups'. Profiles keep naming tracks. The inputs themselves when every track has only the path level.
    public func byPayGroup() -> ProjectionInputs {
        let groups = payGroups
        guard !groups.areTracks else { return self }
        var out = self
        out.tracks = (0..<groups.count).map { g in
            let track = tracks[groups.track[g]], level = groups.payLevel(g)
            return Track(name: "\(track.name)/\(level.name)", salaryScale: track.salaryScale.map { $0 * level.multiplier },
                         takeHomeMultiplier: track.takeHomeMultiplier, regionalShare: track.regionalShare)
        }
        // Under process risk the cells are merged first and then rounded, as without levels.
        let cells = decrements.processRisk ? InitialPopulation.mergedActives(population.actives) : population.actives
        out.population.actives = cells.flatMap { cell -> [ActiveCell] in
            let levels = tracks[cell.track].payLevels
            let counts = decrements.processRisk
                ? PayGroups.apportion(cell.count.rounded(), shares: levels.map(\.share))
                : levels.map { cell.count * $0.share }
            return levels.indices.map { l in
                ActiveCell(sex: cell.sex, track: groups.first[cell.track] + l, age: cell.age, service: cell.service, count: counts[l])
            }
        }
        out.entrants.profile = entrants.profile.flatMap { share in
            tracks[share.track].payLevels.enumerated().map { l, level in
                EntrantShare(sex: share.sex, track: groups.first[share.track] + l, age: share.age, share: share.share * level.share)
            }
        }
        for keyPath in [\ProjectionInputs.current, \ProjectionInputs.reform] {
            let ages = self[keyPath: keyPath].retirementAges
            out[keyPath: keyPath].retirementAges = groups.track.map { ages[$0] }
        }
        return out
    }
}

extension PayGroups {
    /// `total` whole members split by `shares` (summing to 1): each gets ⌊total·s⌋ and the members
    /// left go one each to the largest remainders (ties to the earlier share).
    public static func apportion(_ total: Double, shares: [Double]) -> [Double] {
        guard total > 0 else { return shares.map { _ in 0 } }
        var counts = shares.map { (total * $0).rounded(.down) }
        let left = Int(total - counts.reduce(0, +))
        let order = shares.indices.sorted { a, b in
            let ra = total * shares[a] - counts[a], rb = total * shares[b] - counts[b]
            return ra != rb ? ra > rb : a < b
        }
        for i in order.prefix(max(0, left)) { counts[i] += 1 }
        return counts
    }
}
