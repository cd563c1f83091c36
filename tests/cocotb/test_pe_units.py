"""cocotb (Icarus) runs of generated pe-library units against their golden-model vectors.

The units, stimulus.json and expected.json are generated at session start by `accelgen pe vectors` (conftest.py),
from the generators and golden models as they are now, so Icarus is held to the same bit- and cycle-exact trace
as the Verilator harness.
"""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "sim" / "cocotb"))

import runner  # noqa: E402

from conftest import UNITS  # noqa: E402


def _run(unit_dir, top, expected, tmp_path):
    return runner.run(unit_dir / "rtl" / f"{top}.manifest.json", unit_dir / "stimulus.json", expected,
                      build_dir=tmp_path / "build")


@pytest.mark.parametrize("top", list(UNITS))
def test_unit_matches_golden_trace(units, top, tmp_path):
    want = json.loads((units[top] / "expected.json").read_text())
    passed, message = _run(units[top], top, units[top] / "expected.json", tmp_path)
    assert passed, message
    assert message == (f"PASS outputs={len(want['events'])} rtl_cycles={want['total_cycles']} "
                       f"golden_cycles={want['total_cycles']}")


@pytest.mark.parametrize("top,port", [("ternary_l7_a8_base3", "out"), ("dsp_chain_l4_int8x2_s2of4", "y_1")])
def test_corrupted_result_is_caught(units, top, port, tmp_path):
    want = json.loads((units[top] / "expected.json").read_text())
    first = want["events"][0]
    first["values"][port] = f"0x{(int(first['values'][port], 16) + 1) & 0xffffffff:x}"
    broken = tmp_path / "expected.json"
    broken.write_text(json.dumps(want))
    passed, message = _run(units[top], top, broken, tmp_path)
    assert not passed
    assert message.startswith(f"FAIL first mismatch at cycle {first['cycle']} stream out port {port}:")
