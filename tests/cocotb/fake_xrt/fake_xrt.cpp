// A model of an XRT device for running a generated host_xrt.cpp off the board. Linked against the XRT API stub
// headers of fpga-boards' test resources. The kernel computes C = A x B (int8 in, int32 little-endian out) from
// its buffer arguments 0 (A), 1 (B), 2 (C), independently of accelgen's golden model; dimensions come from
// FAKE_XRT_DIMS="rows,k,cols". FAKE_XRT_MODE=wrong corrupts one output byte.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <stdexcept>
#include <vector>

#include <xrt/xrt_bo.h>
#include <xrt/xrt_device.h>
#include <xrt/xrt_kernel.h>

struct xrt::bo::impl {
    std::vector<unsigned char> host;
    std::vector<unsigned char> device;
};

struct xrt::kernel::impl {
    std::string name;
    uint32_t status = 0;
};

struct xrt::run::impl {
    std::map<int, std::shared_ptr<xrt::bo::impl>> args;
    std::shared_ptr<xrt::kernel::impl> kernel;
    bool started = false;
};

xrt::uuid::uuid() {}
std::string xrt::uuid::to_string() const { return "fake"; }

xrt::device::device(unsigned int) {}

xrt::uuid xrt::device::load_xclbin(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error("fake XRT: no xclbin at " + path);
    }
    return xrt::uuid();
}

xrt::bo::bo(const device&, size_t sz, memory_group) : handle(std::make_shared<impl>()) {
    handle->host.assign(sz, 0);
    handle->device.assign(sz, 0);
}

void xrt::bo::write(const void* src) { std::memcpy(handle->host.data(), src, handle->host.size()); }
void xrt::bo::read(void* dst) { std::memcpy(dst, handle->host.data(), handle->host.size()); }

void xrt::bo::sync(xclBOSyncDirection dir) {
    if (dir == XCL_BO_SYNC_BO_TO_DEVICE) {
        handle->device = handle->host;
    } else {
        handle->host = handle->device;
    }
}

xrt::kernel::kernel(const device&, const uuid&, const std::string& name, cu_access_mode mode)
    : handle(std::make_shared<impl>()) {
    if (mode != cu_access_mode::exclusive) {
        throw std::runtime_error("fake XRT: read_register needs the kernel opened with exclusive access");
    }
    handle->name = name;
}

// The status word of the GEMM kernel (three pointers, no scalars) is at 0x34; FAKE_XRT_MODE=status sets bit 0.
uint32_t xrt::kernel::read_register(uint32_t offset) const {
    if (offset != 0x34) {
        throw std::runtime_error("fake XRT: read_register at an offset other than the status word");
    }
    return handle->status;
}

int xrt::kernel::group_id(int argno) const { return argno; }

xrt::run::run(const kernel& k) : handle(std::make_shared<impl>()) { handle->kernel = k.handle; }

void xrt::run::set_arg(int index, const bo& arg) { handle->args[index] = arg.handle; }

void xrt::run::set_arg(int, uint32_t) { throw std::runtime_error("fake XRT: the GEMM kernel has no scalar arguments"); }

void xrt::run::start() {
    int rows = 0, k = 0, cols = 0;
    const char* dims = std::getenv("FAKE_XRT_DIMS");
    if (!dims || std::sscanf(dims, "%d,%d,%d", &rows, &k, &cols) != 3) {
        throw std::runtime_error("fake XRT: set FAKE_XRT_DIMS=rows,k,cols");
    }
    const auto& a = handle->args.at(0)->device;
    const auto& b = handle->args.at(1)->device;
    auto& c = handle->args.at(2)->device;
    for (int r = 0; r < rows; r++) {
        for (int j = 0; j < cols; j++) {
            int sum = 0;
            for (int i = 0; i < k; i++) {
                sum += static_cast<signed char>(a[r * k + i]) * static_cast<signed char>(b[i * cols + j]);
            }
            for (int byte = 0; byte < 4; byte++) {
                c[(r * cols + j) * 4 + byte] = static_cast<unsigned char>(static_cast<unsigned>(sum) >> (8 * byte));
            }
        }
    }
    const char* mode = std::getenv("FAKE_XRT_MODE");
    if (mode && std::strcmp(mode, "wrong") == 0) {
        c[9] ^= 0x01;
    }
    if (mode && std::strcmp(mode, "status") == 0) {
        handle->kernel->status = 0x1;
    }
    handle->started = true;
}

ert_cmd_state xrt::run::wait(const std::chrono::milliseconds&) const {
    return handle->started ? ERT_CMD_STATE_COMPLETED : ERT_CMD_STATE_ERROR;
}
