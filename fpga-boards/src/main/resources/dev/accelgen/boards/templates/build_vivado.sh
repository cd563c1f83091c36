#!/usr/bin/env bash
@@HEADER@@
# Builds the bitstream with Vivado: ./build.sh   (outputs in build/out/)
# Without Vivado on PATH it stops with exit status 3 and says what to install.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v vivado >/dev/null 2>&1; then
    echo "build.sh: vivado not found on PATH; install Vivado @@VIVADO_RANGE@@ with @@BOARD@@ board support, run 'source <Vivado dir>/settings64.sh', then re-run ./build.sh" >&2
    exit 3
fi

mkdir -p build
vivado -mode batch -nojournal -log build/vivado.log -source vivado/create_project.tcl
echo "build.sh: done; copy build/out/@@PROJECT@@.bit and build/out/@@PROJECT@@.hwh to the board next to host/pynq/accel_pynq.py"
