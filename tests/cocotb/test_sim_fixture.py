"""cocotb (Icarus) runs of the sim module's hand-written fixtures against the vectors Java wrote.

stimulus.json / expected.json come from Java's StimulusFiles / TraceFiles and golden models
(CocotbVectorsTest keeps them current and proves Verilator agrees), so these tests hold Icarus to
the same cycle-exact trace as the Verilator harness.
"""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "sim" / "cocotb"))

import runner  # noqa: E402

RESOURCES = ROOT / "sim" / "src" / "test" / "resources"


def _paths(unit: str, top: str):
    return (RESOURCES / "fixtures" / unit / f"{top}.manifest.json",
            RESOURCES / "cocotb" / unit / "stimulus.json",
            RESOURCES / "cocotb" / unit / "expected.json")


@pytest.mark.parametrize("unit,top", [("mac", "mac_pipe"), ("memreq", "mem_requester"), ("wide", "wide_regs"),
                                      ("dma", "dma_copy")])
def test_fixture_matches_golden_trace(unit, top, tmp_path):
    manifest, stimulus, expected = _paths(unit, top)
    want = json.loads(expected.read_text())
    passed, message = runner.run(manifest, stimulus, expected, build_dir=tmp_path / "build")
    assert passed, message
    outputs = len(want["events"]) + sum(1 for w in want["writes"] if w["channel"] == "w")  # write beats are outputs
    assert message == (f"PASS outputs={outputs} rtl_cycles={want['total_cycles']} "
                       f"golden_cycles={want['total_cycles']}")


def test_wrong_expected_value_is_caught(tmp_path):
    manifest, stimulus, expected = _paths("mac", "mac_pipe")
    want = json.loads(expected.read_text())
    first = want["events"][0]
    right = int(first["values"]["out_acc"], 16)
    first["values"]["out_acc"] = f"0x{(right + 1) & 0xffffffff:x}"
    broken = tmp_path / "expected.json"
    broken.write_text(json.dumps(want))
    passed, message = runner.run(manifest, stimulus, broken, build_dir=tmp_path / "build")
    assert not passed
    signed = right - (1 << 32) if right >> 31 else right
    assert message == (f"FAIL first mismatch at cycle {first['cycle']} stream out port out_acc: "
                       f"expected {signed + 1} actual {signed} (seed 7)")


def test_late_expected_event_is_caught(tmp_path):
    manifest, stimulus, expected = _paths("mac", "mac_pipe")
    want = json.loads(expected.read_text())
    first = want["events"][0]
    first["cycle"] += 1
    broken = tmp_path / "expected.json"
    broken.write_text(json.dumps(want))
    passed, message = runner.run(manifest, stimulus, broken, build_dir=tmp_path / "build")
    assert not passed
    value = int(first["values"]["out_acc"], 16)
    value = value - (1 << 32) if value >> 31 else value
    assert message == (f"FAIL first mismatch at cycle {first['cycle'] - 1} stream out port out_acc: "
                       f"expected none actual {value} (seed 7)")


def test_wrong_expected_write_beat_is_caught(tmp_path):
    manifest, stimulus, expected = _paths("dma", "dma_copy")
    want = json.loads(expected.read_text())
    beat = next(w for w in want["writes"] if w["channel"] == "w")
    right = int(beat["data"], 16)
    beat["data"] = f"0x{right ^ 1:x}"
    broken = tmp_path / "expected.json"
    broken.write_text(json.dumps(want))
    passed, message = runner.run(manifest, stimulus, broken, build_dir=tmp_path / "build")
    assert not passed
    fields = f"addr={beat['addr']} data=0x{{:x}} strb={beat['strb']}"
    assert message == (f"FAIL first mismatch at cycle {beat['cycle']} memory mem w: expected {fields.format(right ^ 1)} "
                       f"actual {fields.format(right)} (seed 603)")


def test_wrong_expected_acceptance_is_caught(tmp_path):
    manifest, stimulus, expected = _paths("dma", "dma_copy")
    want = json.loads(expected.read_text())
    first = want["acceptances"][0]
    first["cycle"] += 1
    broken = tmp_path / "expected.json"
    broken.write_text(json.dumps(want))
    passed, message = runner.run(manifest, stimulus, broken, build_dir=tmp_path / "build")
    assert not passed
    assert message == (f"FAIL input beat 0 of stream job accepted at cycle {first['cycle'] - 1}, "
                       f"expected {first['cycle']} (seed 603)")
