#!/usr/bin/env bash
@@HEADER@@
# Builds the xclbin with Vivado + Vitis: ./build.sh   (TARGET=hw_emu ./build.sh for hardware emulation)
# Without vivado or v++ on PATH it stops with exit status 3 and says what to install.
set -euo pipefail
cd "$(dirname "$0")"

PLATFORM=@@PLATFORM@@
TARGET=${TARGET:-hw}
for tool in vivado v++; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "build.sh: $tool not found on PATH; install Vitis @@VIVADO_RANGE@@ and the $PLATFORM platform, run 'source <Vitis dir>/settings64.sh' and 'source /opt/xilinx/xrt/setup.sh', then re-run ./build.sh" >&2
        exit 3
    fi
done

# Vitis release check (the Tcl scripts check Vivado's); ACCELGEN_SKIP_VERSION_CHECK=1 skips it.
release=$(v++ --version 2>/dev/null | grep -oE '20[0-9]{2}\.[0-9]' | head -n 1 || true)
if [ -z "${ACCELGEN_SKIP_VERSION_CHECK:-}" ]; then
    if [ -z "$release" ]; then
        echo "build.sh: cannot read the Vitis release from 'v++ --version'; set ACCELGEN_SKIP_VERSION_CHECK=1 to build anyway" >&2
        exit 3
    fi
    number=${release/./}
    if [ "$number" -lt @@MIN_NUMBER@@ ] || [ "$number" -gt @@MAX_NUMBER@@ ]; then
        echo "build.sh: Vitis $release is outside @@VIVADO_RANGE@@, the releases known to support @@BOARD@@; set ACCELGEN_SKIP_VERSION_CHECK=1 to try anyway" >&2
        exit 3
    fi
fi

mkdir -p build
vivado -mode batch -nojournal -log build/gen_xo.log -source vitis/gen_xo.tcl
v++ -l -t "$TARGET" --platform "$PLATFORM" --config vitis/link.cfg --kernel_frequency @@CLOCK_MHZ@@ \
    --temp_dir build/_x -o build/@@TOP@@.link.xclbin build/@@TOP@@.xo
v++ -p -t "$TARGET" --platform "$PLATFORM" --temp_dir build/_x -o build/@@TOP@@.xclbin build/@@TOP@@.link.xclbin
echo "build.sh: done; build/@@TOP@@.xclbin. Run: make -C host/xrt && (cd host/xrt && ./host_xrt)"
