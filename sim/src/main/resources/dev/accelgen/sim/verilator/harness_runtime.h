// accelgen Verilator harness runtime: stimulus parsing, stream drivers, port I/O, trace writing.
// Included by the generated harness_main.cpp, which holds the design-specific port wiring. File formats
// are documented in dev.accelgen.sim.verilator.StimulusFileWriter (input) and TraceFileParser (output);
// the memory timing models are harness_memory.h's, the random draws harness_prng.h's. Nothing here
// allocates per cycle.
#pragma once

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "harness_memory.h"
#include "verilated.h"

namespace ag {

// Writers: the overload is chosen by the Verilator port type (CData..QData, VlWide<N>).
inline void put(CData& p, const Val& v) { p = (CData)v.word(0); }
inline void put(SData& p, const Val& v) { p = (SData)v.word(0); }
inline void put(IData& p, const Val& v) { p = v.word(0); }
inline void put(QData& p, const Val& v) { p = v.lo64(); }
template <std::size_t N>
inline void put(VlWide<N>& p, const Val& v) {
    for (size_t i = 0; i < N; ++i) p.at(i) = v.word(i);
}

// Junk on an idle data port (harness_prng.h's junk_words, one draw per 64 bits).
inline uint64_t junk64(SplitMix64& r, int width) {
    uint64_t x = r.next();
    return width >= 64 ? x : x & ((1ULL << width) - 1ULL);
}
inline void junk(CData& p, SplitMix64& r, int width) { p = (CData)junk64(r, width); }
inline void junk(SData& p, SplitMix64& r, int width) { p = (SData)junk64(r, width); }
inline void junk(IData& p, SplitMix64& r, int width) { p = (IData)junk64(r, width); }
inline void junk(QData& p, SplitMix64& r, int width) { p = junk64(r, width); }
template <std::size_t N>
inline void junk(VlWide<N>& p, SplitMix64& r, int width) {
    junk_words(r, p.data(), N, width);
}

// Readers into a reused Val (no allocation once sized).
inline void get(Val& v, uint64_t p) {
    v.w.resize(2);
    v.w[0] = (uint32_t)p;
    v.w[1] = (uint32_t)(p >> 32);
}
template <std::size_t N>
inline void get(Val& v, const VlWide<N>& p) {
    v.w.resize(N);
    for (size_t i = 0; i < N; ++i) v.w[i] = p.at(i);
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
    bool junk = false;
    SplitMix64 rng;
    bool valid(long long c) const { return next < beats.size() && c >= present_at; }
    const Val& data(size_t i) const { return beats[next].data[i]; }
    bool done() const { return next >= beats.size(); }
};

// The ready the harness drives on an output stream.
struct OutReady {
    std::string name;
    StallPattern pattern;
};

struct Harness {
    long long reset_cycles = 4, idle_limit = 100, max_cycles = 1000000, min_cycles = 0;
    std::vector<std::pair<std::string, Val>> statics;
    std::vector<InStream> in;
    std::vector<OutReady> out_ready;
    std::vector<Image> images;
    std::vector<ReadMemory> mem;
    std::vector<WriteMemory> wmem;
    FILE* out = nullptr;
    long long last_activity = -1;
    std::string line;

    // in_streams: names and data-port counts in manifest order; stallable: output streams with a ready;
    // memories / write_memories: names and data_bytes.
    Harness(int argc, char** argv, const std::vector<std::pair<const char*, size_t>>& in_streams,
            const std::vector<const char*>& stallable, const std::vector<std::pair<const char*, int>>& memories,
            const std::vector<std::pair<const char*, int>>& write_memories) {
        if (argc != 3) fail("usage: sim <stimulus.txt> <trace.txt>");
        for (auto& s : in_streams) {
            InStream st;
            st.name = s.first;
            st.ndata = s.second;
            in.push_back(st);
        }
        for (auto& s : stallable) {
            OutReady r;
            r.name = s;
            out_ready.push_back(r);
        }
        for (auto& m : memories) {
            ReadMemory rm;
            rm.name = m.first;
            rm.data_bytes = m.second;
            mem.push_back(rm);
            add_image(m.first, m.second);
        }
        for (auto& m : write_memories) {
            WriteMemory wm;
            wm.name = m.first;
            wm.data_bytes = m.second;
            wmem.push_back(wm);
            add_image(m.first, m.second);
        }
        read_stimulus(argv[1]);
        for (auto& i : images) if (!i.loaded) fail("stimulus has no image for memory '" + i.name + "'");
        for (auto& m : mem) m.link(image(m.name));
        for (auto& m : wmem) m.link(image(m.name));
        out = std::fopen(argv[2], "w");
        if (!out) fail(std::string("cannot write ") + argv[2]);
        static char buf[1 << 20];
        std::setvbuf(out, buf, _IOFBF, sizeof buf);
        std::fputs("accelgen-trace 2\n", out);
    }

    void add_image(const char* name, int data_bytes) {
        for (auto& i : images) if (i.name == name) return;
        Image i;
        i.name = name;
        i.data_bytes = data_bytes;
        images.push_back(i);
    }

    Image* image(const std::string& name) {
        for (auto& i : images) if (i.name == name) return &i;
        return nullptr;
    }

