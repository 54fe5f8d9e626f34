#!/usr/bin/env bash
# private-journald.sh: run a real, private systemd-journald for tests, on machines where
# systemd is not PID 1 (containers, microVMs, CI runners). Needs root.
#
#   private-journald.sh start DIR          start it; journal files land under DIR/journal;
#                                          prints its PID (also written to DIR/journald.pid)
#   private-journald.sh read DIR IDENT [N] print `journalctl -o json --all -t IDENT` for the
#                                          private journal, polling until >= N entries
#                                          (default 1) or ~5 s (READ_TIMEOUT) elapse
#   private-journald.sh stop DIR           stop it, remove the sockets it left; DIR's journal
#                                          files stay for reading
#   private-journald.sh run IDENT CMD...   run CMD with stdout+stderr connected to the journal
#                                          by systemd-cat AND with JOURNAL_STREAM set to
#                                          stderr's "dev:ino", as systemd (PID 1) would do
#
# How it works, and why
# ---------------------
# * Clients (sd_journal_sendv, `logger --journald`, systemd-cat, syslog(3) via dev-log) talk
#   to fixed socket paths: /run/systemd/journal/{socket,stdout,dev-log}. Those paths cannot
#   be redirected, so the private journald creates them in the REAL /run/systemd/journal/
#   (visible to every process on the machine). Consequently only ONE journald can serve a
#   machine at a time: `start` refuses if another journald is running or the socket answers.
# * The journal FILES are what we redirect. journald is exec'd inside `unshare -m` (a private
#   mount namespace, propagation private, so nothing leaks back to the host) in which:
#     - DIR/journal is bind-mounted over /run/log/journal (the runtime journal location);
#     - DIR/etc-systemd (holding only our journald.conf) is bind-mounted over /etc/systemd,
#       which also hides any /etc/systemd/journald.conf.d drop-ins; the other drop-in dirs
#       (/run, /usr/local/lib, /usr/lib/systemd/journald.conf.d) get an empty tmpfs if present;
#     - /var/log/journal, if it exists (it does on Debian 12 images), gets an empty tmpfs, so
#       the host's persistent journal can never be touched.
#   The sockets directory /run/systemd/journal is NOT mounted over: it must stay shared.
# * A config override IS needed. journald has no command-line flags or env variables for
#   storage (its only argument is a "namespace" name, which would move the sockets to
#   /run/systemd/journal.NS/, where sd_journal_sendv does not look). With the default
#   Storage=auto it writes to /run/log/journal only until /run/systemd/journal/flushed exists,
#   then to /var/log/journal, so leftover state could send entries to the host's persistent
#   journal. Our journald.conf says Storage=volatile (always /run/log/journal = DIR/journal),
#   ReadKMsg=no (no kernel ring buffer import), all ForwardTo*=no (no wall/console/syslog
#   spam), no rate limit (tests may log bursts), RuntimeMaxUse=64M.
# * Files land in DIR/journal/<machine-id>/system.journal. /etc/machine-id is NOT required:
#   with it missing or empty, journald 252 still runs and writes DIR/journal/system.journal
#   (entries then lack _MACHINE_ID). `read` uses whichever directory holds system.journal
#   (recorded in DIR/journal.dir at start).
# * The process is started as `setsid -f unshare -m ... bash -c '...; exec systemd-journald'`.
#   The inner shell closes inherited fds > 2 (a leaked pipe would hang a harness reading our
#   output), creates the mounts, writes its own PID, and execs, so DIR/journald.pid names
#   journald itself (comm "systemd-journal", 15 chars: `pgrep -x systemd-journal`, not
#   `pgrep journald`). Its environment carries PRIVATE_JOURNALD_DIR=DIR, which `stop` checks
#   before killing (a recycled PID is never killed), and SYSTEMD_LOG_TARGET=console, so
#   journald's own diagnostics go to DIR/journald.log instead of /dev/kmsg. The mount points
#   /run/log/journal and /run/systemd/journal are created on the host if missing (recorded in
#   DIR/created-dirs and removed again by `stop`).
#   NEVER run `systemd-journald --help`/`--version`: the argument is taken as a namespace
#   name and a journald for namespace "--help" starts, writing to /var/log/journal.
# * Readiness: `start` sends a probe with `logger --journald` (unique SYSLOG_IDENTIFIER) and
#   waits until `journalctl -D` shows it, i.e. the socket accepts messages AND entries land in
#   DIR. journald writes asynchronously, so readers must poll (`read` does).
# * journald does not remove its sockets on exit. Stale ones make clients fail with
#   ECONNREFUSED and are replaced by the next journald; `stop` removes them (socket, stdout,
#   dev-log, io.systemd.journal, streams/, flushed, synced, rotated, kernel-seqnum) plus the
#   directories `start` had to create, but only if no journald process remains.
# * JOURNAL_STREAM: systemd-cat 252 (Debian 12) does NOT set it (added in systemd 253, PR
#   #26340). Use `run` (or set it yourself: JOURNAL_STREAM=$(stat -L -c %d:%i /proc/self/fd/2))
#   to exercise "log natively when JOURNAL_STREAM matches stderr's st_dev:st_ino".
#
# * Caveats for tests: sd_journal_sendv returns 0 (message silently dropped) when the socket
#   file does not exist, and -ECONNREFUSED when it is stale, so always read entries back.
#   _CMDLINE/_EXE/_COMM are read from /proc by journald and may be missing for a process that
#   exits right after logging. Entries from different transports (native vs. stdout stream)
#   are not ordered relative to each other. Plain `journalctl` (without -D) does not see the
#   private journal. A journald killed by SIGKILL leaves stale sockets; `start` clears them.
#   An exited journald is re-parented to PID 1; if PID 1 reaps lazily it shows as
#   <defunct> for a while (harmless; `kill -0` still succeeds on it, so don't use that).
#
# Starts and stops are serialized with flock on /run/private-journald.lock (left in place).
# Environment: JOURNALD (path of the binary), READ_TIMEOUT (seconds, default 5),
# START_TIMEOUT (seconds, default 10).

