"""Generates the ZCU104 and U280 bundles with the accelgen CLI and runs the cocotb shell bench on each (Icarus).

Run from the repository root: .venv/bin/python -m pytest tests/cocotb
"""
import json
import os
import pathlib
import time

import pytest
from cocotb_tools.check_results import get_results
from cocotb_tools.runner import get_runner
from conftest import SHELL_VARIANTS

HERE = pathlib.Path(__file__).resolve().parent


@pytest.mark.parametrize("variant", SHELL_VARIANTS)
def test_shell(variant, bundles, tmp_path):
    bundle = bundles[variant]
    golden = json.loads((bundle / "golden" / "golden.json").read_text())
    top = golden["kernel"]
    sources = [bundle / "rtl" / f for f in (bundle / "rtl" / (top + ".f")).read_text().split()]
    runner = get_runner("icarus")
    start = time.monotonic()
    runner.build(sources=sources, hdl_toplevel=top, build_dir=tmp_path / "build", timescale=("1ns", "1ps"),
                 always=True)
    results = runner.test(hdl_toplevel=top, test_module="shell_tb", build_dir=tmp_path / "build", test_dir=tmp_path,
                          extra_env={"BUNDLE_DIR": str(bundle), "COCOTB_LOG_LEVEL": "WARNING", "PYTHONWARNINGS": "ignore::DeprecationWarning", "PYTHONPATH": str(HERE) + os.pathsep
                                     + os.environ.get("PYTHONPATH", "")},
                          timescale=("1ns", "1ps"))
    elapsed = time.monotonic() - start
    tests, failures = get_results(results)
    print("%s: %d cocotb tests, %d failures, %.1f s" % (variant, tests, failures, elapsed))
    assert tests == 4 and failures == 0


def test_zcu104_status_leds(bundles, tmp_path):
    bundle = bundles["zcu104"]
    leds = sorted(p for p in (bundle / "rtl").glob("status_leds_*.v"))
    assert len(leds) == 1
    top = leds[0].stem
    runner = get_runner("icarus")
    runner.build(sources=leds, hdl_toplevel=top, build_dir=tmp_path / "build", timescale=("1ns", "1ps"), always=True)
    results = runner.test(hdl_toplevel=top, test_module="status_leds_tb", build_dir=tmp_path / "build", test_dir=tmp_path,
                          extra_env={"COCOTB_LOG_LEVEL": "WARNING", "PYTHONWARNINGS": "ignore::DeprecationWarning",
                                     "PYTHONPATH": str(HERE) + os.pathsep + os.environ.get("PYTHONPATH", "")},
                          timescale=("1ns", "1ps"))
    assert get_results(results) == (1, 0)