    void read_stimulus(const char* path) {
        std::ifstream f(path);
        if (!f) fail(std::string("cannot read ") + path);
        std::string tok;
        f >> tok;
        int version = 0;
        f >> version;
        if (tok != "accelgen-stimulus" || version != 2) fail("not an accelgen-stimulus 2 file");
        while (f >> tok) {
            if (tok == "end") return;
            if (tok == "limits") {
                f >> reset_cycles >> idle_limit >> max_cycles >> min_cycles;
            } else if (tok == "static") {
                std::string name, hex;
                f >> name >> hex;
                statics.emplace_back(name, parse_hex(hex));
            } else if (tok == "stream") {
                std::string name, seed;
                size_t n = 0;
                int junk = 0;
                f >> name >> n >> junk >> seed;
                InStream* s = nullptr;
                for (auto& x : in) if (x.name == name) s = &x;
                if (!s) fail("stimulus names unknown input stream '" + name + "'");
                s->junk = junk != 0;
                s->rng.s = parse_seed(seed);
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
            } else if (tok == "ready") {
                std::string name, seed;
                OutReady* r = nullptr;
                f >> name;
                for (auto& x : out_ready) if (x.name == name) r = &x;
                if (!r) fail("stimulus names unknown output stream with ready '" + name + "'");
                f >> r->pattern.percent >> r->pattern.max_len >> seed;
                r->pattern.rng.s = parse_seed(seed);
            } else if (tok == "memory") {
                std::string name;
                size_t n = 0;
                int junk = 0;
                f >> name;
                Image* m = image(name);
                if (!m) fail("stimulus names unknown memory '" + name + "'");
                f >> n >> m->latency_min >> m->latency_max >> m->bytes_per_cycle >> junk >> m->addr_percent >> m->addr_max
                        >> m->write_percent >> m->write_max;
                uint64_t* seeds[] = {&m->seed_ar, &m->seed_r_latency, &m->seed_r_junk, &m->seed_aw, &m->seed_w,
                                     &m->seed_b_latency};
                for (uint64_t* s : seeds) {
                    std::string hex;
                    f >> hex;
                    *s = parse_seed(hex);
                }
                m->junk = junk != 0;
                if (m->latency_min < 1 || m->latency_max < m->latency_min || m->bytes_per_cycle < 1)
                    fail("memory '" + name + "' needs 1 <= latency min <= max and bytes_per_cycle >= 1");
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

    void accept(size_t s, long long c) {
        std::fprintf(out, "a %lld %s %zu\n", c, in[s].name.c_str(), in[s].next);
        in[s].next++;
        if (in[s].next < in[s].beats.size()) in[s].present_at = c + 1 + in[s].beats[in[s].next].idle;
        last_activity = c;
    }

    void request(size_t m, long long c, uint64_t addr, unsigned len) {
        std::fprintf(out, "ar %lld %s %llx %u\n", c, mem[m].name.c_str(), (unsigned long long)addr, len);
        mem[m].request(c, addr, len);
    }

    void write_address(size_t m, long long c, uint64_t addr, unsigned len) {
        WriteMemory& w = wmem[m];
        std::fprintf(out, "aw %lld %s %llx %u\n", c, w.name.c_str(), (unsigned long long)addr, len);
        w.bursts.push_back(Burst{c, addr / (uint64_t)w.data_bytes, len, 0});
        last_activity = c;
    }

    // The W beat sampled into wmem[m].data / .strb was accepted in cycle c.
    void write_beat(size_t m, long long c, bool last) {
        WriteMemory& w = wmem[m];
        Burst& b = w.bursts.front();
        uint64_t word = b.first_word + b.done;
        w.img->write(word, w.data, w.strb);
        line.clear();
        line += "w ";
        line += std::to_string(c);
        line += ' ';
        line += w.name;
        line += ' ';
        hex_of(line, word * (uint64_t)w.data_bytes, 64);
        line += ' ';
        hex_of(line, w.data, 8 * w.data_bytes);
        line += ' ';
        hex_of(line, w.strb, w.data_bytes);
        line += '\n';
        std::fputs(line.c_str(), out);
        if (last != (b.done == b.len)) {
            std::fprintf(out, "x %lld %s W beat %u of a %u-beat burst has w_last %d\n", c, w.name.c_str(), b.done,
                         b.len + 1, last ? 1 : 0);
        }
        w.last_w = c;
        if (b.done++ == b.len) {
            w.bursts.pop_front();
            w.responses.push_back(c + w.latency.draw(w.latency_rng));
        }
        last_activity = c;
    }

    void write_response(size_t m, long long c) {
        std::fprintf(out, "b %lld %s\n", c, wmem[m].name.c_str());
        wmem[m].responses.pop_front();
        last_activity = c;
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
        for (auto& w : wmem) inputs_done = inputs_done && w.idle();
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

    // The final contents of every written word, then the end line.
    void close(bool timeout, long long cycles_run) {
        for (auto& w : wmem) {
            for (uint64_t i : w.img->written) {
                line.clear();
                line += "m ";
                line += w.name;
                line += ' ';
                hex_of(line, i, 64);
                line += ' ';
                hex_of(line, w.img->word(i), 8 * w.data_bytes);
                line += '\n';
                std::fputs(line.c_str(), out);
            }
        }
        std::fprintf(out, "end %s %lld\n", timeout ? "timeout" : "done", cycles_run);
        std::fclose(out);
    }
};

}  // namespace ag
