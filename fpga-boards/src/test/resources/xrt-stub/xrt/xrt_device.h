// Minimal declarations of XRT's native C++ API (xrt/xrt_device.h, XRT 2.14+), only so that generated host code
// can be compiled without XRT installed (-fsyntax-only in JUnit; linked with tests/cocotb/fake_xrt/fake_xrt.cpp, a
// device model, in pytest). Signatures follow the XRT documentation.
#pragma once
#include <array>
#include <string>

namespace xrt {
class uuid {
public:
    uuid();
    std::string to_string() const;
};

class device {
public:
    explicit device(unsigned int index);
    uuid load_xclbin(const std::string& xclbin_fnm);
};
}  // namespace xrt
