import Foundation

/// A violated invariant of a ``LanePlan``: every broken claim, in words.
struct LanePlanInvariantError: Error, CustomStringConvertible, Sendable {
    let violations: [String]
    var description: String {
        "\(violations.count) lane-plan invariants violated: \(violations.prefix(8).joined(separator: "; "))"
    }
}

/// The claims ``LanePlan``'s doc comments make about its stored properties, checked in the manner
/// of swift-collections' `_checkInvariants()`: a debug aid that reads the plan and changes
/// nothing. The tests call it on plans of several scenarios; a debug build may call it at the
/// end of `LanePlan.init` (`assert(...)`, so a release build never pays for it).
///
/// What is checked (docs/model.md Part II, "Two engines, one model"):
/// - the layout: rows and DC records by year, at most one row per group a year in group order,
///   entrant groups starting in their year, track entries and DC records pointing inside;
/// - the deterministic factor A of N = μ · A: a group's ΣA at the start of year t+1 is its ΣA
///   after the exits of year t, bit for bit (so does a group's bond stock), the initial groups
///   hold the y0 headcount and each year's entrant groups the whole (normalised) profile;
/// - every row's cells (age, award cell, spouse cell) follow from the group;
/// - `poolFloor`: no award, initial beneficiary, spouse or deferred annuity purchase lands in
///   a pool cell below its floor, so the cells the projector skips are empty in every year and path;
/// - the flags (`hasFrozenAwards`, `keepsFrozen`, `totalIsDB`, `rightsAreCounts`, `deferredAges`, `dcAges`)
///   agree with the rows and records they summarise.
extension LanePlan {
    func checkInvariants(context: ProjectionContext, scheme: Scheme) throws(LanePlanInvariantError) {
        let violations = invariantViolations(context: context, scheme: scheme)
        if !violations.isEmpty { throw LanePlanInvariantError(violations: violations) }
    }

    /// Every violated invariant of the plan of `scheme`, in words (empty when the plan is sound).
    func invariantViolations(context: ProjectionContext, scheme: Scheme) -> [String] {
        var found: [String] = []
        func claim(_ holds: Bool, _ message: @autoclosure () -> String) { if !holds { found.append(message()) } }
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(1, abs(a), abs(b)) }
        let h = context.horizon, ages = context.maximumAge + 1, trackCount = context.inputs.tracks.count
        let gap = context.tables.gap

        // Layout by year.
        claim(rowStart.count == h + 1 && rowStart.first == 0 && rowStart.last == rows.count
              && zip(rowStart, rowStart.dropFirst()).allSatisfy { $0 <= $1 }, "rowStart does not partition rows by year")
        claim(dcStart.count == h + 1 && dcStart.first == 0 && dcStart.last == dc.count
              && zip(dcStart, dcStart.dropFirst()).allSatisfy { $0 <= $1 }, "dcStart does not partition the DC records by year")
        claim(entrantGroups.count == h + 1, "entrantGroups has \(entrantGroups.count) years, not H+1 = \(h + 1)")
        guard found.isEmpty else { return found }

        // Groups: the initial ones start at y0; entrant groups start in the year that lists them.
        var listedIn = [Int?](repeating: nil, count: groups.count)
        for (t, range) in entrantGroups.enumerated() {
            for g in range where g < groups.count { listedIn[g] = t }
        }
        for (g, group) in groups.enumerated() {
            if group.isEntrant {
                claim(listedIn[g] == group.start && group.start >= 1, "entrant group \(g) starts at \(group.start) but is listed in \(String(describing: listedIn[g]))")
            } else {
                claim(group.start == 0 && listedIn[g] == nil, "initial group \(g) does not start at y0")
            }
            claim(group.sex == 0 || group.sex == 1, "group \(g) has sex \(group.sex)")
        }

