package dev.accelgen.pe.accel.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects the {@link CoreEvent}s of a run (data mode); disabled in timing-only runs, where nothing is kept. */
public final class EventLog {
    private final boolean enabled;
    private final List<CoreEvent> events = new ArrayList<>();

    public EventLog(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    public void add(CoreEvent e) {
        if (enabled) {
            events.add(e);
        }
    }

    public List<CoreEvent> events() {
        return Collections.unmodifiableList(events);
    }
}
