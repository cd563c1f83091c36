package dev.accelgen.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.dsp.DspChain;
import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.dsp.Packing;
import dev.accelgen.pe.dsp.Sparsity;
import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MixPeKind;
import dev.accelgen.pe.mlgru.MlgruConfig;
import dev.accelgen.pe.mlgru.MlgruKind;
import dev.accelgen.pe.rmsnorm.RmsNormConfig;
import dev.accelgen.pe.rmsnorm.RmsNormKind;
import dev.accelgen.pe.ternary.TernaryConfig;
import dev.accelgen.pe.ternary.TernaryKind;
import dev.accelgen.sim.Acceptance;
import dev.accelgen.sim.Beat;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.bundle.Bundle;
import dev.accelgen.sim.bundle.BundleVerifier;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.verilator.BuildOptions;
import dev.accelgen.sim.verilator.RtlRun;
import dev.accelgen.sim.verilator.RunLimits;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code latency()} figures are shared by golden models and (for the DSP chain's valid pipeline, the RMSNorm
 * emit state) generators, so {@code pe verify} cannot catch a wrong one. Here each unit's RTL runs ONE work item
 * in Verilator and the cycles from the acceptance of the item's last beat to its first output are measured; they
 * must equal the register stages counted by hand from the unit's pipeline (the comment of each case) and the
 * config's figure. The DSP chains' outputs must also carry the hand-computed dot products, which pins the data
 * path to the same latency as the valid pipeline built from {@code latency()}.
 */
class LatencyProbeTest {
    private record Probe(String what, Manifest unit, Stimulus stimulus, int expected, int configured) {
    }

    private static Stimulus firstItem(Stimulus s, int beats) {
        List<Beat> in = s.stream("in").beats();
        return new Stimulus(List.of(new StreamStimulus("in", in.subList(0, beats))), s.seed());
    }

    private static int beatsUntilLast(Stimulus s) {
        List<Beat> in = s.stream("in").beats();
        int k = 0;
        while (in.get(k).values().get("in_last").signum() == 0) {
            k++;
        }
        return k + 1;
    }

    private static <C extends Record> Manifest emit(UnitKind<C> kind, C c, Path dir) {
        return ManifestReader.read(Hdl.elaborate(kind.generator(), c).emit(dir));
    }

    private static Map<String, BigInteger> chainBeat(DspChainConfig c, int[] w0, int[] w1, int[] idx) {
        Map<String, BigInteger> v = new LinkedHashMap<>();
        for (int i = 0; i < c.window(); i++) {
            v.put("x_" + i, BigInteger.valueOf(i + 1));
        }
        for (int k = 0; k < c.length(); k++) {
            v.put(c.packing().weightPorts().get(0) + "_" + k, BigInteger.valueOf(w0[k] & 0xFF));
            if (w1 != null) {
                v.put(c.packing().weightPorts().get(1) + "_" + k, BigInteger.valueOf(w1[k] & 0xFF));
            }
        }
        for (int f = 0; f < idx.length; f++) {
            v.put("idx_" + f, BigInteger.valueOf(idx[f]));
        }
        return v;
    }