        // Rows: at most one per group a year, in group order, with cells that follow from the group.
        var rowOf = [[Int: Int]](repeating: [:], count: h)
        for t in 0..<h {
            var previous = -1
            for r in rowStart[t]..<rowStart[t + 1] {
                let row = rows[r]
                guard row.group >= 0 && row.group < groups.count else { found.append("row \(r) of year \(t) names group \(row.group)"); continue }
                let group = groups[row.group]
                claim(row.group > previous, "year \(t): row \(r) of group \(row.group) after group \(previous)")
                previous = row.group
                rowOf[t][row.group] = r
                claim(group.start <= t, "year \(t): a row for group \(row.group), which starts at \(group.start)")
                let age = t - group.birth, s = group.sex
                claim(row.sex == s && row.age == min(age, ages - 1), "year \(t), group \(row.group): row sex/age \(row.sex)/\(row.age), group \(s)/\(age)")
                claim(row.toCell == s * ages + min(age + 1, ages - 1), "year \(t), group \(row.group): award cell \(row.toCell)")
                claim(row.spouseCell == (1 - s) * ages + Spouse.age(ofMemberAged: age, gap: gap[s], maximumAge: ages - 1), "year \(t), group \(row.group): spouse cell \(row.spouseCell)")
                claim(row.count > 0 && row.countNext >= 0 && row.countNext <= row.count * (1 + 1e-12),
                      "year \(t), group \(row.group): ΣA \(row.count), after exits \(row.countNext)")
                claim(row.retiredAll >= 0 && row.retired.count >= 0 && row.retired.count <= row.retiredAll * (1 + 1e-12)
                      && row.disabled.count >= 0 && row.survivorCount >= 0,
                      "year \(t), group \(row.group): negative exits or more awards than retirements")
                claim(row.pay >= 0 && row.payDB >= 0 && row.payDB <= row.pay * (1 + 1e-12) && row.dcBase >= 0,
                      "year \(t), group \(row.group): pay \(row.pay), of DB accruers \(row.payDB), DC base \(row.dcBase)")
                claim(row.tracks.lowerBound >= 0 && row.tracks.upperBound <= trackEntries.count, "year \(t), group \(row.group): track entries outside")
                for e in row.tracks where e >= 0 && e < trackEntries.count {
                    let entry = trackEntries[e]
                    claim(entry.track >= 0 && entry.track < trackCount && entry.dbCount >= 0 && entry.totalCount >= 0,
                          "year \(t), group \(row.group): track entry \(e) for track \(entry.track)")
                }
            }
        }

        // A of N = μ · A: what leaves a year's row is what the next year's row starts with; so do
        // the bonds, from the year after the reform (they are issued at its start).
        let reformIndex = context.schemes[scheme.rawValue].reformIndex
        for t in 0..<h {
            for (g, r) in rowOf[t] {
                let row = rows[r]
                if t + 1 < h, let next = rowOf[t + 1][g] {
                    claim(rows[next].count == row.countNext, "group \(g): ΣA at the start of \(t + 1) is \(rows[next].count), after the exits of \(t) \(row.countNext)")
                    claim(reformIndex == t + 1 || rows[next].bondStart == row.bondNext, "group \(g): bonds at the start of \(t + 1) are \(rows[next].bondStart), after \(t) \(row.bondNext)")
                } else if t + 1 < h {
                    claim(row.countNext == 0, "group \(g) has no row in year \(t + 1) but \(row.countNext) members stay after \(t)")
                }
            }
        }
        // The rows hold the population: the y0 headcount, and each year's whole entrant profile.
        var initial = 0.0
        for r in rowStart[0]..<rowStart[1] where !groups[rows[r].group].isEntrant { initial += rows[r].count }
        claim(close(initial, context.initialHeadcount), "the initial groups hold \(initial) members, the y0 headcount is \(context.initialHeadcount)")
        if !context.entrantProfile.isEmpty {
            for t in 1..<max(1, h) {
                var shares = 0.0
                for g in entrantGroups[t] {
                    if let r = rowOf[t][g] { shares += rows[r].count } else { found.append("entrant group \(g) has no row in its first year \(t)") }
                }
                claim(close(shares, 1), "the entrant groups of year \(t) hold \(shares) of the profile, not 1")
            }
        }

