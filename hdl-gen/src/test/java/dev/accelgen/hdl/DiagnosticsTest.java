package dev.accelgen.hdl;

import static dev.accelgen.hdl.Lint.here;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** One negative test per diagnostic kind: exact message, id and the user's source line. */
class DiagnosticsTest {
    private static final String FILE = "DiagnosticsTest.java";

    private static List<Diagnostic> errors(Consumer<ModuleBuilder> body) {
        return assertThrows(HdlCheckException.class, () -> TestGen.elaborate("m", body)).diagnostics();
    }

    private static Diagnostic only(Consumer<ModuleBuilder> body) {
        List<Diagnostic> d = errors(body);
        assertEquals(1, d.size(), d.toString());
        return d.get(0);
    }

    private static String at(int... lines) {
        StringBuilder sb = new StringBuilder();
        for (int l : lines) {
            sb.append(sb.length() == 0 ? " at " : " and ").append(FILE).append(':').append(l);
        }
        return sb.toString();
    }

    @Test
    void widthMismatchNamesBothWidthsAndTheLine() {
        AtomicInteger line = new AtomicInteger();
        Diagnostic d = only(b -> {
            UInt a = b.input("a", UInt.type(8));
            UInt y = b.output("y", UInt.type(8));
            line.set(here() + 1);
            y.set(a.add(a));
        });
        assertEquals("[HDL-W01 WIDTH_MISMATCH] module m: WIDTH MISMATCH (8 bits <- 9 bits) assigning 'y'; resize,"
                + " truncate or extend explicitly" + at(line.get()), d.toString());
    }

    @Test
    void signedToUnsignedAssignmentIsATypeMismatch() {
        AtomicInteger line = new AtomicInteger();
        Diagnostic d = only(b -> {
            SInt a = b.input("a", SInt.type(8));
            UInt y = b.output("y", UInt.type(8));
            line.set(here() + 1);
            y.set(a);
        });
        assertEquals("[HDL-W02 TYPE_MISMATCH] module m: TYPE MISMATCH (UInt(8) <- SInt(8)) assigning 'y'; convert"
                + " explicitly (asSInt/asUInt/toSInt)" + at(line.get()), d.toString());
    }

    @Test
    void overlappingUnconditionalAssignmentsNameBothLocationsAndTheBits() {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        Diagnostic d = only(b -> {
            UInt a = b.input("a", UInt.type(8));
            UInt y = b.output("y", UInt.type(8));
            first.set(here() + 1);
            y.slice(5, 0).set(a.slice(5, 0));
            second.set(here() + 1);
            y.slice(7, 4).set(a.slice(3, 0));
        });
        assertEquals("[HDL-D01 MULTIPLE_DRIVERS] module m: bits [5:4] of 'y' are driven twice: the unconditional"
                + " assignment overrides the earlier one" + at(first.get(), second.get()), d.toString());
    }

    @Test
    void undrivenOutputPointsAtItsDeclaration() {
        AtomicInteger line = new AtomicInteger();
        Diagnostic d = only(b -> {
            line.set(here() + 1);
            b.output("y", UInt.type(4));
        });
        assertEquals("[HDL-D02 UNDRIVEN] module m: output 'y' has no driver" + at(line.get()), d.toString());
    }

    @Test
    void partiallyDrivenSignalNamesTheMissingBits() {
        AtomicInteger line = new AtomicInteger();
        Diagnostic d = only(b -> {
            UInt a = b.input("a", UInt.type(8));
            line.set(here() + 1);
            UInt y = b.output("y", UInt.type(8));
            y.slice(3, 0).set(a.slice(3, 0));
        });
        assertEquals("[HDL-D02 UNDRIVEN] module m: bits [7:4] of 'y' have no driver" + at(line.get()), d.toString());
    }

    @Test
    void conditionalAssignmentWithoutDefaultIsALatchAtTheWhen() {
        AtomicInteger line = new AtomicInteger();
        Diagnostic d = only(b -> {
            Bool en = b.input("en", Bool.type());
            UInt a = b.input("a", UInt.type(8));
            UInt y = b.output("y", UInt.type(8));
            line.set(here() + 1);
            b.when(en, () -> y.set(a));
        });
        assertEquals("[HDL-D03 LATCH] module m: LATCH: bits [7:0] of 'y' are not assigned on every path; assign a"
                + " default before the when or declare the wire with a default value" + at(line.get()), d.toString());
    }

    @Test
    void defaultValueOrDefaultAssignmentPreventsLatches() {
        TestGen.elaborate("ok", b -> {
            Bool en = b.input("en", Bool.type());
            UInt a = b.input("a", UInt.type(8));
            UInt w = b.wire("w", UInt.lit(0, 8));
            b.when(en, () -> w.set(a));
            UInt y = b.output("y", UInt.type(8));
            y.set(a);
            b.when(en, () -> y.set(w));
        });
    }

    @Test
    void combinationalLoopPrintsEverySignalOnTheLoopWithItsLine() {
        int[] lines = new int[3];
        Diagnostic d = only(b -> {
            UInt x = b.input("x", UInt.type(4));
            UInt p = b.wire("p", UInt.type(4));
            UInt q = b.wire("q", UInt.type(4));
            UInt r = b.wire("r", UInt.type(4));
            lines[0] = here() + 1;
            p.set(r.addWrap(x));
            lines[1] = here() + 1;
            q.set(p);
            lines[2] = here() + 1;
            r.set(q.xor(x));
            b.output("y", UInt.type(4)).set(r);
        });
        assertEquals("[HDL-L01 COMBINATIONAL_LOOP] module m: COMBINATIONAL LOOP: p (" + FILE + ":" + lines[0] + ") -> q ("
                + FILE + ":" + lines[1] + ") -> r (" + FILE + ":" + lines[2] + ") -> p"
                + at(lines[0], lines[1], lines[2]), d.toString());
    }

