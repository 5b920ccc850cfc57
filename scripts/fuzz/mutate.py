"""Seeded mutations of a copied scenario family.

Every mutation is one line of text (the findings format of fuzz-findings.md), for example

    cell synthetic-small/data/salary-scales.csv:32:3 4994.59->'1e308'
    numtok scenario.yaml:15 0.01->9223372036854775807
    garbage-nul synthetic-small/scenario.yaml

`generate` picks a mutation and returns its line; `apply` parses a line and changes the tree. The
fuzzer and the replayer both go through `apply`, so a line means the same thing to both. File
names are relative to the trial's working folder (`synthetic-small/data/x.csv`) or, for YAML
edits, to the family folder (`scenario.yaml:15`). `apply` is exact for every kind except the
`garbage-*` ones, which use the random generator they are given (seeded by case and position).
"""
import os
import random
import re
from pathlib import Path

FAMILIES = {
    "synthetic-small": ["scenario.yaml"],
    "indonesia-asn-2019": ["baseline.yaml", "reform-dc-new-entrants-2027.yaml",
                           "reform-dc-take-home-supplementary.yaml", "reform-parametric-db.yaml",
                           "reform-switch-under-40-bonds.yaml"],
}

CELL_VALUES = ["1e308", "1e309", "-1e309", "-0", "0", "-1", "nan", "NaN", "inf", "-inf", "", "x", "abc",
               "9223372036854775807", "-9223372036854775809", "18446744073709551616", "5,6", " 5", "5 ",
               "1e15", "1e-320", "0x10", "+5", "1_000", "\u00e9", "\"5\"", "200",
               "1e308", "1e300", "1.7976931348623157e308", "1e200", "-1e308"]  # huge but finite: overflow later
NUM_VALUES = ["1e308", "1e309", "-1e309", "-0", "0", "-1", ".nan", ".inf", "-.inf", "nan", "inf",
              "9223372036854775807", "-9223372036854775809", "18446744073709551616", "1e15", "1e-320",
              "0x10", "1000%", "200", "99", "1_", "0.0.1"]
YAML_VALUES = ["'1_'", "off", "yes", "~", "''", "[1, 2]", "{}", "'!!int 3.5'", "!!int 3.5", "1e", "-", "student_t",
               "ranlxd2", "&a 1", "*a", "x" * 300, "\"\\u0000\"", "[[[[[[[[1]]]]]]]]", "{a: {b: {c: 1}}}"]
NEW_KEYS = ["paths: 1", "~: 1", "'': 1", "unknown_key: 3", "<<: {}", "extends: nope.yaml", "horizon: 1e9",
            "name: x", "- 1", "? complex\n: key"]
NAMES = ["..", ".", "../..", "a/b", "a/../..", ""]
OUTS = [".", "@family", "userdir", "plain.txt", "''", ".."]
GARBAGE = ["nul", "invalid-utf8", "control", "overwrite", "insert", "replace", "whitespace", "bom"]
HEADERS = ["empty", "missing-header", "dupcol", "upper", "spaces"]
ROWS = ["ragged-long", "ragged-short", "comment", "trailing-comma", "duplicate", "delete-all", "blank", "crlf"]
CSVFILES = ["header-only", "empty", "dangling", "dir", "fifo"]
EXTENDS = ["fifo", "dir", "cycle2", "self", "dotdot", "proc", "list", "absolute-valid", "missing", "dotdot-deep"]
NUMBER = re.compile(r"(?<![\w.%-])[-+]?\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?(?![\w.%])")


class Skip(Exception):
    """A mutation that cannot apply to the tree as an earlier one left it (a no-op)."""


