package dev.accelgen.pe.accel.isa;

import java.util.ArrayList;
import java.util.List;

/**
 * A program as readable text (what {@code accelgen program show} prints and {@code program.lst} holds),
 * and the assembler that reads it back: {@code #} starts a comment, an instruction line may start with its
 * index ({@code 12:}), which must then match its position.
 */
public final class Listing {
    private Listing() {
    }

    public static String write(Program p) {
        StringBuilder b = new StringBuilder();
        b.append("# accelgen program, ").append(p.instrs().size()).append(" instructions\n");
        b.append("# hw    ").append(p.hwHashHex()).append('\n');
        b.append("# model ").append(p.modelHashHex()).append('\n');
        for (int i = 0; i < p.instrs().size(); i++) {
            b.append(String.format("%5d: ", i)).append(InstrText.format(p.instrs().get(i))).append('\n');
        }
        return b.toString();
    }

    /** The instructions of a listing or hand-written assembly; errors name the line. */
    public static List<Instr> assemble(String text) {
        List<Instr> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().chars().allMatch(Character::isDigit)) {
                int idx = Integer.parseInt(line.substring(0, colon).strip());
                if (idx != out.size()) {
                    throw new IllegalArgumentException("line " + (ln + 1) + ": index " + idx + " but this is instruction "
                            + out.size());
                }
                line = line.substring(colon + 1).strip();
            }
            try {
                out.add(InstrText.parse(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (ln + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
