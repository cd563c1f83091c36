package dev.accelgen.sim.regress;

import dev.accelgen.errors.ConfigError;
import dev.accelgen.errors.OutputPathError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges the output directories of a suite's shards into one report. Problems that make the run incomplete
 * are listed in the report (and fail it): missing shards, cases a shard owned but never finished (they appear
 * as ERROR testcases), and duplicated cases (owned by two shards, or with results in two directories; the
 * first directory's result counts). Directories of different suites are an input error.
 */
public final class Merge {
    private Merge() {
    }

    private record Owner(String where, ShardManifest manifest, ShardManifest.OwnedCase owned) {
    }

    public static RunReport merge(List<Path> dirs) {
        List<ResultStore> stores = dirs.stream().map(ResultStore::existing).toList();
        Map<String, List<Owner>> owners = new LinkedHashMap<>();
        Set<String> hashes = new TreeSet<>();
        ShardManifest first = null;
        Map<Integer, Set<Integer>> shardsSeen = new LinkedHashMap<>();
        for (ResultStore s : stores) {
            for (ShardManifest m : s.shards()) {
                first = first == null ? m : first;
                hashes.add(m.suite() + " (hash " + m.suiteHash().substring(0, 12) + ")");
                shardsSeen.computeIfAbsent(m.shards(), n -> new TreeSet<>()).add(m.shard());
                String where = "shard " + m.shard() + "/" + m.shards() + " in " + s.dir();
                m.cases().forEach(c -> owners.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(new Owner(where, m, c)));
            }
        }
        if (first == null) {
            throw new OutputPathError(String.join(" ", dirs.stream().map(Path::toString).toList()),
                    "no shard-I-of-N.json: not the output of accelgen regress --out, or no shard started");
        }
        if (hashes.size() > 1) {
            throw new ConfigError("regress merge", "the directories hold results of different suites: " + String.join(", ", hashes));
        }
        String hash = first.suiteHash();
        List<String> problems = new ArrayList<>();
        Map<String, CaseResult> results = new LinkedHashMap<>();
        Map<String, List<String>> resultDirs = new LinkedHashMap<>();
        for (ResultStore s : stores) {
            for (CaseResult r : s.results().values()) {
                if (r.suiteHash().equals(hash) && owners.containsKey(r.id())) {
                    results.putIfAbsent(r.id(), r);
                    resultDirs.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(s.dir().toString());
                }
            }
        }
        missingShards(shardsSeen, owners.size(), first.suiteCases(), problems);
        for (Map.Entry<String, List<Owner>> e : owners.entrySet()) {
            Set<String> places = new LinkedHashSet<>();
            e.getValue().forEach(o -> places.add(o.where()));
            if (places.size() > 1 || resultDirs.getOrDefault(e.getKey(), List.of()).size() > 1) {
                places.addAll(resultDirs.getOrDefault(e.getKey(), List.of()).stream().map(d -> "a result in " + d).toList());
                problems.add("duplicated case " + e.getKey() + ": " + String.join(", ", places));
            }
        }
        List<CaseResult> merged = new ArrayList<>();
        int unfinished = 0;
        List<Map.Entry<String, List<Owner>>> inSuiteOrder = new ArrayList<>(owners.entrySet());
        inSuiteOrder.sort(Comparator.comparingInt(e -> e.getValue().get(0).owned().order()));
        for (Map.Entry<String, List<Owner>> e : inSuiteOrder) {
            CaseResult r = results.get(e.getKey());
            if (r == null) {
                unfinished++;
                r = unfinished(e.getValue().get(0), hash);
            }
            merged.add(r);
        }
        if (unfinished > 0) {
            problems.add(unfinished + " case(s) owned by a shard have no result (killed, failed or still running; "
                    + "re-run that shard with --resume)");
        }
        Suite suite = new Suite(first.suite(), first.ref(), hash, "", List.of());
        String shards = String.join("+", shardsSeen.keySet().stream().map(String::valueOf).toList());
        return new RunReport(suite, shards, merged, 0, problems);
    }

    private static void missingShards(Map<Integer, Set<Integer>> seen, int owned, int suiteCases, List<String> problems) {
        if (owned < suiteCases) {
            for (Map.Entry<Integer, Set<Integer>> e : seen.entrySet()) {
                for (int i = 1; i <= e.getKey(); i++) {
                    if (!e.getValue().contains(i)) {
                        problems.add("missing shard " + i + "/" + e.getKey() + " (no " + ShardManifest.fileName(new Shard(i, e.getKey())) + ")");
                    }
                }
            }
            problems.add((suiteCases - owned) + " of the suite's " + suiteCases + " cases belong to no shard that ran");
        }
    }

    private static CaseResult unfinished(Owner owner, String hash) {
        ShardManifest m = owner.manifest();
        String id = owner.owned().id();
        String summary = "ERROR no result: " + owner.where() + " did not finish this case";
        Suite suite = new Suite(m.suite(), m.ref(), hash, "", List.of());
        return new CaseResult(id, owner.owned().group(), "", CaseVerdict.Status.ERROR, summary, "",
                suite.reproduceCommand(id), 0, hash, m.shard() + "/" + m.shards(), null, new Workload(0, 0), null);
    }
}
