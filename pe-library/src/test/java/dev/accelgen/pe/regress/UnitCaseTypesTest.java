package dev.accelgen.pe.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.errors.ConfigError;
import dev.accelgen.pe.UnitKinds;
import dev.accelgen.pe.mixpe.MixPeKind;
import dev.accelgen.pe.systolic.SystolicConfig;
import dev.accelgen.sim.regress.CaseTypes;
import dev.accelgen.sim.regress.PlannedCase;
import dev.accelgen.sim.regress.Suite;
import dev.accelgen.sim.regress.SuiteReader;
import dev.accelgen.sim.regress.Workload;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnitCaseTypesTest {
    private static final CaseTypes TYPES = CaseTypes.of(List.of(new RandomUnitCases(UnitKinds.all()), new FixedUnitCases(UnitKinds.all())));

    private static List<PlannedCase> expand(String cases) {
        Suite s = SuiteReader.parse("{\"suite\": \"t\", \"cases\": [" + cases + "]}", "t.json", "t");
        return TYPES.expand(s);
    }

    @Test
    void randomCasesAreTheConfigurationsOfPeVerifyWithStableIds() {
        List<PlannedCase> cases = expand("{\"type\": \"unit-random\", \"kind\": \"mixpe\", \"configs\": 5, \"seed\": 11}");
        assertEquals(List.of("mixpe/random/s11/c0", "mixpe/random/s11/c1", "mixpe/random/s11/c2", "mixpe/random/s11/c3",
                "mixpe/random/s11/c4"), cases.stream().map(PlannedCase::id).toList());
        Random rng = new Random(11);
        MixPeKind kind = new MixPeKind();
        for (int i = 0; i < 5; i++) {
            UnitCase c = (UnitCase) cases.get(i).regressCase();
            assertEquals(kind.randomConfig(rng), c.config());
            assertEquals(11 * 1_000_003L + i, c.seed()); // as pe verify --configs N --seed 11
            assertEquals(20, c.vectors());
            assertEquals("mixpe", c.group());
        }
        // The id of a configuration does not depend on how many are drawn.
        assertEquals(((UnitCase) cases.get(3).regressCase()).config(), ((UnitCase) expand(
                "{\"type\": \"unit-random\", \"kind\": \"mixpe\", \"configs\": 9, \"seed\": 11}").get(3).regressCase()).config());
    }

    @Test
    void aFixedCaseIsNamedByItsValues() {
        List<PlannedCase> cases = expand("{\"type\": \"unit-config\", \"kind\": \"systolic\", \"seed\": 4, \"vectors\": 3,"
                + " \"config\": {\"rows\": 4, \"cols\": 2, \"aBits\": 8, \"wBits\": 8, \"accBits\": 32, \"signed\": true}}");
        UnitCase c = (UnitCase) cases.get(0).regressCase();
        assertEquals("systolic/config/4_2_8_8_32_true/s4", c.id());
        assertEquals(new SystolicConfig(4, 2, 8, 8, 32, true), c.config());
        assertEquals("systolic config {\"rows\":4,\"cols\":2,\"aBits\":8,\"wBits\":8,\"accBits\":32,\"signed\":true} seed 4 vectors 3",
                c.describe());
    }

    @Test
    void theWorkloadIsTheElaboratedVerilogAndTheGoldenCycles() {
        PlannedCase p = expand("{\"type\": \"unit-config\", \"kind\": \"systolic\", \"vectors\": 3,"
                + " \"config\": {\"rows\": 2, \"cols\": 2, \"aBits\": 8, \"wBits\": 8, \"accBits\": 32, \"signed\": true}}").get(0);
        UnitCase c = (UnitCase) p.regressCase();
        long bytes = c.elaborate().files().entrySet().stream().filter(e -> e.getKey().endsWith(".v"))
                .mapToLong(e -> e.getValue().length()).sum();
        assertEquals(new Workload(bytes, c.golden().run(c.stimulus()).totalCycles()), p.workload());
        assertTrue(bytes > 1000, "a 2x2 array is more than a kilobyte of Verilog: " + bytes);
    }

    @Test
    void badEntriesNameTheEntry() {
        assertEquals("t.json cases[0]: unknown kind \"mixp\" (kinds: systolic, mixpe, ternary, mlgru, rmsnorm, dsp-chain, moe)",
                assertThrows(ConfigError.class, () -> expand("{\"type\": \"unit-random\", \"kind\": \"mixp\", \"configs\": 1, \"seed\": 1}")).getMessage());
        assertEquals("t.json cases[0]: configs must be an integer in 1..100000 (got 0)",
                assertThrows(ConfigError.class, () -> expand("{\"type\": \"unit-random\", \"kind\": \"moe\", \"configs\": 0, \"seed\": 1}")).getMessage());
        assertEquals("t.json cases[0]: missing \"seed\"",
                assertThrows(ConfigError.class, () -> expand("{\"type\": \"unit-random\", \"kind\": \"moe\", \"configs\": 2}")).getMessage());
        assertEquals("t.json cases[0]: config: rows must be in 1..128 (got 0)",
                assertThrows(ConfigError.class, () -> expand("{\"type\": \"unit-config\", \"kind\": \"systolic\", \"config\": "
                        + "{\"rows\": 0, \"cols\": 2, \"aBits\": 8, \"wBits\": 8, \"accBits\": 32, \"signed\": true}}")).getMessage());
    }
}
