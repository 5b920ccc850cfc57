/// What every script of a Slurm submission asks of the scheduler: the array's tasks, their
/// CPUs, and the partition, time limit, account and other `#SBATCH` lines the user gives.
public struct SlurmSettings: Sendable, Equatable {
    /// Array tasks: the number of shards, one per task.
    public var tasks: Int
    public var partition: String?
    /// A time limit in one of Slurm's formats (``isSlurmTime(_:)``).
    public var time: String?
    public var account: String?
    /// CPUs of each task (`--cpus-per-task`) and its worker threads.
    public var threadsPerTask: Int
    /// More `#SBATCH` lines for both scripts, such as `--mem=4G`.
    public var sbatchOptions: [String]

    public init(tasks: Int, partition: String? = nil, time: String? = nil, account: String? = nil,
                threadsPerTask: Int = 1, sbatchOptions: [String] = []) {
        self.tasks = tasks
        self.partition = partition
        self.time = time
        self.account = account
        self.threadsPerTask = threadsPerTask
        self.sbatchOptions = sbatchOptions
    }

    /// Options the scripts set themselves.
    public static let reserved = ["--array", "-a", "--output", "-o", "--error", "-e", "--dependency", "-d", "--job-name", "-J",
                                  "--chdir", "-D", "--cpus-per-task", "-c", "--ntasks", "-n", "--parsable"]

    /// The first problem of the settings, as the sentence the command line shows after `Error: `
    /// (naming the flag: `--tasks`, `--threads-per-task`, `--time`, `--partition`, `--account`,
    /// `--sbatch-option`); nil when there is none.
    public var problem: String? {
        if tasks < 1 { return "--tasks must be at least 1 (got \(tasks))." }
        if threadsPerTask < 1 { return "--threads-per-task must be at least 1 (got \(threadsPerTask))." }
        if let time, !Self.isSlurmTime(time) {
            return "--time expects a Slurm time limit such as 02:00:00, 90 or 1-12:00:00 (got '\(time)')."
        }
        for (flag, value) in [("--partition", partition), ("--account", account)] {
            if let value, value.isEmpty || !value.allSatisfy(SlurmScript.isPlain) {
                return "\(flag) expects a Slurm name such as compute (got '\(value)')."
            }
        }
        for option in sbatchOptions {
            let name = String(option.prefix { $0 != "=" && $0 != " " })
            guard option.hasPrefix("-"), !option.contains("\n") else {
                return "--sbatch-option expects an sbatch option such as --sbatch-option=--mem=4G (got '\(option)')."
            }
            if Self.reserved.contains(name) {
                return "--sbatch-option \(option): the scripts set \(name) themselves (use --tasks, --threads-per-task or --out)."
            }
        }
        return nil
    }

    /// The refusal of more tasks than paths.
    public static func tooManyTasks(_ tasks: Int, paths: Int) -> String {
        "--tasks \(tasks) is more than the \(paths) paths: every task needs at least one path (use --tasks \(paths) or fewer)."
    }

    /// The refusal of more tasks than a sweep's variants.
    public static func tooManyTasks(_ tasks: Int, variants: Int) -> String {
        "--tasks \(tasks) is more than the \(variants) variants of the sweep: every task needs at least one variant (use --tasks \(variants) or fewer)."
    }

    /// Slurm's time limits: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S, UNLIMITED.
    public static func isSlurmTime(_ text: String) -> Bool {
        if text == "UNLIMITED" || text == "INFINITE" { return true }
        func numbers(_ part: Substring, max: Int) -> Bool {
            let fields = part.split(separator: ":", omittingEmptySubsequences: false)
            return (1...max).contains(fields.count) && fields.allSatisfy { !$0.isEmpty && $0.count <= 9 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
        }
        let dash = text.split(separator: "-", omittingEmptySubsequences: false)
        switch dash.count {
        case 1: return numbers(dash[0], max: 3)
        case 2: return numbers(dash[0], max: 1) && numbers(dash[1], max: 3)
        default: return false
        }
    }

    /// The `#SBATCH` options common to both scripts, after the job name.
    var commonLines: [String] {
        var lines = ["--ntasks=1", "--cpus-per-task=\(threadsPerTask)"]
        if let partition { lines.append("--partition=\(partition)") }
        if let time { lines.append("--time=\(time)") }
        if let account { lines.append("--account=\(account)") }
        return lines + sbatchOptions
    }
}
