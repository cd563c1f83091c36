package dev.accelgen.boards.shell;

import dev.accelgen.boards.kernel.KernelSpec;
import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Instance;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.Ports;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Val;
import dev.accelgen.hdl.Vec;
import dev.accelgen.hdl.ir.ClockDomain;
import dev.accelgen.pe.systolic.SystolicArray;

import java.util.ArrayList;
import java.util.List;

/**
 * A complete accelerator with the standard kernel interface: the pe-library systolic array behind a loader that
 * reads A and B through the AXI4 read engine into registers, streams them into the array (column k of A and
 * row k of B per beat), collects C from the column outputs and writes it back through the write engine.
 * Ports: ap_clk, ap_rst_n (active low), s_axi_control_*, m_axi_gmem_* and {@code interrupt} (Vitis RTL kernel rules).
 */
public final class GemmKernel implements ModuleGen<GemmKernelConfig> {
    public static final List<String> ARGS = List.of("a", "b", "c");

    private enum State { IDLE, READ_A, WAIT_A, READ_B, WAIT_B, FEED, DRAIN, WRITE, WAIT_C, DONE }

    @Override
    public String moduleName(GemmKernelConfig c) {
        return "gemm_r" + c.rows() + "_c" + c.cols() + "_k" + c.k() + "_d" + c.dataBits() + "_b" + c.maxBurst()
                + "_o" + c.maxOutstanding();
    }

    @Override
    public void build(ModuleBuilder b, GemmKernelConfig c) {
        b.withDomain(ClockDomain.vitis(), () -> body(b, c));
    }

    private static UInt lit(State s) {
        return UInt.lit(s.ordinal(), 4);
    }

    private static void body(ModuleBuilder b, GemmKernelConfig c) {
        ControlConfig cc = new ControlConfig(ARGS);
        AxiEngineConfig ec = c.engine();
        Ports control = b.ports("s_axi_control", AxiBundles.liteSlave(cc.addrBits()));
        Ports gmemRead = b.ports("m_axi_gmem", AxiBundles.readMaster(c.dataBits()));
        Ports gmemWrite = b.ports("m_axi_gmem", AxiBundles.writeMaster(c.dataBits()));
        Bool irq = b.output(KernelSpec.INTERRUPT, Bool.type());
        b.attribute(b.clock(), "X_INTERFACE_PARAMETER", "ASSOCIATED_BUSIF s_axi_control:m_axi_gmem, ASSOCIATED_RESET ap_rst_n");

        Instance ctrl = b.instance(new AxiLiteControl(), cc, "control");
        Instance rd = b.instance(new AxiReadEngine(), ec, "reader");
        Instance wr = b.instance(new AxiWriteEngine(), ec, "writer");
        Instance array = b.instance(new SystolicArray(), c.array(), "array");
        b.connect(control, ctrl.ports("s_axi_control", AxiBundles.liteSlave(cc.addrBits())));
        b.connect(gmemRead, rd.ports("m", AxiBundles.readMaster(c.dataBits())));
        b.connect(gmemWrite, wr.ports("m", AxiBundles.writeMaster(c.dataBits())));
        irq.set(ctrl.port("irq"));
        b.attribute(irq, "X_INTERFACE_INFO", "xilinx.com:signal:interrupt:1.0 " + KernelSpec.INTERRUPT + " INTERRUPT");
        b.attribute(irq, "X_INTERFACE_PARAMETER", "SENSITIVITY LEVEL_HIGH");

        UInt state = b.reg("state", UInt.type(4), State.IDLE.ordinal());
        Bool apStart = ctrl.port("ap_start");
        ctrl.<Bool>port("ap_idle").set(state.eq(lit(State.IDLE)));
        ctrl.<Bool>port("ap_done").set(state.eq(lit(State.DONE)));
        ctrl.<Bool>port("ap_ready").set(state.eq(lit(State.DONE)));
        ctrl.<UInt>port("status").set(Bits.cat(wr.port("error"), rd.port("error")).asUInt());

        // ---- reading A then B: word i of a buffer lands in bytes n*i..n*i+n-1 of its register file ----
        int countBits = ec.countBits();
        UInt rdIndex = b.reg("rd_index", UInt.type(countBits), 0);
        Bool readingA = b.named("reading_a", state.eq(lit(State.WAIT_A)));
        Bool readingB = b.named("reading_b", state.eq(lit(State.WAIT_B)));
        rd.<Bool>port("cmd_valid").set(state.eq(lit(State.READ_A)).or(state.eq(lit(State.READ_B))));
        rd.<UInt>port("cmd_addr").set(state.eq(lit(State.READ_A)).select(ctrl.<UInt>port("arg_a"), ctrl.<UInt>port("arg_b")));
        rd.<UInt>port("cmd_words").set(state.eq(lit(State.READ_A))
                .select(UInt.lit(c.aWords(), countBits), UInt.lit(c.bWords(), countBits)));
        Bool rdValid = rd.port("data_valid");
        UInt rdData = rd.port("data");
        b.when(rdValid, () -> rdIndex.set(rdIndex.addWrap(1)))
                .elseWhen(state.eq(lit(State.READ_A)).or(state.eq(lit(State.READ_B))), () -> rdIndex.set(0));
        List<Bits> aBytes = byteRegisters(b, "a_mem", c.rows() * c.k(), c.wordBytes(), readingA.and(rdValid), rdIndex, rdData);
        List<Bits> bBytes = byteRegisters(b, "b_mem", c.k() * c.cols(), c.wordBytes(), readingB.and(rdValid), rdIndex, rdData);

        // ---- feeding the array: beat kk carries A[r][kk] for every row and B[kk][col] for every column ----
        int kBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(c.k() - 1));
        UInt kk = b.reg("k_index", UInt.type(kBits), 0);
        Bool feeding = b.named("feeding", state.eq(lit(State.FEED)));
        Bool lastBeat = b.named("last_beat", kk.eq(c.k() - 1));
        array.<Bool>port("in_valid").set(feeding);
        array.<Bool>port("in_first").set(kk.eq(0));
        array.<Bool>port("in_last").set(lastBeat);
        Bool fire = b.named("feed_fire", feeding.and(array.port("in_ready")));
        for (int r = 0; r < c.rows(); r++) {
            List<Bits> row = new ArrayList<>();
            for (int j = 0; j < c.k(); j++) {
                row.add(aBytes.get(r * c.k() + j));
            }
            array.<Bits>port("a_" + r).set(new Vec<>(row).read(kk));
        }
        for (int col = 0; col < c.cols(); col++) {
            List<Bits> column = new ArrayList<>();
            for (int j = 0; j < c.k(); j++) {
                column.add(bBytes.get(j * c.cols() + col));
            }
            array.<Bits>port("b_" + col).set(new Vec<>(column).read(kk));
        }
        b.when(fire, () -> kk.set(lastBeat.select(UInt.lit(0, kBits), kk.addWrap(1))));