set -euo pipefail

PROG=${0##*/}
SOCKDIR=/run/systemd/journal
RUNTIME_DIR=/run/log/journal
LOCKFILE=/run/private-journald.lock
READ_TIMEOUT=${READ_TIMEOUT:-5}
START_TIMEOUT=${START_TIMEOUT:-10}
# Files and directories journald 252 creates in /run/systemd/journal.
SOCKDIR_ENTRIES=(socket stdout dev-log io.systemd.journal streams flushed synced rotated kernel-seqnum)

die() { echo "$PROG: $*" >&2; exit 1; }
usage() {
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

find_journald_binary() {
    local c
    for c in "${JOURNALD:-}" /lib/systemd/systemd-journald /usr/lib/systemd/systemd-journald; do
        if [[ -n "$c" && -x "$c" ]]; then echo "$c"; return 0; fi
    done
    die "systemd-journald not found (install the systemd package or set JOURNALD=)"
}

need_root() { [[ $(id -u) -eq 0 ]] || die "must run as root (mount namespaces, /run/systemd)"; }

need_tools() {
    local t
    for t in "$@"; do command -v "$t" >/dev/null || die "required tool '$t' not found"; done
}

abs_dir() { realpath -m -- "$1"; }

# Hold the lock on fd 9 for the rest of this script (never inherited by journald, see start).
take_lock() {
    exec 9>"$LOCKFILE"
    flock -w 30 9 || die "timed out waiting for $LOCKFILE"
}

# PIDs of the live systemd-journald processes in our PID namespace (comm is truncated to 15
# chars) that share our mount namespace: one in a container (make system-test's) has its own
# /run/systemd/journal and is no rival. Zombies are skipped: an exited journald is reparented
# to PID 1, which may reap late.
journald_pids() {
    local own pid
    own=$(readlink /proc/self/ns/mnt)
    for pid in $(ps -eo pid=,stat=,comm= | awk '$3 == "systemd-journal" && $2 !~ /^Z/ { print $1 }'); do
        [[ $(readlink "/proc/$pid/ns/mnt" 2>/dev/null) == "$own" ]] && echo "$pid"
    done
    return 0
}

# True if something accepts connections on the stream socket. Writes no journal entry:
# systemd-cat connects, sends its header, runs `true`, which prints nothing.
socket_alive() {
    [[ -S $SOCKDIR/stdout ]] || return 1
    timeout 5 systemd-cat -t private-journald-liveness true 2>/dev/null
}

# True if PID is a systemd-journald started by us for DIR (guards against PID reuse).
is_our_journald() {
    local pid=$1 dir=$2
    [[ -r /proc/$pid/comm && $(cat "/proc/$pid/comm" 2>/dev/null) == systemd-journal ]] || return 1
    local env
    env=$({ tr '\0' '\n' <"/proc/$pid/environ"; } 2>/dev/null) || return 1  # unreadable: zombie
    [[ $'\n'$env$'\n' == *$'\n'"PRIVATE_JOURNALD_DIR=$dir"$'\n'* ]]
}

# True while PID exists and is not a zombie.
pid_running() {
    local pid=$1 state
    [[ -r /proc/$pid/stat ]] || return 1
    state=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1) || return 1
    [[ -n $state && $state != Z ]]
}

# Remove what a dead journald leaves in /run/systemd/journal, if no journald runs at all.
remove_stale_sockets() {
    local dir=${1:-} e
    if [[ -n $(journald_pids) ]]; then
        echo "$PROG: another systemd-journald is running; leaving $SOCKDIR alone" >&2
        return 0
    fi
    for e in "${SOCKDIR_ENTRIES[@]}"; do rm -rf -- "${SOCKDIR:?}/$e"; done
    # Remove the directories start created (recorded in DIR/created-dirs), if now empty.
    if [[ -n $dir && -f $dir/created-dirs ]]; then
        tac "$dir/created-dirs" | while read -r d; do rmdir -- "$d" 2>/dev/null || true; done
        rm -f -- "$dir/created-dirs"
    fi
}

# The directory holding system.journal: DIR/journal/<machine-id>, or DIR/journal if
# /etc/machine-id is missing or empty.
journal_dir() {
    local dir=$1 f
    if [[ -s $dir/journal.dir && -d $(cat "$dir/journal.dir") ]]; then cat "$dir/journal.dir"; return; fi
    f=$(find "$dir/journal" -maxdepth 2 -name 'system*.journal' -print -quit 2>/dev/null || true)
    if [[ -n $f ]]; then dirname -- "$f"; else echo "$dir/journal"; fi
}

# Print the JSON entries for IDENT; succeed once there are at least MIN of them.
poll_entries() {
    local jdir=$1 ident=$2 min=$3 timeout=$4 out n deadline
    deadline=$(( $(date +%s%N) + timeout * 1000000000 ))
    while :; do
        out=$(journalctl -D "$jdir" -q --no-pager -o json --all -t "$ident" 2>/dev/null || true)
        n=$(printf '%s' "$out" | grep -c '^{' || true)
        if (( n >= min )); then printf '%s\n' "$out"; return 0; fi
        (( $(date +%s%N) < deadline )) || { [[ -n $out ]] && printf '%s\n' "$out"; return 1; }
        sleep 0.1
    done
}

cmd_start() {
    [[ $# -eq 1 ]] || usage
    need_root
    need_tools unshare setsid flock logger systemd-cat journalctl ps mount mountpoint realpath timeout
    local dir journald pid="" others probe_ident jdir d
    dir=$(abs_dir "$1")
    journald=$(find_journald_binary)
    take_lock

    if [[ -s $dir/journald.pid ]] && is_our_journald "$(cat "$dir/journald.pid")" "$dir"; then
        die "a private journald for $dir is already running (PID $(cat "$dir/journald.pid"))"
    fi
    others=$(journald_pids)
    if [[ -n $others ]]; then
        local p desc=""
        for p in $others; do
            desc+=" PID $p ($({ tr '\0' ' ' <"/proc/$p/cmdline"; } 2>/dev/null || true)"
            desc+="$({ tr '\0' '\n' <"/proc/$p/environ"; } 2>/dev/null | sed -n 's/^PRIVATE_JOURNALD_DIR=/, private, DIR=/p' || true))"
        done
        die "another systemd-journald already owns $SOCKDIR/socket:$desc; stop it first (a private one: $PROG stop ITS_DIR)"
    fi
    if socket_alive; then
        die "$SOCKDIR/stdout accepts connections although no systemd-journald process is visible (journald in another PID namespace?); refusing to take over"
    fi

    unshare --mount true 2>/dev/null ||
        die "cannot create a mount namespace (unshare --mount failed: needs root with CAP_SYS_ADMIN, not a restricted container)"

    mkdir -p -- "$dir/journal" "$dir/etc-systemd"
    rm -f -- "$dir/journald.pid" "$dir/journald.pid.new" "$dir/journal.dir"
    : >"$dir/created-dirs.new"
    for d in /run/systemd "$SOCKDIR" /run/log "$RUNTIME_DIR"; do
        if [[ ! -d $d ]]; then mkdir -p -- "$d"; echo "$d" >>"$dir/created-dirs.new"; fi
    done
    # Keep records of earlier runs (a stop may not have happened yet for them).
    cat "$dir/created-dirs.new" >>"$dir/created-dirs"; rm -f -- "$dir/created-dirs.new"
    # Stale sockets from a killed journald: harmless (journald re-binds), but clear them.
    remove_stale_sockets ""

    cat >"$dir/etc-systemd/journald.conf" <<'EOF'
# Written by private-journald.sh; bind-mounted over /etc/systemd in journald's namespace.
[Journal]
Storage=volatile
RuntimeMaxUse=64M
RuntimeMaxFileSize=16M
ReadKMsg=no
ForwardToSyslog=no
ForwardToKMsg=no
ForwardToConsole=no
ForwardToWall=no
RateLimitIntervalSec=0
RateLimitBurst=0
MaxLevelStore=debug
EOF

    # Everything after this point is undone on failure.
    cleanup_failed_start() {
        local rc=$?
        trap - EXIT
        if (( rc != 0 )); then
            if [[ -n $pid ]] && pid_running "$pid"; then
                kill -KILL "$pid" 2>/dev/null || true
                for _ in $(seq 50); do pid_running "$pid" || break; sleep 0.1; done
            fi
            remove_stale_sockets "$dir"
            rm -f -- "$dir/journald.pid" "$dir/journald.pid.new"
            if [[ -s $dir/journald.log ]]; then
                echo "$PROG: journald output ($dir/journald.log):" >&2
                tail -n 20 "$dir/journald.log" >&2
            fi
        fi
        exit "$rc"
    }
    trap cleanup_failed_start EXIT

    # The inner script runs in the new mount namespace. Paths are passed as arguments.
    # shellcheck disable=SC2016
    local inner='
        set -e
        dir=$1 journald=$2
        # Close every inherited fd above 2 (a leaked pipe would keep a test harness waiting).
        for fd in /proc/$$/fd/*; do
            fd=${fd##*/}
            if (( fd > 2 )); then eval "exec $fd>&-" 2>/dev/null || true; fi
        done
        mount --bind "$dir/journal" /run/log/journal
        mount --bind "$dir/etc-systemd" /etc/systemd
        for d in /run/systemd/journald.conf.d /usr/local/lib/systemd/journald.conf.d \
                 /usr/lib/systemd/journald.conf.d /lib/systemd/journald.conf.d; do
            if [[ -d $d ]] && ! mountpoint -q "$d"; then mount -t tmpfs -o ro,mode=755 none "$d"; fi
        done
        if [[ -d /var/log/journal ]]; then mount -t tmpfs -o mode=755 none /var/log/journal; fi
        echo $$ >"$dir/journald.pid.new"
        # PRIVATE_JOURNALD_DIR marks the process as ours; SYSTEMD_LOG_TARGET=console sends
        # journald'"'"'s own diagnostics to stderr (DIR/journald.log) instead of /dev/kmsg.
        export PRIVATE_JOURNALD_DIR=$dir SYSTEMD_LOG_TARGET=console
        exec "$journald"
    '
    # setsid -f: journald gets its own session, outlives this script (reparented to PID 1);
    # fd 9 (the lock) is closed so journald does not hold it.
    setsid -f unshare --mount --propagation private -- /bin/bash -c "$inner" bash "$dir" "$journald" \
        </dev/null >>"$dir/journald.log" 2>&1 9>&-

    local deadline=$(( $(date +%s%N) + START_TIMEOUT * 1000000000 ))
    until [[ -s $dir/journald.pid.new ]]; do
        (( $(date +%s%N) < deadline )) || die "journald did not start (no PID written)"
        sleep 0.05
    done
    pid=$(cat "$dir/journald.pid.new")
    # Wait for the exec (comm becomes systemd-journal) and for the socket.
    until is_our_journald "$pid" "$dir" && [[ -S $SOCKDIR/socket ]]; do
        pid_running "$pid" || die "journald (PID $pid) exited during startup"
        (( $(date +%s%N) < deadline )) || die "journald (PID $pid) did not create $SOCKDIR/socket in ${START_TIMEOUT}s"
        sleep 0.05
    done

    # Probe: the socket must accept a native message and it must land in DIR.
    probe_ident="private-journald-probe-$$-$RANDOM$RANDOM"
    until printf 'MESSAGE=private-journald readiness probe\nSYSLOG_IDENTIFIER=%s\nPRIORITY=7\n' \
            "$probe_ident" | logger --journald 2>/dev/null; do
        pid_running "$pid" || die "journald (PID $pid) exited during startup"
        (( $(date +%s%N) < deadline )) || die "journald (PID $pid): $SOCKDIR/socket does not accept messages"
        sleep 0.1
    done
    local remaining=$(( (deadline - $(date +%s%N)) / 1000000000 ))
    (( remaining >= 1 )) || remaining=1
    local f=""
    while :; do
        f=$(find "$dir/journal" -maxdepth 2 -name 'system.journal' -print -quit 2>/dev/null || true)
        if [[ -n $f ]] && poll_entries "$(dirname -- "$f")" "$probe_ident" 1 0 >/dev/null; then break; fi
        pid_running "$pid" || die "journald (PID $pid) exited during startup"
        (( $(date +%s%N) < deadline )) || die "probe message ($probe_ident) never appeared in $dir/journal"
        sleep 0.1
    done
    jdir=$(dirname -- "$f")

    echo "$jdir" >"$dir/journal.dir"
    mv -f -- "$dir/journald.pid.new" "$dir/journald.pid"
    trap - EXIT
    echo "$pid"
}

cmd_stop() {
    [[ $# -eq 1 ]] || usage
    need_root
    need_tools flock ps realpath
    local dir pid=""
    dir=$(abs_dir "$1")
    take_lock
    [[ -s $dir/journald.pid ]] && pid=$(cat "$dir/journald.pid")
    [[ -z $pid && -s $dir/journald.pid.new ]] && pid=$(cat "$dir/journald.pid.new")
    if [[ -z $pid ]]; then
        echo "$PROG: no $dir/journald.pid; nothing to stop" >&2
    elif ! is_our_journald "$pid" "$dir"; then
        echo "$PROG: PID $pid is not our journald for $dir (already exited?)" >&2
    else
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 100); do pid_running "$pid" || break; sleep 0.1; done
        if pid_running "$pid"; then
            echo "$PROG: journald (PID $pid) ignored SIGTERM for 10 s; sending SIGKILL" >&2
            kill -KILL "$pid" 2>/dev/null || true
            for _ in $(seq 50); do pid_running "$pid" || break; sleep 0.1; done
            pid_running "$pid" && die "journald (PID $pid) did not exit"
        fi
    fi
    rm -f -- "$dir/journald.pid" "$dir/journald.pid.new"
    remove_stale_sockets "$dir"
}

cmd_read() {
    [[ $# -eq 2 || $# -eq 3 ]] || usage
    need_tools journalctl
    local dir ident=$2 min=${3:-1} jdir
    [[ $min =~ ^[0-9]+$ ]] || die "N must be a number"
    dir=$(abs_dir "$1")
    [[ -d $dir/journal ]] || die "$dir/journal does not exist (was '$PROG start $1' run?)"
    jdir=$(journal_dir "$dir")
    poll_entries "$jdir" "$ident" "$min" "$READ_TIMEOUT" ||
        die "fewer than $min entries with SYSLOG_IDENTIFIER=$ident in $jdir after ${READ_TIMEOUT}s"
}

cmd_run() {
    [[ $# -ge 2 ]] || usage
    need_tools systemd-cat stat
    local ident=$1; shift
    # Inside systemd-cat, fd 1 and fd 2 are the journal stream socket; JOURNAL_STREAM names
    # fd 2 (stderr), as PID 1 does since systemd 235.
    # shellcheck disable=SC2016
    exec systemd-cat -t "$ident" -- /bin/sh -c \
        'JOURNAL_STREAM=$(stat -L -c %d:%i /proc/self/fd/2) || exit 1; export JOURNAL_STREAM; exec "$@"' \
        sh "$@"
}

case ${1:-} in
    start) shift; cmd_start "$@" ;;
    stop) shift; cmd_stop "$@" ;;
    read) shift; cmd_read "$@" ;;
    run) shift; cmd_run "$@" ;;
    *) usage ;;
esac
