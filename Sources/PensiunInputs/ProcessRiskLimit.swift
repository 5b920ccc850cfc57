import PensiunActuarial

/// Under process risk (`decrements.process_risk`) member counts are drawn as binomials and
/// multinomials of 32-bit integers: a cell above ``maximum`` members cannot be drawn.
public enum ProcessRiskLimit {
    /// The most members one cell may hold: 2³² − 1.
    public static let maximum = Double(UInt32.max)

    /// The first initial active cell (after cells of the same sex, track, age and service are
    /// merged, as the engine merges them) whose rounded count is above ``maximum``.
    public static func oversizedCell(in inputs: ProjectionInputs) -> ActiveCell? {
        guard inputs.decrements.processRisk else { return nil }
        return InitialPopulation.mergedActives(inputs.population.actives).first { !($0.count.rounded() <= maximum) }
    }

    /// The words naming an active cell in messages.
    public static func describe(_ cell: ActiveCell, tracks: [Track]) -> String {
        let track = tracks.indices.contains(cell.track) ? tracks[cell.track].name : "\(cell.track)"
        return "the active cell (\(cell.sex.rawValue), track \(track), age \(cell.age), service \(cell.service))"
    }

    /// What is wrong with `cell` holding `count` members (without the path and year).
    public static func problem(cell: String, count: Double) -> String {
        let members = count.isFinite && abs(count) < 9e18 ? "\(Int64(count.rounded()))" : "\(count)"
        return "\(cell): \(members) members, more than process risk can draw (at most \(UInt32.max) a cell; set decrements.process_risk to false or scale the population down)"
    }
}

/// A cell that grew (or was given) beyond ``ProcessRiskLimit/maximum`` members under process
/// risk: the run stops, naming path, year and cell.
public struct ProcessRiskLimitError: Error, Equatable, CustomStringConvertible, Sendable {
    public let path: Int
    public let year: Int
    /// The cell in words ("the active cell (male, track clerical, age 40, service 10)").
    public let cell: String
    public let count: Double

    /// Thrown by the engine when a draw meets such a cell.
    package init(path: Int, year: Int, cell: String, count: Double) {
        self.path = path
        self.year = year
        self.cell = cell
        self.count = count
    }

    public var description: String { "path \(path), year \(year): \(ProcessRiskLimit.problem(cell: cell, count: count))" }
}
