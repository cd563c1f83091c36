package dev.accelgen.sim.progress;

import java.util.Locale;

/**
 * Whether stderr is a terminal, and how wide. Java cannot ask isatty(2), so the launcher tells it:
 * {@code ./accelgen} passes {@code -Daccelgen.terminal=true|false} from {@code [ -t 2 ]} and the width in
 * {@code -Daccelgen.columns}. {@code ACCELGEN_PROGRESS=lines|bar} overrides; without any of these, a console
 * attached to the process (stdin and stdout are terminals) counts as one. {@code TERM=dumb} always gets lines.
 */
final class Terminal {
    private Terminal() {
    }

    static ProgressConsole.Mode mode() {
        String forced = System.getenv("ACCELGEN_PROGRESS");
        if (forced != null && !forced.isBlank()) {
            return forced.trim().toLowerCase(Locale.ROOT).equals("bar") ? ProgressConsole.Mode.BAR : ProgressConsole.Mode.LINES;
        }
        if ("dumb".equals(System.getenv("TERM"))) {
            return ProgressConsole.Mode.LINES;
        }
        String told = System.getProperty("accelgen.terminal");
        boolean terminal = told != null ? Boolean.parseBoolean(told) : System.console() != null;
        return terminal ? ProgressConsole.Mode.BAR : ProgressConsole.Mode.LINES;
    }

    static int columns() {
        for (String v : new String[] {System.getProperty("accelgen.columns"), System.getenv("COLUMNS")}) {
            try {
                if (v != null && Integer.parseInt(v.trim()) > 0) {
                    return Integer.parseInt(v.trim());
                }
            } catch (NumberFormatException e) {
                // not a width: try the next source
            }
        }
        return 100;
    }
}
