import Foundation
import PensiunReporting
import PensiunRuns
import Synchronization

/// Progress of a Monte Carlo run on standard error, redrawn in place on one line: paths done,
/// rate and time left. Shown only when standard error is a terminal, and only once the run has
/// lasted a second (short runs print nothing); redrawn at most five times a second.
///
/// The environment variable `PENSIUN_PROGRESS_DELAY` (seconds, default 1) changes that first
/// second; the tests set it to 0 so that a short run shows its progress whatever the machine.
final class ProgressReporter: RunProgress {
    let total: Int
    let started: ContinuousClock.Instant
    let delay: Duration

    private struct State {
        var done = 0
        var lastDrawn: Duration?
        var visible = false
    }
    private let state = Mutex(State())

    init(total: Int, started: ContinuousClock.Instant = .now, delay: Duration = .seconds(1)) {
        self.total = total
        self.started = started
        self.delay = delay
    }

    /// A reporter when progress should be shown: not `quiet` and standard error is a terminal.
    static func make(total: Int, quiet: Bool) -> ProgressReporter? {
        guard !quiet, isatty(2) == 1 else { return nil }
        let seconds = ProcessInfo.processInfo.environment["PENSIUN_PROGRESS_DELAY"].flatMap(Double.init) ?? 1
        return ProgressReporter(total: total, delay: .milliseconds(Int(max(0, seconds) * 1000)))
    }

    /// Records `done` paths (called from worker threads, in any order) and redraws when due.
    func update(_ done: Int) {
        let elapsed = ContinuousClock.now - started
        state.withLock { s in
            s.done = max(s.done, done)
            guard elapsed >= delay else { return }
            if let last = s.lastDrawn, elapsed - last < .milliseconds(200), s.done < total { return }
            s.lastDrawn = elapsed
            s.visible = true
            // Written under the lock, so that lines from two threads never interleave.
            Self.write("\r\u{1B}[2K" + Self.line(done: s.done, total: total, seconds: Self.seconds(elapsed)))
        }
    }

    /// Erases the progress line (before the summary is printed).
    func finish() {
        state.withLock { s in
            if s.visible { Self.write("\r\u{1B}[2K") }
            s.visible = false
        }
    }

    /// `  1,234 / 10,000 paths (12%) · 540 paths/s · about 17 s left`
    static func line(done: Int, total: Int, seconds: Double) -> String {
        let share = total > 0 ? Int((Double(done) / Double(total) * 100).rounded(.down)) : 100
        let rate = seconds > 0 ? Double(done) / seconds : 0
        var text = "  \(grouped(done)) / \(grouped(total)) paths (\(share)%)"
        guard rate > 0 else { return text }
        text += " · \(rate >= 10 ? grouped(Int(rate.rounded())) : String(format: "%.1f", rate)) paths/s"
        if done < total { text += " · about \(duration(Double(total - done) / rate)) left" }
        return text
    }

    /// 7 → "7 s", 200 → "3 min 20 s", 4000 → "1 h 07 min".
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(s % 60) s" }
        return "\(s / 3600) h " + String(format: "%02d", (s % 3600) / 60) + " min"
    }

    /// 1234567 → "1,234,567" (counts, never negative).
    static func grouped(_ n: Int) -> String { Format.grouped(Double(n), decimals: 0) }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
