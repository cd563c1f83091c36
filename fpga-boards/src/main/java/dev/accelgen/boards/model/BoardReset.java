package dev.accelgen.boards.model;

/** The board's push-button reset and its polarity (active high on ZCU104, active low on U280). */
public record BoardReset(String name, String port, String pin, String iostandard, boolean activeLow) {
    public BoardReset {
        Check.nonBlank("name", name);
        Check.port("port", port);
        Check.pin("pin", pin);
        Check.nonBlank("iostandard", iostandard);
    }
}
