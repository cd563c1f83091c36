"""A stand-in for the PYNQ library, just enough to run a generated accel_pynq.py off the board.

The overlay's accel_0 is a model of the accelerator's register map that computes C = A x B with numpy (an
implementation independent of accelgen's golden model) from the buffers whose physical addresses the driver
wrote. FAKE_PYNQ_MODE=wrong corrupts one output byte, to check that the driver reports a mismatch;
FAKE_PYNQ_MODE=status reports an AXI read error in the status word.
"""
import json
import os
import pathlib

import numpy as np

_buffers = {}
_next_address = [0x1_2340_0000]  # above 4 GiB: the driver must write the high address words


class PynqBuffer(np.ndarray):
    def flush(self):
        pass

    def invalidate(self):
        pass

    def freebuffer(self):
        _buffers.pop(self.physical_address, None)


def allocate(shape, dtype):
    buf = np.zeros(shape, dtype=dtype).view(PynqBuffer)
    buf.physical_address = _next_address[0]
    _next_address[0] += 0x10000
    _buffers[buf.physical_address] = buf
    return buf


class _Accelerator:
    def __init__(self):
        self.regs = {0x00: 0x4}
        self.params = json.loads(pathlib.Path(os.environ["FAKE_PYNQ_GOLDEN_JSON"]).read_text())

    def read(self, offset):
        value = self.regs.get(offset, 0)
        if offset == 0x00:
            self.regs[0x00] = value & ~0xA  # ap_done and ap_ready clear on read
        return value

    def write(self, offset, value):
        assert offset % 4 == 0 and 0 <= value < 1 << 32, (offset, value)
        self.regs[offset] = value
        if offset == 0x00 and value & 1:
            self._run()

    def _pointer(self, name):
        arg = next(a for a in self.params["args"] if a["name"] == name)
        return _buffers[self.regs[arg["offset"]] | self.regs[arg["offset"] + 4] << 32]

    def _run(self):
        p = self.params["params"]
        a = np.asarray(self._pointer("a")).view(np.int8).reshape(p["rows"], p["k"]).astype(np.int32)
        b = np.asarray(self._pointer("b")).view(np.int8).reshape(p["k"], p["cols"]).astype(np.int32)
        c = (a @ b).astype("<i4").tobytes()
        out = self._pointer("c")
        out[:] = np.frombuffer(c, dtype=np.uint8)
        if os.environ.get("FAKE_PYNQ_MODE") == "wrong":
            out[5] ^= 0x10
        if os.environ.get("FAKE_PYNQ_MODE") == "status":
            self.regs[self.params["status_offset"]] = 0x1
        self.regs[0x00] = 0x2 | 0x4 | 0x8


class Overlay:
    def __init__(self, bitstream):
        if not pathlib.Path(bitstream).exists():
            raise FileNotFoundError(bitstream)
        self.accel_0 = _Accelerator()
