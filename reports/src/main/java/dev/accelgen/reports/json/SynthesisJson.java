package dev.accelgen.reports.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accelgen.reports.Metrics;
import dev.accelgen.reports.NetworkFigures;
import dev.accelgen.reports.data.BoardInfo;
import dev.accelgen.reports.data.ResourceModel;
import dev.accelgen.reports.data.Resources;
import dev.accelgen.reports.data.SynthModule;
import dev.accelgen.reports.data.Synthesis;

/**
 * {@code synthesis_resources.json}: Yosys counts of the whole design and of each module synthesized alone, the
 * share of the board budget each resource takes, whether it fits, and, when the build has a resource model, its
 * total beside Yosys's and the model's error ({@code (modelled - measured) / measured}, null where Yosys counted 0).
 */
public final class SynthesisJson {
    private SynthesisJson() {
    }

    public static ObjectNode of(Synthesis s, BoardInfo board, ResourceModel model) {
        ObjectNode o = JsonText.object();
        o.set("provenance", JsonText.tree(s.provenance()));
        o.put("board", board.name());
        o.put("part", board.part());
        o.set("budget", ResourcesJson.of(board.budget()));
        o.set("budget_provenance", JsonText.tree(board.provenance()));
        Resources total = s.top().resources();
        o.put("top", s.top().name());
        o.set("total", ResourcesJson.of(total));
        ObjectNode share = o.putObject("utilization");
        for (String k : Resources.KEYS) {
            if (board.budget().get(k) == 0) {
                share.putNull(k);
            } else {
                share.put(k, Metrics.ratio(total.get(k), board.budget().get(k)));
            }
        }
        o.put("fits", NetworkFigures.fits(total, board.budget()));
        if (model != null) {
            Resources modelled = model.total();
            o.set("modelled_total", ResourcesJson.of(modelled));
            o.set("modelled_provenance", JsonText.tree(model.provenance()));
            ObjectNode error = o.putObject("model_error");
            for (String k : Resources.KEYS) {
                if (total.get(k) == 0) {
                    error.putNull(k);
                } else {
                    error.put(k, Metrics.ratio(modelled.get(k) - total.get(k), total.get(k)));
                }
            }
        }
        o.set("cells", cells(s.top()));
        ArrayNode modules = o.putArray("modules");
        for (SynthModule m : s.modules()) {
            ObjectNode mo = modules.addObject();
            mo.put("name", m.name());
            mo.setAll(ResourcesJson.of(m.resources()));
            mo.set("cells", cells(m));
        }
        return o;
    }

    private static ObjectNode cells(SynthModule m) {
        ObjectNode c = JsonText.object();
        m.sortedCells().forEach(c::put);
        return c;
    }
}