class Tree:
    """The trial's working folder: copies of one family (and `mortality/`), edited in place."""

    def __init__(self, cwd, family):
        self.cwd, self.family = Path(cwd), family

    def path(self, name):
        """A file named in a mutation: relative to the working folder, else to the family folder."""
        direct = self.cwd / name
        return direct if os.path.lexists(direct) or "/" in name else self.cwd / self.family / name

    def yamls(self):
        return sorted(p.name for p in (self.cwd / self.family).glob("*.yaml"))

    def csvs(self):
        found = sorted((self.cwd / self.family / "data").glob("*.csv"))
        if self.family == "indonesia-asn-2019":
            found.append(self.cwd / "mortality" / "tmi-iv-2019.csv")
        return [str(p.relative_to(self.cwd)) for p in found]

    def read(self, name):
        """The bytes of a regular file; `Skip` for a folder, FIFO or dangling link (never opened)."""
        p = self.path(name)
        if not p.is_file():
            raise Skip(name)
        return p.read_bytes()

    def lines(self, name):
        return self.read(name).decode("utf-8", "replace").split("\n")

    def write_lines(self, name, lines):
        self.path(name).write_bytes("\n".join(lines).encode("utf-8", "surrogateescape"))


# ---------------------------------------------------------------------------------------------
# Generation: a seeded choice of one mutation, returned as its line.

def generate(rng, tree, entry):
    for _ in range(20):  # a file an earlier mutation made unreadable: choose again
        kind = rng.choices(list(GENERATORS), weights=[w for w, _ in GENERATORS.values()])[0]
        try:
            return GENERATORS[kind][1](rng, tree, entry)
        except (Skip, OSError, IndexError):
            continue
    return gen_out(rng, tree, entry)


def _content_line(rng, lines, want=None):
    """A 1-based line number of a non-blank, non-comment line (matching `want` if given)."""
    ok = [i for i, l in enumerate(lines, 1) if l.strip() and not l.lstrip().startswith("#")
          and (want is None or re.search(want, l))]
    return rng.choice(ok) if ok else None


def gen_cell(rng, tree, entry):
    name = rng.choice(tree.csvs())
    lines = tree.lines(name)
    row = rng.randrange(2, len(lines)) if len(lines) > 2 else 1
    fields = lines[row - 1].split(",")
    numeric = [i for i, f in enumerate(fields, 1) if NUMBER.fullmatch(f.strip())]
    # mostly a number: a text cell refused early hides what a number would reach
    col = rng.choice(numeric) if numeric and rng.random() < 0.8 else rng.randrange(len(fields)) + 1
    return f"cell {name}:{row}:{col} {fields[col - 1]}->'{rng.choice(CELL_VALUES)}'"


def gen_numtok(rng, tree, entry):
    name = rng.choice(tree.yamls())
    lines = tree.lines(name)
    row = _content_line(rng, [l.split("#")[0] for l in lines], NUMBER.pattern)
    if row is None:
        return gen_cell(rng, tree, entry)
    old = rng.choice(NUMBER.findall(lines[row - 1].split("#")[0]))
    return f"numtok {name}:{row} {old}->{rng.choice(NUM_VALUES)}"


def gen_value(rng, tree, entry):
    name = rng.choice(tree.yamls())
    lines = tree.lines(name)
    row = _content_line(rng, lines, r"^\s*(- )?[\w.]+:\s*\S")
    if row is None:
        return gen_cell(rng, tree, entry)
    key = re.match(r"^\s*(?:- )?([\w.]+):", lines[row - 1]).group(1)
    return f"value {name}:{row} {key}='{rng.choice(YAML_VALUES)}'"


def gen_key(rng, tree, entry):
    name = rng.choice(tree.yamls())
    lines = tree.lines(name)
    row = _content_line(rng, lines, r"^\s*(- )?[\w.]+:")
    if row is None:
        return gen_cell(rng, tree, entry)
    key = re.match(r"^\s*(?:- )?([\w.]+):", lines[row - 1]).group(1)
    text = lines[row - 1].strip()[:40]
    op = rng.choice(["rename", "insert", "delete", "duplicate", "indent"])
    if op == "rename":
        return f"rename-key {name}:{row} {key}->{rng.choice([key + 's', 'ünknown_' + key, '<<', '~', key.upper()])}"
    if op == "insert":
        return f"insert-key {name}:{row} \"{rng.choice(NEW_KEYS)}\"".replace("\n", "\\n")
    if op == "delete":
        return f"delete {name}:{row} x{_block_size(lines, row)} '{text}'"
    if op == "duplicate":
        return f"duplicate {name}:{row} '{text}'"
    return f"indent {name}:{row} {rng.choice(['+1', '+2', '-1', '-2', '+8'])}"


