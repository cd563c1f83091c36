@@HEADER@@
"""Runs the accelerator on a PYNQ image and checks its outputs against the golden files.

Usage (on the board, as root):  python3 accel_pynq.py [BITSTREAM] [BUNDLE_DIR]
BITSTREAM defaults to @@PROJECT@@.bit next to this file (its .hwh must sit beside it);
BUNDLE_DIR (where golden/ and weights/ are) defaults to ../.. . Plan: every buffer starts as its init file (or 0xA5
bytes for outputs); each run writes its scalars, starts the kernel, waits for ap_done and reads the status word
(0 = no error); then every check compares a buffer range with its golden file.
Exit status 0 when every run and every check passes, 1 otherwise.
"""
import pathlib
import sys
import time

import numpy as np
from pynq import Overlay, allocate

HERE = pathlib.Path(__file__).resolve().parent

# (argument, register offset, bytes, direction, initial contents or None) as in the kernel's register map.
ARGS = [
@@ARG_TABLE@@
]
# (scalar, register offset)
SCALARS = [@@SCALAR_TABLE@@]
# each run's scalar values, in SCALARS order
RUNS = [@@RUN_TABLE@@]
# (name, argument, byte offset, bytes, golden file)
CHECKS = [
@@CHECK_TABLE@@
]

REG_STATUS = 0x@@STATUS_OFFSET@@
AP_START = 0x1
AP_DONE = 0x2
AP_IDLE = 0x4
TIMEOUT_S = 5.0


def run(bitstream, bundle):
    overlay = Overlay(str(bitstream))
    ip = overlay.accel_0
    if not ip.read(0x00) & AP_IDLE:
        print("FAIL accelerator is not idle after loading the bitstream")
        return 1
    buffers = {}
    for name, offset, nbytes, _direction, init in ARGS:
        buf = allocate(shape=(nbytes,), dtype=np.uint8)
        if init is not None:
            data = np.fromfile(bundle / init, dtype=np.uint8)
            if data.size != nbytes:
                print("FAIL %s has %d bytes, expected %d" % (init, data.size, nbytes))
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
    for index, values in enumerate(RUNS):
        for (_scalar, offset), value in zip(SCALARS, values):
            ip.write(offset, value)
        run_start = time.monotonic()
        ip.write(0x00, AP_START)
        while not ip.read(0x00) & AP_DONE:
            if time.monotonic() - run_start > TIMEOUT_S:
                print("FAIL run %d: no ap_done within %.1f s (control=0x%08x)" % (index, TIMEOUT_S, ip.read(0x00)))
                return 1
        status = ip.read(REG_STATUS)
        if status != 0:
            print("FAIL run %d: status word 0x%08x (bit 0 AXI read error, bit 1 AXI write error, bit 2 illegal instruction)"
                  % (index, status))
            return 1
    elapsed_us = (time.monotonic() - start) * 1e6

    failures = 0
    for name, arg, offset, nbytes, path in CHECKS:
        buf = buffers[arg]
        buf.invalidate()
        expected = np.fromfile(bundle / path, dtype=np.uint8)
        got = np.array(buf[offset:offset + nbytes], dtype=np.uint8)
        if np.array_equal(got, expected):
            print("PASS %s %d bytes match %s" % (name, nbytes, pathlib.PurePosixPath(path).name))
        else:
            first = int(np.nonzero(got != expected)[0][0])
            print("FAIL %s byte %d: got 0x%02x expected 0x%02x" % (name, first, got[first], expected[first]))
            failures += 1
    print("run time %.0f us for %d run(s) (includes polling)" % (elapsed_us, len(RUNS)))
    for buf in buffers.values():
        buf.freebuffer()
    return 0 if failures == 0 else 1


def main(argv):
    bitstream = pathlib.Path(argv[1]) if len(argv) > 1 else HERE / "@@PROJECT@@.bit"
    bundle = pathlib.Path(argv[2]) if len(argv) > 2 else HERE.parent.parent
    return run(bitstream, bundle)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
