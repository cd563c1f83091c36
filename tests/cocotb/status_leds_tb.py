"""cocotb bench for the ZCU104 status-LED module (BUNDLE_DIR and LEDS_TOP from test_shells.py)."""
import cocotb
from cocotb.clock import Clock
from cocotb.triggers import ClockCycles, ReadOnly, RisingEdge


def led(dut, i):
    return (int(dut.led.value) >> i) & 1


@cocotb.test()
async def leds_follow_reset_interrupt_and_heartbeat(dut):
    cocotb.start_soon(Clock(dut.ap_clk, 10, unit="ns").start())
    dut.irq.value = 0
    dut.ap_rst_n.value = 0
    await ClockCycles(dut.ap_clk, 3)
    await ReadOnly()
    assert int(dut.led.value) == 0, "all LEDs off in reset"
    await RisingEdge(dut.ap_clk)
    dut.ap_rst_n.value = 1
    await ClockCycles(dut.ap_clk, 2)
    await ReadOnly()
    assert led(dut, 1) == 1 and led(dut, 2) == 0 and led(dut, 3) == 0
    await RisingEdge(dut.ap_clk)
    dut.irq.value = 1
    await ClockCycles(dut.ap_clk, 2)
    await ReadOnly()
    assert led(dut, 2) == 1 and led(dut, 3) == 1, "interrupt shown (one register stage)"
    await RisingEdge(dut.ap_clk)
    dut.irq.value = 0
    await ClockCycles(dut.ap_clk, 2)
    await ReadOnly()
    assert led(dut, 2) == 0 and led(dut, 3) == 1, "irq_seen is sticky"
    # Heartbeat: the top counter bit drives led[0]; jump the counter to just before it flips.
    await RisingEdge(dut.ap_clk)
    width = len(dut.heartbeat.value)
    dut.heartbeat.value = (1 << (width - 1)) - 2
    await ClockCycles(dut.ap_clk, 1)
    await ReadOnly()
    assert led(dut, 0) == 0
    await ClockCycles(dut.ap_clk, 2)
    await ReadOnly()
    assert led(dut, 0) == 1, "heartbeat toggles when the counter's top bit sets"
