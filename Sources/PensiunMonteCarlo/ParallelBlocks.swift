import Dispatch
import Synchronization

/// Runs work over fixed blocks of Monte Carlo paths on several threads.
///
/// The path range is cut into blocks of `blockSize` paths whatever the thread count; threads take
/// blocks from a shared counter. Work for a block must depend only on the block's paths and must
/// write only to that block's slots, so the result is the same for 1, 2 or 64 threads; any
/// reduction across blocks is done afterwards in block order (see ``blocks``).
public struct ParallelBlocks: Sendable {
    /// The paths covered, [lowerBound, upperBound).
    public let paths: Range<Int>
    /// Paths per block (the last block may be shorter).
    public let blockSize: Int
    /// Threads to use (at least 1).
    public let threads: Int

    public init(paths: Range<Int>, blockSize: Int = 64, threads: Int) {
        precondition(blockSize > 0)
        self.paths = paths
        self.blockSize = blockSize
        self.threads = max(1, threads)
    }

    /// The number of blocks.
    public var blockCount: Int { (paths.count + blockSize - 1) / blockSize }

    /// The paths of block `index`, in path order.
    public func block(_ index: Int) -> Range<Int> {
        let start = paths.lowerBound + index * blockSize
        return start..<min(start + blockSize, paths.upperBound)
    }

    /// All blocks, in order.
    public var blocks: [Range<Int>] { (0..<blockCount).map(block) }

    /// Calls `body(blockIndex, pathsOfBlock)` once for every block, on up to `threads` threads.
    /// The first error thrown stops the hand-out of further blocks and is rethrown; when several
    /// blocks fail, the error of the lowest block index is the one reported, so that too does not
    /// depend on scheduling.
    public func run(_ body: @Sendable (Int, Range<Int>) throws -> Void) throws {
        let count = blockCount
        if count == 0 { return }
        let workers = min(threads, count)
        if workers == 1 {
            for index in 0..<count { try body(index, block(index)) }
            return
        }
        let next = Atomic<Int>(0)
        let failures = Mutex<[(Int, any Error)]>([])
        let failed = Atomic<Bool>(false)
        withoutActuallyEscaping(body) { body in
            let sendableBody = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while !failed.load(ordering: .relaxed) {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    if index >= count { break }
                    do {
                        try sendableBody.value(index, block(index))
                    } catch {
                        failures.withLock { $0.append((index, error)) }
                        failed.store(true, ordering: .relaxed)
                    }
                }
            }
        }
        let errors = failures.withLock { $0 }
        if let first = errors.min(by: { $0.0 < $1.0 }) { throw first.1 }
    }
}

extension ParallelBlocks {
    /// `body(i)` for every i in 0..<count, on up to `threads` threads in blocks of `blockSize`
    /// indices; the results in index order, the same whatever the thread count.
    public static func map<T: Sendable>(count: Int, blockSize: Int = 16, threads: Int,
                                        _ body: @Sendable (Int) -> T) -> [T] {
        let blocks = ParallelBlocks(paths: 0..<count, blockSize: blockSize, threads: threads)
        let slots = SlotArray<[T]>(count: blocks.blockCount)
        // `body` cannot throw, so neither can the blocks.
        try? blocks.run { index, range in slots.set(index, range.map(body)) }
        return slots.values().flatMap { $0 }
    }
}

/// Wraps a value the caller guarantees is used safely across threads (a closure writing to
/// disjoint slots, or an unsafe buffer whose regions are owned by one block each).
public struct UncheckedSendable<Value>: @unchecked Sendable {
    public let value: Value
    public init(_ value: Value) { self.value = value }
}
