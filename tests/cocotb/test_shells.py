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
    for name, (board, extra) in VARIANTS.items():
        target = base / name
        subprocess.run([str(ROOT / "accelgen"), "generate", "builtin:gemm", "--board", board, "--out", str(target),
                        "--no-estimate"] + extra, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        out[name] = target
    return out


# Each board's default shell, and a ZCU104 shell with tiny burst and outstanding limits so that bursts split on
# the limit (not only at 4 KB boundaries) and the outstanding limit is reached.
VARIANTS = {
    "zcu104": ("zcu104", []),
    "u280": ("u280", []),
    "zcu104_narrow": ("zcu104", ["--k", "16", "--max-burst", "2", "--max-outstanding", "2"]),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_shell(variant, bundles, tmp_path):
    bundle = bundles[variant]
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
    print("%s: %d cocotb tests, %d failures, %.1f s" % (variant, tests, failures, elapsed))
    assert tests == 4 and failures == 0


def test_zcu104_status_leds(bundles, tmp_path):
    bundle = bundles["zcu104"]
    leds = sorted(p for p in (bundle / "rtl").glob("status_leds_*.v"))
    assert len(leds) == 1
    top = leds[0].stem
    runner = get_runner("icarus")
    runner.build(sources=leds, hdl_toplevel=top, build_dir=tmp_path / "build", timescale=("1ns", "1ps"), always=True)
    results = runner.test(hdl_toplevel=top, test_module="status_leds_tb", build_dir=tmp_path / "build", test_dir=HERE,
                          extra_env={"COCOTB_LOG_LEVEL": "WARNING", "PYTHONWARNINGS": "ignore::DeprecationWarning",
                                     "PYTHONPATH": str(HERE) + os.pathsep + os.environ.get("PYTHONPATH", "")},
                          timescale=("1ns", "1ps"))
    assert get_results(results) == (1, 0)
