#!/usr/bin/env bash
# Installs what accelgen's simulation and tests need, only when missing:
#   - Verilator (with g++/make for its C++ models), Yosys, Icarus Verilog and tclsh from the Debian
#     packages (apt-get, as root);
#   - for the tests only (skipped with --system-only): Slurm and munge (slurm-wlm, munge) for the one-node
#     cluster the regression tests start (accelgen itself only needs sbatch where it submits), headless Chromium
#     (the report page test) and a Python venv in .venv with cocotb 2.1, cocotbext-axi, pytest and numpy.
# Idempotent and fast when everything is present. Without root and with a tool missing it prints the
# exact command to run and exits 1.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SYSTEM_ONLY=0
[ "${1:-}" = "--system-only" ] && SYSTEM_ONLY=1

missing=()
command -v verilator >/dev/null || missing+=(verilator)
command -v yosys >/dev/null || missing+=(yosys)
command -v iverilog >/dev/null || missing+=(iverilog)
command -v tclsh >/dev/null || missing+=(tcl)
command -v g++ >/dev/null || missing+=(g++)
command -v gcc >/dev/null || missing+=(gcc)
command -v make >/dev/null || missing+=(make)
if [ $SYSTEM_ONLY = 0 ]; then
    python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
    { [ -x /usr/sbin/slurmctld ] && [ -x /usr/sbin/slurmd ] && command -v sbatch >/dev/null; } || missing+=(slurm-wlm)
    [ -x /usr/sbin/munged ] || missing+=(munge)
    command -v chromium >/dev/null || missing+=(chromium)
fi

if [ ${#missing[@]} -gt 0 ]; then
    cmd="apt-get update && apt-get install -y ${missing[*]}"
    if [ "$(id -u)" != 0 ]; then
        echo "accelgen: missing tools: ${missing[*]}. Run: sudo sh -c '$cmd'" >&2
        exit 1
    fi
    echo "accelgen: installing ${missing[*]} (apt-get)..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq "${missing[@]}" >&2
fi

[ $SYSTEM_ONLY = 1 ] && exit 0

VENV="$ROOT/.venv"
REQ="$ROOT/tests/requirements.txt"
STAMP="$VENV/.requirements.sha256"
want=$(sha256sum "$REQ" | cut -d' ' -f1)
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$want" ]; then
    echo "accelgen: creating Python venv $VENV (cocotb, cocotbext-axi, pytest, numpy)..." >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check -r "$REQ" >&2
    echo "$want" > "$STAMP"
fi
