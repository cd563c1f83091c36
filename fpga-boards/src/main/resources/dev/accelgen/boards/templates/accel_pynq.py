@@HEADER@@
"""Runs the accelerator once on a PYNQ image and checks its outputs against the golden files.

Usage (on the board, as root):  python3 accel_pynq.py [BITSTREAM] [GOLDEN_DIR]
BITSTREAM defaults to @@PROJECT@@.bit next to this file (its .hwh must sit beside it);
GOLDEN_DIR defaults to ../../golden. Exit status 0 when every output matches, 1 otherwise.
"""
import pathlib
import sys
import time

import numpy as np
from pynq import Overlay, allocate

HERE = pathlib.Path(__file__).resolve().parent

# (argument, register offset, bytes, direction) as in the kernel's register map.
ARGS = [
@@ARG_TABLE@@
]

AP_START = 0x1
AP_DONE = 0x2
AP_IDLE = 0x4
TIMEOUT_S = 5.0


def run(bitstream, golden_dir):
    overlay = Overlay(str(bitstream))
    ip = overlay.accel_0
    if not ip.read(0x00) & AP_IDLE:
        print("FAIL accelerator is not idle after loading the bitstream")
        return 1
    buffers = {}
    for name, offset, nbytes, direction in ARGS:
        buf = allocate(shape=(nbytes,), dtype=np.uint8)
        if direction == "in":
            data = np.fromfile(golden_dir / (name + ".bin"), dtype=np.uint8)
            if data.size != nbytes:
                print("FAIL %s.bin has %d bytes, expected %d" % (name, data.size, nbytes))
                return 1
            buf[:] = data
        else:
            buf[:] = 0xA5  # a value the accelerator must overwrite
        buf.flush()
        address = buf.physical_address
        ip.write(offset, address & 0xFFFFFFFF)
        ip.write(offset + 4, (address >> 32) & 0xFFFFFFFF)
        buffers[name] = buf

    start = time.monotonic()
    ip.write(0x00, AP_START)
    while not ip.read(0x00) & AP_DONE:
        if time.monotonic() - start > TIMEOUT_S:
            print("FAIL no ap_done within %.1f s (control=0x%08x)" % (TIMEOUT_S, ip.read(0x00)))
            return 1
    elapsed_us = (time.monotonic() - start) * 1e6

    failures = 0
    for name, _offset, nbytes, direction in ARGS:
        if direction != "out":
            continue
        buf = buffers[name]
        buf.invalidate()
        expected = np.fromfile(golden_dir / (name + ".bin"), dtype=np.uint8)
        got = np.array(buf, dtype=np.uint8)
        if np.array_equal(got, expected):
            print("PASS %s %d bytes match %s.bin" % (name, nbytes, name))
        else:
            first = int(np.nonzero(got != expected)[0][0])
            print("FAIL %s byte %d: got 0x%02x expected 0x%02x" % (name, first, got[first], expected[first]))
            failures += 1
    print("run time %.0f us (includes polling)" % elapsed_us)
    for buf in buffers.values():
        buf.freebuffer()
    return 0 if failures == 0 else 1


def main(argv):
    bitstream = pathlib.Path(argv[1]) if len(argv) > 1 else HERE / "@@PROJECT@@.bit"
    golden_dir = pathlib.Path(argv[2]) if len(argv) > 2 else HERE.parent.parent / "golden"
    return run(bitstream, golden_dir)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
