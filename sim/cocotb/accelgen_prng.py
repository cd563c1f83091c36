"""accelgen harness random draws, identical to dev.accelgen.sim.stress (Java) and harness_prng.h (C++).

sim/src/test/resources/prng/vectors.txt pins all three; ``python accelgen_prng.py vectors.txt`` prints
every vector line recomputed from its parameters (the cross-language test compares the output with the
file). No cocotb import, so the check runs anywhere.
"""

from __future__ import annotations

import sys

MASK64 = (1 << 64) - 1


class SplitMix64:
    """SplitMix64 (Steele, Lea, Flood 2014)."""

    def __init__(self, seed: int):
        self.s = seed & MASK64

    def next(self) -> int:
        self.s = (self.s + 0x9E3779B97F4A7C15) & MASK64
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def below(self, bound: int) -> int:
        """0..bound-1 from the high 32 bits of a draw."""
        return ((self.next() >> 32) * bound) >> 32


class StallPattern:
    """A ready pattern, stepped exactly once per cycle from cycle 0."""

    def __init__(self, percent: int, max_len: int, seed: int):
        self.rng = SplitMix64(seed)
        self.percent = percent
        self.max_len = max_len
        self.remaining = 0

    def step(self) -> bool:
        if self.percent == 0:
            return True
        if self.remaining > 0:
            self.remaining -= 1
            return False
        if self.rng.below(100) < self.percent:
            self.remaining = self.rng.below(self.max_len)
            return False
        return True


def latency(rng: SplitMix64, lo: int, hi: int) -> int:
    """A latency drawn from [lo, hi]; no draw when lo == hi."""
    return lo if hi == lo else lo + rng.below(hi - lo + 1)


def junk(rng: SplitMix64, width: int) -> int:
    """Junk for a port of ``width`` bits: ceil(width / 64) draws, little-endian."""
    value = 0
    for i in range((width + 63) // 64):
        value |= rng.next() << (64 * i)
    return value & ((1 << width) - 1)


def recompute(line: str) -> str:
    """One vector line recomputed from its parameters (format in vectors.txt)."""
    t = line.split()
    kind, rng = t[0], SplitMix64(int(t[1], 16))
    if kind == "next":
        n = int(t[2])
        return " ".join(t[:3] + [f"{rng.next():x}" for _ in range(n)])
    if kind == "below":
        bound, n = int(t[2]), int(t[3])
        return " ".join(t[:4] + [str(rng.below(bound)) for _ in range(n)])
    if kind == "stalls":
        p = StallPattern(int(t[2]), int(t[3]), int(t[1], 16))
        return " ".join(t[:5] + ["".join("1" if p.step() else "0" for _ in range(int(t[4])))])
    if kind == "latency":
        lo, hi, n = int(t[2]), int(t[3]), int(t[4])
        return " ".join(t[:5] + [str(latency(rng, lo, hi)) for _ in range(n)])
    if kind == "junk":
        width, n = int(t[2]), int(t[3])
        return " ".join(t[:4] + [f"{junk(rng, width):x}" for _ in range(n)])
    raise ValueError(f"unknown vector kind '{kind}'")


def main(argv: list[str]) -> int:
    with open(argv[1]) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                print(recompute(line.strip()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
