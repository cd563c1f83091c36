"""A kernel's AXI4 master as a cocotbext-axi bus, for kernels without the optional AXI ID signals."""
from cocotb.types import LogicArray
from cocotbext.axi import AxiBus


class AbsentId:
    """Stands in for an AXI ID signal the kernel does not have (IDs are optional for Vitis kernels; cocotbext-axi's
    AXI slave needs them): one bit that always reads 0 and ignores writes."""

    def __init__(self):
        self._value = LogicArray("0")

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, _):
        pass

    def setimmediatevalue(self, _):
        pass

    def __len__(self):
        return 1


def axi_bus(dut, prefix):
    """The kernel's AXI4 master. Under cocotb 2 a missing bus signal stays as a None attribute: IDs get a
    constant stand-in, other absent optional signals are removed so cocotbext-axi leaves them alone."""
    bus = AxiBus.from_prefix(dut, prefix)
    for channel in (bus.write.aw, bus.write.w, bus.write.b, bus.read.ar, bus.read.r):
        for name, value in list(vars(channel).items()):
            if value is None:
                if name in ("awid", "bid", "arid", "rid"):
                    stand_in = AbsentId()
                    setattr(channel, name, stand_in)
                    channel._signals[name] = stand_in
                else:
                    delattr(channel, name)
    return bus