def _block_size(lines, row):
    """Line `row` and the more-indented lines after it (a key and its block)."""
    indent = len(lines[row - 1]) - len(lines[row - 1].lstrip())
    n = 1
    while row - 1 + n < len(lines):
        l = lines[row - 1 + n]
        if l.strip() and len(l) - len(l.lstrip()) <= indent:
            break
        n += 1
    return n


def gen_file(rng, tree, entry):
    """Byte-level damage to a YAML or CSV file: truncation or garbage."""
    name = rng.choice([f"{tree.family}/{y}" for y in tree.yamls()] + tree.csvs())
    if rng.random() < 0.3:
        size = len(tree.read(name))
        return f"truncate {name} at {rng.randrange(size)}/{size}"
    return f"garbage-{rng.choice(GARBAGE)} {name}"


def gen_csv_shape(rng, tree, entry):
    name = rng.choice(tree.csvs())
    group, kinds = rng.choice([("header", HEADERS), ("rows", ROWS), ("csvfile", CSVFILES)])
    return f"{group}-{rng.choice(kinds)} {name}"


def gen_datapath(rng, tree, entry):
    name = rng.choice(tree.yamls())
    lines = tree.lines(name)
    row = _content_line(rng, lines, r"data/[\w.-]+\.csv")
    if row is None:
        return gen_extends(rng, tree, entry)
    old = re.search(r"data/[\w.-]+\.csv", lines[row - 1]).group(0)
    return f"datapath-missing {name}:{row} {old}->{rng.choice(['data/nope.csv', 'data', '/proc/self/environ', '../../../../../../nope.csv', 'data/'])}"


def gen_extends(rng, tree, entry):
    name = rng.choice(tree.yamls())
    kind = rng.choice(EXTENDS)
    target = {"fifo": "<trial>/fifo", "dir": ".", "cycle2": "cyc.yaml", "self": name,
              "dotdot": f"../{tree.family}/../{tree.family}/{name}", "proc": "/proc/self/environ",
              "list": "[a.yaml, b.yaml]", "absolute-valid": f"<trial>/{tree.family}/{name}",
              "missing": "nope.yaml", "dotdot-deep": "../" * 12 + "nope.yaml"}[kind]
    return f"extends-{kind} {name} -> {target}"


def gen_name(rng, tree, entry):
    return f"name {entry} -> '{rng.choice(NAMES)}'"


def gen_out(rng, tree, entry):
    target = rng.choice(OUTS).replace("@family", tree.family)
    return f"out -> {target}"


GENERATORS = {
    "cell": (25, gen_cell), "numtok": (15, gen_numtok), "value": (8, gen_value), "key": (14, gen_key),
    "file": (9, gen_file), "csv-shape": (9, gen_csv_shape), "datapath": (2, gen_datapath),
    "extends": (7, gen_extends), "name": (4, gen_name), "out": (5, gen_out),
}


# ---------------------------------------------------------------------------------------------
# Application: parse a line and change the tree. Returns run options (`out`, `default_out`), or
# None when the line cannot be parsed (for example one cut short in a findings file).

def apply(line, tree, rng):
    for pattern, fn in APPLIERS:
        m = re.fullmatch(pattern, line.strip(), re.S)
        if m:
            try:
                return fn(tree, rng, *m.groups()) or {}
            except (Skip, OSError, IndexError, ValueError):
                return {"skipped": True}
    return None


def ap_cell(tree, rng, name, row, col, _old, new):
    lines = tree.lines(name)
    row, col = int(row), int(col)
    if row > len(lines):
        return
    fields = lines[row - 1].split(",")
    while len(fields) < col:  # a cell past the row's end: widen the row (closest faithful edit)
        fields.append("")
    fields[col - 1] = new
    lines[row - 1] = ",".join(fields)
    tree.write_lines(name, lines)


def _edit_line(tree, name, row, fn):
    lines = tree.lines(name)
    row = int(row)
    if 1 <= row <= len(lines):
        lines[row - 1:row] = fn(lines[row - 1])
        tree.write_lines(name, lines)


