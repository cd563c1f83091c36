"""Reusable cocotb testbench for accelgen units.

Reads a unit's ``<top>.manifest.json`` (format in sim/README.md, with optional ``read_memories`` and
``write_memories``), drives its input streams from ``stimulus.json`` (written by Java's
``StimulusFiles``), records every output event, input acceptance and write handshake with its cycle,
and compares the result exactly with ``expected.json`` (written by Java's ``TraceFiles`` from a golden
model).

The cycle convention and the stress rules are the Verilator harness's (sim/README.md): reset is held for
``reset_cycles`` rising edges; cycle 0 is the first rising edge after reset is released. In each cycle
the bench drives inputs after the falling edge (junk on idle data ports when the stimulus asks for it,
the seeded ready patterns of output streams and memories), samples handshakes and output events in the
low phase, then lets the rising edge happen. Memories follow Java's ``ReadMemoryModel`` and
``WriteMemoryModel``; every random draw is ``accelgen_prng``'s, seeded from the stimulus file.
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

from accelgen_compare import compare, output_count
from accelgen_prng import SplitMix64, StallPattern, junk, latency

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
    write_memories: list[dict]
    files: list[Path]

    @staticmethod
    def load(path: str | os.PathLike) -> "Manifest":
        path = Path(path)
        m = json.loads(path.read_text())
        ports = {p["name"]: p for p in m["ports"]}
        files = [path.parent / f for f in m["files"] + m.get("sim_files", [])]
        return Manifest(m["top"], m["clock"]["name"], m.get("reset"), ports, m["streams"],
                        m.get("read_memories", []), m.get("write_memories", []), files)

    def input_streams(self) -> list[dict]:
        return [s for s in self.streams if s["direction"] == "in"]

    def output_streams(self) -> list[dict]:
        return [s for s in self.streams if s["direction"] == "out"]

    def memory_names(self) -> list[str]:
        names = []
        for m in self.read_memories + self.write_memories:
            if m["name"] not in names:
                names.append(m["name"])
        return names

    def static_inputs(self) -> list[str]:
        handled = {self.clock}
        if self.reset:
            handled.add(self.reset["name"])
        for s in self.streams:
            handled.update([s["valid"], *s["data"]] + ([s["ready"]] if s.get("ready") else []))
        for m in self.read_memories:
            handled.update([m["ar_ready"], m["r_valid"], m["r_data"], m["r_last"]])
        for m in self.write_memories:
            handled.update([m["aw_ready"], m["w_ready"], m["b_valid"]])
        return [n for n, p in self.ports.items() if p["direction"] == "in" and n not in handled]

    def width(self, port: str) -> int:
        return self.ports[port]["width"]

    def mask(self, port: str, value: int) -> int:
        return value & ((1 << self.width(port)) - 1)

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
    junk: bool
    rng: SplitMix64
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
class Image:
    """One memory's words, shared by the read and the write memory of its name."""

    data_bytes: int
    words: list[int]
    written: dict[int, int] = field(default_factory=dict)

    def word(self, index: int) -> int:
        if index in self.written:
            return self.written[index]
        return self.words[index] if index < len(self.words) else 0

    def write(self, index: int, data: int, strb: int) -> None:
        w = self.word(index)
        for lane in range(self.data_bytes):
            if strb >> lane & 1:
                w = (w & ~(0xFF << 8 * lane)) | (data & (0xFF << 8 * lane))
        self.written[index] = w


@dataclass
class Timing:
    """A memory's timing from the stimulus: latency range, bandwidth, stall patterns, channel seeds."""

    lo: int
    hi: int
    beat_cycles: int
    address_stalls: tuple[int, int]
    write_stalls: tuple[int, int]
    seed: dict[str, int]


@dataclass
class ReadMemory:
    """Same rules as dev.accelgen.sim.ReadMemoryModel."""

    spec: dict
    image: Image
    timing: Timing
    junk: bool
    queue: deque = field(default_factory=deque)
    last_accept: int = -(1 << 60)

    def __post_init__(self):
        t = self.timing
        self.ar = StallPattern(*t.address_stalls, t.seed["ar"])
        self.latency_rng = SplitMix64(t.seed["r_latency"])
        self.junk_rng = SplitMix64(t.seed["r_junk"])

    def request(self, cycle: int, addr: int, length: int) -> None:
        earliest = cycle + latency(self.latency_rng, self.timing.lo, self.timing.hi)
        first = addr // self.spec["data_bytes"]
        for k in range(length + 1):
            self.queue.append((earliest, self.image.word(first + k), k == length))

    def beat_at(self, cycle: int):
        if not self.queue:
            return None
        earliest, word, last = self.queue[0]
        return (word, last) if cycle >= max(earliest, self.last_accept + self.timing.beat_cycles) else None

    def accept(self, cycle: int) -> None:
        self.queue.popleft()
        self.last_accept = cycle


