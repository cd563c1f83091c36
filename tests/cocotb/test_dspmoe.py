"""cocotb (Icarus) runs of a sparse int8x2 DSP48E2 chain (with the DSP48E2 behavioural model) and an MoE
layer (router, token queues, engine with its AXI4-style read memory), against the golden-model vectors Java wrote.

The units and vectors in tests/cocotb/dspmoe are generated; DspMoeCocotbVectorsTest (pe-library) keeps them
identical to the generators' current output and proves Verilator agrees with the same vectors.
"""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "sim" / "cocotb"))

import runner  # noqa: E402

UNITS = Path(__file__).resolve().parent / "dspmoe"


@pytest.mark.parametrize("top", ["dsp_chain_l4_int8x2_s2of4", "moe_layer_e4_k2_t4_r2_c2_d4_l9_b1"])
def test_unit_matches_golden_trace(top, tmp_path):
    unit = UNITS / top
    want = json.loads((unit / "expected.json").read_text())
    passed, message = runner.run(unit / f"{top}.manifest.json", unit / "stimulus.json", unit / "expected.json",
                                 build_dir=tmp_path / "build")
    assert passed, message
    assert message == (f"PASS outputs={len(want['events'])} rtl_cycles={want['total_cycles']} "
                       f"golden_cycles={want['total_cycles']}")


def test_corrupted_chain_result_is_caught(tmp_path):
    top = "dsp_chain_l4_int8x2_s2of4"
    unit = UNITS / top
    want = json.loads((unit / "expected.json").read_text())
    first = want["events"][0]
    first["values"]["y_1"] = f"0x{(int(first['values']['y_1'], 16) + 1) & 0xffffffff:x}"
    broken = tmp_path / "expected.json"
    broken.write_text(json.dumps(want))
    passed, message = runner.run(unit / f"{top}.manifest.json", unit / "stimulus.json", broken,
                                 build_dir=tmp_path / "build")
    assert not passed
    assert message.startswith(f"FAIL first mismatch at cycle {first['cycle']} stream out port y_1: ")
