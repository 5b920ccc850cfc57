import Foundation

/// How much memory a command that holds all its results may plan to use: half of the machine's
/// physical memory, or of the address-space limit (`ulimit -v`) or of the control group's memory
/// limit (a Slurm job's `--mem`, a container's limit: cgroup v2 `memory.max`, v1
/// `memory.limit_in_bytes`) when that is lower. A command estimates its need before allocating and
/// streams or refuses, naming both sizes, rather than being killed.
public enum MemoryBudget {
    public static var available: Int {
        let physical = Int(ProcessInfo.processInfo.physicalMemory)
        var limit = rlimit()
        var budget = physical / 2
        if getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur < UInt(Int.max) {
            budget = min(budget, Int(limit.rlim_cur) / 2)
        }
        if let group = controlGroupLimit { budget = min(budget, group / 2) }
        return budget
    }

    /// The memory limit of this process's control group, if it has one ("max" or absent: none).
    static var controlGroupLimit: Int? {
        for file in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8),
                  let bytes = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)), bytes > 0 else { continue }
            // cgroup v1 reports "no limit" as a number near Int.max.
            if bytes < Int.max / 2 { return bytes }
        }
        return nil
    }

    /// An ``InputError`` (exit status 2), naming the memory needed and the way out, when `paths` paths of
    /// `bytesPerPath` bytes (nil: beyond counting) need more than ``available``; `wayOut` says
    /// how to split the work.
    public static func check(paths: Int, bytesPerPath: Int?, available: Int = Self.available, wayOut: String) throws(InputError) {
        let (needed, overflow) = paths.multipliedReportingOverflow(by: bytesPerPath ?? Int.max)
        guard overflow || bytesPerPath == nil || needed > available else { return }
        let limit = available == Self.available ? "half of this machine's memory" : "--memory-limit"
        throw InputError("--paths \(paths): the results would need about \(describe(overflow || bytesPerPath == nil ? Int.max : needed)) of memory, more than the \(describe(available)) this command may use (\(limit)); \(wayOut)")
    }

    /// Bytes from `512MiB`, `4GiB`, `1.5GB` (GB and GiB both 2³⁰, MB and MiB 2²⁰, KB and KiB
    /// 2¹⁰) or a plain number of bytes; nil for anything else or a size below 1 MiB.
    public static func parse(_ text: String) -> Int? {
        let units: [(String, Double)] = [("GiB", 1_073_741_824), ("GB", 1_073_741_824), ("G", 1_073_741_824),
                                         ("MiB", 1_048_576), ("MB", 1_048_576), ("M", 1_048_576),
                                         ("KiB", 1_024), ("KB", 1_024), ("K", 1_024), ("B", 1), ("", 1)]
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for (suffix, scale) in units where trimmed.hasSuffix(suffix) {
            let number = trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
            guard let value = Double(number), value.isFinite, value > 0 else { continue }
            let bytes = value * scale
            guard bytes >= 1_048_576, bytes < 9e18 else { return nil }
            return Int(bytes)
        }
        return nil
    }

    /// 1.5 GiB, 800 MiB, …
    public static func describe(_ bytes: Int) -> String {
        let gib = Double(bytes) / 1_073_741_824
        if bytes == Int.max { return "more than 8 EiB" }
        return gib >= 1 ? String(format: "%.1f GiB", gib) : String(format: "%.0f MiB", gib * 1024)
    }
}
