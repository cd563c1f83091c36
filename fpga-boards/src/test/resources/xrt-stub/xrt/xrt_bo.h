// Minimal declarations of xrt/xrt_bo.h for syntax checks; see xrt_device.h.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include "xrt/xrt_device.h"

enum xclBOSyncDirection { XCL_BO_SYNC_BO_TO_DEVICE = 0, XCL_BO_SYNC_BO_FROM_DEVICE };

namespace xrt {
using memory_group = uint32_t;

class bo {
public:
    bo(const device& device, size_t sz, memory_group grp);
    void write(const void* src);
    void read(void* dst);
    void sync(xclBOSyncDirection dir);

    // Like XRT's own classes, a handle to shared state (lets a test link a model of the device).
    struct impl;
    std::shared_ptr<impl> handle;
};
}  // namespace xrt
