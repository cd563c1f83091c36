"""Runs an accelgen unit under cocotb + Icarus from its manifest, a stimulus.json and an expected.json.

    .venv/bin/python sim/cocotb/runner.py --manifest DIR/top.manifest.json \
        --stimulus stimulus.json --expected expected.json [--actual actual.json] [--build-dir DIR]

Exit status 0 on PASS, 1 on FAIL (the mismatch is printed), 2 on bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cocotb_tools.runner import get_results, get_runner

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import accelgen_tb  # noqa: E402


def run(manifest: Path, stimulus: Path, expected: Path | None, actual: Path | None = None,
        build_dir: Path | None = None) -> tuple[bool, str]:
    """Builds the unit with Icarus and plays the stimulus; returns (passed, message)."""
    manifest = Path(manifest).resolve()
    m = accelgen_tb.Manifest.load(manifest)
    build_dir = Path(build_dir or manifest.parent / "sim_build" / m.top).resolve()
    build_dir.mkdir(parents=True, exist_ok=True)
    actual = Path(actual).resolve() if actual else build_dir / "actual.json"
    runner = get_runner("icarus")
    runner.build(sources=[str(f) for f in m.files], hdl_toplevel=m.top, build_dir=build_dir,
                 timescale=("1ns", "1ps"), always=True)
    env = {"ACCELGEN_MANIFEST": str(manifest), "ACCELGEN_STIMULUS": str(Path(stimulus).resolve()),
           "ACCELGEN_ACTUAL": str(actual), "PYTHONPATH": str(HERE)}
    if expected:
        env["ACCELGEN_EXPECTED"] = str(Path(expected).resolve())
    results = build_dir / "results.xml"
    results.unlink(missing_ok=True)
    try:
        runner.test(test_module="accelgen_cocotb_test", hdl_toplevel=m.top, build_dir=build_dir,
                    test_dir=build_dir, extra_env=env, timescale=("1ns", "1ps"), results_xml=str(results))
    except SystemExit:
        pass  # cocotb_tools exits on a failed test; the verdict is read from results.xml below
    if not results.is_file():
        return False, f"FAIL the simulation of {m.top} produced no results ({results})"
    _, failed = get_results(results)
    message = _failure_message(results) if failed else _pass_line(actual, expected)
    return failed == 0, message


def _pass_line(actual: Path, expected: Path | None) -> str:
    got = json.loads(actual.read_text())
    outputs = len(got["events"]) + sum(1 for w in got.get("writes", []) if w["channel"] == "w")
    line = f"PASS outputs={outputs} rtl_cycles={got['total_cycles']}"
    if expected:
        line += f" golden_cycles={json.loads(Path(expected).read_text())['total_cycles']}"
    return line


def _failure_message(results_xml: Path) -> str:
    import xml.etree.ElementTree as ET

    for failure in ET.parse(results_xml).iter("failure"):
        text = (failure.get("message") or "") + "\n" + (failure.text or "")
        for line in text.splitlines():
            if "FAIL " in line:
                return line[line.index("FAIL "):].strip()
        return text.strip()
    return "FAIL (no failure message in results.xml)"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--manifest", required=True, type=Path)
    p.add_argument("--stimulus", required=True, type=Path)
    p.add_argument("--expected", type=Path)
    p.add_argument("--actual", type=Path)
    p.add_argument("--build-dir", type=Path)
    a = p.parse_args(argv)
    for f in (a.manifest, a.stimulus) + ((a.expected,) if a.expected else ()):
        if not f.is_file():
            print(f"runner: {f} does not exist; pass an existing file", file=sys.stderr)
            return 2
    passed, message = run(a.manifest, a.stimulus, a.expected, a.actual, a.build_dir)
    print(message)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