        // ---- collecting C: column col delivers rows 0, 1, ... in order ----
        int rowBits = 32 - Integer.numberOfLeadingZeros(c.rows());
        List<UInt> results = new ArrayList<>();
        for (int i = 0; i < c.rows() * c.cols(); i++) {
            results.add(null);
        }
        List<Bool> columnDone = new ArrayList<>();
        Bool starting = b.named("starting", state.eq(lit(State.IDLE)).and(apStart));
        for (int col = 0; col < c.cols(); col++) {
            UInt seen = b.reg("c_rows_" + col, UInt.type(rowBits), 0);
            Bool valid = array.port("out_valid_" + col);
            Bits value = array.port("out_" + col);
            b.when(starting, () -> seen.set(0)).elseWhen(valid, () -> seen.set(seen.addWrap(1)));
            for (int r = 0; r < c.rows(); r++) {
                UInt word = b.regNoReset("c_mem_" + r + "_" + col, UInt.type(32));
                int rr = r;
                b.when(valid.and(seen.eq(rr)), () -> word.set(value.asUInt()));
                results.set(r * c.cols() + col, word);
            }
            columnDone.add(seen.eq(c.rows()));
        }
        Bool allCollected = columnDone.stream().reduce(Bool::and).orElseThrow();

        // ---- writing C: bus word w carries results n*w..n*w+n-1, the first in the low bits (little endian) ----
        int n = c.resultsPerWord();
        List<UInt> cWords = new ArrayList<>();
        for (int w = 0; w < c.cWords(); w++) {
            Val[] parts = new Val[n];
            for (int j = 0; j < n; j++) {
                parts[n - 1 - j] = results.get(w * n + j);
            }
            cWords.add(n == 1 ? results.get(w) : Bits.cat(parts).asUInt());
        }
        wr.<Bool>port("cmd_valid").set(state.eq(lit(State.WRITE)));
        wr.<UInt>port("cmd_addr").set(ctrl.<UInt>port("arg_c"));
        wr.<UInt>port("cmd_words").set(UInt.lit(c.cWords(), countBits));
        wr.<UInt>port("word_data").set(new Vec<>(cWords).read(wr.port("word_index")));

        // ---- sequence ----
        Bool rdBusy = rd.port("busy");
        Bool wrBusy = wr.port("busy");
        b.switchOn(state)
                .is(State.IDLE.ordinal(), () -> b.when(apStart, () -> state.set(lit(State.READ_A))))
                .is(State.READ_A.ordinal(), () -> state.set(lit(State.WAIT_A)))
                .is(State.WAIT_A.ordinal(), () -> b.when(rdBusy.not(), () -> state.set(lit(State.READ_B))))
                .is(State.READ_B.ordinal(), () -> state.set(lit(State.WAIT_B)))
                .is(State.WAIT_B.ordinal(), () -> b.when(rdBusy.not(), () -> state.set(lit(State.FEED))))
                .is(State.FEED.ordinal(), () -> b.when(fire.and(lastBeat), () -> state.set(lit(State.DRAIN))))
                .is(State.DRAIN.ordinal(), () -> b.when(allCollected, () -> state.set(lit(State.WRITE))))
                .is(State.WRITE.ordinal(), () -> state.set(lit(State.WAIT_C)))
                .is(State.WAIT_C.ordinal(), () -> b.when(wrBusy.not(), () -> state.set(lit(State.DONE))))
                .otherwise(() -> state.set(lit(State.IDLE)));
    }

    /** {@code n} byte registers; word {@code index} of the incoming data fills bytes wb*index.. (little endian). */
    private static List<Bits> byteRegisters(ModuleBuilder b, String name, int n, int wordBytes, Bool enable, UInt index,
                                            UInt data) {
        List<Bits> bytes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Bits reg = b.regNoReset(name + "_" + i, Bits.type(8));
            int lane = i % wordBytes;
            int word = i / wordBytes;
            b.when(enable.and(index.eq(word)), () -> reg.set(data.slice(8 * lane + 7, 8 * lane).asBits()));
            bytes.add(reg);
        }
        return bytes;
    }
}
