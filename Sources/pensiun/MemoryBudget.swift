import Foundation

/// How much memory a command that holds all its results may plan to use: half of the machine's
/// physical memory, or of the address-space limit (`ulimit -v`) when that is lower. A command
/// estimates its need before allocating and refuses, naming both sizes, rather than being killed.
enum MemoryBudget {
    static var available: Int {
        let physical = Int(ProcessInfo.processInfo.physicalMemory)
        var limit = rlimit()
        var budget = physical / 2
        if getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur < UInt(Int.max) {
            budget = min(budget, Int(limit.rlim_cur) / 2)
        }
        return budget
    }

    /// 1.5 GiB, 800 MiB, …
    static func describe(_ bytes: Int) -> String {
        let gib = Double(bytes) / 1_073_741_824
        if bytes == Int.max { return "more than 8 EiB" }
        return gib >= 1 ? String(format: "%.1f GiB", gib) : String(format: "%.0f MiB", gib * 1024)
    }
}
