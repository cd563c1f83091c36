package dev.accelgen.boards.xdc;

import dev.accelgen.boards.BoardCatalog;
import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.model.BoardClock;
import dev.accelgen.boards.model.BoardJson;
import dev.accelgen.errors.BoardError;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The XDC sources in constraints/ and the board JSON are written separately; these tests hold them equal. */
class XdcGeneratorTest {
    private static final Pattern PIN_LINE = Pattern.compile(
            "set_property -dict \\{PACKAGE_PIN (\\S+) IOSTANDARD (\\S+)((?: \\S+ \\S+)*)\\} \\[get_ports \\{([^}]+)\\}\\]");
    private static final Pattern CLOCK_LINE = Pattern.compile(
            "create_clock -period (\\S+) -name (\\S+) \\[get_ports \\{([^}]+)\\}\\]");

    /** port -> "PIN IOSTANDARD [extra properties]" as the XDC states it. */
    private static Map<String, String> pins(String xdc) {
        Map<String, String> m = new TreeMap<>();
        Matcher x = PIN_LINE.matcher(xdc);
        while (x.find()) {
            assertEquals(null, m.put(x.group(4), (x.group(1) + " " + x.group(2) + x.group(3)).trim()), "port twice: " + x.group(4));
        }
        return m;
    }

    /** The same map computed from the board JSON alone. */
    private static Map<String, String> expectedPins(Board b, List<String> names) {
        Map<String, String> m = new TreeMap<>();
        for (BoardClock c : b.clocks()) {
            if (names.contains(c.name())) {
                String bias = c.dqsBias() ? " DQS_BIAS TRUE" : "";
                m.put(c.port() + "_p", c.pinP() + " " + c.iostandard() + bias);
                m.put(c.port() + "_n", c.pinN() + " " + c.iostandard() + bias);
            }
        }
        if (names.contains(b.reset().name())) {
            m.put(b.reset().port(), b.reset().pin() + " " + b.reset().iostandard());
        }
        b.pins().stream().filter(p -> names.contains(p.name()))
                .forEach(p -> m.put(p.port(), p.pin() + " " + p.iostandard()));
        return m;
    }

    private static List<String> allNames(Board b) {
        Set<String> s = new LinkedHashSet<>();
        b.clocks().forEach(c -> s.add(c.name()));
        s.add(b.reset().name());
        b.pins().forEach(p -> s.add(p.name()));
        return List.copyOf(s);
    }

    @Test
    void everyConstraintsSourceGroupEqualsTheBoardData() {
        for (Board b : BoardCatalog.builtIns()) {
            List<String> all = allNames(b);
            String xdc = XdcGenerator.generate(b, Set.copyOf(all));
            assertEquals(expectedPins(b, all), pins(xdc), b.name());
            Matcher clk = CLOCK_LINE.matcher(xdc);
            int clocks = 0;
            while (clk.find()) {
                BoardClock c = b.clocks().stream().filter(x -> (x.port() + "_p").equals(clk.group(3)))
                        .findFirst().orElseThrow(() -> new AssertionError("clock on unknown port " + clk.group(3)));
                assertEquals(c.periodNs(), clk.group(1), c.name());
                clocks++;
            }
            assertEquals(b.clocks().size(), clocks, b.name());
            assertEquals(Set.copyOf(all), XdcSource.forBoard(b.name()).orElseThrow().groups().keySet(), b.name());
        }
    }

    @Test
    void u280CustomShellClockGetsLvdsPinsAndTheCattripTie() {
        Board u280 = BoardCatalog.resolve("u280");
        String xdc = XdcGenerator.generate(u280, Set.of("sysclk0"));
        assertEquals(Map.of(
                "sysclk0_clk_p", "BJ43 LVDS DQS_BIAS TRUE",
                "sysclk0_clk_n", "BJ44 LVDS DQS_BIAS TRUE",
                "hbm_cattrip", "D32 LVCMOS18"), pins(xdc));
        assertTrue(xdc.contains("set_property PULLDOWN TRUE [get_ports {hbm_cattrip}]\n"), xdc);
        assertTrue(xdc.contains("create_clock -period 10.000 -name sysclk0 [get_ports {sysclk0_clk_p}]\n"), xdc);
        assertEquals(List.of("HBM_CATTRIP"), XdcGenerator.tiedOutputs(u280, Set.of("sysclk0")).stream().map(p -> p.name()).toList());
        assertEquals("low", XdcGenerator.tiedOutputs(u280, Set.of("sysclk0")).get(0).tie());
    }

    @Test
    void zcu104ResetAndLedsOnlyWhatTheDesignUses() {
        Board z = BoardCatalog.resolve("zcu104");
        String xdc = XdcGenerator.generate(z, Set.of("CPU_RESET", "GPIO_LED_0", "GPIO_LED_1", "GPIO_LED_2", "GPIO_LED_3"));
        assertEquals(Map.of("cpu_reset", "M11 LVCMOS33", "led[0]", "D5 LVCMOS33", "led[1]", "D6 LVCMOS33",
                "led[2]", "A5 LVCMOS33", "led[3]", "B5 LVCMOS33"), pins(xdc));
        assertFalse(xdc.contains("create_clock"), xdc);
        assertTrue(XdcGenerator.tiedOutputs(z, Set.of("CPU_RESET")).isEmpty());
    }

    @Test
    void aPlatformKernelUsesNoPinsAndGetsNoCattrip() {
        String xdc = XdcGenerator.generate(BoardCatalog.resolve("u280"), Set.of());
        assertEquals(Map.of(), pins(xdc));
        assertTrue(xdc.contains("# The design uses no board pins"), xdc);
    }

    @Test
    void userBoardWithoutASourceIsDerivedFromItsJsonIdentically() {
        Board user = BoardJson.parse(BoardCatalog.builtInJson("u280").replace("\"name\": \"u280\"", "\"name\": \"my_u280\""), "board.json");
        Board builtin = BoardCatalog.resolve("u280");
        for (List<String> used : List.of(List.of("sysclk0", "CPU_RESET"), allNames(builtin))) {
            String derived = XdcGenerator.generate(user, Set.copyOf(used));
            String fromSource = XdcGenerator.generate(builtin, Set.copyOf(used));
            assertEquals(pins(fromSource), pins(derived));
            assertTrue(derived.contains("# Source: board description"), derived);
        }
    }

    @Test
    void unknownPinIsRejectedWithTheKnownOnes() {
        BoardError e = assertThrows(BoardError.class,
                () -> XdcGenerator.generate(BoardCatalog.resolve("zcu104"), Set.of("GPIO_LED_7")));
        assertEquals("design uses board pin 'GPIO_LED_7' that board zcu104 does not have; known pins: CLK_300, CLK_125,"
                + " CPU_RESET, GPIO_LED_0, GPIO_LED_1, GPIO_LED_2, GPIO_LED_3, GPIO_PB_SW0, GPIO_PB_SW1, GPIO_PB_SW2,"
                + " GPIO_PB_SW3", e.getMessage());
    }

    @Test
    void generationIsDeterministic() {
        Board z = BoardCatalog.resolve("zcu104");
        Set<String> used = Set.of("GPIO_LED_3", "CPU_RESET", "GPIO_LED_0");
        String a = XdcGenerator.generate(z, used);
        assertEquals(a, XdcGenerator.generate(z, new LinkedHashSet<>(List.of("GPIO_LED_0", "CPU_RESET", "GPIO_LED_3"))));
        assertTrue(a.indexOf("{cpu_reset}") < a.indexOf("{led[0]}") && a.indexOf("{led[0]}") < a.indexOf("{led[3]}"), a);
    }
}
