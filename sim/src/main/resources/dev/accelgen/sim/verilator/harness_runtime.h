// accelgen Verilator harness runtime: stimulus parsing, stream drivers, read-memory timing model,
// trace writing. Included by the generated harness_main.cpp, which holds the design-specific port
// wiring. File formats are documented in dev.accelgen.sim.verilator.StimulusFileWriter (input) and
// TraceFileParser (output). The read-memory timing must match dev.accelgen.sim.ReadMemoryModel.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "verilated.h"

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

// Writers: the overload is chosen by the Verilator port type (CData..QData, VlWide<N>).
inline void put(CData& p, const Val& v) { p = (CData)v.word(0); }
inline void put(SData& p, const Val& v) { p = (SData)v.word(0); }
inline void put(IData& p, const Val& v) { p = v.word(0); }
inline void put(QData& p, const Val& v) { p = v.lo64(); }
template <std::size_t N>
inline void put(VlWide<N>& p, const Val& v) {
    for (size_t i = 0; i < N; ++i) p.at(i) = v.word(i);
}

// Readers: lowercase hex of the low `width` bits, no leading zeros.
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
inline void hex_of(std::string& out, uint64_t p, int width) {
    uint32_t w[2] = {(uint32_t)p, (uint32_t)(p >> 32)};
    append_hex(out, w, 2, width);
}
template <std::size_t N>
inline void hex_of(std::string& out, const VlWide<N>& p, int width) {
    append_hex(out, p.data(), N, width);
}
inline uint64_t u64(uint64_t p) { return p; }

struct InBeat {
    long long idle;
    std::vector<Val> data;
};

// One input stream: beat k's valid rises idle cycles after beat k-1 was accepted (cycle 0 + idle for k = 0).
struct InStream {
    std::string name;
    size_t ndata = 0;
    std::vector<InBeat> beats;
    size_t next = 0;
    long long present_at = 0;
    bool valid(long long c) const { return next < beats.size() && c >= present_at; }
    const Val& data(size_t i) const { return beats[next].data[i]; }
    bool done() const { return next >= beats.size(); }
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
    bool loaded = false;
    long long latency = 1;
    long long beat_cycles = 1;
    std::vector<Val> words;
    std::deque<RBeat> queue;
    long long last_accept = -(1LL << 60);

