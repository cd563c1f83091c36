"""Generates the ZCU104 and U280 bundles with the accelgen CLI and runs the cocotb shell bench on each (Icarus).

Run from the repository root: .venv/bin/python -m pytest tests/cocotb
"""
import json
import os
import pathlib
import subprocess
import time

import pytest
from cocotb_tools.check_results import get_results
from cocotb_tools.runner import get_runner

ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def bundles(tmp_path_factory):
    out = {}
    base = tmp_path_factory.mktemp("bundles")
    for board in ("zcu104", "u280"):
        target = base / board
        subprocess.run([str(ROOT / "accelgen"), "generate", "builtin:gemm", "--board", board, "--out", str(target),
                        "--no-estimate"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        out[board] = target
    return out


@pytest.mark.parametrize("board", ["zcu104", "u280"])
def test_shell(board, bundles, tmp_path):
    bundle = bundles[board]
    golden = json.loads((bundle / "golden" / "golden.json").read_text())
    top = golden["kernel"]
    sources = [bundle / "rtl" / f for f in (bundle / "rtl" / (top + ".f")).read_text().split()]
    runner = get_runner("icarus")
    start = time.monotonic()
    runner.build(sources=sources, hdl_toplevel=top, build_dir=tmp_path / "build", timescale=("1ns", "1ps"),
                 always=True)
    results = runner.test(hdl_toplevel=top, test_module="shell_tb", build_dir=tmp_path / "build", test_dir=HERE,
                          extra_env={"BUNDLE_DIR": str(bundle), "COCOTB_LOG_LEVEL": "WARNING", "PYTHONWARNINGS": "ignore::DeprecationWarning", "PYTHONPATH": str(HERE) + os.pathsep
                                     + os.environ.get("PYTHONPATH", "")},
                          timescale=("1ns", "1ps"))
    elapsed = time.monotonic() - start
    tests, failures = get_results(results)
    print("%s: %d cocotb tests, %d failures, %.1f s" % (board, tests, failures, elapsed))
    assert tests == 4 and failures == 0
