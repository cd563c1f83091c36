#!/usr/bin/env bash
# The project's test command: installs what is missing (Verilator, Yosys, Icarus, the cocotb venv), runs
# the Java suites (JUnit 5 through Maven Surefire, including Verilator and cocotb co-simulation) and then
# the Python cocotb tests under tests/cocotb.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
./scripts/ensure-tools.sh
# Verilator C++ builds may use every core: the suite runs alone.
export ACCELGEN_JOBS="${ACCELGEN_JOBS:-$(nproc)}"
mvn -B -ntp test
.venv/bin/python -m pytest -q tests/cocotb
