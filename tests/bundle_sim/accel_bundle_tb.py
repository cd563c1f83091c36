"""cocotb bench for a compiled model's bundle top (Icarus): the accelerator kernel driven only through its AXI
interfaces. The AXI4-Lite master writes the buffer pointers, and per run the scalars and ap_start, then polls ap_done
and reads the status word; one AXI RAM model per m_axi_gmem<p> holds that port's image (weights/mem<p>.bin). After
the runs every output range must equal its golden file (golden.json "checks").

The bundle directory comes from BUNDLE_DIR (set by test_accel_bundle.py).
"""
import json
import os
import pathlib

import cocotb
from cocotb.clock import Clock
from cocotb.triggers import ClockCycles, RisingEdge
from cocotbext.axi import AxiLiteBus, AxiLiteMaster, AxiRam

from axi_master_bus import axi_bus

BUNDLE = pathlib.Path(os.environ["BUNDLE_DIR"])
GOLDEN = json.loads((BUNDLE / "golden" / "golden.json").read_text())
CTRL, GIE, IER, ISR = 0x00, 0x04, 0x08, 0x0C
AP_START, AP_DONE, AP_IDLE = 0x1, 0x2, 0x4
# Each port's image sits above 4 GiB, so the high pointer words matter; the RAM model sees the address modulo its size.
BASE = 0x1_0000_0000
MAX_CYCLES_PER_RUN = 2_000_000


def ram_size(nbytes):
    size = 4096
    while size < nbytes:
        size *= 2
    return size


@cocotb.test()
async def runs_the_model_through_its_axi_interfaces(dut):
    cocotb.start_soon(Clock(dut.ap_clk, 10, unit="ns").start())
    ctrl = AxiLiteMaster(AxiLiteBus.from_prefix(dut, "s_axi_control"), dut.ap_clk, dut.ap_rst_n, reset_active_level=False)
    rams = {}
    for arg in GOLDEN["args"]:
        ram = AxiRam(axi_bus(dut, arg["master"]), dut.ap_clk, dut.ap_rst_n, reset_active_level=False,
                     size=ram_size(arg["bytes"]))
        ram.write(0, (BUNDLE / arg["init"]).read_bytes())
        rams[arg["name"]] = ram
    dut.ap_rst_n.value = 0
    await ClockCycles(dut.ap_clk, 5)
    dut.ap_rst_n.value = 1
    await ClockCycles(dut.ap_clk, 2)

    assert await ctrl.read_dword(CTRL) & AP_IDLE, "idle after reset"
    for i, arg in enumerate(GOLDEN["args"]):
        base = BASE + i * 0x1000_0000
        await ctrl.write_dword(arg["offset"], base & 0xFFFFFFFF)
        await ctrl.write_dword(arg["offset"] + 4, base >> 32)
    await ctrl.write_dword(GIE, 1)
    await ctrl.write_dword(IER, 1)
    start = cocotb.utils.get_sim_time("ns")
    for run, values in enumerate(GOLDEN["runs"]):
        for scalar, value in zip(GOLDEN["scalars"], values):
            await ctrl.write_dword(scalar["offset"], value)
        assert dut.interrupt.value == 0, "run %d: interrupt before the start" % run
        await ctrl.write_dword(CTRL, AP_START)
        for _ in range(MAX_CYCLES_PER_RUN):
            await RisingEdge(dut.ap_clk)
            if dut.interrupt.value:
                break
        else:
            raise AssertionError("run %d: no interrupt within %d cycles" % (run, MAX_CYCLES_PER_RUN))
        control = await ctrl.read_dword(CTRL)
        assert control & AP_DONE and control & AP_IDLE, "run %d: control 0x%x after the interrupt" % (run, control)
        status = await ctrl.read_dword(GOLDEN["status_offset"])
        assert status == 0, "run %d: status word 0x%x" % (run, status)
        assert await ctrl.read_dword(ISR) == 1
        await ctrl.write_dword(ISR, 1)  # toggle the done bit off
        await ClockCycles(dut.ap_clk, 2)
        assert dut.interrupt.value == 0, "run %d: interrupt still high after clearing ISR" % run
    cycles = (cocotb.utils.get_sim_time("ns") - start) // 10
    dut._log.warning("%d runs in %d cycles (golden model: %s)", len(GOLDEN["runs"]), cycles, GOLDEN["workload"])
    for check in GOLDEN["checks"]:
        got = rams[check["arg"]].read(check["offset"], check["bytes"])
        want = (BUNDLE / check["path"]).read_bytes()
        if got != want:
            first = next(i for i in range(len(want)) if got[i] != want[i])
            raise AssertionError("%s differs from %s at byte %d: got 0x%02x expected 0x%02x"
                                 % (check["name"], check["path"], first, got[first], want[first]))
