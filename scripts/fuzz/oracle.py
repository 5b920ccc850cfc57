"""One trial: a throw-away copy of a scenario family, `pensiun validate` and `pensiun run` on it,
and the oracle's verdict.

Layout of a trial (everything under one `mkdtemp` folder R, removed afterwards):

    R/home, R/tmp             HOME and TMPDIR of the tool
    R/a/b/work/               the tool's working folder (deep enough that `Outputs/../..` stays in R)
        <family>/, mortality/ the copied scenarios, then mutated
        userdir/notes.txt     a user's folder with a file in it
        plain.txt             a user's regular file
        out/                  the default --out target
"""
import hashlib
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# A short projection: 10 years is the least every shipped scenario accepts (the flagship starts
# in 2019 and its reforms act in 2027); with 4 paths a run takes a fraction of a second.
HORIZON = "simulation.horizon=10"
USER_FILES = {"userdir/notes.txt": b"a user's notes: must survive every run\n",
              "plain.txt": b"a user's plain file\n"}
# A located diagnostic: FILE:LINE:COLUMN: message (FILE without a colon or a line break).
LOCATED = re.compile(r"^[^:\n]+:\d+:\d+: ")
# A problem with a command-line flag (not a file) starts with the flag's name: `--out: ...`.
FLAG = re.compile(r"^--[a-z][a-z-]*\b")
# What run finds only by computing: a value that overflowed on some path (ProjectionResults
# .firstNonFinite). The issue specifies this message (scenario, path, year, metric, the inputs
# most likely responsible); it is located by path and year, and validate, which computes no
# path, cannot foresee it, so it is no disagreement either.
OVERFLOW = re.compile(r"^[^:\n]+: path \d+, year \d+: .* is (inf|-inf|nan) \(beyond the range of a number\); the inputs most likely responsible: ")
# A number written as NaN or infinity: a whole CSV cell, JSON value or Markdown table cell (not a
# word inside text, which may come from the scenario's own description).
NONFINITE = re.compile(r"(?i)^[-+]?(nan|inf|infinity)%?$")


def make_trial(family):
    root = Path(tempfile.mkdtemp(prefix="pensiun-fuzz-"))
    cwd = root / "a" / "b" / "work"
    for name in ("home", "tmp"):
        (root / name).mkdir()
    cwd.mkdir(parents=True)
    shutil.copytree(REPO / "Scenarios" / family, cwd / family, ignore=shutil.ignore_patterns("*.py", "*.md"))
    shutil.copytree(REPO / "Scenarios" / "mortality", cwd / "mortality", ignore=shutil.ignore_patterns("*.md"))
    for name, data in USER_FILES.items():
        (cwd / name).parent.mkdir(exist_ok=True)
        (cwd / name).write_bytes(data)
    return root, cwd


def remove_trial(root):
    def unlock(func, path, _exc):  # a folder the tool left unreadable: make it removable
        os.chmod(path, 0o700)
        func(path)
    shutil.rmtree(root, onerror=unlock)


def snapshot(root):
    """Every path under root: its kind, and for a regular file a hash (FIFOs are never opened)."""
    found = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            p = os.path.join(folder, name)
            st = os.lstat(p)
            if stat.S_ISREG(st.st_mode):
                found[p] = "file:" + hashlib.sha1(Path(p).read_bytes()).hexdigest()
            elif stat.S_ISLNK(st.st_mode):
                found[p] = "link:" + os.readlink(p)
            else:
                found[p] = "dir" if stat.S_ISDIR(st.st_mode) else "special"
    return found


class Unfinished(Exception):
    """The stage's time budget ran out during a trial: neither a pass nor a failure."""


