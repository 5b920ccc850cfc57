/// Zeroed buffers of doubles for the lane engine, freed together. Lane l of item i is at
/// `buffer[i · lanes + l]`: the paths of a block sit side by side, so every loop over them is a
/// plain vectorisable loop.
final class LaneMemory {
    private var buffers: [UnsafeMutablePointer<Double>] = []

    /// A buffer of `count` zeros.
    func make(_ count: Int) -> UnsafeMutablePointer<Double> {
        let pointer = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
        buffers.append(pointer)
        return pointer
    }

    deinit {
        for pointer in buffers { pointer.deallocate() }
    }
}

typealias Lanes = UnsafeMutablePointer<Double>

/// Lanes are processed four at a time; a block's lane count is padded to a multiple of it.
typealias LaneVector = SIMD4<Double>
let laneWidth = 4

extension UnsafeMutablePointer where Pointee == Double {
    /// The four lanes from index i, as one vector (no alignment needed).
    @inline(__always) subscript(vector i: Int) -> LaneVector {
        get { UnsafeRawPointer(self + i).loadUnaligned(as: LaneVector.self) }
        nonmutating set { UnsafeMutableRawPointer(self + i).storeBytes(of: newValue, as: LaneVector.self) }
    }
}

extension UnsafePointer where Pointee == Double {
    /// The four lanes from index i, as one vector (no alignment needed).
    @inline(__always) subscript(vector i: Int) -> LaneVector {
        UnsafeRawPointer(self + i).loadUnaligned(as: LaneVector.self)
    }
}

/// min(1, q) lane by lane (a capped probability).
@inline(__always) func capped(_ q: LaneVector) -> LaneVector {
    q.replacing(with: 1, where: q .> 1)
}

/// y[l] += a · x[l] for every lane (a multiple of four).
@inline(__always) func laneAdd(_ y: Lanes, _ a: Double, _ x: Lanes, _ lanes: Int) {
    var l = 0
    while l < lanes {
        y[vector: l] += a * x[vector: l]
        l += laneWidth
    }
}

/// y[l] += a · x[l] and z[l] += b · x[l] for every lane (a multiple of four), in one pass.
@inline(__always) func laneAdd(_ y: Lanes, _ a: Double, _ z: Lanes, _ b: Double, _ x: Lanes, _ lanes: Int) {
    var l = 0
    while l < lanes {
        let v = x[vector: l]
        y[vector: l] += a * v
        z[vector: l] += b * v
        l += laneWidth
    }
}

/// y[l] = 0 for every lane of `items` items.
@inline(__always) func laneZero(_ y: Lanes, _ count: Int) {
    y.update(repeating: 0, count: count)
}

/// The beneficiaries of one kind by (sex, age) cell, per lane: count and aggregate annual amounts
/// (as ``BeneficiaryPool``).
struct LanePool {
    let count: Lanes
    let db: Lanes
    let topup: Lanes
    let annuity: Lanes
    let contingent: Lanes
    let withRights: Lanes
    /// The parts of `db` and `contingent` on frozen DB rights (``LanePlan/keepsFrozen``), for
    /// `db_benefits_frozen`: aged, indexed and passed to spouses as they are.
    let frozenDB: Lanes
    let frozenContingent: Lanes

    init(cells: Int, lanes: Int, memory: LaneMemory) {
        let size = cells * lanes
        count = memory.make(size)
        db = memory.make(size)
        topup = memory.make(size)
        annuity = memory.make(size)
        contingent = memory.make(size)
        withRights = memory.make(size)
        frozenDB = memory.make(size)
        frozenContingent = memory.make(size)
    }
}
