#!/usr/bin/env bash
# End-to-end test of `pensiun slurm run` and `pensiun slurm sweep` on a real, single-node Slurm
# started here (munged, slurmctld and slurmd under a temporary folder, stopped by PID on exit).
#
#   scripts/test-slurm.sh                       # builds .build/release/pensiun once, then tests
#   PENSIUN=path/to/pensiun scripts/test-slurm.sh
#   scripts/test-slurm.sh --timing 4000         # then times a 4-task array against one process
#
# Checks that the merged run (and sweep) folder equals the single-process folder byte for byte
# (every file; manifest.json without its execution record), that a cancelled task cancels the
# merge job, and that resubmitting one task alone and then the merge job gives the same folder.
# Installs Debian's slurm-wlm and munge with apt-get when they are missing (root or sudo).
# Exits non-zero on any failure; the last line says PASS or FAIL. See docs/cluster.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TIMING_PATHS=""
if [[ ${1:-} == --timing ]]; then TIMING_PATHS=${2:?--timing needs a number of paths}; fi
WAIT_LIMIT=${SLURM_TEST_WAIT:-90}   # seconds allowed for each job

STARTED=$(date +%s.%N)
TMP=""
PIDS=()          # daemons started here, stopped in reverse order
STEP="setting up"

log() { printf 'test-slurm: %s\n' "$*"; }
fail() { log "error: $*" >&2; exit 1; }

