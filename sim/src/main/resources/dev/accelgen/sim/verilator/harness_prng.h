// accelgen harness random draws, identical to dev.accelgen.sim.stress (Java) and accelgen_prng.py
// (Python); sim/src/test/resources/prng/vectors.txt pins all three. No Verilator dependency, so the
// cross-language test compiles it alone.
#pragma once

#include <cstddef>
#include <cstdint>

namespace ag {

// SplitMix64 (Steele, Lea, Flood 2014).
struct SplitMix64 {
    uint64_t s = 0;
    uint64_t next() {
        s += 0x9E3779B97F4A7C15ULL;
        uint64_t z = s;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // 0..bound-1 from the high 32 bits of a draw.
    uint32_t below(uint32_t bound) { return (uint32_t)(((next() >> 32) * (uint64_t)bound) >> 32); }
};

// A ready pattern, stepped exactly once per cycle from cycle 0 (dev.accelgen.sim.stress.StallSchedule).
struct StallPattern {
    SplitMix64 rng;
    uint32_t percent = 0;
    uint32_t max_len = 0;
    uint32_t remaining = 0;
    bool step() {
        if (percent == 0) return true;
        if (remaining > 0) {
            --remaining;
            return false;
        }
        if (rng.below(100) < percent) {
            remaining = rng.below(max_len);
            return false;
        }
        return true;
    }
};

// Per-request latency drawn from [min, max] (dev.accelgen.sim.stress.LatencyRange).
struct LatencyRange {
    long long min = 1, max = 1;
    long long draw(SplitMix64& r) const { return max == min ? min : min + (long long)r.below((uint32_t)(max - min + 1)); }
};

// Junk for a port of `width` bits: ceil(width / 64) draws, little-endian, into `words` 32-bit words
// (ceil(width / 32) of them), the top one masked to the width.
inline void junk_words(SplitMix64& r, uint32_t* words, size_t nwords, int width) {
    for (size_t i = 0; i < nwords; i += 2) {
        uint64_t x = r.next();
        words[i] = (uint32_t)x;
        if (i + 1 < nwords) words[i + 1] = (uint32_t)(x >> 32);
    }
    int top = width - 32 * (int)(nwords - 1);
    if (top < 32) words[nwords - 1] &= (1u << top) - 1u;
}

}  // namespace ag
