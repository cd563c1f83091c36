package dev.accelgen.pe.accel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.hdl.Hdl;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.buf.AbufRtl;
import dev.accelgen.pe.accel.buf.SbufRtl;
import dev.accelgen.pe.accel.buf.WbufRtl;
import dev.accelgen.pe.accel.ctrl.ControllerRtl;
import dev.accelgen.pe.accel.dma.LoadEngineRtl;
import dev.accelgen.pe.accel.dma.StoreEngineRtl;
import dev.accelgen.pe.testutil.RtlChecks;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every block of the core alone, and whole cores (without engines, and with every engine of this branch):
 * Verilator -Wall lint clean, Yosys check -assert clean, and generated twice byte for byte the same.
 */
class BlockLintTest {
    static final HwConfig NARROW = new HwConfig("narrow", 4, 64, 16, 16, 2, 64, List.of(), Set.of(), 4, 2, 1, 4, 64, 4, 2);
    static final HwConfig WIDE = new HwConfig("wide", 4, 48, 16, 10, 1, 512, List.of(), Set.of(), 4, 2, 1, 3, 20, 8, 3);

    static Stream<Arguments> blocks() {
        List<ModuleGen<HwConfig>> gens = List.of(new LoadEngineRtl(), new StoreEngineRtl(), new AbufRtl(), new SbufRtl(),
                new WbufRtl(), new ControllerRtl());
        return Stream.of(NARROW, WIDE).flatMap(c -> gens.stream().map(g -> Arguments.of(g, c)));
    }

    @ParameterizedTest
    @MethodSource("blocks")
    void lintClean(ModuleGen<HwConfig> gen, HwConfig c, @TempDir Path dir) {
        RtlChecks.emitAndCheck(Hdl.elaborate(gen, c), dir);
    }

    static Stream<Arguments> cores() {
        return Stream.of(Arguments.of(new CoreConfig(NARROW, true)), Arguments.of(new CoreConfig(WIDE, false)),
                Arguments.of(new CoreConfig(CoreFuzzRtlTest.WIDE, true)));
    }

    @ParameterizedTest
    @MethodSource("cores")
    void coreLintClean(CoreConfig c, @TempDir Path dir) {
        RtlChecks.emitAndCheck(Hdl.elaborate(new AccelCoreRtl(), c), dir);
    }

    @Test
    void coreGenerationIsDeterministic() {
        CoreConfig c = new CoreConfig(CoreFuzzRtlTest.WIDE, true);
        assertEquals(Hdl.elaborate(new AccelCoreRtl(), c).files(), Hdl.elaborate(new AccelCoreRtl(), c).files());
    }
}
