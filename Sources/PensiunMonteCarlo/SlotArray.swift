import Synchronization

/// One result slot per block, filled concurrently (each slot by one block) and read in order.
public final class SlotArray<Value: Sendable>: Sendable {
    private let storage: Mutex<[Value?]>

    public init(count: Int) { storage = Mutex(Array(repeating: nil, count: count)) }

    /// Stores the result of block `index`.
    public func set(_ index: Int, _ value: sending Value) {
        storage.withLock { $0[index] = value }
    }

    /// All results in block order; every slot must have been set.
    public func values() -> [Value] {
        storage.withLock { slots in slots.map { $0! } }
    }
}