        // DC records: inside their year's rows, grouped by row in row order, one slot each.
        for t in 0..<h {
            let first = rowStart[t], count = rowStart[t + 1] - first
            var previous = 0, slots = Set<Int>()
            var withdrawn = [Double](repeating: 0, count: count), staying = withdrawn, recorded = [Bool](repeating: false, count: count)
            for i in dcStart[t]..<dcStart[t + 1] {
                let rec = dc[i]
                guard rec.row >= 0 && rec.row < count else { found.append("year \(t): DC record \(i) points at row \(rec.row) of \(count)"); continue }
                let row = rows[first + rec.row]
                claim(rec.row >= previous, "year \(t): DC record \(i) is not in row order")
                previous = rec.row
                claim(row.hasDC, "year \(t): DC record \(i) in a row without DC")
                claim(rec.slot >= 0 && rec.slot < slotCount && slots.insert(rec.slot).inserted, "year \(t): DC record \(i) has slot \(rec.slot)")
                claim(rec.sex == row.sex && rec.age == row.age && rec.toCell == row.toCell, "year \(t): DC record \(i) disagrees with its row's sex, age or cell")
                claim(rec.track >= 0 && rec.track < trackCount
                      && rec.deferredCell == (rec.sex * trackCount + rec.track) * ages + row.toCell % ages,
                      "year \(t): DC record \(i) has deferred cell \(rec.deferredCell)")
                claim(rec.countNext >= 0 && rec.withdrawn >= 0 && rec.retired >= 0 && rec.contribution >= 0,
                      "year \(t): DC record \(i) has a negative count or contribution")
                claim(dcAges?.contains(rec.age) == true, "year \(t): DC record \(i) at age \(rec.age) outside dcAges \(String(describing: dcAges))")
                if rec.withdrawn > 0 {
                    claim(deferredAges?.contains(row.toCell % ages) == true, "year \(t): DC record \(i) defers members at age \(row.toCell % ages) outside deferredAges")
                }
                claim(rec.salary > 0 && rec.dbRate >= 0 && rec.dbRateFrozen >= 0, "year \(t): DC record \(i) has salary \(rec.salary), DB rates \(rec.dbRate), \(rec.dbRateFrozen)")
                withdrawn[rec.row] += rec.withdrawn
                staying[rec.row] += rec.countNext
                recorded[rec.row] = true
            }
            for j in 0..<count where rows[first + j].hasDC {
                claim(recorded[j], "year \(t): row \(first + j) has DC but no record")
                claim(staying[j] <= rows[first + j].countNext * (1 + 1e-12), "year \(t): the DC records of row \(first + j) keep \(staying[j]) members, the row \(rows[first + j].countNext)")
                claim(withdrawn[j] == rows[first + j].dcWithdrawn, "year \(t): row \(first + j) withdraws \(rows[first + j].dcWithdrawn), its records \(withdrawn[j])")
            }
        }

