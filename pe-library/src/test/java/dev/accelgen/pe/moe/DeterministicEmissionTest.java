package dev.accelgen.pe.moe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.dsp.DspChain;
import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.dsp.Packing;
import dev.accelgen.pe.dsp.Sparsity;
import org.junit.jupiter.api.Test;

/** Generation is deterministic: the same configuration gives byte-identical files. */
class DeterministicEmissionTest {
    @Test
    void chainAndLayerEmitIdenticalFilesTwice() {
        DspChainConfig chain = new DspChainConfig(12, Packing.INT4X4, Sparsity.parse("block:2"));
        assertEquals(Hdl.elaborate(new DspChain(), chain).files(), Hdl.elaborate(new DspChain(), chain).files());
        MoeConfig moe = new MoeConfig(12, 2, 20, 4, 8, 12, 15, 3);
        assertEquals(Hdl.elaborate(new MoeLayer(), moe).files(), Hdl.elaborate(new MoeLayer(), moe).files());
    }
}
