@@HEADER@@
// Runs the kernel once through XRT: loads the xclbin, moves the golden inputs into device buffers, runs,
// and checks the outputs against the golden files.
// Usage: ./host_xrt [XCLBIN] [GOLDEN_DIR]   defaults: ../../build/@@TOP@@.xclbin ../../golden
// Exit status 0 when every output matches, 1 otherwise.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include <xrt/xrt_bo.h>
#include <xrt/xrt_device.h>
#include <xrt/xrt_kernel.h>

#include "accel_config.h"

static std::vector<unsigned char> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot open " + path);
    }
    return std::vector<unsigned char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

int main(int argc, char** argv) {
    const std::string xclbin = argc > 1 ? argv[1] : "../../build/@@TOP@@.xclbin";
    const std::string golden = argc > 2 ? argv[2] : "../../golden";
    try {
        xrt::device device(0);
        auto uuid = device.load_xclbin(xclbin);
        xrt::kernel kernel(device, uuid, ACCEL_KERNEL_NAME);
        xrt::run run(kernel);
        std::vector<xrt::bo> buffers;
        for (int i = 0; i < ACCEL_NUM_ARGS; i++) {
            const accel_arg& a = ACCEL_ARGS[i];
            buffers.emplace_back(device, a.bytes, kernel.group_id(i));
            std::vector<unsigned char> data(a.bytes, 0xA5);  // outputs start with a value the kernel must overwrite
            if (a.dir == ACCEL_IN) {
                data = read_file(golden + "/" + a.name + ".bin");
                if (data.size() != a.bytes) {
                    std::cerr << "FAIL " << a.name << ".bin has " << data.size() << " bytes, expected " << a.bytes << "\n";
                    return 1;
                }
            }
            buffers.back().write(data.data());
            buffers.back().sync(XCL_BO_SYNC_BO_TO_DEVICE);
            run.set_arg(i, buffers.back());
        }
        auto start = std::chrono::steady_clock::now();
        run.start();
        auto state = run.wait(std::chrono::milliseconds(5000));
        auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
        if (state != ERT_CMD_STATE_COMPLETED) {
            std::cerr << "FAIL kernel did not complete within 5 s (state " << static_cast<int>(state) << ")\n";
            return 1;
        }
        int failures = 0;
        for (int i = 0; i < ACCEL_NUM_ARGS; i++) {
            const accel_arg& a = ACCEL_ARGS[i];
            if (a.dir != ACCEL_OUT) {
                continue;
            }
            buffers[i].sync(XCL_BO_SYNC_BO_FROM_DEVICE);
            std::vector<unsigned char> got(a.bytes);
            buffers[i].read(got.data());
            std::vector<unsigned char> expected = read_file(golden + "/" + a.name + ".bin");
            size_t first = a.bytes;
            for (size_t j = 0; j < a.bytes && j < expected.size(); j++) {
                if (got[j] != expected[j]) {
                    first = j;
                    break;
                }
            }
            if (expected.size() == a.bytes && first == a.bytes) {
                std::printf("PASS %s %zu bytes match %s.bin\n", a.name, a.bytes, a.name);
            } else {
                std::printf("FAIL %s byte %zu differs from %s.bin\n", a.name, first, a.name);
                failures++;
            }
        }
        std::printf("run time %lld us (includes launch)\n", static_cast<long long>(elapsed.count()));
        return failures == 0 ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "FAIL " << e.what() << "\n";
        return 1;
    }
}
