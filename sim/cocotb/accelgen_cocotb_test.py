"""cocotb test module run by runner.py: one test that plays the stimulus named by the environment."""

import cocotb

import accelgen_tb


@cocotb.test()
async def stimulus_matches_expected(dut):
    await accelgen_tb.run_from_env(dut)
