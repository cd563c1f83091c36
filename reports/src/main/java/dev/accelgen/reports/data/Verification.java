package dev.accelgen.reports.data;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * RTL against golden model ({@code verification.json}): {@code rtl} names the simulator (measured), {@code golden}
 * the model (modelled), both with the command of the whole run; {@code tools} the versions that ran
 * ("verilator": "Verilator 5.006 2023-01-22").
 */
public record Verification(Provenance rtl, Provenance golden, Map<String, String> tools, List<VerificationCase> cases) {
    public Verification {
        Check.present("rtl", rtl);
        Check.present("golden", golden);
        if (rtl.kind() != Provenance.Kind.MEASURED || golden.kind() != Provenance.Kind.MODELLED) {
            throw new IllegalArgumentException("rtl must be measured and golden modelled");
        }
        Check.present("tools", tools);
        tools.forEach((tool, version) -> Check.text("tools." + tool, version));
        tools = Map.copyOf(tools);
        cases = Check.uniqueList("cases", cases, VerificationCase::name);
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("cases is empty");
        }
    }

    public TreeMap<String, String> sortedTools() {
        return new TreeMap<>(tools);
    }

    public long failed() {
        return cases.stream().filter(c -> !c.passed()).count();
    }
}
