"""What the fuzzer and the replayer share: running cases on parallel workers within a time
budget, the repository's Outputs/ check, the summary lines and the findings file."""
import collections
import os
import threading
import time
from pathlib import Path

from oracle import REPO, Unfinished

CATEGORY_TITLES = {
    "signal": "Death by a signal (a crash)",
    "hang": "No exit within the timeout (a hang)",
    "unlocated": "Refused without a FILE:LINE:COL location",
    "exit-code": "An exit status other than 0, 2 or a one-line internal error",
    "nonfinite-output": "NaN or infinity written into an output file",
    "disagree": "validate and run disagree",
    "stray-file": "A file or folder left outside the output folder",
    "user-file": "A user's file changed or removed",
    "repo-outputs": "The repository's Outputs/ changed",
    "error": "The harness could not run the case",
}


def repo_outputs():
    """Every path under the repository's Outputs/ with its size and time (no trial may touch it)."""
    found = {}
    for folder, dirs, files in os.walk(REPO / "Outputs"):
        for name in dirs + files:
            st = os.lstat(os.path.join(folder, name))
            found[os.path.join(folder, name)] = (st.st_size, st.st_mtime_ns)
    return found


def run_cases(cases, run_one, jobs, soft, hard):
    """Runs `run_one(case, limit)` on `jobs` threads; no case starts after `soft` seconds and every
    process is cut at `hard` seconds (a cut case is unfinished). Returns (results, unfinished)."""
    start = time.monotonic()
    pending = collections.deque(cases)
    results, unfinished, lock = [], [], threading.Lock()

    def worker():
        while True:
            with lock:
                if not pending or time.monotonic() - start > soft:
                    return
                case = pending.popleft()
            try:
                result = run_one(case, (float(os.environ.get("FUZZ_TIMEOUT", 20)), start + hard - 1))
            except Unfinished:
                with lock:
                    unfinished.append(case)
                continue
            except Exception as e:  # a harness bug is reported, never hidden
                result = (case, str(case), "other", [("error", f"{type(e).__name__}: {e}")], "")
            with lock:
                results.append(result)
                if result[3]:
                    print(f"FAIL {result[1]}\n  -> {'; '.join(d for _, d in result[3])}", flush=True)

    threads = [threading.Thread(target=worker) for _ in range(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, unfinished + list(pending)


def finish(name, results, unfinished, elapsed, hard, findings_path, header, outputs_before):
    """Prints the summary and writes the findings file. Returns the exit status."""
    results.sort(key=lambda r: str(r[0]))
    if repo_outputs() != outputs_before:
        results.append(("repo", "(whole stage)", "other", [("repo-outputs", "Outputs/ of the repository changed")], ""))
    failed = [r for r in results if r[3]]
    refused = sum(1 for r in results if not r[3] and r[2] == "refused")
    accepted = sum(1 for r in results if not r[3] and r[2] == "accepted")
    by = collections.Counter(c for r in failed for c in {c for c, _ in r[3]})
    print(f"{name}: {len(results)} cases, {refused} refused cleanly, {accepted} accepted, {len(failed)} failures")
    print(f"{name}: {elapsed:.1f} s; {len(unfinished)} cases not run within the {hard:.0f} s budget")
    for cat, n in by.most_common():
        print(f"  {cat}: {n}")
    over = elapsed > hard
    if over:
        print(f"{name}: the stage took {elapsed:.1f} s, over its {hard:.0f} s budget")
    write_findings(findings_path, header, failed, by, len(results), refused, accepted, elapsed)
    if failed:
        print(f"{name}: findings in {findings_path}")
    print(f"{len(results) - len(failed)} passed, {len(failed) + (1 if over else 0)} failed")
    return 1 if failed or over else 0


def write_findings(path, header, failed, by, total, refused, accepted, elapsed):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    out = [f"# {header}", "",
           f"{total} cases in {elapsed:.0f} s: {refused} refused cleanly, {accepted} accepted, {len(failed)} failed.",
           "Counts by failure: " + (", ".join(f"{c} {n}" for c, n in by.most_common()) or "none") + ".", ""]
    for cat in CATEGORY_TITLES:
        cases = [r for r in failed if any(c == cat for c, _ in r[3])]
        if not cases:
            continue
        out += [f"## {CATEGORY_TITLES[cat]} ({cat}, {len(cases)})", ""]
        for r in cases:
            detail = next(d for c, d in r[3] if c == cat)
            out += [f"- {r[1]}", f"  → `{detail.replace('`', chr(39))}`"]
        out.append("")
    path.write_text("\n".join(out))
