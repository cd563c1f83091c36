package dev.accelgen.boards.model;

import java.util.Locale;

/** A board oscillator input. {@code pinN} is null for a single-ended clock. */
public record BoardClock(String name, String port, String pinP, String pinN, String iostandard, double mhz,
                         boolean dqsBias) {
    public BoardClock {
        Check.nonBlank("name", name);
        Check.port("port", port);
        Check.pin("p", pinP);
        if (pinN != null) {
            Check.pin("n", pinN);
        }
        Check.nonBlank("iostandard", iostandard);
        Check.positive("mhz", mhz);
    }

    public boolean differential() {
        return pinN != null;
    }

    /** The clock period in ns, printed the way XDC wants it (three decimals). */
    public String periodNs() {
        return String.format(Locale.ROOT, "%.3f", 1000.0 / mhz);
    }
}
