#!/usr/bin/env bash
# Executes the notebooks of notebooks-md/ (Jupytext Markdown) from top to bottom, in a private
# virtual environment, and fails (exit 1) if any cell of any notebook raises.
#
#   scripts/notebooks.sh                  every notebooks-md/*.md but README.md
#   scripts/notebooks.sh analyst          only notebooks-md/analyst.md (names or paths, repeatable)
#
# Steps, each skipped when already done:
#   1. .venv-notebooks/ (python3 -m venv) with the exact pins of notebooks-md/requirements.txt,
#      installed from the wheelhouse .cache/wheels/ (filled by `pip download` on first use; plain
#      `pip install` from the index if the wheelhouse cannot serve them). Nothing is installed
#      outside the venv. A stamp in the venv records the requirements it holds.
#   2. the tool, built once in release (`swift build -c release --product pensiun`), unless the
#      environment variable PENSIUN names a pensiun binary to use instead.
#   3. every notebook, executed by nbclient in notebooks-md/ (the notebooks then move to the
#      repository root); the executed copies go to Outputs/notebooks/executed/ (git-ignored, never
#      committed), their runs to Outputs/notebooks/runs/ and their figures to Outputs/notebooks/.
#
# Environment: PENSIUN (binary), PENSIUN_NB_PATHS (Monte Carlo paths per run in the notebooks;
# default 200), NOTEBOOKS_OUT (folder of the executed .ipynb copies), PYTHON (default python3).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV=.venv-notebooks
WHEELS=.cache/wheels
REQUIREMENTS=notebooks-md/requirements.txt
OUT=${NOTEBOOKS_OUT:-Outputs/notebooks/executed}
started=$SECONDS

say() { echo "notebooks: $*" >&2; }

# 1. The virtual environment.
if ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
    say "creating $VENV"
    rm -rf "$VENV"
    "${PYTHON:-python3}" -m venv "$VENV"
fi
stamp="$VENV/.requirements.sha256"
wanted=$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$wanted" ]; then
    pip=("$VENV/bin/python" -m pip --disable-pip-version-check --quiet)
    if "${pip[@]}" install --no-index --find-links "$WHEELS" -r "$REQUIREMENTS" >/dev/null 2>&1; then
        say "installed $REQUIREMENTS from the wheelhouse $WHEELS"
    else
        say "filling the wheelhouse $WHEELS (pip download)"
        mkdir -p "$WHEELS"
        if "${pip[@]}" download --dest "$WHEELS" -r "$REQUIREMENTS" \
            && "${pip[@]}" install --no-index --find-links "$WHEELS" -r "$REQUIREMENTS"; then
            say "installed $REQUIREMENTS from the wheelhouse $WHEELS"
        else
            say "the wheelhouse is incomplete: installing from the package index"
            "${pip[@]}" install -r "$REQUIREMENTS"
        fi
    fi
    echo "$wanted" >"$stamp"
    say "environment ready after $((SECONDS - started)) s"
fi

# 2. The tool.
if [ -z "${PENSIUN:-}" ]; then
    scripts/ensure-deps.sh
    say "building pensiun (release)"
    swift build -c release --product pensiun
    PENSIUN=$ROOT/.build/release/pensiun
fi
case $PENSIUN in /*) ;; *) PENSIUN=$ROOT/$PENSIUN ;; esac
[ -x "$PENSIUN" ] || { say "PENSIUN=$PENSIUN is not an executable"; exit 1; }
export PENSIUN
export MPLBACKEND=Agg

# 3. The notebooks.
notebooks=()
if [ $# -eq 0 ]; then
    for f in notebooks-md/*.md; do
        [ "$(basename "$f")" = README.md ] || notebooks+=("$f")
    done
else
    for name in "$@"; do
        case $name in
            */*) notebooks+=("$name") ;;
            *.md) notebooks+=("notebooks-md/$name") ;;
            *) notebooks+=("notebooks-md/$name.md") ;;
        esac
    done
fi
mkdir -p "$OUT"
say "executing ${#notebooks[@]} notebook(s) with $PENSIUN"
"$VENV/bin/python" - "$OUT" "${notebooks[@]}" <<'PY'
import sys
import time
import traceback
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

out = Path(sys.argv[1])
passed, failed = [], []
for name in sys.argv[2:]:
    source = Path(name)
    started = time.monotonic()
    try:
        notebook = jupytext.read(source)
        # The kernel is the one the notebook's header names (python3: the venv's own Python);
        # cells run in the notebook's folder, as in Jupyter.
        client = NotebookClient(notebook, timeout=900, resources={"metadata": {"path": str(source.parent)}},
                                extra_arguments=["--IPKernelApp.log_level=ERROR"])
        try:
            client.execute()
        finally:
            nbformat.write(notebook, out / f"{source.stem}.ipynb")
        passed.append(source)
        print(f"notebooks: ok     {source} ({time.monotonic() - started:.1f} s)", file=sys.stderr, flush=True)
    except CellExecutionError as error:
        failed.append(source)
        print(f"notebooks: FAILED {source} ({time.monotonic() - started:.1f} s)\n{error}", file=sys.stderr, flush=True)
    except Exception:
        failed.append(source)
        print(f"notebooks: FAILED {source}", file=sys.stderr)
        traceback.print_exc()
print(f"notebooks: {len(passed)} passed, {len(failed)} failed")
sys.exit(1 if failed or not passed else 0)
PY
say "done in $((SECONDS - started)) s; executed copies in $OUT/"
