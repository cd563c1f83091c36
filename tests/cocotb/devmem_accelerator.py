"""A model of the accelerator behind /dev/mem, for running a generated accel_host.c off the board.

The C driver is built with ACCEL_DEVMEM_PATH pointing at a sparse file that stands for physical memory. This
process maps the same file, waits for ap_start in the control registers, computes C = A x B with numpy from the
buffers whose addresses the driver wrote (independently of accelgen's golden model) and sets ap_done/ap_idle.
MODE "status" also reports an AXI write error in the status word (bit 1), which the driver must notice.
Usage: python devmem_accelerator.py MEMFILE GOLDEN_JSON CTRL_BASE [MODE]
"""
import json
import mmap
import struct
import sys
import time

import numpy as np


def main(memfile, golden_json, ctrl_base, mode="ok"):
    params = json.loads(open(golden_json).read())
    with open(memfile, "r+b") as f:
        ctrl = mmap.mmap(f.fileno(), 0x10000, offset=ctrl_base)

        def reg(offset):
            return struct.unpack_from("<I", ctrl, offset)[0]

        def pointer(name):
            arg = next(a for a in params["args"] if a["name"] == name)
            return reg(arg["offset"]) | reg(arg["offset"] + 4) << 32, arg["bytes"]

        struct.pack_into("<I", ctrl, 0, 0x4)  # idle
        deadline = time.monotonic() + 20
        while not reg(0) & 1:
            if time.monotonic() > deadline:
                return 1
            time.sleep(0.001)
        p = params["params"]
        spans = {name: pointer(name) for name in ("a", "b", "c")}
        base = min(addr for addr, _ in spans.values()) & ~0xFFF
        end = max(addr + n for addr, n in spans.values())
        mem = mmap.mmap(f.fileno(), (end - base + 0xFFF) & ~0xFFF, offset=base)

        def load(name):
            addr, n = spans[name]
            return np.frombuffer(mem[addr - base:addr - base + n], dtype=np.int8).astype(np.int32)

        c = (load("a").reshape(p["rows"], p["k"]) @ load("b").reshape(p["k"], p["cols"])).astype("<i4").tobytes()
        addr, n = spans["c"]
        mem[addr - base:addr - base + n] = c
        mem.flush()
        if mode == "status":
            struct.pack_into("<I", ctrl, params["status_offset"], 0x2)
        struct.pack_into("<I", ctrl, 0, 0x2 | 0x4 | 0x8)
        ctrl.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3], 0), *sys.argv[4:]))