def tool(pensiun, args, cwd, root, limit):
    """Runs the tool in its own process group; (returncode or 'timeout', stdout, stderr). `limit`
    is (timeout, deadline): the timeout is cut to the deadline, and a cut timeout is Unfinished."""
    timeout = min(limit[0], limit[1] - time.monotonic())
    if timeout < 1:
        raise Unfinished()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(root / "home"), "TMPDIR": str(root / "tmp"), "LANG": "C.UTF-8"}
    proc = subprocess.Popen([pensiun] + args, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
        return proc.returncode, out, err
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        if timeout < limit[0]:
            raise Unfinished()
        return "timeout", out, err


def printable(text):
    """The text with control characters escaped (a message may carry a NUL or an escape)."""
    return "".join(c if c.isprintable() or c == "\n" else f"\\x{ord(c):02x}" for c in text)


def first_line(err):
    text = printable(err.decode("utf-8", "replace"))
    return (text.splitlines() or [""])[0][:300]


def check_exit(step, code, err):
    """The rules on one process's exit. Returns a list of (category, detail)."""
    lines = [l for l in printable(err.decode("utf-8", "replace")).split("\n") if l and not l.startswith("warning:")]
    head = (lines or [""])[0][:300]
    if code == "timeout":  # a hang: no answer within the timeout
        return [("hang", f"{step}: no exit within the timeout")]
    if code < 0 or code >= 128:  # death by a signal (Python's -N, or a shell's 128+N)
        return [("signal", f"{step}: killed by signal {-code if code < 0 else code - 128}: {head}")]
    if code == 1:  # an internal error is allowed only as one line that says so
        ok = len(lines) == 1 and "internal error" in head.lower()
        return [] if ok else [("exit-code", f"{step}: exit 1 without a one-line internal error: {head}")]
    if code not in (0, 2):  # only 0 (done), 2 (refused) and 1 (internal error) are exit statuses
        return [("exit-code", f"{step}: exit {code}: {head}")]
    if code == 2:
        if not lines:  # a refusal must say why
            return [("unlocated", f"{step}: exit 2 with nothing on stderr")]
        if not (LOCATED.match(lines[0]) or FLAG.match(lines[0]) or OVERFLOW.match(lines[0])):  # FILE:LINE:COL:, --flag or a path's overflow
            return [("unlocated", f"{step}: {head}")]
        rest = [(k, l) for k, l in enumerate(lines[1:], 2) if not (LOCATED.match(l) or FLAG.match(l))]
        if rest:  # a further line is another located problem (one per line, every problem at once;
            # a value given with --set is located by the flag)
            k, l = rest[0]  # or else an unlocated problem, or a message running on over several lines
            return [("unlocated", f"{step}: line {k} of {len(lines)}: {l[:200]}")]
    return []


def check_files(root, before, after, allowed, step):
    """No pre-existing file changed or vanished; nothing new outside the allowed output folder."""
    found = []
    rel = lambda p: "R/" + os.path.relpath(p, root)  # R: the trial's root
    for p, kind in sorted(before.items()):
        if after.get(p) != kind:
            found.append(("user-file", f"{step}: {rel(p)} {'vanished' if p not in after else 'changed'}"))
    for p in sorted(after.keys() - before.keys()):
        inside = allowed is not None and (p == str(allowed) or p.startswith(str(allowed) + os.sep))
        parent = allowed is not None and after[p] == "dir" and str(allowed).startswith(p + os.sep)
        if not (inside or parent):  # the output folder, its contents, and the folders leading to it
            found.append(("stray-file", f"{step}: left {rel(p)}"))
    return found[:1] + [f for f in found[1:] if f[0] != found[0][0]][:1]  # one of each kind


def output_values(path):
    """The values of a run file: CSV cells, JSON scalars (NaN and Infinity literals included),
    Markdown table cells."""
    text = path.read_text(errors="replace")
    if path.suffix == ".csv":
        return [c.strip().strip('"') for l in text.splitlines() for c in l.split(",")]
    if path.suffix == ".json":
        values = []
        def walk(v):
            if isinstance(v, dict):
                [walk(x) for x in v.values()]
            elif isinstance(v, list):
                [walk(x) for x in v]
            else:
                values.append(str(v))
        try:
            walk(json.loads(text, parse_constant=lambda c: c))  # NaN, Infinity, -Infinity
        except ValueError:
            return ["(not JSON)"]
        return values
    return [c.strip() for l in text.splitlines() if l.startswith("|") for c in l.strip("|").split("|")]


def check_outputs(folder):
    """No NaN or infinity written in the run's CSV, JSON or Markdown files; JSON files parse."""
    for p in sorted(Path(folder).glob("*")):
        if p.suffix in (".csv", ".json", ".md") and p.is_file():
            bad = [v for v in output_values(p) if NONFINITE.match(v) or v == "(not JSON)"]
            if bad:
                return [("nonfinite-output", f"run: {p.name} contains {bad[0]!r}")]
    return []


def trial(pensiun, family, entry, mutate, limit):
    """Builds a trial, lets `mutate(tree_cwd)` edit it (returns the run options), then runs and
    judges validate and run. Returns (outcome, failures, first stderr line); raises Unfinished."""
    root, cwd = make_trial(family)
    try:
        options = mutate(cwd)
        scenario = f"{family}/{entry}"
        before = snapshot(root)
        v_code, _, v_err = tool(pensiun, ["validate", scenario, "--set", HORIZON], cwd, root, limit)
        failures = check_exit("validate", v_code, v_err)
        mid = snapshot(root)
        failures += check_files(root, before, mid, None, "validate")  # validate writes nothing at all
        run = ["run", scenario, "--paths", "4", "--threads", "1", "--quiet", "--set", HORIZON]
        if options.get("default_out"):  # the scenario's name decides the folder: Outputs/<name>
            out = None
        else:
            out = options.get("out", "out")
            run += ["--out", out]
        # The folder the run may write, worked out before the run (which may replace the scenario).
        target = Path(os.path.normpath(cwd / (out if out is not None else "Outputs/" + name_of(cwd, scenario))))
        r_code, _, r_err = tool(pensiun, run, cwd, root, limit)
        failures += check_exit("run", r_code, r_err)
        failures += check_files(root, mid, snapshot(root), target if r_code == 0 else None, "run")
        if r_code == 0 and target.is_dir():
            failures += check_outputs(target)
        if v_code == 0 and r_code == 2 and not (FLAG.match(first_line(r_err)) or OVERFLOW.match(first_line(r_err))):
            failures.append(("disagree", f"validate accepted, run refused: {first_line(r_err)}"))
        if v_code == 2 and r_code == 0:
            failures.append(("disagree", f"validate refused, run accepted: {first_line(v_err)}"))
        # The trial's temporary paths in messages read <trial> (the working folder) and R (its root).
        failures = [(c, d.replace(str(cwd), "<trial>").replace(str(root), "R")) for c, d in failures]
        outcome = "accepted" if r_code == 0 else "refused" if r_code == 2 else "other"
        message = first_line(r_err) or first_line(v_err)
        return outcome, failures, message
    finally:
        remove_trial(root)


def name_of(cwd, scenario):
    """The scenario's `name:` as the run would use it (the entry file's, else its file name)."""
    try:
        for l in (cwd / scenario).read_text(errors="replace").splitlines():
            m = re.match(r"^name:\s*'?(.*?)'?\s*(#.*)?$", l)
            if m:
                return m.group(1)
    except OSError:
        pass
    return Path(scenario).stem
