package dev.accelgen.compiler.backend.plan;

import dev.accelgen.compiler.backend.lir.Projection;
import dev.accelgen.compiler.quant.Scheme;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.matrix.UnitShape;
import dev.accelgen.pe.dsp.Sparsity;

/**
 * Which matrix units can run a projection bit-exactly: the unit kind its scheme calls for, with the scheme's
 * weight and activation formats (a MixPE unit's group is the projection's), and the projection's activation code
 * range equal to the unit's.
 * <ul>
 *   <li>{@code w{2,3,4,8}a{8,16}}: a MixPE unit of those bits and the projection's group;</li>
 *   <li>{@code ternary}: a ternary (BitLinear) unit;</li>
 *   <li>{@code int8}: a DSP chain with 8-bit packing (in dense mode) or a signed 8-bit systolic array;</li>
 *   <li>{@code int8-N:M}: a DSP chain with 8-bit packing and N:M sparsity (in sparse mode).</li>
 * </ul>
 */
public final class UnitMatch {
    private UnitMatch() {
    }

    public static boolean serves(MatrixUnitSpec u, Projection p) {
        if (!UnitShape.of(u).codes().equals(p.codes())) {
            return false;
        }
        Scheme s = p.scheme();
        if (s instanceof Scheme.MixPe m) {
            return u instanceof MatrixUnitSpec.MixPe x && x.config().wBits() == m.wBits() && x.config().aType() == m.act()
                    && x.config().group() == p.group();
        }
        if (s instanceof Scheme.Ternary) {
            return u instanceof MatrixUnitSpec.Ternary;
        }
        Scheme.Int8 i = (Scheme.Int8) s;
        if (u instanceof MatrixUnitSpec.DspChain d) {
            boolean int8 = d.config().packing().bits() == 8;
            return int8 && (!i.sparse() || d.config().sparsity().equals(new Sparsity.NOfM(i.n(), i.m())));
        }
        return !i.sparse() && u instanceof MatrixUnitSpec.Systolic y && y.config().signed() && y.config().aBits() == 8
                && y.config().wBits() == 8;
    }

    /** Whether the MM runs the unit in its sparse mode (int8 N:M on a sparse DSP chain). */
    public static boolean sparse(Projection p) {
        return p.scheme() instanceof Scheme.Int8 i && i.sparse();
    }

    /** The unit a projection needs, in words: "a mixpe unit (w4a8, group 32)". */
    public static String need(Projection p) {
        Scheme s = p.scheme();
        if (s instanceof Scheme.MixPe) {
            return "a mixpe unit (" + s.label() + ", group " + p.group() + ")";
        }
        if (s instanceof Scheme.Ternary) {
            return "a ternary unit (activations " + p.codes().lo() + ".." + p.codes().hi() + ")";
        }
        Scheme.Int8 i = (Scheme.Int8) s;
        return i.sparse() ? "a dsp-chain unit with 8-bit packing and sparsity " + i.n() + ":" + i.m()
                : "a dsp-chain unit with 8-bit packing or a signed int8 systolic unit";
    }
}
