package dev.accelgen.sim.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.sim.Beat;
import dev.accelgen.sim.Fixtures;
import dev.accelgen.sim.MacGolden;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.verilator.BuildOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Yosys mutants of the mac fixture, one of each verdict, verified in one bundle build. */
class MutationRunTest {
    @Test
    void parsesModeAndSourceOfAYosysMutation() {
        Mutation m = Mutation.parse(7, "mutate -mode cnot1 -module mac_pipe -cell $procdff$47 -port Q -portbit 1"
                + " -ctrlbit 18 -wire out_acc -wirebit 1 -src /x/y/mac_pipe.v:15.31-15.38 -src /x/y/mac_pipe.v:32.5-56.8");
        assertEquals("cnot1", m.mode());
        assertEquals(List.of("/x/y/mac_pipe.v:15.31-15.38", "/x/y/mac_pipe.v:32.5-56.8"), m.sources());
        assertEquals("mac_pipe.v:15", m.location());
        assertEquals("-cell $procdff$47 -port Q -portbit 1 -ctrlbit 18 -wire out_acc -wirebit 1", m.target());
        assertEquals("output wire signed [31:0] out_acc", m.lineText(Fixtures.dir("mac"), 60));
    }

    /** Beats of non-negative products; {@code len} per vector, in_last on each vector's last beat. */
    private static Stimulus beats(int vectors, int len, int a, int b, long seed) {
        List<Beat> list = new ArrayList<>();
        for (int v = 0; v < vectors; v++) {
            for (int k = 0; k < len; k++) {
                list.add(new Beat(0, Fixtures.values("in_a", a, "in_b", b, "in_last", k == len - 1 ? 1 : 0)));
            }
        }
        return new Stimulus(List.of(new StreamStimulus("in", list)), seed, Fixtures.values("shift", 0), List.of());
    }

    private static Mutation pick(List<Mutation> all, String mode, String target, int id) {
        Mutation m = all.stream().filter(x -> x.mode().equals(mode) && x.command().contains(target)).findFirst()
                .orElseThrow(() -> new AssertionError("Yosys offers no " + mode + " mutation of " + target));
        return new Mutation(id, m.command(), m.mode(), m.sources());
    }

    @Test
    void killedSurvivedAndEquivalentMutants(@TempDir Path tmp) {
        Manifest mac = Fixtures.manifest("mac", "mac_pipe");
        List<Mutation> all = YosysMutator.list(mac, 100_000, 3, tmp);
        List<Mutation> chosen = List.of(
                // out_valid stuck at 0: no output at all
                pick(all, "const0", "-wire out_valid -wirebit 0 ", 0),
                // accumulator bit 20 stuck at 0: only sums of 2^20 and more see it
                pick(all, "const0", "-wire acc -wirebit 20 ", 1),
                // shift bit 3 stuck at 0: invisible while shift is 0
                pick(all, "const0", "-port B -portbit 3 -wire shift -wirebit 3 ", 2));
        YosysMutator.Mutants mutants = YosysMutator.write(mac, chosen, tmp.resolve("mutants"));
        StringWriter progress = new StringWriter();
        List<MutationRun.Result> r = MutationRun.run(mac, new MacGolden(0), beats(3, 4, 100, 90, 1),
                List.of(beats(1, 80, 127, 127, 2)), chosen, mutants,
                new MutationRun.Settings(4, BuildOptions.DEFAULT, new PrintWriter(progress, true)));
        assertEquals(MutantVerdict.KILLED, r.get(0).verdict());
        assertEquals("FAIL first mismatch at cycle 6 stream out port out_acc: expected 36000 actual none (seed 1)",
                r.get(0).reason());
        assertEquals(MutantVerdict.SURVIVED, r.get(1).verdict());
        assertTrue(r.get(1).reason().startsWith("FAIL first mismatch"), r.get(1).reason());
        assertEquals(MutantVerdict.EQUIVALENT_SUSPECTED, r.get(2).verdict());
        assertEquals("", r.get(2).reason());
        assertTrue(progress.toString().contains("[mutation] m2 const0 equivalent-suspected"), progress.toString());
    }
}
