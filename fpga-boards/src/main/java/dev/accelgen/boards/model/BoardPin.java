package dev.accelgen.boards.model;

/**
 * A general-purpose board pin (LED, button, safety output).
 * {@code tie} is "low" or "high" when a shell must drive the pin to a constant (HBM_CATTRIP), otherwise null;
 * {@code requiredInCustomShell} marks pins every custom (non-platform) design must constrain and drive.
 */
public record BoardPin(String name, String port, String pin, String iostandard, String direction, String tie,
                       boolean requiredInCustomShell) {
    public BoardPin {
        Check.nonBlank("name", name);
        Check.port("port", port);
        Check.pin("pin", pin);
        Check.nonBlank("iostandard", iostandard);
        if (!"in".equals(direction) && !"out".equals(direction)) {
            throw new IllegalArgumentException("direction = '" + direction + "' is unknown, must be in or out");
        }
        if (tie != null && !"low".equals(tie) && !"high".equals(tie)) {
            throw new IllegalArgumentException("tie = '" + tie + "' is unknown, must be low, high or null");
        }
        if (tie != null && !"out".equals(direction)) {
            throw new IllegalArgumentException("tie = '" + tie + "' needs direction out, got " + direction);
        }
    }
}
