package dev.accelgen.reports.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accelgen.reports.NetworkFigures;
import dev.accelgen.reports.data.Block;
import dev.accelgen.reports.data.ContextPoint;
import dev.accelgen.reports.data.Layer;
import dev.accelgen.reports.data.LayerTable;
import dev.accelgen.reports.data.Performance;
import dev.accelgen.reports.data.ResourceModel;
import dev.accelgen.reports.data.Resources;
import dev.accelgen.reports.Metrics;

/**
 * The three estimate reports in FINN's vocabulary (finn.builder step_generate_estimate_reports):
 * {@code estimate_layer_cycles.json} maps each layer to its cycles; {@code estimate_layer_resources.json} maps each
 * hardware block to FINN's resource keys plus {@code FF}, with a {@code "total"} entry (our layers share blocks,
 * so blocks take the place of FINN's per-layer nodes; the efficiency keys are left out, nothing models them);
 * {@code estimate_network_performance.json} has FINN's keys and ours.
 */
public final class FinnJson {
    private FinnJson() {
    }

    public static ObjectNode layerCycles(LayerTable table) {
        ObjectNode o = JsonText.object();
        for (Layer l : table.layers()) {
            o.put(l.name(), l.cycles());
        }
        return o;
    }

    public static ObjectNode layerResources(ResourceModel model) {
        ObjectNode o = JsonText.object();
        for (Block b : model.blocks()) {
            o.set(b.name(), finnResources(b.resources()));
        }
        o.set("total", finnResources(model.total()));
        return o;
    }

    /**
     * FINN's keys: {@code critical_path_cycles} (the reference run: a sequential accelerator runs its layers one
     * after another, so this is the run's whole time), {@code max_cycles} and {@code max_cycles_node_name} (the
     * slowest layer of that run), {@code estimated_throughput_fps} (reference runs per second: decode tokens/s for
     * an LLM) and {@code estimated_latency_ns}; then ours, per layer ({@code layers}: utilization, operations per
     * off-chip byte and GOP/s achieved, derived from the layer figures) and over context lengths ({@code sweep}).
     */
    public static ObjectNode networkPerformance(NetworkFigures f, LayerTable layers, Performance perf) {
        ObjectNode o = JsonText.object();
        o.put("critical_path_cycles", f.criticalPathCycles());
        if (f.maxCycles() != null) {
            o.put("max_cycles", f.maxCycles());
            o.put("max_cycles_node_name", f.maxCyclesNodeName());
        }
        o.put("estimated_throughput_fps", f.throughputPerS());
        o.put("estimated_latency_ns", f.latencyNs());
        o.put("reference_run", f.referenceRun());
        o.put("clock_mhz", f.clockMhz());
        o.put("peak_gops", f.peakGops());
        o.put("ports_gbps", f.portsGbps());
        o.put("board_gbps", f.boardGbps());
        if (perf != null) {
            o.put("prompt_len", perf.promptLen());
            o.put("context", perf.context());
            o.put("prefill_cycles", perf.prefillCycles());
            o.put("prefill_ms", f.prefillMs());
            if (perf.hasDecode()) {
                o.put("decode_cycles", perf.decodeCycles());
                o.put("decode_tokens_per_s", f.decodeTokensPerS());
                if (perf.decodeOffchipBytes() != null) {
                    o.put("decode_offchip_bytes", perf.decodeOffchipBytes());
                    o.put("decode_gbps", f.decodeGbps());
                    o.put("bandwidth_utilization", f.bandwidthUtilization());
                    o.put("board_bandwidth_utilization", f.boardBandwidthUtilization());
                }
            }
            var sweep = o.putArray("sweep");
            for (ContextPoint p : perf.sweep()) {
                ObjectNode s = sweep.addObject();
                s.put("context", p.context());
                s.put("prefill_ms", Metrics.ms(p.prefillCycles(), f.clockMhz()));
                if (p.decodeCycles() != null) {
                    s.put("decode_tokens_per_s", Metrics.perSecond(p.decodeCycles(), f.clockMhz()));
                }
            }
        }
        if (f.fits() != null) {
            o.put("fits", f.fits());
        }
        if (layers != null) {
            var rows = o.putArray("layers");
            for (Layer l : layers.layers()) {
                ObjectNode r = rows.addObject();
                r.put("name", l.name());
                r.put("phase", l.phase());
                r.put("unit", l.unit());
                r.put("cycles", l.cycles());
                if (l.stallCycles() != null) {
                    r.put("stall_cycles", l.stallCycles());
                }
                r.put("macs", l.macs());
                r.put("offchip_bytes", l.offchipBytes());
                if (l.isMatrix()) {
                    r.put("utilization", Metrics.round(l.utilization()));
                    r.put("gops", Metrics.gops(l, f.clockMhz()));
                    if (l.offchipBytes() > 0) {
                        r.put("ops_per_byte", Metrics.intensity(l));
                    }
                }
            }
        }
        return o;
    }

    private static ObjectNode finnResources(Resources r) {
        ObjectNode o = JsonText.object();
        putNumber(o, "BRAM_18K", r.bram36() * 2);
        o.put("LUT", r.lut());
        o.put("URAM", r.uram());
        o.put("DSP", r.dsp());
        o.put("FF", r.ff());
        return o;
    }

    /** A whole number as an integer (FINN writes counts that way), anything else as a double. */
    static void putNumber(ObjectNode o, String key, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            o.put(key, (long) v);
        } else {
            o.put(key, v);
        }
    }
}
