"""Reusable cocotb testbench for accelgen units.

Reads a unit's ``<top>.manifest.json`` (format in HELPERS.md, plus optional ``read_memories``),
drives its input streams from ``stimulus.json`` (written by Java's ``StimulusFiles``), records every
output event with its cycle, and compares the result exactly (values and cycles) with
``expected.json`` (written by Java's ``TraceFiles`` from a golden model).

The cycle convention is the one of the Verilator harness (HELPERS.md): reset is held for
``reset_cycles`` rising edges; cycle 0 is the first rising edge after reset is released. In each
cycle the bench drives inputs after the falling edge, samples handshakes and output events in the
low phase (after the inputs settled, before the rising edge), then lets the rising edge happen.
Output-stream ready and AR ready are always high; read memories follow the timing of Java's
``ReadMemoryModel``.
"""

from __future__ import annotations

import json
import os
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

import cocotb
from cocotb.clock import Clock
from cocotb.triggers import FallingEdge, ReadOnly, RisingEdge, Timer

CLOCK_PERIOD_NS = 10


def _hex(value: str) -> int:
    return int(value, 16)


@dataclass
class Manifest:
    top: str
    clock: str
    reset: dict | None
    ports: dict[str, dict]
    streams: list[dict]
    read_memories: list[dict]
    files: list[Path]

    @staticmethod
    def load(path: str | os.PathLike) -> "Manifest":
        path = Path(path)
        m = json.loads(path.read_text())
        ports = {p["name"]: p for p in m["ports"]}
        files = [path.parent / f for f in m["files"] + m.get("sim_files", [])]
        return Manifest(m["top"], m["clock"]["name"], m.get("reset"), ports, m["streams"],
                        m.get("read_memories", []), files)

    def input_streams(self) -> list[dict]:
        return [s for s in self.streams if s["direction"] == "in"]

    def output_streams(self) -> list[dict]:
        return [s for s in self.streams if s["direction"] == "out"]

    def static_inputs(self) -> list[str]:
        handled = {self.clock}
        if self.reset:
            handled.add(self.reset["name"])
        for s in self.streams:
            handled.update([s["valid"], *s["data"]] + ([s["ready"]] if s.get("ready") else []))
        for m in self.read_memories:
            handled.update([m["ar_ready"], m["r_valid"], m["r_data"], m["r_last"]])
        return [n for n, p in self.ports.items() if p["direction"] == "in" and n not in handled]

    def mask(self, port: str, value: int) -> int:
        return value & ((1 << self.ports[port]["width"]) - 1)

    def show(self, port: str, bits: int) -> str:
        """Like Java's TraceComparator: signed/unsigned decimal up to 64 bits, hex beyond."""
        p = self.ports[port]
        if p["width"] > 64:
            return f"0x{bits:x}"
        if p.get("signed") and bits >> (p["width"] - 1):
            bits -= 1 << p["width"]
        return str(bits)


@dataclass
class InStream:
    spec: dict
    beats: list[dict]
    next: int = 0
    present_at: int = 0

    def __post_init__(self):
        if self.beats:
            self.present_at = self.beats[0]["idle"]

    def valid(self, cycle: int) -> bool:
        return self.next < len(self.beats) and cycle >= self.present_at

    def accept(self, cycle: int) -> None:
        self.next += 1
        if self.next < len(self.beats):
            self.present_at = cycle + 1 + self.beats[self.next]["idle"]


@dataclass
class ReadMemory:
    """Same rules as dev.accelgen.sim.ReadMemoryModel: AR always ready; the head beat is valid from
    max(accept_cycle + latency, previous_beat_accept + ceil(data_bytes / bytes_per_cycle))."""

    spec: dict
    latency: int
    beat_cycles: int
    words: list[int]
    queue: deque = field(default_factory=deque)
    last_accept: int = -(1 << 60)

    def request(self, cycle: int, addr: int, length: int) -> None:
        first = addr // self.spec["data_bytes"]
        for k in range(length + 1):
            idx = first + k
            word = self.words[idx] if idx < len(self.words) else 0
            self.queue.append((cycle + self.latency, word, k == length))

    def beat_at(self, cycle: int):
        if not self.queue:
            return None
        earliest, word, last = self.queue[0]
        return (word, last) if cycle >= max(earliest, self.last_accept + self.beat_cycles) else None

    def accept(self, cycle: int) -> None:
        self.queue.popleft()
        self.last_accept = cycle


