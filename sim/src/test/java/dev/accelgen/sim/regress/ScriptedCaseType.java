package dev.accelgen.sim.regress;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only case type whose verdicts the suite dictates, without Verilator:
 * {@code {"type": "scripted", "group": "alpha", "count": 6, "fail": [1], "error": [3]}} gives cases
 * {@code alpha/c0..c5}; c1 fails, a batch holding c3 throws (so c3 alone ends as ERROR). Case i's workload is
 * {@code (i % 3 + 1) * 10} KB. Every case that runs appends its id to {@code log}; the {@code blockAt}-th case
 * to run (1-based, 0 = never) blocks forever, so a test can kill the process mid-run.
 */
final class ScriptedCaseType implements CaseType<ScriptedCaseType.Scripted> {
    record Scripted(String id, String group, CaseVerdict.Status verdict, long bytes) implements RegressCase {
        @Override
        public String describe() {
            return "scripted " + verdict;
        }
    }

    private final Path log;
    private final int batchLimit;
    private final int blockAt;
    private final AtomicInteger started = new AtomicInteger();

    ScriptedCaseType(Path log, int batchLimit, int blockAt) {
        this.log = log;
        this.batchLimit = batchLimit;
        this.blockAt = blockAt;
    }

    static CaseTypes types(Path log, int batchLimit) {
        return CaseTypes.of(List.of(new ScriptedCaseType(log, batchLimit, 0)));
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public Class<Scripted> caseClass() {
        return Scripted.class;
    }

    @Override
    public List<Scripted> expand(SuiteEntry entry) {
        entry.allowOnly(Set.of("group", "count", "fail", "error"));
        String group = entry.string("group");
        int count = (int) entry.integer("count", 1, 1000);
        List<Scripted> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CaseVerdict.Status v = contains(entry, "fail", i) ? CaseVerdict.Status.FAIL
                    : contains(entry, "error", i) ? CaseVerdict.Status.ERROR : CaseVerdict.Status.PASS;
            out.add(new Scripted(group + "/c" + i, group, v, (i % 3 + 1) * 10_000L));
        }
        return out;
    }

    private static boolean contains(SuiteEntry e, String key, int i) {
        for (JsonNode n : e.json().path(key)) {
            if (n.asInt() == i) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int batchLimit() {
        return batchLimit;
    }

    @Override
    public Workload workload(Scripted c) {
        return new Workload(c.bytes(), 0);
    }

    @Override
    public BatchOutcome run(List<Scripted> batch, RunContext context) {
        List<CaseVerdict> verdicts = new ArrayList<>();
        if (batch.size() > 1 && batch.stream().anyMatch(c -> c.verdict() == CaseVerdict.Status.ERROR)) {
            throw new IllegalStateException("bundle build failed");
        }
        for (Scripted c : batch) {
            append(c.id());
            if (started.incrementAndGet() == blockAt) {
                block();
            }
            verdicts.add(switch (c.verdict()) {
                case PASS -> CaseVerdict.pass("PASS outputs=1");
                case FAIL -> CaseVerdict.fail("FAIL first mismatch at cycle 3 stream out port y: expected 1 actual 2 (seed 7)",
                        "cycle 3: y");
                case ERROR -> throw new IllegalStateException("harness crashed\nsecond line");
            });
        }
        return new BatchOutcome(verdicts, 0.5, false);
    }

    private void append(String id) {
        try {
            Files.writeString(log, id + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void block() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
