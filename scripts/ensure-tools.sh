#!/usr/bin/env bash
# Installs what accelgen's tests need, only when missing (fast and idempotent when all is present):
#   - Debian packages verilator, yosys, iverilog (apt-get; as root, or prints the command to run)
#   - a Python venv at .venv with cocotb 2.1, cocotbext-axi, pytest, numpy
# Exit status 0 when everything is present afterwards, 1 otherwise.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY_PACKAGES=("cocotb==2.1.*" "cocotbext-axi" "pytest" "numpy")

missing=()
command -v verilator >/dev/null 2>&1 || missing+=(verilator)
command -v yosys >/dev/null 2>&1 || missing+=(yosys)
command -v iverilog >/dev/null 2>&1 || missing+=(iverilog)

if ((${#missing[@]})); then
    cmd="apt-get update && apt-get install -y ${missing[*]}"
    if [[ $(id -u) -ne 0 ]]; then
        echo "ensure-tools: missing ${missing[*]}; install them with:" >&2
        echo "  sudo sh -c '$cmd'" >&2
        exit 1
    fi
    echo "ensure-tools: installing ${missing[*]} ..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
fi

venv_ok() {
    [[ -x "$VENV/bin/python" ]] && "$VENV/bin/python" - <<'PY' 2>/dev/null
import cocotb, cocotbext.axi, pytest, numpy
assert cocotb.__version__.startswith("2.1."), cocotb.__version__
PY
}

if ! venv_ok; then
    command -v python3 >/dev/null 2>&1 || { echo "ensure-tools: python3 is missing; install it with: sudo apt-get install -y python3 python3-venv" >&2; exit 1; }
    echo "ensure-tools: creating $VENV with ${PY_PACKAGES[*]} ..." >&2
    if [[ ! -x "$VENV/bin/python" ]]; then
        python3 -m venv "$VENV" || { echo "ensure-tools: python3 -m venv failed; install it with: sudo apt-get install -y python3-venv" >&2; exit 1; }
    fi
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check "${PY_PACKAGES[@]}"
    venv_ok || { echo "ensure-tools: $VENV still lacks ${PY_PACKAGES[*]}" >&2; exit 1; }
fi
