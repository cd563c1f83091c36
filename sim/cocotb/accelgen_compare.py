"""Compares a recorded run with an expected trace, worded exactly like Java's TraceComparator.

``compare(manifest, expected, actual, seed)`` takes the bench's ``Manifest`` and ``RunResult`` (see
accelgen_tb.py) and ``expected.json`` as parsed JSON; it returns None when they agree, else the earliest
mismatch in cycle (ties: protocol, acceptance, output, write), then a timeout, then total cycles. No
cocotb import.
"""

from __future__ import annotations


def _hex(value: str) -> int:
    return int(value, 16)


def _acceptance_mismatch(manifest, expected: dict, actual, seed):
    best = None
    for s in manifest.input_streams():
        exp = {a["beat"]: a["cycle"] for a in expected.get("acceptances", []) if a["stream"] == s["name"]}
        act = {a["beat"]: a["cycle"] for a in actual.acceptances if a["stream"] == s["name"]}
        for k in range(max(len(exp), len(act))):
            e, a = exp.get(k), act.get(k)
            if e is not None and e == a:
                continue
            what = f"FAIL input beat {k} of stream {s['name']}"
            if a is None:
                line = f"{what} never accepted, expected cycle {e}"
            else:
                line = f"{what} accepted at cycle {a}, expected {'never' if e is None else e}"
            cycle = a if e is None else e if a is None else min(e, a)
            if best is None or cycle < best[0]:
                best = (cycle, 1, f"{line} (seed {seed})")
            break
    return best


def _output_mismatch(manifest, expected: dict, actual, seed):
    order = {s["name"]: i for i, s in enumerate(manifest.output_streams())}
    streams = {s["name"]: s for s in manifest.output_streams()}
    exp = sorted(expected["events"], key=lambda e: (e["cycle"], order[e["stream"]]))
    act = actual.events
    i = 0
    while i < len(exp) or i < len(act):
        e = exp[i] if i < len(exp) else None
        a = act[i] if i < len(act) else None
        ke = (e["cycle"], order[e["stream"]]) if e else None
        ka = (a["cycle"], order[a["stream"]]) if a else None
        if a is None or (e is not None and ke < ka):
            port = streams[e["stream"]]["data"][0]
            return (e["cycle"], 2, f"FAIL first mismatch at cycle {e['cycle']} stream {e['stream']} port {port}: "
                    f"expected {manifest.show(port, manifest.mask(port, _hex(e['values'][port])))} actual none "
                    f"(seed {seed})")
        if e is None or ka < ke:
            port = streams[a["stream"]]["data"][0]
            return (a["cycle"], 2, f"FAIL first mismatch at cycle {a['cycle']} stream {a['stream']} port {port}: "
                    f"expected none actual {manifest.show(port, a['values'][port])} (seed {seed})")
        for port in streams[e["stream"]]["data"]:
            want = manifest.mask(port, _hex(e["values"][port]))
            if want != a["values"][port]:
                return (e["cycle"], 2, f"FAIL first mismatch at cycle {e['cycle']} stream {e['stream']} port {port}: "
                        f"expected {manifest.show(port, want)} actual {manifest.show(port, a['values'][port])} "
                        f"(seed {seed})")
        i += 1
    return None


def _fields(w: dict, data_bytes: int) -> str:
    """The compared fields of a write handshake, worded like Java's WriteEvent.fields."""
    if w["channel"] == "aw":
        return f"addr=0x{w['addr']:x} len={w['len']}"
    if w["channel"] == "w":
        return (f"addr=0x{w['addr']:x} data=0x{w['data'] & ((1 << 8 * data_bytes) - 1):x} "
                f"strb=0x{w['strb'] & ((1 << data_bytes) - 1):x}")
    return "response"


def _write_mismatch(manifest, expected: dict, actual, seed):
    order = {m["name"]: i for i, m in enumerate(manifest.write_memories)}
    data_bytes = {m["name"]: m["data_bytes"] for m in manifest.write_memories}
    channel = {"aw": 0, "w": 1, "b": 2}

    def key(w):
        return w["cycle"], order[w["memory"]], channel[w["channel"]]

    def parsed(w):
        out = dict(w)
        for k in ("addr", "data", "strb"):
            if k in out and isinstance(out[k], str):
                out[k] = _hex(out[k])
        return out

    exp = sorted((parsed(w) for w in expected.get("writes", [])), key=key)
    act = sorted(actual.writes, key=key)
    for i in range(max(len(exp), len(act))):
        e = exp[i] if i < len(exp) else None
        a = act[i] if i < len(act) else None
        cmp = 1 if e is None else -1 if a is None else (key(e) > key(a)) - (key(e) < key(a))
        at = e if cmp <= 0 else a
        want = "none" if cmp > 0 else _fields(e, data_bytes[e["memory"]])
        got = "none" if cmp < 0 else _fields(a, data_bytes[a["memory"]])
        if want != got:
            return (at["cycle"], 3, f"FAIL first mismatch at cycle {at['cycle']} memory {at['memory']} "
                    f"{at['channel']}: expected {want} actual {got} (seed {seed})")
    return None


def compare(manifest, expected: dict, actual, seed) -> str | None:
    """None when equal; else the earliest mismatch, worded like Java's TraceComparator."""
    found = []
    if actual.protocol_errors:
        p = actual.protocol_errors[0]
        found.append((p["cycle"], 0, f"FAIL protocol at cycle {p['cycle']} memory {p['memory']}: {p['message']} "
                      f"(seed {seed})"))
    for check in (_acceptance_mismatch, _output_mismatch, _write_mismatch):
        m = check(manifest, expected, actual, seed)
        if m is not None:
            found.append(m)
    if found:
        return min(found)[2]
    if actual.timed_out:
        return f"FAIL timeout: the RTL was still busy after {actual.cycles_run} cycles (seed {seed})"
    if expected["total_cycles"] != actual.total_cycles:
        return (f"FAIL total cycles: expected {expected['total_cycles']} actual {actual.total_cycles} "
                f"(seed {seed})")
    return None


def output_count(result) -> int:
    """Output events plus W beats: a write beat is an output."""
    return len(result.events) + sum(1 for w in result.writes if w["channel"] == "w")