        // Pool floors: every way into a pool lands at or above its floor.
        let floorsShaped = poolFloor.count == 3 && poolFloor.allSatisfy { $0.count == 2 && $0.allSatisfy { $0 >= 0 && $0 <= ages } }
        claim(floorsShaped, "poolFloor is not 3 pools × 2 sexes of ages")
        if floorsShaped {
            func lands(_ kind: Int, cell: Int, _ what: @autoclosure () -> String) {
                claim(cell % ages >= poolFloor[kind][cell / ages], "\(what()) lands at age \(cell % ages) below the floor \(poolFloor[kind][cell / ages]) of pool \(kind)")
            }
            for (kind, list) in [(0, context.inputs.population.pensioners), (1, context.inputs.population.disabled),
                                 (2, context.inputs.population.survivors)] {
                for cell in list where cell.count > 0 { lands(kind, cell: cell.sex.index * ages + min(cell.age, ages - 1), "an initial beneficiary") }
            }
            for (r, row) in rows.enumerated() {
                if row.retired.count != 0 { lands(0, cell: row.toCell, "a retirement award of row \(r)") }
                if row.disabled.count != 0 || row.dcDisability > 0 { lands(1, cell: row.toCell, "a disability award of row \(r)") }
                if row.survivorCount != 0 { lands(2, cell: row.spouseCell, "a spouse of a death in service of row \(r)") }
            }
            for (i, rec) in dc.enumerated() where rec.retired > 0 { lands(0, cell: rec.toCell, "a DC retirement of record \(i)") }
            if let deferredAges {
                // Deferred members buy their annuity at the BUP in force (at ω at the latest), and
                // age in their cells until then.
                let bups = context.schemes[scheme.rawValue].retirementAge.flatMap { $0 }
                if let lowest = bups.min(), let highest = bups.max() {
                    for s in 0..<2 { lands(0, cell: s * ages + min(lowest, ages - 1), "a deferred member's annuity of sex \(s)") }
                    claim(deferredAges.upperBound >= min(ages - 1, highest - 1), "deferredAges \(deferredAges) stop below the highest BUP \(highest)")
                }
            }
            for s in 0..<2 {
                let youngest = min(poolFloor[0][s], poolFloor[1][s])
                if youngest < ages {
                    lands(2, cell: (1 - s) * ages + Spouse.age(ofMemberAged: youngest, gap: gap[s], maximumAge: ages - 1), "a spouse of the youngest pensioner of sex \(s)")
                }
            }
        }

        // The flags summarise the rows and records.
        claim(hasFrozenAwards == rows.contains { $0.survivorAmountFrozen != 0 || $0.disabled.hasFrozen || $0.retired.hasFrozen },
              "hasFrozenAwards disagrees with the rows")
        claim(keepsFrozen == (hasFrozenAwards || rows.contains {
            $0.survivorAmountFrozenW != 0 || $0.disabled.hasFrozenOnFinalSalary || $0.retired.hasFrozenOnFinalSalary
        }), "keepsFrozen disagrees with the rows")
        // The final-salary frozen parts are parts of the W amounts (docs/model.md §8, db_benefits_frozen).
        for row in rows {
            claim(row.survivorAmountFrozenW <= row.survivorAmount && row.disabled.dbFrozenW <= row.disabled.db
                  && row.retired.dbFrozenW <= row.retired.db && row.retired.contingentFrozenW <= row.retired.contingent
                  && row.disabled.contingentFrozenW <= row.disabled.contingent,
                  "a row's final-salary frozen part exceeds its amount")
        }
        if totalIsDB {
            claim(dc.isEmpty && trackEntries.allSatisfy { $0.totalCount == $0.dbCount && $0.totalSum == $0.dbSum && $0.dbSumFrozen == 0 },
                  "totalIsDB, but some total rate is not the DB rate")
        }
        if rightsAreCounts {
            claim(dc.isEmpty && rows.allSatisfy { $0.disabled.rightsAreCounts && $0.retired.rightsAreCounts },
                  "rightsAreCounts, but some award carries no survivor rights")
        }
        claim(slotCount >= Set(dc.map(\.slot)).count, "slotCount \(slotCount) is below the slots used")
        if let deferredAges {
            claim(dcAges.map { $0.contains(deferredAges.lowerBound) && $0.contains(deferredAges.upperBound) } == true,
                  "deferred members at ages \(deferredAges) earn no return: dcAges \(String(describing: dcAges))")
        }
        claim(sharesDemography(with: self), "the plan does not share its demography with itself")
        return found
    }
}
