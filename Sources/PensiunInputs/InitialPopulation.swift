import PensiunActuarial

/// One cell of actives at y0: N members of (sex, track, age, service).
public struct ActiveCell: Sendable, Equatable {
    public var sex: Sex
    public var track: Int
    public var age: Int
    public var service: Int
    public var count: Double
    public init(sex: Sex, track: Int, age: Int, service: Int, count: Double) {
        self.sex = sex
        self.track = track
        self.age = age
        self.service = service
        self.count = count
    }
}

/// One cell of beneficiaries at y0: count and the monthly amounts of the whole cell.
public struct BeneficiaryCell: Sendable, Equatable {
    public var sex: Sex
    public var age: Int
    public var count: Double
    /// Total monthly pension of the cell.
    public var monthlyPension: Double
    /// Total monthly contingent survivor pension (pensioners and disabled only); nil = default
    /// σ_r/cap × pension, floored at f_sr × floor per member.
    public var monthlySurvivorPension: Double?
    public init(sex: Sex, age: Int, count: Double, monthlyPension: Double, monthlySurvivorPension: Double? = nil) {
        self.sex = sex
        self.age = age
        self.count = count
        self.monthlyPension = monthlyPension
        self.monthlySurvivorPension = monthlySurvivorPension
    }
}

/// The population at the start of y0.
public struct InitialPopulation: Sendable, Equatable {
    public var actives: [ActiveCell]
    public var pensioners: [BeneficiaryCell]
    public var disabled: [BeneficiaryCell]
    public var survivors: [BeneficiaryCell]
    public init(actives: [ActiveCell], pensioners: [BeneficiaryCell] = [], disabled: [BeneficiaryCell] = [],
                survivors: [BeneficiaryCell] = []) {
        self.actives = actives
        self.pensioners = pensioners
        self.disabled = disabled
        self.survivors = survivors
    }

    /// The active cells with members, cells of the same sex, track, age and service summed, in
    /// (sex, track, age, service) order.
    public static func mergedActives(_ cells: [ActiveCell]) -> [ActiveCell] {
        var merged: [String: ActiveCell] = [:]
        for cell in cells where cell.count > 0 {
            let key = "\(cell.sex.index)|\(cell.track)|\(cell.age)|\(cell.service)"
            if var existing = merged[key] {
                existing.count += cell.count
                merged[key] = existing
            } else {
                merged[key] = cell
            }
        }
        return merged.values.sorted {
            ($0.sex.index, $0.track, $0.age, $0.service) < ($1.sex.index, $1.track, $1.age, $1.service)
        }
    }
}
