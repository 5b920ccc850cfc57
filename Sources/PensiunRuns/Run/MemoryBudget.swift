import Foundation

/// How much memory a command that holds all its results may plan to use: half of the machine's
/// physical memory, or of the address-space limit (`ulimit -v`) when that is lower. A command
/// estimates its need before allocating and refuses, naming both sizes, rather than being killed.
public enum MemoryBudget {
    public static var available: Int {
        let physical = Int(ProcessInfo.processInfo.physicalMemory)
        var limit = rlimit()
        var budget = physical / 2
        if getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur < UInt(Int.max) {
            budget = min(budget, Int(limit.rlim_cur) / 2)
        }
        return budget
    }

    /// An ``InputError`` (exit status 2), naming the memory needed and the way out, when `paths` paths of
    /// `bytesPerPath` bytes (nil: beyond counting) need more than ``available``; `wayOut` says
    /// how to split the work.
    public static func check(paths: Int, bytesPerPath: Int?, wayOut: String) throws(InputError) {
        let (needed, overflow) = paths.multipliedReportingOverflow(by: bytesPerPath ?? Int.max)
        guard overflow || bytesPerPath == nil || needed > available else { return }
        throw InputError("--paths \(paths): the results would need about \(describe(overflow || bytesPerPath == nil ? Int.max : needed)) of memory, more than the \(describe(available)) this command may use (half of this machine's memory); \(wayOut)")
    }

    /// 1.5 GiB, 800 MiB, …
    public static func describe(_ bytes: Int) -> String {
        let gib = Double(bytes) / 1_073_741_824
        if bytes == Int.max { return "more than 8 EiB" }
        return gib >= 1 ? String(format: "%.1f GiB", gib) : String(format: "%.0f MiB", gib * 1024)
    }
}
