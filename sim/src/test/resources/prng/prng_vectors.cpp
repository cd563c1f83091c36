// Recomputes every line of vectors.txt with harness_prng.h (the draws the Verilator harness makes) and
// prints it; PrngVectorsTest compares the output with the file. Usage: prng_vectors vectors.txt
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "harness_prng.h"

using ag::SplitMix64;

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    std::ifstream f(argv[1]);
    std::string line;
    while (std::getline(f, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream in(line);
        std::string kind, seed;
        in >> kind >> seed;
        SplitMix64 r;
        r.s = std::stoull(seed, nullptr, 16);
        std::printf("%s %s", kind.c_str(), seed.c_str());
        if (kind == "next") {
            int n;
            in >> n;
            std::printf(" %d", n);
            for (int i = 0; i < n; ++i) std::printf(" %" PRIx64, r.next());
        } else if (kind == "below") {
            uint32_t bound;
            int n;
            in >> bound >> n;
            std::printf(" %u %d", bound, n);
            for (int i = 0; i < n; ++i) std::printf(" %u", r.below(bound));
        } else if (kind == "stalls") {
            ag::StallPattern p;
            int cycles;
            in >> p.percent >> p.max_len >> cycles;
            p.rng = r;
            std::printf(" %u %u %d ", p.percent, p.max_len, cycles);
            for (int c = 0; c < cycles; ++c) std::putchar(p.step() ? '1' : '0');
        } else if (kind == "latency") {
            ag::LatencyRange l;
            int n;
            in >> l.min >> l.max >> n;
            std::printf(" %lld %lld %d", l.min, l.max, n);
            for (int i = 0; i < n; ++i) std::printf(" %lld", l.draw(r));
        } else if (kind == "junk") {
            int width, n;
            in >> width >> n;
            std::printf(" %d %d", width, n);
            std::vector<uint32_t> w((size_t)(width + 31) / 32);
            for (int i = 0; i < n; ++i) {
                ag::junk_words(r, w.data(), w.size(), width);
                size_t k = w.size();
                while (k > 1 && w[k - 1] == 0) --k;
                std::printf(" %x", w[k - 1]);
                while (k-- > 1) std::printf("%08x", w[k - 1]);
            }
        } else {
            std::fprintf(stderr, "unknown vector kind %s\n", kind.c_str());
            return 2;
        }
        std::putchar('\n');
    }
    return 0;
}
