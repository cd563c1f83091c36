@@HEADER@@
// Runs the kernel through XRT: loads the xclbin, moves each buffer's initial contents to the device, runs every
// run of the plan (scalars, start, wait, status word), and checks the outputs against the golden files.
// Usage: ./host_xrt [XCLBIN] [BUNDLE_DIR]   defaults: ../../build/@@TOP@@.xclbin ../..
// Exit status 0 when every run ends with status 0 and every check matches, 1 otherwise.
#include <chrono>
#include <cstdint>
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
    const std::string bundle = argc > 2 ? argv[2] : "../..";
    try {
        xrt::device device(0);
        auto uuid = device.load_xclbin(xclbin);
        // Exclusive access: the status word is read with read_register, which XRT allows only then.
        xrt::kernel kernel(device, uuid, ACCEL_KERNEL_NAME, xrt::kernel::cu_access_mode::exclusive);
        xrt::run run(kernel);
        std::vector<xrt::bo> buffers;
        for (int i = 0; i < ACCEL_NUM_ARGS; i++) {
            const accel_arg& a = ACCEL_ARGS[i];
            buffers.emplace_back(device, a.bytes, kernel.group_id(i));
            std::vector<unsigned char> data(a.bytes, 0xA5);  // outputs start with a value the kernel must overwrite
            if (a.init) {
                data = read_file(bundle + "/" + a.init);
                if (data.size() != a.bytes) {
                    std::cerr << "FAIL " << a.init << " has " << data.size() << " bytes, expected " << a.bytes << "\n";
                    return 1;
                }
            }
            buffers.back().write(data.data());
            buffers.back().sync(XCL_BO_SYNC_BO_TO_DEVICE);
            run.set_arg(i, buffers.back());
        }
        auto start = std::chrono::steady_clock::now();
        for (int r = 0; r < ACCEL_NUM_RUNS; r++) {
            for (int s = 0; s < ACCEL_NUM_SCALARS; s++) {
                run.set_arg(ACCEL_NUM_ARGS + s, ACCEL_RUNS[r][s]);
            }
            run.start();
            auto state = run.wait(std::chrono::milliseconds(5000));
            if (state != ERT_CMD_STATE_COMPLETED) {
                std::cerr << "FAIL run " << r << ": kernel did not complete within 5 s (state " << static_cast<int>(state) << ")\n";
                return 1;
            }
            uint32_t status = kernel.read_register(ACCEL_REG_STATUS);
            if (status != 0) {
                std::printf("FAIL run %d: status word 0x%08x (bit 0 AXI read error, bit 1 AXI write error, bit 2 illegal"
                            " instruction)\n", r, static_cast<unsigned>(status));
                return 1;
            }
        }
        auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
        int failures = 0;
        std::vector<bool> synced(ACCEL_NUM_ARGS, false);
        for (int i = 0; i < ACCEL_NUM_CHECKS; i++) {
            const accel_check& c = ACCEL_CHECKS[i];
            if (!synced[c.arg]) {
                buffers[c.arg].sync(XCL_BO_SYNC_BO_FROM_DEVICE);
                synced[c.arg] = true;
            }
            std::vector<unsigned char> got(ACCEL_ARGS[c.arg].bytes);
            buffers[c.arg].read(got.data());
            std::vector<unsigned char> expected = read_file(bundle + "/" + c.path);
            std::string path(c.path);
            std::string file = path.substr(path.find_last_of('/') + 1);
            size_t first = c.bytes;
            for (size_t j = 0; j < c.bytes && j < expected.size(); j++) {
                if (got[c.offset + j] != expected[j]) {
                    first = j;
                    break;
                }
            }
            if (expected.size() == c.bytes && first == c.bytes) {
                std::printf("PASS %s %zu bytes match %s\n", c.name, c.bytes, file.c_str());
            } else {
                std::printf("FAIL %s byte %zu differs from %s\n", c.name, first, file.c_str());
                failures++;
            }
        }
        std::printf("run time %lld us for %d run(s) (includes launch)\n", static_cast<long long>(elapsed.count()),
                    ACCEL_NUM_RUNS);
        return failures == 0 ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "FAIL " << e.what() << "\n";
        return 1;
    }
}