    @Test
    void firstOutputOfOneWorkItemComesAfterTheHandCountedStages(@TempDir Path tmp) {
        List<Probe> probes = new ArrayList<>();
        TernaryKind ternary = new TernaryKind();
        for (var p : List.of(dev.accelgen.pe.ternary.Packing.TWO_BIT, dev.accelgen.pe.ternary.Packing.BASE3)) {
            TernaryConfig c = new TernaryConfig(3, 8, p);
            Stimulus s = ternary.randomStimulus(c, 1, 3);
            // adder-tree register, output register; base-3 adds the decode register in front
            probes.add(new Probe("ternary " + p, emit(ternary, c, tmp.resolve("t" + p)), firstItem(s, beatsUntilLast(s)),
                    p == dev.accelgen.pe.ternary.Packing.BASE3 ? 3 : 2, c.latency()));
        }
        MixPeKind mixpe = new MixPeKind();
        for (ActType t : List.of(ActType.INT8, ActType.FP16)) {
            MixPeConfig c = new MixPeConfig(4, t, 2, 2);
            Stimulus s = mixpe.randomStimulus(c, 1, 4);
            // dot/act-sum, zero-point correction, dequantizing product, output register; fp16 adds the alignment
            probes.add(new Probe("mixpe " + t, emit(mixpe, c, tmp.resolve("m" + t)), firstItem(s, beatsUntilLast(s)),
                    t == ActType.FP16 ? 5 : 4, c.latency()));
        }
        MlgruKind mlgru = new MlgruKind();
        MlgruConfig g = new MlgruConfig(1, 2);
        // gates, state update, output gate
        probes.add(new Probe("mlgru", emit(mlgru, g, tmp.resolve("g")), firstItem(mlgru.randomStimulus(g, 1, 5), 1), 3,
                g.latency()));
        RmsNormKind rms = new RmsNormKind();
        RmsNormConfig r = new RmsNormConfig(4, 2, 1);
        // after the last beat: mean square, five compute states (normalize, table, three Newton products), first
        // scaled beat into the output register
        probes.add(new Probe("rmsnorm", emit(rms, r, tmp.resolve("r")), firstItem(rms.randomStimulus(r, 1, 6), r.beats()),
                7, r.firstOutputLatency()));
        DspChainConfig dense = new DspChainConfig(8, Packing.INT8X2, new Sparsity.Dense());
        int[] ones = {1, 1, 1, 1, 1, 1, 1, 1};
        int[] minusOnes = {-1, -1, -1, -1, -1, -1, -1, -1};
        // segment of 7: 6 skew registers, A/D, AD, M, P, output register
        probes.add(new Probe("dsp-chain int8x2 dense", ManifestReader.read(Hdl.elaborate(new DspChain(), dense)
                .emit(tmp.resolve("d"))), new Stimulus(List.of(new StreamStimulus("in",
                List.of(new Beat(0, chainBeat(dense, ones, minusOnes, new int[0]))))), 7), 11, dense.latency()));
        DspChainConfig block = new DspChainConfig(4, Packing.NONE, Sparsity.parse("block:2"));
        // 3 skew registers, A/B, M, P, output register; the mode write lands one cycle before the beat
        probes.add(new Probe("dsp-chain block:2", ManifestReader.read(Hdl.elaborate(new DspChain(), block)
                .emit(tmp.resolve("b"))), new Stimulus(List.of(new StreamStimulus("in",
                List.of(new Beat(1, chainBeat(block, new int[] {1, 2, 3, 4}, null, new int[] {3, 1})))),
                new StreamStimulus("cfg", List.of(new Beat(0, Map.of("cfg_mode", BigInteger.ONE))))), 8), 7, block.latency()));

        // RMSNorm again with two vectors offered back to back: the second waits out the busy cycles
        List<Beat> twoVectors = rms.randomStimulus(r, 2, 7).stream("in").beats().stream()
                .map(b -> new Beat(0, b.values())).toList();
        List<Manifest> units = new ArrayList<>(probes.stream().map(Probe::unit).toList());
        units.add(probes.get(5).unit());
        List<Stimulus> stimuli = new ArrayList<>(probes.stream().map(Probe::stimulus).toList());
        stimuli.add(new Stimulus(List.of(new StreamStimulus("in", twoVectors)), 7));

        Bundle bundle = Bundle.of(units);
        RtlRun run = BundleVerifier.build(bundle, BuildOptions.DEFAULT).run(bundle.merge(stimuli),
                RunLimits.DEFAULT.atLeast(200));
        for (int u = 0; u < probes.size(); u++) {
            Probe p = probes.get(u);
            RtlRun mine = bundle.split(run, u);
            int lastBeat = p.stimulus().stream("in").beats().size() - 1;
            long accepted = mine.acceptances().stream().filter(a -> a.stream().equals("in") && a.beat() == lastBeat)
                    .findFirst().orElseThrow().cycle();
            long measured = mine.trace().events().get(0).cycle() - accepted;
            assertEquals(p.expected(), measured, p.what() + ": cycles from the last beat to the first output");
            assertEquals(p.expected(), p.configured(), p.what() + ": latency() against the RTL");
        }
        List<Acceptance> busy = bundle.split(run, probes.size()).acceptances();
        // mean square, five compute states, then the two output beats leave before the next vector enters
        assertEquals(8, busy.get(r.beats()).cycle() - busy.get(r.beats() - 1).cycle(), "rmsnorm busy cycles");
        assertEquals(8, r.busyCycles());
        OutputEvent chain = bundle.split(run, 6).trace().events().get(0);
        // lane 0 is wl (-1 each): -(1 + ... + 8); lane 1 is wh (+1 each)
        assertEquals(BigInteger.valueOf((1L << 32) - 36), chain.values().get("y_0"));
        assertEquals(BigInteger.valueOf(36), chain.values().get("y_1"));
        // block sparse: 1*x6 + 2*x7 + 3*x2 + 4*x3 with x_i = i + 1
        assertEquals(BigInteger.valueOf(48), bundle.split(run, 7).trace().events().get(0).values().get("y_0"));
    }
}