@dataclass
class WriteMemory:
    """Same rules as dev.accelgen.sim.WriteMemoryModel."""

    spec: dict
    image: Image
    timing: Timing
    bursts: deque = field(default_factory=deque)  # [accepted_at, first_word, len, done]
    responses: deque = field(default_factory=deque)
    last_w: int = -(1 << 60)

    def __post_init__(self):
        t = self.timing
        self.aw = StallPattern(*t.address_stalls, t.seed["aw"])
        self.w = StallPattern(*t.write_stalls, t.seed["w"])
        self.latency_rng = SplitMix64(t.seed["b_latency"])

    def w_ready(self, cycle: int) -> bool:
        """Steps the W stall pattern: call exactly once per cycle."""
        pattern = self.w.step()
        return (pattern and bool(self.bursts) and self.bursts[0][0] < cycle
                and cycle >= self.last_w + self.timing.beat_cycles)

    def b_valid(self, cycle: int) -> bool:
        return bool(self.responses) and cycle >= self.responses[0]

    def idle(self) -> bool:
        return not self.bursts and not self.responses


def _read(handle) -> int:
    value = handle.value
    if hasattr(value, "is_resolvable") and not value.is_resolvable:
        raise AssertionError(f"FAIL port {handle._name} is {value} (X/Z) when sampled; reset or drive it")
    return value.to_unsigned() if hasattr(value, "to_unsigned") else int(value)


@dataclass
class RunResult:
    events: list[dict]
    acceptances: list[dict]
    writes: list[dict]
    protocol_errors: list[dict]
    total_cycles: int
    cycles_run: int
    timed_out: bool


