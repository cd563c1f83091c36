// accelgen harness values and memory timing models: arbitrary-width values and the AXI4-style read and
// write memories (timing identical to dev.accelgen.sim.ReadMemoryModel and WriteMemoryModel). No Verilator
// dependency; harness_runtime.h wires them to the design's ports.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "harness_prng.h"

namespace ag {

[[noreturn]] inline void fail(const std::string& msg) {
    std::fprintf(stderr, "harness: %s\n", msg.c_str());
    std::exit(2);
}

// An arbitrary-width value as little-endian 32-bit words.
struct Val {
    std::vector<uint32_t> w;
    uint32_t word(size_t i) const { return i < w.size() ? w[i] : 0u; }
    uint64_t lo64() const { return (uint64_t)word(0) | ((uint64_t)word(1) << 32); }
};

static const Val ZERO{};

inline int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

inline Val parse_hex(const std::string& s) {
    if (s.empty()) fail("empty hex value");
    Val v;
    size_t end = s.size();
    while (end > 0) {
        size_t start = end >= 8 ? end - 8 : 0;
        uint32_t x = 0;
        for (size_t i = start; i < end; ++i) {
            int d = hex_digit(s[i]);
            if (d < 0) fail("bad hex value '" + s + "'");
            x = (x << 4) | (uint32_t)d;
        }
        v.w.push_back(x);
        end = start;
    }
    return v;
}

inline uint64_t parse_seed(const std::string& s) {
    if (s.empty() || s.size() > 16) fail("bad seed '" + s + "'");
    return parse_hex(s).lo64();
}


// Lowercase hex of the low `width` bits, no leading zeros.
inline void append_hex(std::string& out, const uint32_t* w, size_t n, int width) {
    char buf[16];
    bool started = false;
    for (size_t k = n; k-- > 0;) {
        uint32_t x = w[k];
        int top_bits = width - (int)(k * 32);
        if (top_bits <= 0) continue;
        if (top_bits < 32) x &= (1u << top_bits) - 1u;
        if (!started) {
            if (x == 0 && k > 0) continue;
            std::snprintf(buf, sizeof buf, "%x", x);
            started = true;
        } else {
            std::snprintf(buf, sizeof buf, "%08x", x);
        }
        out += buf;
    }
    if (!started) out += "0";
}
inline void hex_of(std::string& out, const Val& v, int width) {
    if (v.w.empty()) {
        out += "0";
        return;
    }
    append_hex(out, v.w.data(), v.w.size(), width);
}

// One memory image, shared by the read and the write memory of its name.
struct Image {
    std::string name;
    int data_bytes = 1;
    long long latency_min = 1, latency_max = 1, bytes_per_cycle = 1;
    bool junk = false;
    uint32_t addr_percent = 0, addr_max = 0, write_percent = 0, write_max = 0;
    uint64_t seed_ar = 0, seed_r_latency = 0, seed_r_junk = 0, seed_aw = 0, seed_w = 0, seed_b_latency = 0;
    bool loaded = false;
    std::vector<Val> words;
    std::map<uint64_t, Val> beyond;  // written words past the image
    std::set<uint64_t> written;

    const Val& word(uint64_t i) const {
        if (i < words.size()) return words[i];
        auto it = beyond.find(i);
        return it == beyond.end() ? ZERO : it->second;
    }
    void write(uint64_t i, const Val& data, const Val& strb) {
        Val& w = i < words.size() ? words[i] : beyond[i];
        w.w.resize((size_t)(data_bytes + 3) / 4);
        for (int b = 0; b < data_bytes; ++b) {
            if (!((strb.word((size_t)b / 32) >> (b % 32)) & 1u)) continue;
            int shift = 8 * (b % 4);
            uint32_t byte = (data.word((size_t)b / 4) >> shift) & 0xffu;
            w.w[(size_t)b / 4] = (w.w[(size_t)b / 4] & ~(0xffu << shift)) | (byte << shift);
        }
        written.insert(i);
    }
    long long beat_cycles() const {
        long long d = (data_bytes + bytes_per_cycle - 1) / bytes_per_cycle;
        return d < 1 ? 1 : d;
    }
};

struct RBeat {
    long long earliest;
    Val data;
    bool last;
};

// AXI4-style read memory; timing identical to dev.accelgen.sim.ReadMemoryModel.
struct ReadMemory {
    std::string name;
    int data_bytes = 1;
    Image* img = nullptr;
    LatencyRange latency;
    long long beat_cycles = 1;
    StallPattern ar;
    SplitMix64 latency_rng;
    bool junk = false;
    SplitMix64 junk_rng;
    std::deque<RBeat> queue;
    long long last_accept = -(1LL << 60);

    void link(Image* image) {
        img = image;
        latency.min = image->latency_min;
        latency.max = image->latency_max;
        beat_cycles = image->beat_cycles();
        ar.percent = image->addr_percent;
        ar.max_len = image->addr_max;
        ar.rng.s = image->seed_ar;
        latency_rng.s = image->seed_r_latency;
        junk = image->junk;
        junk_rng.s = image->seed_r_junk;
    }
    void request(long long c, uint64_t addr, unsigned len) {
        long long earliest = c + latency.draw(latency_rng);
        uint64_t first = addr / (uint64_t)data_bytes;
        for (unsigned k = 0; k <= len; ++k) queue.push_back(RBeat{earliest, img->word(first + k), k == len});
    }
    const RBeat* beat_at(long long c) const {
        if (queue.empty()) return nullptr;
        const RBeat& h = queue.front();
        long long from = h.earliest > last_accept + beat_cycles ? h.earliest : last_accept + beat_cycles;
        return c >= from ? &h : nullptr;
    }
    void accept(long long c) {
        queue.pop_front();
        last_accept = c;
    }
};

struct Burst {
    long long accepted_at;
    uint64_t first_word;
    unsigned len;
    unsigned done;
};

// AXI4-style write memory; timing identical to dev.accelgen.sim.WriteMemoryModel.
struct WriteMemory {
    std::string name;
    int data_bytes = 1;
    Image* img = nullptr;
    LatencyRange latency;
    long long beat_cycles = 1;
    StallPattern aw, w;
    SplitMix64 latency_rng;
    std::deque<Burst> bursts;
    std::deque<long long> responses;
    long long last_w = -(1LL << 60);
    Val data, strb;  // the sampled W beat, reused every cycle

    void link(Image* image) {
        img = image;
        latency.min = image->latency_min;
        latency.max = image->latency_max;
        beat_cycles = image->beat_cycles();
        aw.percent = image->addr_percent;
        aw.max_len = image->addr_max;
        aw.rng.s = image->seed_aw;
        w.percent = image->write_percent;
        w.max_len = image->write_max;
        w.rng.s = image->seed_w;
        latency_rng.s = image->seed_b_latency;
    }
    // Steps the W stall pattern: call exactly once per cycle.
    bool w_ready(long long c) {
        bool pattern = w.step();
        return pattern && !bursts.empty() && bursts.front().accepted_at < c && c >= last_w + beat_cycles;
    }
    bool b_valid(long long c) const { return !responses.empty() && c >= responses.front(); }
    bool idle() const { return bursts.empty() && responses.empty(); }
};


}  // namespace ag
