// Minimal declarations of xrt/xrt_kernel.h for syntax checks; see xrt_device.h.
#pragma once
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"

enum ert_cmd_state {
    ERT_CMD_STATE_NEW = 1,
    ERT_CMD_STATE_QUEUED = 2,
    ERT_CMD_STATE_RUNNING = 3,
    ERT_CMD_STATE_COMPLETED = 4,
    ERT_CMD_STATE_ERROR = 5,
    ERT_CMD_STATE_ABORT = 6,
    ERT_CMD_STATE_TIMEOUT = 11
};

namespace xrt {
class kernel {
public:
    enum class cu_access_mode : uint8_t { exclusive = 0, shared = 1, none = 2 };
    kernel(const device& device, const uuid& xclbin_id, const std::string& name,
           cu_access_mode mode = cu_access_mode::shared);
    int group_id(int argno) const;
    uint32_t read_register(uint32_t offset) const;

    struct impl;
    std::shared_ptr<impl> handle;
};

class run {
public:
    explicit run(const kernel& krnl);
    void set_arg(int index, const bo& arg);
    void set_arg(int index, uint32_t value);
    void start();
    ert_cmd_state wait(const std::chrono::milliseconds& timeout) const;

    struct impl;
    std::shared_ptr<impl> handle;
};
}  // namespace xrt
