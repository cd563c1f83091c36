package dev.accelgen.reports.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * One RTL-versus-golden-model comparison: a unit configuration, an accelerator block, or the whole accelerator end
 * to end. {@code rtlCycles} come from Verilator (measured), {@code goldenCycles} from the golden model (modelled);
 * {@code mismatch} is the first mismatch ("" when it passed); {@code command} re-runs this case alone.
 */
public record VerificationCase(String name, Level level, boolean passed, long goldenCycles, long rtlCycles,
        long outputsCompared, long seed, String command, String mismatch) {
    public VerificationCase {
        Check.text("name", name);
        Check.present("level", level);
        Check.nonNegative("golden_cycles", goldenCycles);
        Check.nonNegative("rtl_cycles", rtlCycles);
        Check.nonNegative("outputs_compared", outputsCompared);
        Check.text("command", command);
        Check.present("mismatch", mismatch);
        if (passed && (!mismatch.isEmpty() || goldenCycles != rtlCycles)) {
            throw new IllegalArgumentException("case " + name + " passed but has a mismatch or unequal cycles");
        }
        if (!passed && mismatch.isBlank()) {
            throw new IllegalArgumentException("case " + name + " failed without saying where (mismatch)");
        }
    }

    public enum Level {
        UNIT, BLOCK, END_TO_END;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Level of(String label) {
            for (Level l : values()) {
                if (l.label().equals(label)) {
                    return l;
                }
            }
            throw new IllegalArgumentException("level '" + label + "' is unknown, must be unit, block or end_to_end");
        }
    }
}
