package dev.accelgen.boards;

import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.model.BoardClock;
import dev.accelgen.boards.model.BoardPin;
import dev.accelgen.boards.model.MemoryGroup;
import dev.accelgen.boards.model.ResourceKind;
import dev.accelgen.boards.model.Resources;
import dev.accelgen.boards.model.Slr;

import java.util.Locale;

/** Human-readable board listings for {@code accelgen boards}; values marked '*' are unverified defaults. */
public final class BoardText {
    private BoardText() {
    }

    /** One line per board: name, part, flow, kernel clock. */
    public static String listLine(Board b) {
        return String.format(Locale.ROOT, "%-8s %-24s %-13s %4d MHz  %s", b.name(), b.part(), b.flow().key(),
                b.kernelClockMhz(), b.description());
    }

    public static String show(Board b) {
        StringBuilder s = new StringBuilder();
        s.append(b.name()).append("  ").append(b.description()).append('\n');
        row(s, "part", b.part());
        row(s, "board part", b.boardPart());
        row(s, "platform", b.platformName().orElse("-"));
        row(s, "flow", b.flow().key() + " (Vivado " + b.vivado().min()
                + (b.vivado().max() == null ? " or newer" : " to " + b.vivado().max()) + mark(b, "vivado.max") + ")");
        row(s, "kernel clock", b.kernelClockMhz() + " MHz" + mark(b, "kernel_clock_mhz"));
        if (b.processingSystem() != null) {
            var ps = b.processingSystem();
            row(s, "processor", String.format(Locale.ROOT, "%s control %s at 0x%X, memory %s, clock %s", ps.ip(),
                    ps.controlMaster(), ps.controlBase(), ps.memorySlave(), ps.fabricClock()));
        }
        row(s, "resources", resources(b, "resources", b.resources()));
        for (Slr slr : b.slrs()) {
            row(s, slr.name(), resources(b, "slrs." + slr.name(), slr.budget()));
        }
        for (BoardClock c : b.clocks()) {
            row(s, "clock", String.format(Locale.ROOT, "%s port %s pin %s%s %s %.3f MHz%s", c.name(), c.port(),
                    c.pinP(), c.differential() ? "/" + c.pinN() : "", c.iostandard(), c.mhz(),
                    c.dqsBias() ? " DQS_BIAS" : ""));
        }
        var r = b.reset();
        row(s, "reset", r.name() + " port " + r.port() + " pin " + r.pin() + " " + r.iostandard() + " active "
                + (r.activeLow() ? "low" : "high"));
        for (BoardPin p : b.pins()) {
            row(s, "pin", p.name() + " port " + p.port() + " pin " + p.pin() + " " + p.iostandard() + " "
                    + p.direction() + (p.tie() == null ? "" : " tie " + p.tie())
                    + (p.requiredInCustomShell() ? " (required in custom shells)" : ""));
        }
        for (MemoryGroup m : b.memories()) {
            String key = "memories." + m.name();
            row(s, "memory", String.format(Locale.ROOT, "%s %s %d x %d MiB%s, %.3f GB/s each%s%s%s", m.name(),
                    m.kind(), m.banks(), m.bankMib(), mark(b, key + ".bank_mib"), m.bankGbps(),
                    mark(b, key + ".bank_gbps"), m.slr() == null ? "" : ", " + m.slr(),
                    m.via() == null ? "" : ", via " + m.via()));
        }
        if (!b.unverified().isEmpty()) {
            s.append("* unverified (defaults to check on your board): ").append(String.join(", ", b.unverified()))
                    .append('\n');
        }
        return s.toString();
    }

    private static String resources(Board b, String prefix, Resources r) {
        StringBuilder s = new StringBuilder();
        for (ResourceKind k : ResourceKind.values()) {
            if (s.length() > 0) {
                s.append("  ");
            }
            s.append(k.name()).append(' ').append(r.get(k)).append(mark(b, prefix + "." + k.key()));
        }
        return s.toString();
    }

    private static String mark(Board b, String path) {
        return b.isUnverified(path) ? "*" : "";
    }

    private static void row(StringBuilder s, String key, String value) {
        s.append(String.format(Locale.ROOT, "  %-13s %s\n", key, value));
    }
}