cleanup() {
    local status=$?
    trap - EXIT
    set +e
    if [[ -n $TMP && -f $TMP/slurm.conf ]] && ((${#PIDS[@]} > 0)); then
        # Cancel whatever this private cluster still runs, so no job step outlives its slurmd.
        local left
        left=$(squeue -h -o %A 2>/dev/null | sort -u)
        if [[ -n $left ]]; then scancel $left 2>/dev/null; sleep 1; fi
    fi
    local i pid
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
        pid=${PIDS[i]}
        kill -TERM "$pid" 2>/dev/null || continue
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    local took
    took=$(awk -v a="$STARTED" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    if ((status == 0)); then
        [[ -n $TMP ]] && rm -rf "$TMP"
        log "PASS ($took s)"
    else
        if [[ -n $TMP && -d $TMP ]]; then
            for f in "$TMP"/log/*.log; do
                [[ -f $f ]] && { echo "--- last lines of $f"; tail -n 15 "$f"; }
            done >&2
            log "kept $TMP for inspection" >&2
        fi
        log "FAIL while $STEP ($took s)"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- Slurm and munge, installed when missing
as_root() { if ((EUID == 0)); then "$@"; else sudo "$@"; fi; }
STEP="installing slurm-wlm and munge"
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null \
    || ! command -v munged >/dev/null; then
    log "installing slurm-wlm and munge with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get install -y --no-install-recommends slurm-wlm munge >/dev/null 2>&1 \
        || { as_root apt-get update >/dev/null && as_root apt-get install -y --no-install-recommends slurm-wlm munge >/dev/null; } \
        || fail "cannot install slurm-wlm and munge"
fi
for tool in python3 cmp; do command -v "$tool" >/dev/null || fail "$tool is needed"; done

# ---- The pensiun binary: $PENSIUN, or a release build made once
STEP="building pensiun"
if [[ -n ${PENSIUN:-} ]]; then
    [[ -x $PENSIUN ]] || fail "PENSIUN=$PENSIUN is not an executable"
else
    scripts/ensure-deps.sh
    log "building pensiun in release"
    swift build -c release --product pensiun >/dev/null
    PENSIUN=.build/release/pensiun
fi
PENSIUN=$(cd "$(dirname "$PENSIUN")" && pwd)/$(basename "$PENSIUN")

# The daemons, and so the jobs, run as root (SlurmUser=root): a user other than root goes on
# under sudo, having built pensiun as itself.
if ((EUID != 0)); then
    log "going on as root (sudo) to start the daemons"
    exec sudo env "PENSIUN=$PENSIUN" "PATH=$PATH" "SLURM_TEST_WAIT=$WAIT_LIMIT" bash "$ROOT/scripts/test-slurm.sh" "$@"
fi

# ---- A private single-node cluster under $TMP
STEP="starting munged, slurmctld and slurmd"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/pensiun-slurm.XXXXXX")
chmod 755 "$TMP"
mkdir -p "$TMP"/{munge,state,spool,log,run}
chmod 755 "$TMP/munge"
dd if=/dev/urandom of="$TMP/munge.key" bs=1024 count=1 status=none
chmod 400 "$TMP/munge.key"
SOCKET=$TMP/munge/munge.socket.2
munged -F --key-file="$TMP/munge.key" --socket="$SOCKET" --pid-file="$TMP/run/munged.pid" \
    --log-file="$TMP/log/munged.log" --seed-file="$TMP/munge/munged.seed" >>"$TMP/log/munged.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do [[ -S $SOCKET ]] && break; sleep 0.1; done
[[ -S $SOCKET ]] || fail "munged did not create its socket"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
CTLD_PORT=$(free_port)
SLURMD_PORT=$(free_port)
while [[ $SLURMD_PORT == "$CTLD_PORT" ]]; do SLURMD_PORT=$(free_port); done
NODE=$(slurmd -C | head -n 1 | sed -e 's/^NodeName=[^ ]*/NodeName=localhost/' -e 's/ RealMemory=[0-9]*//')
[[ $NODE == NodeName=localhost* ]] || fail "unexpected slurmd -C output: $NODE"
cat >"$TMP/slurm.conf" <<EOF
ClusterName=pensiuntest
SlurmctldHost=localhost
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SOCKET
StateSaveLocation=$TMP/state
SlurmdSpoolDir=$TMP/spool
SlurmctldPidFile=$TMP/run/slurmctld.pid
SlurmdPidFile=$TMP/run/slurmd.pid
SlurmctldLogFile=$TMP/log/slurmctld.log
SlurmdLogFile=$TMP/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
# The main scheduling loop every second: queued tasks and the dependent merge job then start
# about 1 s after a slot frees (about 3 s with the default).
SchedulerParameters=sched_interval=1
ReturnToService=2
MpiDefault=none
MailProg=/bin/true
$NODE
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$TMP/slurm.conf
slurmctld -D -f "$SLURM_CONF" >>"$TMP/log/slurmctld.out" 2>&1 &
PIDS+=($!)
slurmd -D -N localhost -f "$SLURM_CONF" >>"$TMP/log/slurmd.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 150); do
    state=$(sinfo -h -n localhost -o %T 2>/dev/null || true)
    [[ $state == idle* ]] && break
    sleep 0.2
done
[[ ${state:-} == idle* ]] || fail "the node did not come up (sinfo state: '${state:-none}')"
log "cluster up: slurmctld on port $CTLD_PORT, slurmd on port $SLURMD_PORT, files in $TMP"

# ---- Helpers
# Waits for job $1 (every task of an array) to leave the queue.
wait_gone() {
    local id=$1 deadline=$((SECONDS + WAIT_LIMIT)) out
    while out=$(squeue -h -j "$id" -o %T 2>/dev/null) && [[ -n $out ]]; do
        ((SECONDS < deadline)) || fail "job $id still queued after ${WAIT_LIMIT} s: $(echo $out)"
        sleep 0.2
    done
}

# The states of job $1's records (one per array task), counted: "3 COMPLETED 1 CANCELLED".
job_states() {
    scontrol -o show job "$1" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | sed 's/JobState=//' | sort | uniq -c \
        | awk '{ print $1, $2 }' | paste -sd ' '
}

# Waits for job $1, then checks that it (every task of it) completed.
wait_job() {
    wait_gone "$1"
    local states
    states=$(job_states "$1")
    if [[ ! $states =~ ^[0-9]+\ COMPLETED$ ]]; then
        scontrol -o show job "$1" >&2 || true
        fail "job $1 did not complete: ${states:-no record}"
    fi
}

# The job ids from `pensiun slurm …` output: "Submitted array job A (…) and merge job M …".
submitted_ids() { sed -n 's/^Submitted array job \([0-9]*\) .* merge job \([0-9]*\) .*/\1 \2/p' <<<"$1"; }

# Compares two run or sweep folders: the same files, equal bytes, and manifest.json equal apart
# from how the folder was produced (scripts/same-run-folder.py, the one implementation).
same_folders() {
    "$ROOT/scripts/same-run-folder.py" "$1" "$2" || fail "$2 differs from $1 (above)"
}

# Resubmits task $2 of the submission with merged folder $1 alone (after deleting its shard and
# the merged folder), then the merge job, as docs/cluster.md tells a user to after a failed task.
resubmit_one() {
    local out=$1 task=$2 script=$3
    rm -rf "$out.shards/task-$task" "$out"
    local again merge
    again=$(sbatch --parsable --array="$task" "$out.shards/$script") || fail "sbatch --array=$task failed"
    again=${again%%;*}
    merge=$(sbatch --parsable --dependency=afterok:"$again" "$out.shards/merge.sbatch") || fail "sbatch merge failed"
    merge=${merge%%;*}
    wait_job "$again"
    wait_job "$merge"
    [[ -d $out.shards/task-$task ]] || fail "task $task did not write $out.shards/task-$task"
}

# Every pensiun here runs in $TMP, outside the git work tree: a run records the commit of its
# working directory, and a commit made by someone else during the test must not make folders differ.
cd "$TMP"
SCENARIO=$ROOT/Scenarios/synthetic-small/scenario.yaml
RUN_ARGS=(--paths 48 --set simulation.horizon=15)

# ---- pensiun slurm run: 4 tasks of 12 paths
STEP="testing pensiun slurm run"
"$PENSIUN" run "$SCENARIO" "${RUN_ARGS[@]}" --quiet --out "$TMP/run-single" || fail "pensiun run failed"
t0=$SECONDS
output=$("$PENSIUN" slurm run "$SCENARIO" "${RUN_ARGS[@]}" --tasks 4 --time 00:05:00 --out "$TMP/run-merged") \
    || fail "pensiun slurm run failed"
read -r ARRAY MERGE <<<"$(submitted_ids "$output")"
[[ -n ${MERGE:-} ]] || fail "no job ids in the output of pensiun slurm run: $output"
wait_job "$ARRAY"
wait_job "$MERGE"
for i in 0 1 2 3; do
    [[ -f $TMP/run-merged.shards/task-$i/results.bin ]] || fail "task $i wrote no shard"
    ls "$TMP"/run-merged.shards/logs/task-"${ARRAY}"_"$i".out >/dev/null || fail "task $i left no log file"
done
same_folders "$TMP/run-single" "$TMP/run-merged"
log "run: array job $ARRAY (4 tasks) + merge job $MERGE: merged folder equals the single run ($((SECONDS - t0)) s)"

# ---- one task (its shard covers every path; its merge job used to fail: issue 15)
STEP="testing pensiun slurm run --tasks 1"
output=$("$PENSIUN" slurm run "$SCENARIO" "${RUN_ARGS[@]}" --tasks 1 --time 00:05:00 --out "$TMP/run-one") \
    || fail "pensiun slurm run --tasks 1 failed"
read -r ARRAY MERGE <<<"$(submitted_ids "$output")"
[[ -n ${MERGE:-} ]] || fail "no job ids in the output of pensiun slurm run --tasks 1: $output"
wait_job "$ARRAY"
wait_job "$MERGE"
same_folders "$TMP/run-single" "$TMP/run-one"
log "run: --tasks 1: array job $ARRAY + merge job $MERGE: merged folder equals the single run"

# A failed task: task 3 of a second submission is cancelled (while the partition is down, so that
# it cannot have run yet); the merge job must not run; task 3 resubmitted alone, then the merge
# job, give the single-process folder again.
STEP="testing a failed task of pensiun slurm run"
scontrol update PartitionName=debug State=DOWN || fail "cannot set the partition down"
output=$("$PENSIUN" slurm run "$SCENARIO" "${RUN_ARGS[@]}" --tasks 4 --out "$TMP/run-failed") \
    || fail "pensiun slurm run failed"
read -r ARRAY MERGE <<<"$(submitted_ids "$output")"
[[ -n ${MERGE:-} ]] || fail "no job ids in the output of pensiun slurm run: $output"
scancel "${ARRAY}_3" || fail "cannot cancel task 3"
scontrol update PartitionName=debug State=UP || fail "cannot set the partition up"
wait_gone "$ARRAY"
wait_gone "$MERGE"
# (Slurm may keep no record of an array task cancelled while pending.)
[[ $(job_states "$ARRAY") =~ ^(1\ CANCELLED\ )?3\ COMPLETED$ ]] || fail "array job $ARRAY: expected 3 tasks completed and 1 cancelled, got $(job_states "$ARRAY")"
[[ $(job_states "$MERGE") == "1 CANCELLED" ]] || fail "merge job $MERGE should have been cancelled (its dependency failed), got $(job_states "$MERGE")"
[[ ! -e $TMP/run-failed ]] || fail "the merge ran although task 3 failed"
[[ ! -e $TMP/run-failed.shards/task-3 ]] || fail "the cancelled task 3 wrote a shard"
resubmit_one "$TMP/run-failed" 3 run.sbatch
same_folders "$TMP/run-single" "$TMP/run-failed"
log "run: task 3 cancelled, merge job $MERGE cancelled with it; task 3 resubmitted alone and merged: equals the single run"

# ---- pensiun slurm sweep: 6 variants in 4 tasks
STEP="testing pensiun slurm sweep"
if ! "$PENSIUN" sweep --help >/dev/null 2>&1; then
    log "SKIP sweep part: this pensiun has no sweep command ('pensiun sweep --help' fails)"
else
    cat >"$TMP/tiny-sweep.yaml" <<EOF
name: tiny
base: $SCENARIO
set:
  simulation.horizon: 15
parameters:
  - key: reform.dc.employer_rate
    values: [0.04, 0.08]
  - key: economy.equity.log_mean
    values: [0.05, 0.06, 0.07]
design: grid
paths: 24
seed: 7
EOF
    "$PENSIUN" sweep "$TMP/tiny-sweep.yaml" --quiet --out "$TMP/sweep-single" || fail "pensiun sweep failed"
    t0=$SECONDS
    output=$("$PENSIUN" slurm sweep "$TMP/tiny-sweep.yaml" --tasks 4 --time 00:05:00 --out "$TMP/sweep-merged") \
        || fail "pensiun slurm sweep failed"
    read -r ARRAY MERGE <<<"$(submitted_ids "$output")"
    [[ -n ${MERGE:-} ]] || fail "no job ids in the output of pensiun slurm sweep: $output"
    wait_job "$ARRAY"
    wait_job "$MERGE"
    same_folders "$TMP/sweep-single" "$TMP/sweep-merged"
    log "sweep: array job $ARRAY (4 tasks) + merge job $MERGE: merged folder equals the single sweep ($((SECONDS - t0)) s)"
    resubmit_one "$TMP/sweep-merged" 1 sweep.sbatch
    same_folders "$TMP/sweep-single" "$TMP/sweep-merged"
    log "sweep: task 1 resubmitted alone and merged again: still equal"
fi

# ---- Optional: wall time of a 4-task array against one process, same paths
if [[ -n $TIMING_PATHS ]]; then
    STEP="timing"
    now() { date +%s.%N; }
    elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
    a=$(now)
    "$PENSIUN" run "$SCENARIO" --paths "$TIMING_PATHS" --quiet --out "$TMP/time-single" || fail "pensiun run failed"
    single=$(elapsed "$a" "$(now)")
    a=$(now)
    output=$("$PENSIUN" slurm run "$SCENARIO" --paths "$TIMING_PATHS" --tasks 4 --out "$TMP/time-merged") || fail "pensiun slurm run failed"
    read -r ARRAY MERGE <<<"$(submitted_ids "$output")"
    wait_job "$ARRAY"
    wait_job "$MERGE"
    array=$(elapsed "$a" "$(now)")
    same_folders "$TMP/time-single" "$TMP/time-merged"
    log "timing, $TIMING_PATHS paths of synthetic-small: one process (all $(nproc) cores) $single s; 4-task array + merge, submission to merged folder, $array s"
fi
STEP="finishing"
