#!/usr/bin/env bash
# setup-baselines.sh VENV_DIR: make a throwaway virtual environment holding the Python tools that
# Gloss's benchmark compares itself with (scripts/bench/baselines.py), installed from PyPI.
#
#   scripts/bench/setup-baselines.sh /tmp/bench-venv
#   /tmp/bench-venv/bin/python scripts/bench/baselines.py CORPUS_DIR --runs 5 --json out.json
#
# * Creates VENV_DIR with `python3 -m venv` if it has no bin/python yet (PYTHON=... picks
#   another interpreter). An existing VENV_DIR whose python does not run is refused, not
#   deleted: remove it yourself.
# * Installs exactly the pinned versions below. When the venv already holds them it does
#   nothing, prints nothing and needs no network, so a second run is quiet and instant.
# * Fails with a clear message (exit 1) when pip cannot reach the package index.
#
# Pinned versions: the current releases on PyPI that installed here (Debian 12, CPython
# 3.11.7, x86_64, pip 23.2.1; both have wheels, nothing is compiled):
#   dateparser    1.5.0
#   pyahocorasick 2.3.1
# dateparser's own dependencies are pinned too, at the versions pip resolved for 1.5.0 on
# that day, because their speed is part of what is measured (regex above all).
# To move to newer versions: change the pins, run this into a fresh directory, and note the
# change beside the benchmark results, since numbers from different pins are not comparable.
set -euo pipefail

PINS=(
  "dateparser==1.5.0"
  "pyahocorasick==2.3.1"
  "python-dateutil==4.0.0"
  "pytz==2026.6"
  "regex==2026.11.19"
  "tzdata==2026.6"
  "tzlocal==5.4.5"
)

die() { echo "setup-baselines: $*" >&2; exit 1; }

[ $# -eq 1 ] && [ -n "$1" ] || { echo "usage: $0 VENV_DIR" >&2; exit 2; }
VENV=$1
PYTHON=${PYTHON:-python3}
VPY="$VENV/bin/python"

if [ ! -e "$VPY" ]; then
  command -v "$PYTHON" >/dev/null 2>&1 || die "no '$PYTHON' on PATH (set PYTHON=/path/to/python3)"
  "$PYTHON" -m venv "$VENV" || die "'$PYTHON -m venv $VENV' failed (on Debian's own python3: apt-get install python3-venv)"
  echo "setup-baselines: created venv $VENV ($("$VPY" -c 'import platform; print("Python", platform.python_version())'))"
fi
"$VPY" -c 'pass' 2>/dev/null \
  || die "$VPY exists but does not run (its interpreter moved or was removed?); delete $VENV and run again"

# Already installed at exactly these versions? Then nothing to do, silently.
missing=$("$VPY" - "${PINS[@]}" <<'PY'
import sys
from importlib import metadata
for pin in sys.argv[1:]:
    name, want = pin.split("==")
    try:
        have = metadata.version(name)
    except metadata.PackageNotFoundError:
        have = None
    if have != want:
        print(f"{name} (want {want}, have {have or 'none'})")
PY
)
[ -z "$missing" ] && exit 0

echo "setup-baselines: installing into $VENV: ${PINS[*]}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Explicit --timeout/--retries: the environment may set a long PIP_DEFAULT_TIMEOUT, and an
# unreachable index should fail in about a minute, not in a quarter of an hour.
if ! PIP_DISABLE_PIP_VERSION_CHECK=1 "$VPY" -m pip install --quiet --timeout 20 --retries 2 \
     "${PINS[@]}" >"$log" 2>&1; then
  # Tell a network problem apart from any other pip failure.
  index=${PIP_INDEX_URL:-$("$VPY" -m pip config get global.index-url 2>/dev/null || true)}
  index=${index:-https://pypi.org/simple/}
  if ! "$VPY" - "$index" <<'PY' 2>/dev/null
import sys, urllib.request
url = sys.argv[1].rstrip("/") + "/pip/"
urllib.request.urlopen(url, timeout=15).read(1)
PY
  then
    echo "setup-baselines: pip cannot reach the package index ($index)." >&2
    echo "setup-baselines: the benchmark's Python baselines are installed from PyPI; check the network" >&2
    echo "setup-baselines: (or PIP_INDEX_URL / a proxy) and run again. pip said:" >&2
  else
    echo "setup-baselines: pip install failed although the index answers. pip said:" >&2
  fi
  grep -v '^\s*$' "$log" | tail -n 15 | sed 's/^/  /' >&2
  exit 1
fi
grep -v '^\s*$' "$log" | sed 's/^/  pip: /' || true
still=$("$VPY" -m pip freeze 2>/dev/null | grep -i -E '^(dateparser|pyahocorasick)==' | tr '\n' ' ')
echo "setup-baselines: ready: $still"