def _read(handle) -> int:
    value = handle.value
    if hasattr(value, "is_resolvable") and not value.is_resolvable:
        raise AssertionError(f"FAIL port {handle._name} is {value} (X/Z) when sampled; reset or drive it")
    return value.to_unsigned() if hasattr(value, "to_unsigned") else int(value)


@dataclass
class RunResult:
    events: list[dict]
    total_cycles: int
    cycles_run: int
    timed_out: bool


async def run_stimulus(dut, manifest: Manifest, stimulus: dict) -> RunResult:
    """Drives one stimulus into the unit and returns its output events (values as unsigned ints)."""
    limits = stimulus["limits"]
    sig = lambda name: getattr(dut, name)  # noqa: E731
    streams = {s["name"]: s for s in manifest.input_streams()}
    ins = []
    for spec in manifest.input_streams():
        given = next((s for s in stimulus["streams"] if s["name"] == spec["name"]), {"beats": []})
        ins.append(InStream(spec, given["beats"]))
    unknown = {s["name"] for s in stimulus["streams"]} - set(streams)
    if unknown:
        raise ValueError(f"stimulus names unknown input streams {sorted(unknown)}")
    mems = []
    for spec in manifest.read_memories:
        img = next((m for m in stimulus.get("memories", []) if m["name"] == spec["name"]), None)
        if img is None:
            raise ValueError(f"stimulus has no image for read memory '{spec['name']}'")
        beat_cycles = max(1, -(-spec["data_bytes"] // img["bytes_per_cycle"]))
        mems.append(ReadMemory(spec, img["latency"], beat_cycles, [_hex(w) for w in img["words"]]))

    statics = stimulus.get("statics", {})
    for name in manifest.static_inputs():
        sig(name).value = _hex(statics[name]) if name in statics else 0
    for s in manifest.output_streams():
        if s.get("ready"):
            sig(s["ready"]).value = 1
    for m in manifest.read_memories:
        sig(m["ar_ready"]).value = 1
        sig(m["r_valid"]).value = 0
        sig(m["r_data"]).value = 0
        sig(m["r_last"]).value = 0
    for st in ins:
        sig(st.spec["valid"]).value = 0
        for d in st.spec["data"]:
            sig(d).value = 0
    reset = manifest.reset
    if reset:
        sig(reset["name"]).value = 0 if reset["active_low"] else 1
    clk = sig(manifest.clock)
    clk.value = 0
    cocotb.start_soon(Clock(clk, CLOCK_PERIOD_NS, unit="ns").start(start_high=False))
    for _ in range(limits["reset_cycles"]):
        await RisingEdge(clk)

    events: list[dict] = []
    last_activity = -1
    cycle = 0
    timed_out = False
    while True:
        await FallingEdge(clk)
        if reset and cycle == 0:
            sig(reset["name"]).value = 1 if reset["active_low"] else 0
        valids = []
        for st in ins:
            v = st.valid(cycle)
            valids.append(v)
            sig(st.spec["valid"]).value = int(v)
            for i, d in enumerate(st.spec["data"]):
                sig(d).value = _hex(st.beats[st.next]["values"][d]) if v else 0
        beats = []
        for m in mems:
            b = m.beat_at(cycle)
            beats.append(b)
            sig(m.spec["r_valid"]).value = int(b is not None)
            sig(m.spec["r_data"]).value = b[0] if b else 0
            sig(m.spec["r_last"]).value = int(bool(b and b[1]))
        await Timer(CLOCK_PERIOD_NS // 4, unit="ns")
        await ReadOnly()
        accepted = [v and _read(sig(st.spec["ready"])) == 1 for st, v in zip(ins, valids)]
        for s in manifest.output_streams():
            if _read(sig(s["valid"])) == 1 and (not s.get("ready") or _read(sig(s["ready"])) == 1):
                events.append({"cycle": cycle, "stream": s["name"],
                               "values": {d: _read(sig(d)) for d in s["data"]}})
                last_activity = cycle
        r_taken = [b is not None and _read(sig(m.spec["r_ready"])) == 1 for m, b in zip(mems, beats)]
        requests = [(_read(sig(m.spec["ar_addr"])), _read(sig(m.spec["ar_len"])))
                    if _read(sig(m.spec["ar_valid"])) == 1 else None for m in mems]
        await RisingEdge(clk)
        for st, a in zip(ins, accepted):
            if a:
                st.accept(cycle)
                last_activity = cycle
        for m, taken, req in zip(mems, r_taken, requests):
            if taken:
                m.accept(cycle)
            if req is not None:
                m.request(cycle, req[0], req[1])
        done = all(st.next >= len(st.beats) for st in ins) and all(not m.queue for m in mems)
        if done and cycle - last_activity >= limits["idle_limit"] and cycle + 1 >= limits.get("min_cycles", 0):
            break
        if cycle + 1 >= limits["max_cycles"]:
            timed_out = True
            break
        cycle += 1
    total = events[-1]["cycle"] + 1 if events else 0
    return RunResult(events, total, cycle + 1, timed_out)


def compare(manifest: Manifest, expected: dict, actual: RunResult, seed) -> str | None:
    """None when equal; else the first mismatch, worded like Java's TraceComparator."""
    order = {s["name"]: i for i, s in enumerate(manifest.output_streams())}
    exp = sorted(expected["events"], key=lambda e: (e["cycle"], order[e["stream"]]))
    act = actual.events
    streams = {s["name"]: s for s in manifest.output_streams()}
    i = j = 0
    while i < len(exp) or j < len(act):
        e = exp[i] if i < len(exp) else None
        a = act[j] if j < len(act) else None
        ke = (e["cycle"], order[e["stream"]]) if e else None
        ka = (a["cycle"], order[a["stream"]]) if a else None
        if a is None or (e is not None and ke < ka):
            port = streams[e["stream"]]["data"][0]
            return (f"FAIL first mismatch at cycle {e['cycle']} stream {e['stream']} port {port}: "
                    f"expected {manifest.show(port, _hex(e['values'][port]))} actual none (seed {seed})")
        if e is None or ka < ke:
            port = streams[a["stream"]]["data"][0]
            return (f"FAIL first mismatch at cycle {a['cycle']} stream {a['stream']} port {port}: "
                    f"expected none actual {manifest.show(port, a['values'][port])} (seed {seed})")
        for port in streams[e["stream"]]["data"]:
            want = manifest.mask(port, _hex(e["values"][port]))
            if want != a["values"][port]:
                return (f"FAIL first mismatch at cycle {e['cycle']} stream {e['stream']} port {port}: "
                        f"expected {manifest.show(port, want)} actual {manifest.show(port, a['values'][port])} (seed {seed})")
        i += 1
        j += 1
    if actual.timed_out:
        return f"FAIL timeout: the RTL was still busy after {actual.cycles_run} cycles (seed {seed})"
    if expected["total_cycles"] != actual.total_cycles:
        return (f"FAIL total cycles: expected {expected['total_cycles']} actual {actual.total_cycles} "
                f"(seed {seed})")
    return None


def trace_json(manifest: Manifest, result: RunResult) -> dict:
    """The recorded run in the accelgen-trace/1 format Java's TraceFiles reads."""
    return {"format": "accelgen-trace/1", "top": manifest.top, "total_cycles": result.total_cycles,
            "events": [{"cycle": e["cycle"], "stream": e["stream"],
                        "values": {k: f"0x{v:x}" for k, v in e["values"].items()}} for e in result.events]}


async def run_from_env(dut) -> str:
    """Entry point for the cocotb test module: paths come from ACCELGEN_* environment variables."""
    manifest = Manifest.load(os.environ["ACCELGEN_MANIFEST"])
    stimulus = json.loads(Path(os.environ["ACCELGEN_STIMULUS"]).read_text())
    result = await run_stimulus(dut, manifest, stimulus)
    actual_path = os.environ.get("ACCELGEN_ACTUAL")
    if actual_path:
        Path(actual_path).write_text(json.dumps(trace_json(manifest, result), indent=2) + "\n")
    expected_path = os.environ.get("ACCELGEN_EXPECTED")
    if not expected_path:
        return f"RAN outputs={len(result.events)} rtl_cycles={result.total_cycles}"
    expected = json.loads(Path(expected_path).read_text())
    mismatch = compare(manifest, expected, result, stimulus.get("seed"))
    if mismatch:
        raise AssertionError(mismatch)
    line = (f"PASS outputs={len(result.events)} rtl_cycles={result.total_cycles} "
            f"golden_cycles={expected['total_cycles']}")
    dut._log.info(line)
    return line
