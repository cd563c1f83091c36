"""cocotb bench for accelgen kernel shells (Icarus): drives the AXI4-Lite register map, serves the AXI4 master
from an AXI RAM model and checks the outputs against the bundle's golden files.

The bundle directory comes from the BUNDLE_DIR environment variable (set by test_shells.py).
"""
import json
import os
import pathlib
import random

import cocotb
import cocotb.utils
from cocotb.clock import Clock
from cocotb.triggers import ClockCycles, RisingEdge, ReadOnly
from cocotbext.axi import AxiLiteBus, AxiLiteMaster, AxiRam

from axi_master_bus import axi_bus

BUNDLE = pathlib.Path(os.environ["BUNDLE_DIR"])
GOLDEN = json.loads((BUNDLE / "golden" / "golden.json").read_text())
PARAMS = GOLDEN["params"]
ARGS = GOLDEN["args"]

CTRL, GIE, IER, ISR = 0x00, 0x04, 0x08, 0x0C
AP_START, AP_DONE, AP_IDLE, AP_READY, AUTO_RESTART = 0x1, 0x2, 0x4, 0x8, 0x80
RAM_SIZE = 1 << 16


def golden(name):
    return (BUNDLE / "golden" / (name + ".bin")).read_bytes()


class Bench:
    def __init__(self, dut, seed=None):
        self.dut = dut
        cocotb.start_soon(Clock(dut.ap_clk, 10, unit="ns").start())
        self.ctrl = AxiLiteMaster(AxiLiteBus.from_prefix(dut, "s_axi_control"), dut.ap_clk, dut.ap_rst_n,
                                  reset_active_level=False)
        self.ram = AxiRam(axi_bus(dut, "m_axi_gmem"), dut.ap_clk, dut.ap_rst_n,
                          reset_active_level=False, size=RAM_SIZE)
        self.bursts = {"ar": [], "aw": []}
        self.max_reads_in_flight = 0
        self.max_writes_in_flight = 0
        if seed is not None:
            rng = random.Random(seed)
            dut._log.info("seed=%d", seed)

            def pauses():
                while True:
                    yield rng.random() < 0.4

            for ch in (self.ram.read_if.ar_channel, self.ram.read_if.r_channel, self.ram.write_if.aw_channel,
                       self.ram.write_if.w_channel, self.ram.write_if.b_channel):
                ch.set_pause_generator(pauses())

    async def reset(self):
        self.dut.ap_rst_n.value = 0
        await ClockCycles(self.dut.ap_clk, 5)
        self.dut.ap_rst_n.value = 1
        await ClockCycles(self.dut.ap_clk, 2)
        cocotb.start_soon(self.monitor())

    async def monitor(self):
        """Records every AR/AW burst and the bursts in flight, to check splitting and outstanding limits."""
        dut = self.dut
        reads = writes = 0
        while True:
            await RisingEdge(dut.ap_clk)
            await ReadOnly()
            if dut.m_axi_gmem_arvalid.value and dut.m_axi_gmem_arready.value:
                self.bursts["ar"].append((int(dut.m_axi_gmem_araddr.value), int(dut.m_axi_gmem_arlen.value) + 1))
                reads += 1
            if dut.m_axi_gmem_rvalid.value and dut.m_axi_gmem_rready.value and dut.m_axi_gmem_rlast.value:
                reads -= 1
            if dut.m_axi_gmem_awvalid.value and dut.m_axi_gmem_awready.value:
                self.bursts["aw"].append((int(dut.m_axi_gmem_awaddr.value), int(dut.m_axi_gmem_awlen.value) + 1))
                writes += 1
            if dut.m_axi_gmem_bvalid.value and dut.m_axi_gmem_bready.value:
                writes -= 1
            self.max_reads_in_flight = max(self.max_reads_in_flight, reads)
            self.max_writes_in_flight = max(self.max_writes_in_flight, writes)

    async def read(self, addr):
        return await self.ctrl.read_dword(addr)

    async def write(self, addr, value):
        await self.ctrl.write_dword(addr, value)

    async def place(self, bases):
        """Loads inputs (golden), poisons outputs, and writes every pointer (low and high word)."""
        for arg, base in zip(ARGS, bases):
            if arg["dir"] == "in":
                self.ram.write(base, golden(arg["name"]))
            else:
                self.ram.write(base, b"\xa5" * arg["bytes"])
            await self.write(arg["offset"], base & 0xFFFFFFFF)
            await self.write(arg["offset"] + 4, base >> 32)

    async def wait_done(self, limit=20000):
        for _ in range(limit):
            status = await self.read(CTRL)
            if status & AP_DONE:
                return status
        raise AssertionError("no ap_done after %d polls" % limit)

    def check_outputs(self, bases):
        for arg, base in zip(ARGS, bases):
            if arg["dir"] == "out":
                got = self.ram.read(base, arg["bytes"])
                assert got == golden(arg["name"]), "%s differs from %s.bin: got %s" % (arg["name"], arg["name"], got.hex())

    def check_bursts(self):
        for kind, bursts in self.bursts.items():
            for addr, beats in bursts:
                assert beats <= PARAMS["max_burst"], "%s burst of %d beats > %d" % (kind, beats, PARAMS["max_burst"])
                assert addr % WORD == 0, "%s burst at unaligned 0x%x" % (kind, addr)
                assert addr // 4096 == (addr + WORD * beats - 1) // 4096, \
                    "%s burst 0x%x+%d beats crosses a 4 KB boundary" % (kind, addr, beats)
        assert self.max_reads_in_flight <= PARAMS["max_outstanding"]
        assert self.max_writes_in_flight <= PARAMS["max_outstanding"]
        words = {arg["name"]: arg["bytes"] // WORD for arg in ARGS}
        if max(words.values()) > PARAMS["max_burst"]:
            assert any(beats == PARAMS["max_burst"] for _, beats in self.bursts["ar"] + self.bursts["aw"]), \
                "no burst reached the %d-beat limit: %s" % (PARAMS["max_burst"], self.bursts)


WORD = PARAMS["data_bits"] // 8  # bytes per bus beat: buffers are aligned to it


def spread_bases():
    """Buffers 4 KB apart, starting two bus words before a page end so the first bursts must split."""
    return [0x1000 * (i + 1) - 2 * WORD for i in range(len(ARGS))]


@cocotb.test()
async def registers_after_reset(dut):
    """ap_idle is set, nothing else; pointers read back; byte strobes and unaligned addresses behave."""
    tb = Bench(dut)
    await tb.reset()
    await ClockCycles(dut.ap_clk, 2)
    assert await tb.read(CTRL) == AP_IDLE
    assert await tb.read(GIE) == 0 and await tb.read(IER) == 0 and await tb.read(ISR) == 0
    assert await tb.read(PARAMS["status_offset"]) == 0
    for i, arg in enumerate(ARGS):
        await tb.write(arg["offset"], 0x11223344 + i)
        await tb.write(arg["offset"] + 4, 0x55667788 + i)
    for i, arg in enumerate(ARGS):
        assert await tb.read(arg["offset"]) == 0x11223344 + i
        assert await tb.read(arg["offset"] + 4) == 0x55667788 + i
    await tb.ctrl.write(ARGS[0]["offset"] + 1, b"\xab")  # one byte lane
    assert await tb.read(ARGS[0]["offset"]) == 0x1122AB44
    assert await tb.read(ARGS[0]["offset"] + 8) == 0  # the reserved word
    assert dut.interrupt.value == 0


@cocotb.test()
async def run_once_with_interrupt(dut):
    """start, poll done/idle, interrupt raised and cleared, outputs equal the golden files."""
    tb = Bench(dut)
    await tb.reset()
    bases = spread_bases()
    await tb.place(bases)
    await tb.write(GIE, 1)
    await tb.write(IER, 1)
    await tb.write(CTRL, AP_START)
    started = cocotb.utils.get_sim_time("ns")
    status = await tb.read(CTRL)
    assert not status & AP_IDLE, "busy after start: 0x%x" % status
    status = await tb.wait_done()
    latency = int((cocotb.utils.get_sim_time("ns") - started) / 10)
    assert status & AP_READY, "done without ready: 0x%x" % status
    assert not status & AP_START, "ap_start must clear when the kernel is ready"
    assert await tb.read(CTRL) == AP_IDLE, "idle after done; ap_done and ap_ready clear on read"
    assert dut.interrupt.value == 1
    assert await tb.read(ISR) == 1
    await tb.write(ISR, 1)  # toggle-on-write clears it
    await ClockCycles(dut.ap_clk, 1)
    assert await tb.read(ISR) == 0
    assert dut.interrupt.value == 0
    assert await tb.read(PARAMS["status_offset"]) == 0
    tb.check_outputs(bases)
    tb.check_bursts()
    first_beats = min(2, PARAMS["max_burst"], ARGS[0]["bytes"] // WORD)  # two words to the page end
    assert tb.bursts["ar"][0] == (bases[0], first_beats), tb.bursts["ar"]
    if len(tb.bursts["ar"]) > 2 * PARAMS["max_outstanding"]:
        assert tb.max_reads_in_flight == PARAMS["max_outstanding"], "outstanding limit never reached"
    print("start to done seen by polling: %d cycles; bursts: AR %s AW %s; in flight: %d reads, %d writes"
          % (latency, tb.bursts["ar"], tb.bursts["aw"], tb.max_reads_in_flight, tb.max_writes_in_flight))


@cocotb.test()
async def back_pressure_and_restart(dut):
    """Random stalls on every AXI channel (seeded); a second run over fresh output buffers; irq stays low when disabled."""
    seed = int(os.environ.get("SHELL_SEED", "12345"))
    tb = Bench(dut, seed=seed)
    await tb.reset()
    for run, bases in enumerate(([0x3000, 0x5000 - WORD, 0x7000 - 3 * WORD], [0x9000 + 2 * WORD, 0xB000, 0xD000 - 5 * WORD])):
        await tb.place(bases[:len(ARGS)])
        await tb.write(CTRL, AP_START)
        await tb.wait_done()
        tb.check_outputs(bases[:len(ARGS)])
        assert dut.interrupt.value == 0, "interrupt with GIE off (run %d)" % run
    tb.check_bursts()


@cocotb.test()
async def auto_restart_runs_again(dut):
    """With auto_restart the kernel starts again by itself until auto_restart is cleared."""
    tb = Bench(dut)
    await tb.reset()
    bases = spread_bases()
    await tb.place(bases)
    await tb.write(CTRL, AP_START | AUTO_RESTART)
    await tb.wait_done()
    status = await tb.read(CTRL)
    assert status & AUTO_RESTART and status & AP_START, "restarted: 0x%x" % status
    await tb.write(CTRL, 0)  # clear auto_restart; the running pass finishes
    await tb.wait_done()
    for _ in range(2000):
        if (await tb.read(CTRL)) & AP_IDLE:
            break
    assert (await tb.read(CTRL)) & (AP_IDLE | AP_START) == AP_IDLE
    tb.check_outputs(bases)
