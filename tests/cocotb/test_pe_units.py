"""cocotb (Icarus) runs of generated pe-library units against the vectors Java wrote.

The RTL, manifest, stimulus.json and expected.json under pe-library/src/test/resources/cocotb/<unit>/
come from the generators and golden models (PeCocotbVectorsTest keeps them current and proves
Verilator agrees), so Icarus is held to the same bit- and cycle-exact trace. The ternary unit runs the
hand-mapped LUT6_2/CARRY4 lanes through their behavioural models; the MixPE unit is W4 x fp16 with
block-floating-point alignment and two output columns.
"""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "sim" / "cocotb"))

import runner  # noqa: E402

RESOURCES = ROOT / "pe-library" / "src" / "test" / "resources" / "cocotb"


@pytest.mark.parametrize("unit,top", [("ternary", "ternary_l7_a8_base3"), ("mixpe", "mixpe_w4_fp16_g2_l4_c2")])
def test_unit_matches_golden_trace(unit, top, tmp_path):
    base = RESOURCES / unit
    want = json.loads((base / "expected.json").read_text())
    passed, message = runner.run(base / "rtl" / f"{top}.manifest.json", base / "stimulus.json",
                                 base / "expected.json", build_dir=tmp_path / "build")
    assert passed, message
    assert message == (f"PASS outputs={len(want['events'])} rtl_cycles={want['total_cycles']} "
                       f"golden_cycles={want['total_cycles']}")


def test_corrupted_ternary_sum_is_caught(tmp_path):
    base = RESOURCES / "ternary"
    want = json.loads((base / "expected.json").read_text())
    first = want["events"][0]
    first["values"]["out"] = f"0x{(int(first['values']['out'], 16) + 1) & 0xffffffff:x}"
    broken = tmp_path / "expected.json"
    broken.write_text(json.dumps(want))
    passed, message = runner.run(base / "rtl" / "ternary_l7_a8_base3.manifest.json", base / "stimulus.json",
                                 broken, build_dir=tmp_path / "build")
    assert not passed
    assert message.startswith(f"FAIL first mismatch at cycle {first['cycle']} stream out port out:")