    @Test
    void loopThroughAChildInstanceIsFoundFromTheChildsInputToOutputPath() {
        TestGen child = new TestGen(b -> b.output("o", UInt.type(4)).set(b.input("i", UInt.type(4))));
        Diagnostic d = only(b -> {
            Instance u = b.instance(child, "passthru", "u");
            u.<UInt>port("i").set(u.<UInt>port("o").addWrap(UInt.lit(1, 4)));
            b.output("y", UInt.type(4)).set(u.port("o"));
        });
        assertEquals(DiagnosticKind.COMBINATIONAL_LOOP, d.kind());
        // The child declares o before i, so the loop is printed from u_o; u_o's location is the instance line.
        assertEquals("COMBINATIONAL LOOP: u_o (" + d.locations().get(0) + ") -> u_i (" + d.locations().get(1)
                + ") -> u_o", d.message());
    }

    @Test
    void registerBreaksTheLoop() {
        TestGen.elaborate("counter", b -> {
            UInt c = b.reg("count", UInt.type(4), 0);
            c.set(c.addWrap(1));
            b.output("y", UInt.type(4)).set(c);
        });
    }

    @Test
    void unconnectedChildInputPointsAtTheInstance() {
        TestGen child = new TestGen(b -> b.output("o", UInt.type(4)).set(b.input("i", UInt.type(4))));
        AtomicInteger line = new AtomicInteger();
        Diagnostic d = only(b -> {
            line.set(here() + 1);
            Instance u = b.instance(child, "leaf", "u0");
            b.output("y", UInt.type(4)).set(u.port("o"));
        });
        assertEquals("[HDL-H01 UNCONNECTED_INPUT] module m: input 'i' of instance 'u0' (module leaf) is not connected"
                + at(line.get()), d.toString());
    }

    @Test
    void drivingAnInputPortInsideTheModuleIsAHierarchyViolation() {
        AtomicInteger line = new AtomicInteger();
        Diagnostic d = only(b -> {
            UInt a = b.input("a", UInt.type(4));
            b.output("y", UInt.type(4)).set(a);
            line.set(here() + 1);
            a.set(UInt.lit(3, 4));
        });
        assertEquals("[HDL-H02 HIERARCHY_VIOLATION] module m: input port 'a' of module m is driven by its parent and"
                + " cannot be assigned inside the module" + at(line.get()), d.toString());
    }

    @Test
    void usingAChildsInternalSignalInTheParentIsAHierarchyViolation() {
        AtomicReference<UInt> leaked = new AtomicReference<>();
        TestGen child = new TestGen(b -> {
            UInt i = b.input("i", UInt.type(4));
            leaked.set(b.named("inner", i.addWrap(1)));
            b.output("o", UInt.type(4)).set(leaked.get());
        });
        AtomicInteger line = new AtomicInteger();
        Diagnostic d = only(b -> {
            Instance u = b.instance(child, "leaf", "u0");
            u.<UInt>port("i").set(b.input("a", UInt.type(4)));
            UInt y = b.output("y", UInt.type(4));
            line.set(here() + 1);
            y.set(leaked.get());
        });
        assertEquals("[HDL-H02 HIERARCHY_VIOLATION] module m: value inner: UInt(4) belongs to module leaf and cannot"
                + " be used in module m" + at(line.get()), d.toString());
    }

    @Test
    void illegalAndDuplicateNames() {
        int[] lines = new int[3];
        List<Diagnostic> d = errors(b -> {
            lines[0] = here() + 1;
            UInt a = b.input("a", UInt.type(4));
            lines[1] = here() + 1;
            b.wire("a", UInt.type(4));
            lines[2] = here() + 1;
            b.output("2y", UInt.type(4)).set(a);
        });
        assertEquals(List.of(
                "[HDL-N01 NAME] module m: name 'a' is already used in module m" + at(lines[1], lines[0]),
                "[HDL-N01 NAME] module m: '2y' is not a legal name (letters, digits and _; not starting with a digit)"
                        + at(lines[2])),
                d.subList(0, 2).stream().map(Diagnostic::toString).toList());
    }

    @Test
    void everyProblemIsReportedInOneException() {
        HdlCheckException e = assertThrows(HdlCheckException.class, () -> TestGen.elaborate("many", b -> {
            Bool en = b.input("en", Bool.type());
            UInt a = b.input("a", UInt.type(8));
            b.output("y", UInt.type(8)).set(a.add(a));
            UInt z = b.output("z", UInt.type(8));
            b.when(en, () -> z.set(a));
            b.output("w", UInt.type(8));
        }));
        assertEquals(List.of(DiagnosticKind.WIDTH_MISMATCH, DiagnosticKind.LATCH, DiagnosticKind.UNDRIVEN),
                e.diagnostics().stream().map(Diagnostic::kind).toList());
        assertEquals(3, e.getMessage().split("\n").length - 1);
    }
}
