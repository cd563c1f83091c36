"""Generates zoo:tiny-llama's bring-up bundle (ZCU104 and U280) with the accelgen CLI and runs its kernel top
through its AXI interfaces in Icarus (accel_bundle_tb.py): prefill and decode steps, outputs against golden files.

A separate command, outside run-tests.sh (about 40 s per board on an idle machine, several minutes on a busy one):
from the repository root, .venv/bin/python -m pytest -s tests/bundle_sim
"""
import json
import os
import pathlib
import subprocess
import sys
import time

import pytest
from cocotb_tools.check_results import get_results
from cocotb_tools.runner import get_runner

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
# cocotb's runner hands the simulator sys.path as its PYTHONPATH: the bench imports axi_master_bus from here.
sys.path.insert(0, str(ROOT / "tests" / "cocotb"))


@pytest.mark.parametrize("board", ["u280", "zcu104"])
def test_tiny_llama_bundle(board, tmp_path):
    bundle = tmp_path / "bundle"
    start = time.monotonic()
    subprocess.run([str(ROOT / "accelgen"), "generate", "zoo:tiny-llama", "--board", board, "--out", str(bundle),
                    "--prompt-len", "2", "--decode-steps", "1"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    generated = time.monotonic()
    top = json.loads((bundle / "golden" / "golden.json").read_text())["kernel"]
    sources = [bundle / "rtl" / f for f in (bundle / "rtl" / (top + "_sim.f")).read_text().split()]
    runner = get_runner("icarus")
    runner.build(sources=sources, hdl_toplevel=top, build_dir=tmp_path / "build", timescale=("1ns", "1ps"), always=True)
    results = runner.test(hdl_toplevel=top, test_module="accel_bundle_tb", build_dir=tmp_path / "build", test_dir=tmp_path,
                          extra_env={"BUNDLE_DIR": str(bundle), "COCOTB_LOG_LEVEL": "WARNING",
                                     "PYTHONWARNINGS": "ignore::DeprecationWarning",
                                     "PYTHONPATH": str(HERE) + os.pathsep + os.environ.get("PYTHONPATH", "")},
                          timescale=("1ns", "1ps"))
    print("%s: generate %.1f s, build and simulate %.1f s" % (board, generated - start, time.monotonic() - generated))
    assert get_results(results) == (1, 0)