    void request(long long c, uint64_t addr, unsigned len) {
        uint64_t first = addr / (uint64_t)data_bytes;
        for (unsigned k = 0; k <= len; ++k) {
            uint64_t idx = first + k;
            queue.push_back(RBeat{c + latency, idx < words.size() ? words[idx] : ZERO, k == len});
        }
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

struct Harness {
    long long reset_cycles = 4, idle_limit = 100, max_cycles = 1000000, min_cycles = 0;
    std::vector<std::pair<std::string, Val>> statics;
    std::vector<InStream> in;
    std::vector<ReadMemory> mem;
    FILE* out = nullptr;
    long long last_activity = -1;
    std::string line;

    // in_streams: names and data-port counts in manifest order; memories: names and data_bytes.
    Harness(int argc, char** argv, const std::vector<std::pair<const char*, size_t>>& in_streams,
            const std::vector<std::pair<const char*, int>>& memories) {
        if (argc != 3) fail("usage: sim <stimulus.txt> <trace.txt>");
        for (auto& s : in_streams) {
            InStream st;
            st.name = s.first;
            st.ndata = s.second;
            in.push_back(st);
        }
        for (auto& m : memories) {
            ReadMemory rm;
            rm.name = m.first;
            rm.data_bytes = m.second;
            mem.push_back(rm);
        }
        read_stimulus(argv[1]);
        out = std::fopen(argv[2], "w");
        if (!out) fail(std::string("cannot write ") + argv[2]);
        static char buf[1 << 20];
        std::setvbuf(out, buf, _IOFBF, sizeof buf);
        std::fputs("accelgen-trace 1\n", out);
    }

    void read_stimulus(const char* path) {
        std::ifstream f(path);
        if (!f) fail(std::string("cannot read ") + path);
        std::string tok;
        f >> tok;
        int version = 0;
        f >> version;
        if (tok != "accelgen-stimulus" || version != 1) fail("not an accelgen-stimulus 1 file");
        while (f >> tok) {
            if (tok == "end") return;
            if (tok == "limits") {
                f >> reset_cycles >> idle_limit >> max_cycles >> min_cycles;
            } else if (tok == "static") {
                std::string name, hex;
                f >> name >> hex;
                statics.emplace_back(name, parse_hex(hex));
            } else if (tok == "stream") {
                std::string name;
                size_t n = 0;
                f >> name >> n;
                InStream* s = nullptr;
                for (auto& x : in) if (x.name == name) s = &x;
                if (!s) fail("stimulus names unknown input stream '" + name + "'");
                s->beats.resize(n);
                for (size_t b = 0; b < n; ++b) {
                    f >> s->beats[b].idle;
                    s->beats[b].data.resize(s->ndata);
                    for (size_t d = 0; d < s->ndata; ++d) {
                        std::string hex;
                        f >> hex;
                        s->beats[b].data[d] = parse_hex(hex);
                    }
                }
                if (n > 0) s->present_at = s->beats[0].idle;
            } else if (tok == "memory") {
                std::string name;
                long long bpc = 1;
                size_t n = 0;
                ReadMemory* m = nullptr;
                f >> name;
                for (auto& x : mem) if (x.name == name) m = &x;
                if (!m) fail("stimulus names unknown read memory '" + name + "'");
                f >> m->latency >> bpc >> n;
                if (m->latency < 1 || bpc < 1) fail("memory '" + name + "' needs latency >= 1 and bytes_per_cycle >= 1");
                m->beat_cycles = (m->data_bytes + bpc - 1) / bpc;
                if (m->beat_cycles < 1) m->beat_cycles = 1;
                m->words.resize(n);
                for (size_t i = 0; i < n; ++i) {
                    std::string hex;
                    f >> hex;
                    m->words[i] = parse_hex(hex);
                }
                m->loaded = true;
            } else {
                fail("unknown stimulus keyword '" + tok + "'");
            }
            if (!f) fail("truncated stimulus file");
        }
        fail("stimulus file has no 'end' line");
    }

    void check_memories_loaded() const {
        for (auto& m : mem) if (!m.loaded) fail("stimulus has no image for read memory '" + m.name + "'");
    }

    void accept(size_t s, long long c) {
        std::fprintf(out, "a %lld %s %zu\n", c, in[s].name.c_str(), in[s].next);
        in[s].next++;
        if (in[s].next < in[s].beats.size()) in[s].present_at = c + 1 + in[s].beats[in[s].next].idle;
        last_activity = c;
    }

    void request(size_t m, long long c, uint64_t addr, unsigned len) {
        std::fprintf(out, "r %lld %s %llx %u\n", c, mem[m].name.c_str(), (unsigned long long)addr, len);
        mem[m].request(c, addr, len);
    }

    // Starts an output event line; values follow with value(), then end_event().
    void begin_event(long long c, const char* stream) {
        line.clear();
        line += "e ";
        line += std::to_string(c);
        line += ' ';
        line += stream;
        last_activity = c;
    }
    std::string& value() {
        line += ' ';
        return line;
    }
    void end_event() {
        line += '\n';
        std::fputs(line.c_str(), out);
    }

    // True when cycle c was the last one to simulate.
    bool finished(long long c, bool* timeout) {
        bool inputs_done = true;
        for (auto& s : in) inputs_done = inputs_done && s.done();
        for (auto& m : mem) inputs_done = inputs_done && m.queue.empty();
        if (inputs_done && c - last_activity >= idle_limit && c + 1 >= min_cycles) {
            *timeout = false;
            return true;
        }
        if (c + 1 >= max_cycles) {
            *timeout = true;
            return true;
        }
        return false;
    }

    void close(bool timeout, long long cycles_run) {
        std::fprintf(out, "end %s %lld\n", timeout ? "timeout" : "done", cycles_run);
        std::fclose(out);
    }
};

}  // namespace ag