def _memories(manifest: Manifest, stimulus: dict) -> tuple[list[ReadMemory], list[WriteMemory]]:
    seeds = {k: _hex(v) for k, v in stimulus.get("seeds", {}).items()}
    junk_on = stimulus["stress"]["junk"]
    images, timings = {}, {}
    for name in manifest.memory_names():
        img = next((m for m in stimulus.get("memories", []) if m["name"] == name), None)
        if img is None:
            raise ValueError(f"stimulus has no image for memory '{name}'")
        spec = next(m for m in manifest.read_memories + manifest.write_memories if m["name"] == name)
        images[name] = Image(spec["data_bytes"], [_hex(w) for w in img["words"]])
        timings[name] = Timing(img["latency"]["min"], img["latency"]["max"],
                               max(1, -(-spec["data_bytes"] // img["bytes_per_cycle"])),
                               (img["address_stalls"]["percent"], img["address_stalls"]["max"]),
                               (img["write_stalls"]["percent"], img["write_stalls"]["max"]),
                               {tag: seeds.get(f"{name}.{tag}", 0) for tag in
                                ("ar", "r_latency", "r_junk", "aw", "w", "b_latency")})
    reads = [ReadMemory(s, images[s["name"]], timings[s["name"]], junk_on) for s in manifest.read_memories]
    writes = [WriteMemory(s, images[s["name"]], timings[s["name"]]) for s in manifest.write_memories]
    return reads, writes


async def run_stimulus(dut, manifest: Manifest, stimulus: dict) -> RunResult:
    """Drives one stimulus into the unit and returns what it did (values as unsigned ints)."""
    limits = stimulus["limits"]
    sig = lambda name: getattr(dut, name)  # noqa: E731
    seeds = {k: _hex(v) for k, v in stimulus.get("seeds", {}).items()}
    stress = stimulus["stress"]
    streams = {s["name"]: s for s in manifest.input_streams()}
    unknown = {s["name"] for s in stimulus["streams"]} - set(streams)
    if unknown:
        raise ValueError(f"stimulus names unknown input streams {sorted(unknown)}")
    ins = []
    for spec in manifest.input_streams():
        given = next((s for s in stimulus["streams"] if s["name"] == spec["name"]), {"beats": []})
        ins.append(InStream(spec, given["beats"], stress["junk"], SplitMix64(seeds[spec["name"] + ".junk"])))
    stalls = stress["output_stalls"]
    readies = [(s, StallPattern(stalls["percent"], stalls["max"], seeds[s["name"] + ".ready"]))
               for s in manifest.output_streams() if s.get("ready")]
    mems, wmems = _memories(manifest, stimulus)

    statics = stimulus.get("statics", {})
    for name in manifest.static_inputs():
        sig(name).value = _hex(statics[name]) if name in statics else 0
    for s, _ in readies:
        sig(s["ready"]).value = 0
    for m in mems:
        for p in ("ar_ready", "r_valid", "r_data", "r_last"):
            sig(m.spec[p]).value = 0
    for m in wmems:
        for p in ("aw_ready", "w_ready", "b_valid"):
            sig(m.spec[p]).value = 0
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
    acceptances: list[dict] = []
    writes: list[dict] = []
    errors: list[dict] = []
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
            for d in st.spec["data"]:
                if v:
                    sig(d).value = _hex(st.beats[st.next]["values"][d])
                else:
                    sig(d).value = junk(st.rng, manifest.width(d)) if st.junk else 0
        ready_now = []
        for s, pattern in readies:
            r = pattern.step()
            ready_now.append(r)
            sig(s["ready"]).value = int(r)
        beats, ar_ready = [], []
        for m in mems:
            arr = m.ar.step()
            ar_ready.append(arr)
            sig(m.spec["ar_ready"]).value = int(arr)
            b = m.beat_at(cycle)
            beats.append(b)
            sig(m.spec["r_valid"]).value = int(b is not None)
            if b is not None:
                sig(m.spec["r_data"]).value = b[0]
                sig(m.spec["r_last"]).value = int(b[1])
            elif m.junk:
                sig(m.spec["r_data"]).value = junk(m.junk_rng, 8 * m.spec["data_bytes"])
                sig(m.spec["r_last"]).value = junk(m.junk_rng, 1)
            else:
                sig(m.spec["r_data"]).value = 0
                sig(m.spec["r_last"]).value = 0
        w_state = []
        for m in wmems:
            awr, wr, bv = m.aw.step(), m.w_ready(cycle), m.b_valid(cycle)
            w_state.append((awr, wr, bv))
            sig(m.spec["aw_ready"]).value = int(awr)
            sig(m.spec["w_ready"]).value = int(wr)
            sig(m.spec["b_valid"]).value = int(bv)
        await Timer(CLOCK_PERIOD_NS // 4, unit="ns")
        await ReadOnly()
        accepted = [v and _read(sig(st.spec["ready"])) == 1 for st, v in zip(ins, valids)]
        stallable = {s["name"]: r for (s, _), r in zip(readies, ready_now)}
        for s in manifest.output_streams():
            ready = stallable.get(s["name"], True)
            if _read(sig(s["valid"])) == 1 and ready:
                events.append({"cycle": cycle, "stream": s["name"],
                               "values": {d: _read(sig(d)) for d in s["data"]}})
                last_activity = cycle
        r_taken = [b is not None and _read(sig(m.spec["r_ready"])) == 1 for m, b in zip(mems, beats)]
        requests = [(_read(sig(m.spec["ar_addr"])), _read(sig(m.spec["ar_len"])))
                    if arr and _read(sig(m.spec["ar_valid"])) == 1 else None for m, arr in zip(mems, ar_ready)]
        w_taken = []
        for m, (awr, wr, bv) in zip(wmems, w_state):
            s = m.spec
            aw = (_read(sig(s["aw_addr"])), _read(sig(s["aw_len"]))) if awr and _read(sig(s["aw_valid"])) else None
            w = ((_read(sig(s["w_data"])), _read(sig(s["w_strb"])), _read(sig(s["w_last"])))
                 if wr and _read(sig(s["w_valid"])) else None)
            b = bv and _read(sig(s["b_ready"])) == 1
            w_taken.append((aw, w, b))
        await RisingEdge(clk)
        for st, a in zip(ins, accepted):
            if a:
                acceptances.append({"cycle": cycle, "stream": st.spec["name"], "beat": st.next})
                st.accept(cycle)
                last_activity = cycle
        for m, (_, w, _) in zip(wmems, w_taken):
            if w is not None:
                _write_beat(m, cycle, *w, writes, errors)
                last_activity = cycle
        for m, taken, req in zip(mems, r_taken, requests):
            if taken:
                m.accept(cycle)
            if req is not None:
                m.request(cycle, req[0], req[1])
        for m, (aw, _, b) in zip(wmems, w_taken):
            name = m.spec["name"]
            if aw is not None:
                writes.append({"cycle": cycle, "memory": name, "channel": "aw", "addr": aw[0], "len": aw[1]})
                m.bursts.append([cycle, aw[0] // m.spec["data_bytes"], aw[1], 0])
                last_activity = cycle
            if b:
                writes.append({"cycle": cycle, "memory": name, "channel": "b"})
                m.responses.popleft()
                last_activity = cycle
        done = (all(st.next >= len(st.beats) for st in ins) and all(not m.queue for m in mems)
                and all(m.idle() for m in wmems))
        if done and cycle - last_activity >= limits["idle_limit"] and cycle + 1 >= limits.get("min_cycles", 0):
            break
        if cycle + 1 >= limits["max_cycles"]:
            timed_out = True
            break
        cycle += 1
    last = max([e["cycle"] for e in events] + [w["cycle"] for w in writes], default=-1)
    return RunResult(events, acceptances, writes, errors, last + 1, cycle + 1, timed_out)


def _write_beat(m: WriteMemory, cycle: int, data: int, strb: int, last: int, writes: list, errors: list) -> None:
    burst = m.bursts[0]
    _, first, length, done = burst
    word = first + done
    m.image.write(word, data, strb)
    writes.append({"cycle": cycle, "memory": m.spec["name"], "channel": "w", "addr": word * m.spec["data_bytes"],
                   "data": data, "strb": strb})
    if bool(last) != (done == length):
        errors.append({"cycle": cycle, "memory": m.spec["name"],
                       "message": f"W beat {done} of a {length + 1}-beat burst has w_last {last}"})
    m.last_w = cycle
    burst[3] += 1
    if done == length:
        m.bursts.popleft()
        m.responses.append(cycle + latency(m.latency_rng, m.timing.lo, m.timing.hi))


def trace_json(manifest: Manifest, result: RunResult) -> dict:
    """The recorded run in the accelgen-trace/2 format Java's TraceFiles reads."""
    writes = []
    for w in result.writes:
        out = {k: v for k, v in w.items() if k not in ("addr", "data", "strb")}
        for k in ("addr", "data", "strb"):
            if k in w:
                out[k] = f"0x{w[k]:x}"
        writes.append(out)
    return {"format": "accelgen-trace/2", "top": manifest.top, "total_cycles": result.total_cycles,
            "events": [{"cycle": e["cycle"], "stream": e["stream"],
                        "values": {k: f"0x{v:x}" for k, v in e["values"].items()}} for e in result.events],
            "acceptances": result.acceptances, "writes": writes}


async def run_from_env(dut) -> str:
    """Entry point for the cocotb test module: paths come from ACCELGEN_* environment variables."""
    manifest = Manifest.load(os.environ["ACCELGEN_MANIFEST"])
    stimulus = json.loads(Path(os.environ["ACCELGEN_STIMULUS"]).read_text())
    if stimulus.get("format") != "accelgen-stimulus/2":
        raise ValueError(f"{os.environ['ACCELGEN_STIMULUS']} is not an accelgen-stimulus/2 file")
    result = await run_stimulus(dut, manifest, stimulus)
    actual_path = os.environ.get("ACCELGEN_ACTUAL")
    if actual_path:
        Path(actual_path).write_text(json.dumps(trace_json(manifest, result), indent=2) + "\n")
    expected_path = os.environ.get("ACCELGEN_EXPECTED")
    if not expected_path:
        return f"RAN outputs={output_count(result)} rtl_cycles={result.total_cycles}"
    expected = json.loads(Path(expected_path).read_text())
    if expected.get("format") != "accelgen-trace/2":
        raise ValueError(f"{expected_path} is not an accelgen-trace/2 file")
    mismatch = compare(manifest, expected, result, stimulus.get("seed"))
    if mismatch:
        raise AssertionError(mismatch)
    line = (f"PASS outputs={output_count(result)} rtl_cycles={result.total_cycles} "
            f"golden_cycles={expected['total_cycles']}")
    dut._log.info(line)
    return line