def ap_numtok(tree, rng, name, row, old, new):
    def edit(l):
        code, hash_, comment = l.partition("#")
        for m in NUMBER.finditer(code):
            if m.group(0) == old:
                return [code[:m.start()] + new + code[m.end():] + hash_ + comment]
        return [code.replace(old, new, 1) + hash_ + comment]
    _edit_line(tree, name, row, edit)


def ap_value(tree, rng, name, row, key, new):
    def edit(l):
        m = re.match(r"^(\s*(?:- )?)([^:#]+):(\s*)([^#]*?)(\s+#.*)?$", l)
        if not m:
            return [l]
        return [f"{m.group(1)}{m.group(2)}: {new}{m.group(5) or ''}"]
    _edit_line(tree, name, row, edit)


def ap_rename(tree, rng, name, row, old, new):
    _edit_line(tree, name, row, lambda l: [l.replace(old + ":", new + ":", 1) if old + ":" in l else l])


def ap_insert(tree, rng, name, row, _q, text):
    def edit(l):
        indent = l[:len(l) - len(l.lstrip())]
        return [indent + t for t in text.replace("\\n", "\n").split("\n")] + [l]
    _edit_line(tree, name, row, edit)


def ap_delete(tree, rng, name, row, count, _text):
    lines = tree.lines(name)
    row = int(row)
    del lines[row - 1:row - 1 + int(count)]
    tree.write_lines(name, lines)


def ap_duplicate(tree, rng, name, row, _text):
    _edit_line(tree, name, row, lambda l: [l, l])


def ap_indent(tree, rng, name, row, delta):
    d = int(delta)
    _edit_line(tree, name, row, lambda l: [" " * d + l if d > 0 else l[min(-d, len(l) - len(l.lstrip())):]])


def ap_shape(tree, rng, name, row, text):
    """The findings show the new line (cut at 60 characters): write it, keeping the indentation."""
    _edit_line(tree, name, row, lambda l: [l[:len(l) - len(l.lstrip())] + text])


def ap_truncate(tree, rng, name, at, _size):
    tree.path(name).write_bytes(tree.read(name)[:int(at)])


