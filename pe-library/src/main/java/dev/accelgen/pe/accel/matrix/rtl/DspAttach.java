package dev.accelgen.pe.accel.matrix.rtl;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Instance;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.matrix.DspTiles;
import dev.accelgen.pe.accel.matrix.MatrixEngineConfig;
import dev.accelgen.pe.accel.matrix.UnitShape;
import dev.accelgen.pe.dsp.DspChain;
import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.dsp.Packing;
import java.util.ArrayList;
import java.util.List;

/**
 * DSP chain: the mode register is written every cycle with the next beat's mode; first/last travel beside the
 * chain for its latency; the lane sums are accumulated per lane (32-bit wrap, restarted by first) and a last
 * beat's sums are registered as row 0's fragment, an int4x4 chain's row 1 one cycle later.
 */
final class DspAttach implements UnitAttach {
    @Override
    public Fragment attach(ModuleBuilder b, MatrixEngineConfig c, IssueRtl.Beat beat) {
        DspChainConfig dc = ((MatrixUnitSpec.DspChain) c.spec()).config();
        UnitShape.Dsp sh = new UnitShape.Dsp(dc);
        DspTiles tiles = new DspTiles(dc);
        Packing pk = dc.packing();
        Instance u = b.instance(new DspChain(), dc, "unit");
        u.<Bool>port("in_valid").set(beat.valid());
        for (int a = 0; a < pk.activationPorts().size(); a++) {
            for (int i = 0; i < dc.window(); i++) {
                u.<Bits>port(pk.activationPorts().get(a) + "_" + i).set(beat.codes().get(a).get(i));
            }
        }
        for (int s = 0; s < dc.length(); s++) {
            for (int p = 0; p < sh.colsPerBlock(); p++) {
                u.<Bits>port(pk.weightPorts().get(sh.weightPortOf(p)) + "_" + s)
                        .set(MixPeAttach.field(beat.payload(), tiles.weightAt(s, p), pk.bits()));
            }
        }
        if (dc.sparse()) {
            for (int f = 0; f < dc.indexFields(); f++) {
                u.<Bits>port("idx_" + f).set(MixPeAttach.field(beat.payload(), tiles.indexAt(f), dc.indexBits()));
            }
            u.<Bool>port("cfg_valid").set(Bool.TRUE);
            u.<Bool>port("cfg_mode").set(beat.nextSparse());
        }
        Bool first = beat.first();
        Bool last = beat.last();
        for (int i = 0; i < dc.latency(); i++) {
            first = b.regNext("dsp_first_" + i, first, 0);
            last = b.regNext("dsp_last_" + i, last, 0);
        }
        Bool yValid = u.port("out_valid");
        List<SInt> accNext = new ArrayList<>();
        for (int lane = 0; lane < pk.lanes(); lane++) {
            SInt y = u.<Bits>port("y_" + lane).asSInt();
            SInt acc = b.regNoReset("dsp_acc_" + lane, SInt.type(DspChainConfig.RESULT_BITS));
            SInt next = b.named("dsp_acc_next_" + lane, first.select(y, acc.addWrap(y)));
            b.when(yValid, () -> acc.set(next));
            accNext.add(next);
        }
        Bool done = b.named("dsp_row_done", yValid.and(last));
        Bool pending = sh.rowsPerPass() > 1 ? b.regNext("dsp_row1_pending", done, 0) : Bool.FALSE;
        Bool fragValid = b.regNext("dsp_frag_valid", done.or(pending), 0);
        List<SInt> frag = new ArrayList<>();
        for (int p = 0; p < sh.colsPerBlock(); p++) {
            SInt row0 = accNext.get(sh.laneOf(0, p));
            SInt value = row0;
            if (sh.rowsPerPass() > 1) {
                SInt row1 = RtlOps.hold(b, "dsp_row1_" + p, done, accNext.get(sh.laneOf(1, p)));
                value = done.select(row0, row1);
            }
            frag.add(RtlOps.hold(b, "dsp_frag_" + p, done.or(pending), value));
        }
        return new Fragment(fragValid, frag);
    }
}
