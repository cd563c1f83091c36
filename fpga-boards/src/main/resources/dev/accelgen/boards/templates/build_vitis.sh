#!/usr/bin/env bash
@@HEADER@@
# Builds the xclbin with Vivado + Vitis: ./build.sh   (TARGET=hw_emu ./build.sh for hardware emulation)
# Without vivado or v++ on PATH it stops with exit status 3 and says what to install.
# Alveo flow: v++ -l writes the final xclbin (no v++ -p packaging step, which is for embedded platforms).
set -euo pipefail
cd "$(dirname "$0")"

PLATFORM=@@PLATFORM@@
TARGET=${TARGET:-hw}
case "$TARGET" in
    hw) xclbin=build/@@TOP@@.xclbin; tools="vivado v++" ;;
    hw_emu) xclbin=build/@@TOP@@.hw_emu.xclbin; tools="vivado v++ emconfigutil" ;;
    *) echo "build.sh: TARGET=$TARGET is not supported; use hw or hw_emu" >&2; exit 2 ;;
esac
for tool in $tools; do
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
    --temp_dir "build/_x.$TARGET" -o "$xclbin" build/@@TOP@@.xo
if [ "$TARGET" = hw_emu ]; then
    # XRT reads the emulated device from emconfig.json (next to the host program or in XCL_EMCONFIG_PATH).
    emconfigutil --platform "$PLATFORM" --od build
    echo "build.sh: done; $xclbin. Run: make -C host/xrt && (cd host/xrt && XCL_EMULATION_MODE=hw_emu XCL_EMCONFIG_PATH=../../build ./host_xrt ../../$xclbin)"
else
    echo "build.sh: done; $xclbin. Run: make -C host/xrt && (cd host/xrt && ./host_xrt)"
fi