def ap_garbage(tree, rng, kind, name):
    p = tree.path(name)
    data = bytearray(tree.read(name))
    at = rng.randrange(len(data) + 1)
    rand = lambda n: bytes(rng.randrange(256) for _ in range(n))
    if kind == "nul":
        data[at:at] = b"\x00"
    elif kind == "invalid-utf8":
        data[at:at] = rng.choice([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80"])
    elif kind == "control":
        data[at:at] = bytes([rng.choice([1, 2, 7, 8, 11, 12, 14, 27, 31, 127])])
    elif kind == "overwrite":
        n = rng.randint(1, 8)
        data[at:at + n] = rand(n)
    elif kind == "insert":
        data[at:at] = rand(rng.randint(1, 8))
    elif kind == "replace":
        data = bytearray(rand(rng.randint(64, 512)))
    elif kind == "whitespace":
        data[at:at] = rng.choice([b"\t", b"\r", b"\x0b", b"\xc2\xa0", b"\x0c"])
    elif kind == "bom":
        data[0:0] = b"\xef\xbb\xbf"
    p.write_bytes(bytes(data))


def ap_header(tree, rng, kind, name):
    lines = tree.lines(name)
    if kind == "empty":
        lines[0] = ""
    elif kind == "missing-header":
        del lines[0]
    elif kind == "dupcol":
        cols = lines[0].split(",")
        lines[0] = ",".join([cols[0], cols[0]] + cols[2:]) if len(cols) > 1 else lines[0] + "," + lines[0]
    elif kind == "upper":
        lines[0] = lines[0].upper()
    elif kind == "spaces":
        lines[0] = ",".join(f" {c} " for c in lines[0].split(","))
    tree.write_lines(name, lines)


def ap_rows(tree, rng, kind, name):
    lines = tree.lines(name)
    row = min(1, len(lines) - 1)  # index of the first data row, or the header when there is none
    if kind == "ragged-long":
        lines[row] += ",1"
    elif kind == "ragged-short":
        lines[row] = lines[row].rsplit(",", 1)[0]
    elif kind == "comment":
        lines.insert(row, "# a comment")
    elif kind == "trailing-comma":
        lines = [l + "," if l else l for l in lines]
    elif kind == "duplicate":
        lines.insert(row, lines[row])
    elif kind == "delete-all":
        lines = lines[:1]
    elif kind == "blank":
        lines.insert(row + 1, "")
    elif kind == "crlf":
        lines = [l + "\r" for l in lines]
    tree.write_lines(name, lines)


def ap_csvfile(tree, rng, kind, name):
    p = tree.path(name)
    tree.read(name)  # a regular file, else Skip
    if kind == "header-only":
        p.write_text(tree.lines(name)[0] + "\n")
        return
    p.unlink()
    if kind == "empty":
        p.write_bytes(b"")
    elif kind == "dangling":
        p.symlink_to("nope-target.csv")
    elif kind == "dir":
        p.mkdir()
    elif kind == "fifo":
        os.mkfifo(p)


def ap_datapath(tree, rng, name, row, old, new):
    _edit_line(tree, name, row, lambda l: [l.replace(old, new, 1)])


def set_extends(tree, name, target):
    lines = tree.lines(name)
    for i, l in enumerate(lines):
        if l.startswith("extends:"):
            lines[i] = f"extends: {target}"
            break
    else:
        lines.insert(0, f"extends: {target}")
    tree.write_lines(name, lines)


def ap_extends(tree, rng, kind, name, target):
    target = target.replace("<trial>", str(tree.cwd))
    fam = tree.cwd / tree.family
    if kind == "fifo" and not os.path.lexists(target):
        os.mkfifo(target)
    elif kind == "cycle2":
        (fam / target).write_text(f"extends: {name}\n")
    elif kind == "dev-null":  # never a path under /dev: an empty regular file in the trial instead
        target = str(tree.cwd / "empty.yaml")
        Path(target).write_bytes(b"")
    elif kind == "dev-zero":  # never /dev/zero: 4 MiB of NUL bytes in the trial instead
        target = str(tree.cwd / "zeros.yaml")
        Path(target).write_bytes(b"\x00" * (4 << 20))
    set_extends(tree, name, target)


def ap_name(tree, rng, entry, name):
    lines = tree.lines(entry)
    quoted = "'" + name + "'"
    for i, l in enumerate(lines):
        if l.startswith("name:"):
            lines[i] = f"name: {quoted}"
            break
    else:
        lines.insert(0, f"name: {quoted}")
    tree.write_lines(entry, lines)
    return {"default_out": True}


def ap_out(tree, rng, target):
    return {"out": "" if target == "''" else target}


APPLIERS = [
    (r"cell (\S+):(\d+):(\d+) (.*?)->'(.*)'", ap_cell),
    (r"numtok (\S+):(\d+) (\S+)->(\S+)", ap_numtok),
    (r"value (\S+):(\d+) ([^=]+)='(.*)'", ap_value),
    (r"rename-key (\S+):(\d+) (.+?)->(.+)", ap_rename),
    (r"insert-key (\S+):(\d+) (['\"])(.*)\3", ap_insert),
    (r"delete (\S+):(\d+) x(\d+) '(.*)'?", ap_delete),
    (r"duplicate (\S+):(\d+) '(.*)'?", ap_duplicate),
    (r"indent (\S+):(\d+) ([+-]\d+)", ap_indent),
    (r"shape (\S+):(\d+) (.+)", ap_shape),
    (r"truncate (\S+) at (\d+)/(\d+)", ap_truncate),
    (r"garbage-([\w-]+) (\S+)", ap_garbage),
    (r"header-([\w-]+) (\S+)", ap_header),
    (r"rows-([\w-]+) (\S+)", ap_rows),
    (r"csvfile-([\w-]+) (\S+)", ap_csvfile),
    (r"datapath-missing (\S+):(\d+) (\S+)->(\S+)", ap_datapath),
    (r"extends-([\w-]+) (\S+) -> (.+)", ap_extends),
    (r"name (\S+) -> '(.*)'", ap_name),
    (r"out -> (.+)", ap_out),
]
